"""`timeout_ms` bounds a whole attempt (a body trickled byte by byte included), sync and async,
against the scripted server; for event streams it bounds the time to the first event."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest
from orq_ai_sdk import Orq, models

from .conftest import CHAT_REPLY, IMAGE_REPLY, SleepRecorder, assert_nothing_left_open
from .scripted_server import ScriptedServer, Step

MESSAGES = [{"role": "user", "content": "Hi"}]
TRICKLE = 0.5  # seconds between the bytes of a trickled body
SSE = {"content-type": "text/event-stream"}


def trickled(body: bytes) -> list[bytes]:
    """The body one byte at a time: at `TRICKLE` per byte it takes far longer than any timeout here."""
    return [body[i : i + 1] for i in range(len(body))]


def event(text: str) -> bytes:
    chunk = {
        **CHAT_REPLY,
        "object": "chat.completion.chunk",
        "choices": [{"index": 0, "finish_reason": None, "delta": {"content": text}}],
    }
    return f"data: {json.dumps(chunk)}\n\n".encode()


def images(orq: Orq, is_async: bool, **options: Any) -> Any:
    """`orq.router.images_generate`, sync or async (in a fresh event loop)."""
    if not is_async:
        return orq.router.images_generate(prompt="a cat", model="m", **options)

    async def main() -> Any:
        try:
            return await orq.router.images_generate_async(prompt="a cat", model="m", **options)
        finally:
            await orq.aclose()

    return asyncio.run(main())


def stream_texts(orq: Orq, is_async: bool, **options: Any) -> list[str | None]:
    """The text of each chunk of a streamed chat completion, sync or async."""
    if not is_async:
        with orq.router.chat.completions.create(
            model="m", messages=MESSAGES, stream=True, **options
        ) as stream:
            return [c.choices[0].delta.content for c in stream]

    async def main() -> list[str | None]:
        try:
            stream = await orq.router.chat.completions.create_async(
                model="m", messages=MESSAGES, stream=True, **options
            )
            async with stream:
                return [c.choices[0].delta.content async for c in stream]
        finally:
            await orq.aclose()

    return asyncio.run(main())


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_trickled_body_ends_at_the_per_call_timeout(server: ScriptedServer, is_async: bool) -> None:
    body = json.dumps(IMAGE_REPLY).encode()
    server.reset(Step(200, chunks=trickled(body), chunk_delay=TRICKLE))
    orq = Orq(api_key="k", server_url=server.url)
    started = time.monotonic()
    with pytest.raises(models.APITimeoutError) as info:
        images(orq, is_async, timeout_ms=2000, retries=None)
    elapsed = time.monotonic() - started
    assert 1.9 < elapsed < 3.0  # not len(body) * TRICKLE = ~25 s
    error = info.value
    assert error.timeout_ms == 2000 and error.attempts == 1
    assert error.url == f"{server.url}/v2/gateway/images/generations"
    assert "2000 ms timeout" in str(error) and error.url in str(error)
    assert error.elapsed_ms is not None and 1900 <= error.elapsed_ms < 3000
    assert f"gave up after {error.elapsed_ms} ms" in str(error)
    assert_nothing_left_open(orq, server)


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_client_timeout_bounds_a_trickled_body(server: ScriptedServer, is_async: bool) -> None:
    server.reset(Step(200, chunks=trickled(json.dumps(IMAGE_REPLY).encode()), chunk_delay=0.2))
    orq = Orq(api_key="k", server_url=server.url, timeout_ms=700, retry_config=None)
    started = time.monotonic()
    with pytest.raises(models.APITimeoutError) as info:
        images(orq, is_async)
    assert time.monotonic() - started < 1.5
    assert info.value.timeout_ms == 700
    assert_nothing_left_open(orq, server)


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_per_call_timeout_wins_over_the_clients(server: ScriptedServer, is_async: bool) -> None:
    body = json.dumps(IMAGE_REPLY).encode()
    # Three pieces 0.2 s apart: over the client's 300 ms, within the call's 2000 ms.
    server.reset(Step(200, chunks=[body[:5], body[5:10], body[10:]], chunk_delay=0.2))
    orq = Orq(api_key="k", server_url=server.url, timeout_ms=300, retry_config=None)
    assert images(orq, is_async, timeout_ms=2000).data[0].url == "https://example.com/a.png"
    server.reset(Step(200, chunks=[body[:5], body[5:10], body[10:]], chunk_delay=0.2))
    orq = Orq(api_key="k", server_url=server.url, timeout_ms=300, retry_config=None)
    with pytest.raises(models.APITimeoutError) as info:
        images(orq, is_async)
    assert info.value.timeout_ms == 300


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_trickled_timeout_is_retried_like_any_timeout(
    server: ScriptedServer, sleeps: SleepRecorder, is_async: bool
) -> None:
    from .conftest import FAST_RETRIES

    body = json.dumps(IMAGE_REPLY).encode()
    server.reset(Step(200, chunks=trickled(body), chunk_delay=0.1), Step(200, IMAGE_REPLY))
    orq = Orq(api_key="k", server_url=server.url, retry_config=FAST_RETRIES)
    assert images(orq, is_async, timeout_ms=500).created == 1700000000
    assert len(server.requests) == 2
    assert sleeps.delays_ms == [10]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_stream_timeout_bounds_the_time_to_the_first_event(
    server: ScriptedServer, is_async: bool
) -> None:
    server.reset(Step(200, headers=SSE, chunks=trickled(event("late")), chunk_delay=0.1))
    orq = Orq(api_key="k", server_url=server.url, retry_config=None)
    started = time.monotonic()
    with pytest.raises(models.APITimeoutError) as info:
        stream_texts(orq, is_async, timeout_ms=1000)
    assert 0.9 < time.monotonic() - started < 2.0
    assert info.value.timeout_ms == 1000
    assert_nothing_left_open(orq, server)


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_stream_may_outlast_its_timeout_once_events_flow(
    server: ScriptedServer, is_async: bool
) -> None:
    chunks = [event("a"), event("b"), event("c"), event("d"), b"data: [DONE]\n\n"]
    server.reset(Step(200, headers=SSE, chunks=chunks, chunk_delay=0.3))
    orq = Orq(api_key="k", server_url=server.url, retry_config=None)
    started = time.monotonic()
    assert stream_texts(orq, is_async, timeout_ms=1000) == ["a", "b", "c", "d"]
    assert time.monotonic() - started > 1.4  # five pieces 0.3 s apart: longer than the timeout
    assert_nothing_left_open(orq, server)


def test_stream_first_event_split_across_pieces_still_counts(server: ScriptedServer) -> None:
    first = event("a")
    # The blank line that ends the first event is split between two pieces ("\n" | "\n").
    chunks = [first[:-1], first[-1:], event("b"), b"data: [DONE]\n\n"]
    server.reset(Step(200, headers=SSE, chunks=chunks, chunk_delay=0.4))
    orq = Orq(api_key="k", server_url=server.url, retry_config=None)
    assert stream_texts(orq, False, timeout_ms=1000) == ["a", "b"]
