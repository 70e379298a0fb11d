"""The server's `Retry-After` against the scripted server, sync and async: honoured above
`max_interval`, bounded by `max_elapsed_time`, ignored when unusable."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from orq_ai_sdk import BackoffStrategy, Orq, RetryConfig, models

from .conftest import IMAGE_REPLY, SleepRecorder, assert_nothing_left_open
from .scripted_server import ScriptedServer, Step


def images(orq: Orq, is_async: bool) -> Any:
    if not is_async:
        return orq.router.images_generate(prompt="a cat", model="m")

    async def main() -> Any:
        try:
            return await orq.router.images_generate_async(prompt="a cat", model="m")
        finally:
            await orq.aclose()

    return asyncio.run(main())


def retrying(**backoff: Any) -> RetryConfig:
    return RetryConfig(backoff=BackoffStrategy(jitter=0, **backoff), status_codes=(429, "5XX"))


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_retry_after_above_max_interval_is_waited_for(
    server: ScriptedServer, sleeps: SleepRecorder, is_async: bool
) -> None:
    server.reset(Step(429, {}, {"Retry-After": "1"}), Step(200, IMAGE_REPLY))
    config = retrying(initial_interval=10, max_interval=500, max_elapsed_time=10_000)
    orq = Orq(api_key="k", server_url=server.url, retry_config=config)
    assert images(orq, is_async).created == 1700000000
    assert sleeps.delays_ms == [1000]  # not max_interval's 500
    (gap,) = server.arrival_gaps()
    assert 0.95 <= gap < 1.8
    assert_nothing_left_open(orq, server)


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_hint_beyond_max_elapsed_time_gives_up_at_once(
    server: ScriptedServer, sleeps: SleepRecorder, is_async: bool
) -> None:
    server.reset(Step(503, {"error": "maintenance"}, {"Retry-After": "3600"}))
    config = retrying(initial_interval=10, max_interval=500, max_elapsed_time=5_000)
    orq = Orq(api_key="k", server_url=server.url, retry_config=config)
    started = time.monotonic()
    with pytest.raises(models.APIError) as info:
        images(orq, is_async)
    assert time.monotonic() - started < 1.0
    assert info.value.status_code == 503 and "maintenance" in info.value.body  # the last error
    assert sleeps.delays_ms == []
    assert len(server.requests) == 1
    assert_nothing_left_open(orq, server)


@pytest.mark.parametrize("hint", ["nan", "inf", "-5", "garbage"])
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_unusable_hint_falls_back_to_the_backoff(
    server: ScriptedServer, sleeps: SleepRecorder, is_async: bool, hint: str
) -> None:
    server.reset(Step(503, {}, {"Retry-After": hint}), Step(200, IMAGE_REPLY))
    config = retrying(initial_interval=20, max_interval=500, max_elapsed_time=5_000)
    orq = Orq(api_key="k", server_url=server.url, retry_config=config)
    started = time.monotonic()
    assert images(orq, is_async).created == 1700000000
    assert time.monotonic() - started < 1.0
    assert sleeps.delays_ms == [20]
    assert len(server.requests) == 2
