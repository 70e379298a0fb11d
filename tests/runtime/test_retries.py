"""Retries against the scripted server: what the caller sees, the attempts, the delays, open connections."""

from __future__ import annotations

import email.utils
import time

import pytest
from orq_ai_sdk import BackoffStrategy, Orq, RetryConfig, models
from orq_ai_sdk.utils import retries as retries_module

from .conftest import CHAT_REPLY, FAST_RETRIES, IMAGE_REPLY, SleepRecorder, assert_nothing_left_open
from .scripted_server import ScriptedServer, Step

MESSAGES = [{"role": "user", "content": "Hi"}]


def test_429_with_retry_after_seconds_then_200(
    orq: Orq, server: ScriptedServer, sleeps: SleepRecorder
) -> None:
    sleeps.real = (
        False  # Retry-After: 1 would cost a second; the recorded delay proves it was honoured
    )
    server.reset(Step(429, {"error": "slow down"}, {"Retry-After": "1"}), Step(200, CHAT_REPLY))
    reply = orq.router.chat.completions.create(model="openai/gpt-4o", messages=MESSAGES)
    assert reply.choices[0].message.content == "Hello!"
    assert len(server.requests) == 2
    # The hint (1000 ms) wins over the backoff (10 ms) and over max_interval (200 ms).
    assert sleeps.delays_ms == [1000]
    assert server.connections_opened == 1  # the 429 was read and its connection reused
    assert_nothing_left_open(orq, server)


def test_retry_after_is_honoured_below_max_interval(
    server: ScriptedServer, sleeps: SleepRecorder
) -> None:
    sleeps.real = False
    config = RetryConfig(
        backoff=BackoffStrategy(initial_interval=10, max_interval=60_000, jitter=0)
    )
    future = email.utils.formatdate(time.time() + 30, usegmt=True)
    server.reset(
        Step(429, {}, {"Retry-After": "2"}),
        Step(429, {}, {"Retry-After": future}),
        Step(503, {}, {"retry-after-ms": "1234"}),
        Step(200, IMAGE_REPLY),
    )
    with Orq(api_key="k", server_url=server.url, retry_config=config) as orq:
        reply = orq.router.images_generate(prompt="a cat", model="openai/dall-e-3")
        assert reply.data[0].url == "https://example.com/a.png"
        assert_nothing_left_open(orq, server)
    assert len(server.requests) == 4
    seconds, date, millis = sleeps.delays_ms
    assert seconds == 2000
    assert 27_000 <= date <= 30_000  # an HTTP date: the time left until then
    assert millis == 1234


def test_503_several_times_then_200(
    orq: Orq, server: ScriptedServer, sleeps: SleepRecorder
) -> None:
    server.reset(Step(503, "busy"), Step(503, "busy"), Step(503, "busy"), Step(200, CHAT_REPLY))
    reply = orq.router.chat.completions.create(model="openai/gpt-4o", messages=MESSAGES)
    assert reply.id == "chatcmpl-1"
    assert len(server.requests) == 4
    assert sleeps.delays_ms == [10, 20, 40]  # initial_interval * exponent ** attempt, no jitter
    # The server saw the waits (generous bounds: a loaded machine only makes gaps longer).
    for gap, delay in zip(server.arrival_gaps(), sleeps.delays_ms, strict=True):
        assert gap >= delay / 1000 * 0.9
    assert_nothing_left_open(orq, server)


def test_failed_streamed_responses_are_closed_before_retrying(
    orq: Orq, server: ScriptedServer, sleeps: SleepRecorder
) -> None:
    chunk = {
        **CHAT_REPLY,
        "object": "chat.completion.chunk",
        "choices": [{"index": 0, "finish_reason": None, "delta": {"content": "Hi"}}],
    }
    sse = [f"data: {__import__('json').dumps(chunk)}\n\n".encode(), b"data: [DONE]\n\n"]
    server.reset(
        Step(503, "x" * 100_000),  # a body the SDK must not leave unread on an open connection
        Step(502, "bad gateway"),
        Step(200, headers={"content-type": "text/event-stream"}, chunks=sse),
    )
    stream = orq.router.chat.completions.create(
        model="openai/gpt-4o", messages=MESSAGES, stream=True
    )
    with stream:
        chunks = list(stream)
    assert [c.choices[0].delta.content for c in chunks] == ["Hi"]
    assert len(server.requests) == 3
    assert len(sleeps.delays_ms) == 2
    assert all(r.headers["accept"] == "text/event-stream" for r in server.requests)
    assert_nothing_left_open(orq, server)


def test_retries_stop_at_max_elapsed_time(server: ScriptedServer, sleeps: SleepRecorder) -> None:
    config = RetryConfig(
        backoff=BackoffStrategy(
            initial_interval=20, max_interval=20, exponent=1, max_elapsed_time=150, jitter=0
        )
    )
    server.reset(Step(503, {"error": "down"}))
    with Orq(api_key="k", server_url=server.url, retry_config=config) as orq:
        with pytest.raises(models.APIError) as info:
            orq.router.images_generate(prompt="a cat", model="m")
        assert_nothing_left_open(orq, server)
    assert info.value.status_code == 503
    attempts = len(server.requests)
    assert 2 <= attempts <= 8  # 150 ms of 20 ms waits: at most 7 retries, fewer on a slow machine
    assert len(sleeps.delays_ms) == attempts - 1
    assert sum(sleeps.delays_ms) < 150


def test_status_not_in_the_list_is_not_retried(
    orq: Orq, server: ScriptedServer, sleeps: SleepRecorder
) -> None:
    server.reset(Step(400, {"error": "bad"}), Step(200, IMAGE_REPLY))
    with pytest.raises(models.APIError):
        orq.router.images_generate(prompt="a cat", model="m")
    assert len(server.requests) == 1
    assert sleeps.delays_ms == []


def test_per_call_retries_override_and_none_disables(
    orq: Orq, server: ScriptedServer, sleeps: SleepRecorder
) -> None:
    server.reset(Step(429, {}), Step(200, IMAGE_REPLY))
    with pytest.raises(models.APIError) as info:
        orq.router.images_generate(prompt="a cat", model="m", retries=None)
    assert info.value.status_code == 429
    server.reset(Step(418, {}), Step(200, IMAGE_REPLY))
    only_418 = RetryConfig(backoff=FAST_RETRIES.backoff, status_codes=(418,))
    assert (
        orq.router.images_generate(prompt="a cat", model="m", retries=only_418).created
        == 1700000000
    )
    assert len(server.requests) == 2
    assert sleeps.delays_ms == [10]


def test_connection_reset_is_retried(
    orq: Orq, server: ScriptedServer, sleeps: SleepRecorder
) -> None:
    server.reset(Step(reset=True), Step(200, IMAGE_REPLY))
    reply = orq.router.images_generate(prompt="a cat", model="m")
    assert reply.created == 1700000000
    assert len(server.requests) == 2
    assert sleeps.delays_ms == [10]
    assert_nothing_left_open(orq, server)


def test_connection_reset_without_retries_names_the_url(orq: Orq, server: ScriptedServer) -> None:
    server.reset(Step(reset=True))
    with pytest.raises(models.APIConnectionError) as info:
        orq.router.images_generate(prompt="a cat", model="m", retries=None)
    error = info.value
    assert not isinstance(error, models.APITimeoutError)
    assert error.url == f"{server.url}/v2/gateway/images/generations"
    assert error.url in str(error)
    assert "gave up after" in str(error) and "1 attempt" in str(error)
    assert error.attempts == 1 and error.elapsed_ms is not None
    assert len(server.requests) == 1
    assert_nothing_left_open(orq, server)


def test_connection_refused_retries_then_says_how_long(sleeps: SleepRecorder) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    config = RetryConfig(
        backoff=BackoffStrategy(
            initial_interval=5, max_interval=5, exponent=1, max_elapsed_time=60, jitter=0
        )
    )
    with (
        Orq(api_key="k", server_url=url, retry_config=config) as orq,
        pytest.raises(models.APIConnectionError) as info,
    ):
        orq.router.images_generate(prompt="a cat", model="m")
    error = info.value
    assert error.attempts == len(sleeps.delays_ms) + 1 >= 2
    assert f"{error.attempts} attempts" in str(error)
    assert "ConnectError" in str(error) and url in str(error)


def test_slow_response_times_out(orq: Orq, server: ScriptedServer) -> None:
    server.reset(Step(200, IMAGE_REPLY, delay=2.0))
    started = time.monotonic()
    with pytest.raises(models.APITimeoutError) as info:
        orq.router.images_generate(prompt="a cat", model="m", timeout_ms=150, retries=None)
    assert time.monotonic() - started < 1.5  # it did not wait for the answer
    error = info.value
    assert error.timeout_ms == 150
    assert "150 ms" in str(error) and error.url in str(error) and "ReadTimeout" in str(error)
    assert error.elapsed_ms is not None and error.elapsed_ms >= 140
    assert_nothing_left_open(orq, server)


def test_timeout_is_retried_then_succeeds(
    orq: Orq, server: ScriptedServer, sleeps: SleepRecorder
) -> None:
    server.reset(Step(200, IMAGE_REPLY, delay=2.0), Step(200, IMAGE_REPLY))
    assert (
        orq.router.images_generate(prompt="a cat", model="m", timeout_ms=150).created == 1700000000
    )
    assert len(server.requests) == 2
    assert sleeps.delays_ms == [10]
    assert_nothing_left_open(orq, server)


def test_client_timeout_applies_to_every_call(server: ScriptedServer) -> None:
    server.reset(Step(200, IMAGE_REPLY, delay=2.0))
    with (
        Orq(api_key="k", server_url=server.url, timeout_ms=100, retry_config=None) as orq,
        pytest.raises(models.APITimeoutError) as info,
    ):
        orq.router.images_generate(prompt="a cat", model="m")
    assert info.value.timeout_ms == 100


def test_backoff_jitter_stays_within_its_share() -> None:
    config = RetryConfig(
        backoff=BackoffStrategy(initial_interval=100, max_interval=1000, exponent=2, jitter=0.5)
    )
    for attempt, base in [(0, 100), (1, 200), (3, 800), (6, 1000)]:
        delays = [retries_module.delay_ms(config, attempt, None) for _ in range(200)]
        assert all(base * 0.5 <= d <= base for d in delays)
        assert len(set(delays)) > 1


def test_spec_defaults_are_the_client_defaults() -> None:
    from orq_ai_sdk import sdk

    config = sdk.DEFAULT_RETRY_CONFIG
    assert config.status_codes == (429, 500, 502, 503, 504)
    assert (config.backoff.initial_interval, config.backoff.max_interval) == (500, 60_000)
    assert config.backoff.exponent == 1.5 and config.backoff.max_elapsed_time == 3_600_000
    assert config.retry_connection_errors
    assert sdk.DEFAULT_TIMEOUT_MS == 600_000
    from orq_ai_sdk._client import OperationSpec
    from orq_ai_sdk._types import UNSET

    plain = OperationSpec("x", "GET", "/")
    own = RetryConfig(status_codes=(418,))
    assert Orq(api_key="k")._retry_config(plain, UNSET) is config  # the spec's
    assert Orq(api_key="k", retry_config=own)._retry_config(plain, UNSET) is own  # the client's
    assert (
        Orq(api_key="k", retry_config=own)._retry_config(plain, FAST_RETRIES) is FAST_RETRIES
    )  # the call's
    assert Orq(api_key="k", retry_config=None)._retry_config(plain, UNSET).strategy == "none"
    per_op = OperationSpec("y", "GET", "/", retries=own)
    assert (
        Orq(api_key="k")._retry_config(per_op, UNSET) is own
    )  # an operation's x-speakeasy-retries
