"""Exceptions raised by the SDK. All derive from `SDKError`."""

from __future__ import annotations

from ._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    RequestValidationError,
    ResponseValidationError,
    SDKError,
    StreamError,
    TypedAPIError,
    describe_validation_error,  # noqa: F401 - importable from here, as before
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "RequestValidationError",
    "ResponseValidationError",
    "SDKError",
    "StreamError",
    "TypedAPIError",
]
