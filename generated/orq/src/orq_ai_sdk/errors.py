"""Exceptions raised by the SDK. All derive from `SDKError`."""

from __future__ import annotations

from ._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    MissingCredentialsError,
    PaginationError,
    RequestValidationError,
    ResponseValidationError,
    SDKError,
    StreamError,
    TokenError,
    TypedAPIError,
    describe_validation_error,  # noqa: F401 - importable from here, as before
)

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
]
