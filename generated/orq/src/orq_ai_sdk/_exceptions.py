"""The exceptions the runtime raises. All derive from `SDKError`.

The SDK's public `errors.py` re-exports them next to the typed error classes generated from the spec.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx
    import pydantic

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "MissingCredentialsError",
    "PaginationError",
    "RequestValidationError",
    "ResponseValidationError",
    "SDKError",
    "StreamError",
    "TokenError",
    "TypedAPIError",
    "describe_validation_error",
]

_BODY_PREVIEW = 500


class SDKError(Exception):
    """Base class of every error the SDK raises."""


class APIError(SDKError):
    """The server answered with an error status (4XX or 5XX) that has no more specific error type."""

    def __init__(self, message: str, raw_response: httpx.Response, body: str | None = None) -> None:
        self.raw_response = raw_response
        self.status_code = raw_response.status_code
        self.headers = raw_response.headers
        self.body = body if body is not None else _body_text(raw_response)
        preview = self.body if len(self.body) <= _BODY_PREVIEW else self.body[:_BODY_PREVIEW] + "…"
        detail = f"Status {self.status_code}"
        if preview:
            detail += f": {preview}"
        super().__init__(f"{message}: {detail}" if message else detail)

    @property
    def message(self) -> str:
        return str(self)


class TypedAPIError(APIError):
    """An error response the spec describes; `data` holds its decoded body."""

    data: Any

    @staticmethod
    def data_type() -> Any:
        """The model of `data`."""
        return None

    def __init__(self, data: Any, raw_response: httpx.Response, body: str | None = None) -> None:
        self.data = data
        super().__init__(type(self).__name__, raw_response, body)


class ResponseValidationError(SDKError):
    """The response did not match the spec: names the operation, each failing field and what was wrong.

    `cause` is pydantic's `ValidationError` (also the exception's `__cause__`); `body` the raw text.
    """

    def __init__(self, message: str, raw_response: httpx.Response, cause: Exception | None = None) -> None:
        self.raw_response = raw_response
        self.status_code = raw_response.status_code
        self.headers = raw_response.headers
        self.body = _body_text(raw_response)
        self.cause = cause
        super().__init__(message)


class RequestValidationError(SDKError, ValueError):
    """An argument did not match the spec; raised before anything is sent."""

    def __init__(self, message: str, cause: pydantic.ValidationError | None = None) -> None:
        self.cause = cause
        super().__init__(message)


class APIConnectionError(SDKError):
    """The request got no answer: the connection failed or broke. Says which URL and after how long."""

    def __init__(
        self,
        message: str,
        *,
        url: str,
        elapsed_ms: int | None = None,
        attempts: int = 1,
        cause: Exception | None = None,
    ) -> None:
        self.url = url
        self.elapsed_ms = elapsed_ms
        self.attempts = attempts
        self.cause = cause
        super().__init__(message)


class APITimeoutError(APIConnectionError):
    """The server took longer than the timeout (`timeout_ms`)."""

    def __init__(
        self,
        message: str,
        *,
        url: str,
        timeout_ms: int | None,
        elapsed_ms: int | None = None,
        attempts: int = 1,
        cause: Exception | None = None,
    ) -> None:
        self.timeout_ms = timeout_ms
        super().__init__(message, url=url, elapsed_ms=elapsed_ms, attempts=attempts, cause=cause)


class StreamError(SDKError):
    """A server-sent event stream broke off or carried an error."""


class PaginationError(SDKError):
    """A page's next URL (a `url` output or a `Link: rel="next"` header) is on another origin (scheme,
    host or port) than the page's own request: the SDK does not follow it, so the client's credentials
    never go to a server the API did not name. `url` is the refused address."""

    def __init__(self, message: str, url: str) -> None:
        self.url = url
        super().__init__(message)


def _body_text(response: httpx.Response) -> str:
    import httpx

    try:
        return response.text
    except (httpx.ResponseNotRead, httpx.StreamError, UnicodeDecodeError, LookupError):
        return ""


def describe_validation_error(exc: pydantic.ValidationError, what: str) -> str:
    """`what`: each failing field as a dotted path with pydantic's reason, on one line each."""
    lines = []
    for err in exc.errors(include_url=False)[:10]:
        loc = ".".join(str(p) for p in err.get("loc", ())) or "(root)"
        lines.append(f"  {loc}: {err.get('msg')} (got {_short(err.get('input'))})")
    more = exc.error_count() - len(lines)
    if more > 0:
        lines.append(f"  … and {more} more")
    return f"{what}:\n" + "\n".join(lines)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


class MissingCredentialsError(SDKError):
    """An operation needs credentials the client was not given; raised before anything is sent."""

    def __init__(self, message: str, schemes: tuple[str, ...]) -> None:
        self.schemes = schemes  # the security schemes (spec keys) that would have satisfied it
        super().__init__(message)


class TokenError(SDKError):
    """The OAuth token endpoint did not give an access token (client credentials flow)."""

    def __init__(self, message: str, status_code: int | None = None) -> None:
        self.status_code = status_code
        super().__init__(message)
