"""The `Orq` client: configuration, connection handling and the entry points to every resource."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from ._client import BaseClient, ClientConfig, default_logger
from ._hooks import Hooks
from ._servers import select_server
from ._types import UNSET, Unset
from .utils.retries import BackoffStrategy, RetryConfig

if TYPE_CHECKING:
    from .resources.router import Router

#: The servers the spec lists (URL templates); `server_idx` picks one, the first by default.
SERVERS: tuple[str, ...] = ("https://api.orq.ai",)
DEFAULT_RETRY_CONFIG = RetryConfig(
    strategy="backoff",
    backoff=BackoffStrategy(initial_interval=500, max_interval=60000, exponent=1.5, max_elapsed_time=3600000),
    retry_connection_errors=True,
    status_codes=(
        429,
        500,
        502,
        503,
        504,
    ),
)
DEFAULT_TIMEOUT_MS: int | None = 600000


class Orq(BaseClient):
    """Orq API client.

    Orq.ai router API (current version: router chat completions with top-level fallbacks, retry, cache, load_balancer, timeout, variables and name; the `orq` object deprecated). Reconstructed by hand from the seed documents in shared/seeds (000, 001, 003 and 004); it is not Orq's published spec. Parts that the seeds name without spelling out are inferred from the OpenAI-compatible chat/completions format and marked `x-inferred: true` and/or "Inferred from the OpenAI-compatible format" in their description. The version number is ours.

    Args:
        api_key: The API key, or a callable that returns it before each request. Defaults to the
            `ORQ_API_KEY` environment variable.
        server_url: Overrides the server, by default `https://api.orq.ai`.
        server_idx: The server to use, an index into `SERVERS` (the spec's servers).
        retry_config: The retry policy of every call (a call's `retries=` overrides it); `None`
            switches retries off. Defaults to the spec's policy.
        timeout_ms: The timeout of every call, in milliseconds (a call's `timeout_ms=` overrides it).
            Defaults to the spec's timeout.
        client: An `httpx.Client` of yours; the SDK uses it and never closes it.
        async_client: An `httpx.AsyncClient` of yours; the SDK uses it and never closes it.
        hooks: Callables run before each request and after each answer.
        debug_logger: A logger for requests and answers (the `Authorization` header is redacted).
            Setting `ORQ_DEBUG=1` in the environment logs to stderr.
    """

    def __init__(
        self,
        api_key: str | Callable[[], str] | None = None,
        *,
        server_url: str | None = None,
        server_idx: int = 0,
        retry_config: RetryConfig | None | Unset = UNSET,
        timeout_ms: int | None = None,
        client: httpx.Client | None = None,
        async_client: httpx.AsyncClient | None = None,
        hooks: Hooks | None = None,
        debug_logger: logging.Logger | None = None,
    ) -> None:
        super().__init__(
            ClientConfig(
                server_url=server_url or select_server(SERVERS, server_idx),
                credentials={"bearer": api_key},
                retry_config=None if isinstance(retry_config, Unset) else retry_config or RetryConfig(strategy="none"),
                timeout_ms=timeout_ms,
                client=client,
                async_client=async_client,
                owns_client=False,
                owns_async_client=False,
                hooks=hooks or Hooks(),
                logger=debug_logger or default_logger(),
                default_retry_config=DEFAULT_RETRY_CONFIG,
                default_timeout_ms=DEFAULT_TIMEOUT_MS,
                server_url_chosen=server_url is not None,
            )
        )
        self._client = self

    @cached_property
    def router(self) -> Router:
        """`orq.router`"""
        from .resources.router import Router

        return Router(self)
