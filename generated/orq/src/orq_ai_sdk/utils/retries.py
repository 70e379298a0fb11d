"""Retry policy: which answers to retry, and how long to wait in between."""

from __future__ import annotations

import datetime
import email.utils
import math
import random
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

__all__ = ["BackoffStrategy", "RetryConfig"]


@dataclass(frozen=True)
class BackoffStrategy:
    """Exponential backoff: `initial_interval * exponent ** attempt`, capped, with jitter. Milliseconds."""

    initial_interval: int = 500
    max_interval: int = 60_000
    exponent: float = 1.5
    max_elapsed_time: int = 3_600_000
    jitter: float = 0.5  # the random share of each delay, 0 to 1


@dataclass(frozen=True)
class RetryConfig:
    """When to retry. `strategy="none"` turns retries off.

    `status_codes` holds codes (`429`) and patterns (`"5XX"`); connection errors and timeouts are
    retried when `retry_connection_errors` is true.
    """

    strategy: str = "backoff"
    backoff: BackoffStrategy = field(default_factory=BackoffStrategy)
    retry_connection_errors: bool = True
    status_codes: tuple[int | str, ...] = (429, 500, 502, 503, 504)

    def retries_status(self, status: int) -> bool:
        """Whether `status` matches one of `status_codes` (`503`, or a range such as `"5XX"`)."""
        code = str(status)
        for pattern in self.status_codes:
            text = str(pattern).upper()
            if text == code or (text.endswith("XX") and text[0] == code[0]):
                return True
        return False


NO_RETRIES = RetryConfig(strategy="none")


def delay_ms(config: RetryConfig, attempt: int, response: httpx.Response | None) -> float:
    """How long to wait before attempt `attempt + 1` (0-based `attempt` just failed).

    The server's `retry-after-ms`/`Retry-After` wins, even above `max_interval`: the server knows when
    it will answer again (`max_elapsed_time` still bounds the call, see `_client.next_delay`).
    Otherwise exponential backoff with jitter, capped at `max_interval`.
    """
    hinted = retry_after_ms(response) if response is not None else None
    if hinted is not None:
        return hinted
    b = config.backoff
    base = min(b.initial_interval * (b.exponent**attempt), b.max_interval)
    return base * (1 - b.jitter * random.random())  # jitter, not cryptography


def retry_after_ms(response: httpx.Response) -> float | None:
    """The server's hint: `retry-after-ms`, or `Retry-After` as seconds or an HTTP date.

    None when absent or unusable: unreadable, negative, `nan` or `inf` (the backoff applies then).
    An HTTP date already past means "now" (0).
    """
    for name, scale in (("retry-after-ms", 1.0), ("retry-after", 1000.0)):
        value = response.headers.get(name)
        if value is None:
            continue
        try:
            number = float(value)
        except ValueError:
            if name == "retry-after":
                return _date_hint_ms(value)
            continue  # an unusable `retry-after-ms`: `Retry-After` may still say
        if math.isfinite(number) and number >= 0:
            return number * scale
    return None


def _date_hint_ms(value: str) -> float | None:
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT
        when = when.replace(tzinfo=datetime.timezone.utc)
    return max((when.timestamp() - time.time()) * 1000, 0.0)
