"""Fixtures of the runtime tests: a scripted server on 127.0.0.1, an `Orq` client pointed at it,
and a recorder of the retry loop's sleeps."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from orq_ai_sdk import BackoffStrategy, Orq, RetryConfig

from .scripted_server import ScriptedServer

#: Small, exact intervals (no jitter) so that tests can predict each delay.
FAST_RETRIES = RetryConfig(
    backoff=BackoffStrategy(
        initial_interval=10, max_interval=200, exponent=2, max_elapsed_time=10_000, jitter=0
    ),
    status_codes=(429, "5XX"),
)

CHAT_REPLY = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1700000000,
    "model": "openai/gpt-4o",
    "choices": [
        {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "Hello!"}}
    ],
}
IMAGE_REPLY = {"created": 1700000000, "data": [{"url": "https://example.com/a.png"}]}


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    srv = ScriptedServer()
    yield srv
    srv.close()


@pytest.fixture
def orq(server: ScriptedServer) -> Iterator[Orq]:
    client = Orq(api_key="test-key", server_url=server.url, retry_config=FAST_RETRIES)
    yield client
    client.close()


class SleepRecorder:
    """Replaces the retry loop's sleeps; records each delay in ms and sleeps for real unless told not to."""

    def __init__(self, real: bool) -> None:
        self.delays_ms: list[float] = []
        self.real = real

    def sleep(self, seconds: float) -> None:
        self.delays_ms.append(seconds * 1000)
        if self.real:
            time.sleep(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.delays_ms.append(seconds * 1000)
        if self.real:
            await asyncio.sleep(seconds)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> SleepRecorder:
    from orq_ai_sdk import _client

    recorder = SleepRecorder(real=True)
    monkeypatch.setattr(_client, "sleep", recorder.sleep)
    monkeypatch.setattr(_client, "async_sleep", recorder.async_sleep)
    return recorder


def busy_connections(client: httpx.Client | httpx.AsyncClient | None) -> int:
    """Connections of the client's pool that a response still holds (not idle, not closed)."""
    if client is None:
        return 0
    pool: Any = client._transport._pool  # type: ignore[union-attr]
    return sum(1 for c in pool.connections if not (c.is_idle() or c.is_closed())) + len(
        pool._requests
    )


def assert_nothing_left_open(orq: Orq, server: ScriptedServer) -> None:
    """No response holds a connection; and once the SDK closes its client, the server sees every socket closed."""
    assert busy_connections(orq._config.client) == 0
    orq.close()
    assert server.wait_closed() == 0, (
        f"{server.open_connections} connection(s) still open on the server"
    )
