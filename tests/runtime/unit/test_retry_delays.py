"""How long the runtime waits between attempts: server hints, backoff, jitter, and when it stops."""

from __future__ import annotations

import email.utils
from types import SimpleNamespace

import httpx
import pytest

from generator.runtime import _client
from generator.runtime.utils import retries
from generator.runtime.utils.retries import BackoffStrategy, RetryConfig, delay_ms, retry_after_ms

NOW = 1_700_000_000.0
NO_JITTER = BackoffStrategy(initial_interval=100, max_interval=1000, exponent=2, jitter=0)


def answer(status: int = 503, **headers: str) -> httpx.Response:
    return httpx.Response(status, headers=headers)


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(retries, "time", SimpleNamespace(time=lambda: NOW))


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after-ms": "1234"}, 1234.0),
        ({"retry-after-ms": "12.5"}, 12.5),
        ({"retry-after-ms": "-5"}, None),  # unusable hints are ignored: the backoff applies
        ({"retry-after-ms": "-5", "retry-after": "2"}, 2000.0),  # unusable ms: seconds next
        ({"retry-after-ms": "nan", "retry-after": "inf"}, None),
        ({"retry-after-ms": "soon", "retry-after": "3"}, 3000.0),  # unreadable ms: seconds next
        ({"retry-after-ms": "250", "retry-after": "3"}, 250.0),  # ms wins
        ({"retry-after": "2"}, 2000.0),
        ({"retry-after": "0.5"}, 500.0),
        ({"retry-after": "0"}, 0.0),
        ({"retry-after": "-1"}, None),
        ({"retry-after": "-5"}, None),
        ({"retry-after": "nan"}, None),
        ({"retry-after": "NaN"}, None),
        ({"retry-after": "inf"}, None),
        ({"retry-after": "-inf"}, None),
        ({"retry-after": "infinity"}, None),
        ({"retry-after-ms": "nan"}, None),
        ({"retry-after": "whenever"}, None),
        ({"retry-after": ""}, None),
        ({"retry-after": "Mon, 99 Foo 2024 25:61:00 GMT"}, None),
        ({}, None),
    ],
)
def test_retry_after_headers(headers: dict[str, str], expected: float | None) -> None:
    assert retry_after_ms(answer(**headers)) == expected


@pytest.mark.usefixtures("frozen_clock")
def test_retry_after_http_date_is_the_time_left() -> None:
    assert (
        retry_after_ms(answer(**{"retry-after": email.utils.formatdate(NOW + 30, usegmt=True)}))
        == 30_000.0
    )
    assert (
        retry_after_ms(answer(**{"retry-after": email.utils.formatdate(NOW - 30, usegmt=True)}))
        == 0.0
    )


@pytest.mark.usefixtures("frozen_clock")
def test_retry_after_date_without_zone_is_gmt() -> None:
    date = email.utils.formatdate(NOW + 7, usegmt=True).removesuffix(" GMT")
    assert retry_after_ms(answer(**{"retry-after": date})) == 7000.0


def test_server_hint_wins_even_above_max_interval() -> None:
    config = RetryConfig(backoff=NO_JITTER)
    assert delay_ms(config, 0, answer(**{"retry-after-ms": "700"})) == 700
    assert delay_ms(config, 0, answer(**{"retry-after": "5"})) == 5000  # max_interval is 1000
    assert delay_ms(config, 2, answer()) == 400  # no hint: backoff


@pytest.mark.parametrize("hint", ["nan", "inf", "-5", "garbage", "1e999"])
def test_unusable_hint_falls_back_to_the_backoff(hint: str) -> None:
    assert delay_ms(RetryConfig(backoff=NO_JITTER), 1, answer(**{"retry-after": hint})) == 200


def test_next_delay_gives_up_when_the_hint_exceeds_the_elapsed_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_client, "monotonic", lambda: 100.0)
    config = RetryConfig(
        backoff=BackoffStrategy(
            initial_interval=10, max_interval=10, max_elapsed_time=5000, jitter=0
        )
    )
    assert _client.next_delay(config, 0, 100.0, answer(**{"retry-after": "4"})) == 4000
    assert _client.next_delay(config, 0, 100.0, answer(**{"retry-after": "5"})) is None
    assert _client.next_delay(config, 0, 100.0, answer(**{"retry-after": "1e308"})) is None


@pytest.mark.parametrize(
    ("attempt", "expected"), [(0, 100), (1, 200), (2, 400), (3, 800), (4, 1000), (9, 1000)]
)
def test_backoff_grows_by_the_exponent_up_to_max_interval(attempt: int, expected: float) -> None:
    assert delay_ms(RetryConfig(backoff=NO_JITTER), attempt, None) == expected


@pytest.mark.parametrize(("draw", "factor"), [(0.0, 1.0), (0.5, 0.75), (1.0, 0.5)])
def test_jitter_takes_at_most_its_share(
    monkeypatch: pytest.MonkeyPatch, draw: float, factor: float
) -> None:
    monkeypatch.setattr(retries, "random", SimpleNamespace(random=lambda: draw))
    config = RetryConfig(
        backoff=BackoffStrategy(initial_interval=100, max_interval=1000, exponent=2, jitter=0.5)
    )
    assert delay_ms(config, 1, None) == 200 * factor


def test_real_jitter_stays_within_bounds_and_varies() -> None:
    config = RetryConfig(
        backoff=BackoffStrategy(initial_interval=100, max_interval=1000, exponent=2, jitter=0.5)
    )
    delays = [delay_ms(config, 3, None) for _ in range(200)]
    assert all(400 <= d <= 800 for d in delays)
    assert len(set(delays)) > 1


@pytest.mark.parametrize(
    ("codes", "status", "retried"),
    [
        ((429,), 429, True),
        ((429,), 430, False),
        (("5XX",), 503, True),
        (("5xx",), 599, True),
        (("5XX",), 404, False),
        ((429, "5XX"), 418, False),
        ((), 503, False),
    ],
)
def test_which_statuses_are_retried(
    codes: tuple[int | str, ...], status: int, retried: bool
) -> None:
    assert RetryConfig(status_codes=codes).retries_status(status) is retried


def test_next_delay_decides_whether_to_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_client, "monotonic", lambda: 100.0)
    config = RetryConfig(backoff=NO_JITTER, status_codes=(503,))
    assert _client.next_delay(config, 1, 100.0, answer(503)) == 200
    assert _client.next_delay(config, 1, 100.0, answer(500)) is None  # not a listed status
    assert _client.next_delay(config, 0, 100.0, None) == 100  # no answer: a connection error
    no_connection_retries = RetryConfig(backoff=NO_JITTER, retry_connection_errors=False)
    assert _client.next_delay(no_connection_retries, 0, 100.0, None) is None
    assert _client.next_delay(RetryConfig(strategy="none"), 0, 100.0, answer(503)) is None


def test_next_delay_stops_before_max_elapsed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    config = RetryConfig(
        backoff=BackoffStrategy(
            initial_interval=100, max_interval=100, max_elapsed_time=1000, jitter=0
        )
    )
    monkeypatch.setattr(
        _client, "monotonic", lambda: 10.899
    )  # 899 ms after the start: 999 ms after the wait
    assert _client.next_delay(config, 3, 10.0, None) == 100
    monkeypatch.setattr(
        _client, "monotonic", lambda: 10.9
    )  # the wait would end at max_elapsed_time
    assert _client.next_delay(config, 3, 10.0, None) is None
