"""Orq API SDK for Python.

    from orq_ai_sdk import Orq

Names are imported on first use, so `import orq_ai_sdk` stays fast however large the API is.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from . import errors, models
    from ._hooks import HookContext, Hooks
    from ._response import APIResponse, AsyncAPIResponse
    from ._streaming import DeltaEventStream, DeltaEventStreamAsync, EventStream, EventStreamAsync
    from ._types import UNSET, OptionalNullable, Unset
    from .sdk import Orq
    from .utils.retries import BackoffStrategy, RetryConfig

_LAZY = {
    "Orq": ".sdk",
    "RetryConfig": ".utils.retries",
    "BackoffStrategy": ".utils.retries",
    "UNSET": "._types",
    "Unset": "._types",
    "OptionalNullable": "._types",
    "EventStream": "._streaming",
    "EventStreamAsync": "._streaming",
    "DeltaEventStream": "._streaming",
    "DeltaEventStreamAsync": "._streaming",
    "Hooks": "._hooks",
    "HookContext": "._hooks",
    "APIResponse": "._response",
    "AsyncAPIResponse": "._response",
}

__all__ = [
    "UNSET",
    "APIResponse",
    "AsyncAPIResponse",
    "BackoffStrategy",
    "DeltaEventStream",
    "DeltaEventStreamAsync",
    "EventStream",
    "EventStreamAsync",
    "HookContext",
    "Hooks",
    "OptionalNullable",
    "Orq",
    "RetryConfig",
    "Unset",
    "__version__",
    "errors",
    "models",
]


def __getattr__(name: str) -> Any:
    if name in ("models", "errors"):
        return importlib.import_module(f".{name}", __name__)
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
