"""The HTTP core shared by every resource: build the request, send it with retries, decode the answer.

The sync and async clients share everything but the I/O: `_Call` holds one call's request and decides,
after each attempt, whether to retry and for how long to wait, and what to return or raise;
`BaseClient._call` and `BaseClient._call_async` only send, sleep, read and close.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from time import monotonic, sleep
from typing import TYPE_CHECKING, Any, Literal

import httpx

from . import _settings
from ._auth import Authenticator, Credential, Credentials, Requirement, redacted_url, secret_headers
from ._deadline import receive, receive_async
from ._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    RequestValidationError,
    ResponseValidationError,
    describe_validation_error,
)
from ._files import NOT_REWINDABLE, Upload, UploadStream, binary_body, is_file, multipart_body
from ._hooks import HookContext, Hooks
from ._params import DEFAULT_STYLES, ParamStyle, cookie_header, header_value, path_value, query_string
from ._types import RESPONSE, Unset
from .utils.retries import NO_RETRIES, RetryConfig, delay_ms

if TYPE_CHECKING:
    from types import TracebackType
    from typing import TypedDict

    from typing_extensions import NotRequired, Self, Unpack

    from ._pagination import Paging
    from ._streaming import DeltaShape

    class CallArguments(TypedDict):
        """The keyword arguments of `BaseClient._call` and `_call_async`, as the resources pass them."""

        path_params: NotRequired[Mapping[str, Any] | None]
        query: NotRequired[Mapping[str, Any] | None]
        headers: NotRequired[Mapping[str, Any] | None]
        cookies: NotRequired[Mapping[str, Any] | None]
        body: NotRequired[Any]
        stream: NotRequired[bool]
        retries: RetryConfig | None | Unset
        server_url: str | None
        timeout_ms: int | None
        http_headers: Mapping[str, str] | None
        page_url: NotRequired[str]  # a paged operation's next page: this URL as it is (`_pagination.py`)


# What the debug log hides, whatever the API; `redacted_headers()` adds the apiKey schemes' headers.
_REDACTED_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key"})

ResponseKind = Literal["json", "text", "binary", "empty"]

# Set by the `with_raw_response` / `with_streaming_response` views (`_response.py`) around one method call:
# "raw" (answer as an `APIResponse`, body read) or "stream" (body left unread). `_call` reads and clears it.
VIEW: ContextVar[str | None] = ContextVar("VIEW", default=None)


@dataclass(slots=True)
class OperationSpec:
    """What one operation needs at run time. Types are resolved on first use, keeping import cheap."""

    operation_id: str
    method: str
    path: str
    response_kind: ResponseKind = "empty"
    response_type: Callable[[], Any] | None = None
    request_content_type: str | None = None
    stream_type: Callable[[], Any] | None = None
    sentinel: str | None = None
    envelope: bool = False
    accumulate: DeltaShape | None = None  # how the stream's chunks join into the response (`_streaming.py`)
    errors: tuple[tuple[str, Callable[[], type[APIError]]], ...] = ()
    retries: RetryConfig | None = None
    timeout_ms: int | None = None
    server_url: str | None = None  # the path's or operation's own server, unless the user picks one
    param_styles: Mapping[tuple[str, str], ParamStyle] = field(
        default_factory=dict
    )  # (location, name): not the default
    security: Requirement | None = None  # None: the API's global requirement, `_settings.SECURITY`
    pagination: Paging | None = None  # a paged operation: its method returns a page (`_pagination.py`)
    _adapters: dict[str, Any] = field(default_factory=dict)
    # Several success responses: (status, content type, kind, JSON type) each; the answer's status and content
    # type pick one (`pick_result`). Empty: the one `response_kind`/`response_type` above.
    results: tuple[tuple[str, str | None, ResponseKind, Callable[[], Any] | None], ...] = ()
    # The stream's media type: `text/event-stream`, or JSON lines / records (`_streaming.py`); the Accept header.
    stream_media_type: str = "text/event-stream"
    data_text: bool = False  # an SSE event's data is a string item (or the event's `data` field), not JSON
    # multipart/form-data: the binary fields (wire names), each with the part's content type from the
    # spec's `encoding` ("": none declared, guessed from the file name)
    file_fields: Mapping[str, str] = field(default_factory=dict)
    idempotency_header: str | None = None  # a fresh key per call (the same on its retries) unless passed

    def adapter(self, which: Literal["response", "stream"]) -> Any:
        """A pydantic TypeAdapter, built once per operation and reused by every call."""
        adapter = self._adapters.get(which)
        if adapter is None:
            from pydantic import TypeAdapter

            from ._base_model import read_type

            factory = self.response_type if which == "response" else self.stream_type
            assert factory is not None
            adapter = self._adapters[which] = TypeAdapter(read_type(factory()))
        return adapter

    def result_adapter(self, index: int) -> Any:
        """The TypeAdapter of `results[index]`, built once."""
        key = f"result{index}"
        adapter = self._adapters.get(key)
        if adapter is None:
            from pydantic import TypeAdapter

            from ._base_model import read_type

            factory = self.results[index][3]
            assert factory is not None
            adapter = self._adapters[key] = TypeAdapter(read_type(factory()))
        return adapter

    def error_class(self, status: int) -> Callable[[], type[APIError]] | None:
        """The documented error for a status: an exact code first, then `4XX`-style ranges, then `default`."""
        ranked = {pattern.upper(): factory for pattern, factory in reversed(self.errors)}
        return next((ranked[p] for p in status_patterns(status) if p in ranked), None)


@dataclass(slots=True)
class ClientConfig:
    """The client's settings. `retry_config`/`timeout_ms` None: not chosen, the spec's defaults apply."""

    server_url: str
    credentials: Mapping[str, Credential | None]  # by security scheme; None: from the environment
    retry_config: RetryConfig | None
    timeout_ms: int | None
    client: httpx.Client | None
    async_client: httpx.AsyncClient | None
    owns_client: bool
    owns_async_client: bool
    hooks: Hooks
    logger: logging.Logger | None
    default_retry_config: RetryConfig = NO_RETRIES
    default_timeout_ms: int | None = None
    server_url_chosen: bool = False  # the user passed `server_url`: it wins over operations' own servers


class BaseClient:
    """Holds the configuration and the HTTP clients; the resources send through it.

    `_call` and `_call_async` are twins that differ only in their I/O (send, sleep, read, close);
    building the request, the retry decisions and the answer are `_Call`'s, shared by both.
    """

    def __init__(self, config: ClientConfig) -> None:
        self._config = config
        self._lock = threading.Lock()
        self._auth = Authenticator(_settings.SECURITY_SCHEMES, config.credentials)

    # -- lifecycle: the SDK closes only the HTTP clients it opened ---------------------------
    def close(self) -> None:
        """Close the HTTP clients this object opened (never one you passed in)."""
        if self._config.owns_client and self._config.client is not None:
            self._config.client.close()
            self._config.client = None
            self._config.owns_client = False

    async def aclose(self) -> None:
        """Close the async HTTP client this object opened (never one you passed in), and the sync one."""
        if self._config.owns_async_client and self._config.async_client is not None:
            await self._config.async_client.aclose()
            self._config.async_client = None
            self._config.owns_async_client = False
        self.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    # -- clients -----------------------------------------------------------------------------
    def _sync_client(self) -> httpx.Client:
        client = self._config.client
        if client is None:
            with self._lock:
                if self._config.client is None:
                    self._config.client = httpx.Client(follow_redirects=True)
                    self._config.owns_client = True
                client = self._config.client
        return client

    def _async_client(self) -> httpx.AsyncClient:
        client = self._config.async_client
        if client is None:
            with self._lock:
                if self._config.async_client is None:
                    self._config.async_client = httpx.AsyncClient(follow_redirects=True)
                    self._config.owns_async_client = True
                client = self._config.async_client
        return client

    # -- calls -------------------------------------------------------------------------------
    def _call(self, spec: OperationSpec, **arguments: Unpack[CallArguments]) -> Any:
        """Send the operation (with retries) on the sync client; the decoded answer, or an `SDKError`."""
        view = VIEW.get()
        if view is not None:  # this call only: not the calls made while answering it
            VIEW.set(None)
        client = self._sync_client()
        auth = self._auth.credentials_sync(client, spec.operation_id, _requirement(spec))
        call = self._start(client, spec, auth, **arguments)
        call.owner, call.arguments = self, arguments  # a page calls again with them
        while True:
            call.log_request()
            try:
                response = receive(client, call.request, call.streaming, view == "stream")
            except httpx.TransportError as exc:
                sleep(call.wait_after_failure(exc))
                continue
            if call.token_refused(response):  # a fresh token, once
                response.close()
                call.use_token(self._auth.token_sync(client, *call.refresh_token()))
                continue
            wait = call.wait_after(response)
            if wait is None:
                break
            response.close()  # give the connection back before waiting
            sleep(wait)
        if view is not None:
            return call.view(response, is_async=False)
        return call.answer(response, is_async=False)

    async def _call_async(self, spec: OperationSpec, **arguments: Unpack[CallArguments]) -> Any:
        """The async twin of `_call`, on the async client."""
        view = VIEW.get()
        if view is not None:
            VIEW.set(None)
        client = self._async_client()
        auth = await self._auth.credentials_async(client, spec.operation_id, _requirement(spec))
        call = self._start(client, spec, auth, **arguments)
        call.owner, call.arguments = self, arguments  # a page calls again with them
        while True:
            call.log_request()
            try:
                response = await receive_async(client, call.request, call.streaming, view == "stream")
            except httpx.TransportError as exc:
                await async_sleep(call.wait_after_failure(exc))
                continue
            if call.token_refused(response):  # a fresh token, once
                await response.aclose()
                call.use_token(await self._auth.token_async(client, *call.refresh_token()))
                continue
            wait = call.wait_after(response)
            if wait is None:
                break
            await response.aclose()  # give the connection back before waiting
            await async_sleep(wait)
        if view is not None:
            return call.view(response, is_async=True)
        return call.answer(response, is_async=True)

    def _start(
        self,
        client: httpx.Client | httpx.AsyncClient,
        spec: OperationSpec,
        auth: Credentials,
        *,
        path_params: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        cookies: Mapping[str, Any] | None = None,
        body: Any = None,
        stream: bool = False,
        retries: RetryConfig | None | Unset,
        server_url: str | None,
        timeout_ms: int | None,
        http_headers: Mapping[str, str] | None,
        page_url: str | None = None,
    ) -> _Call:
        """Build the request (the `before_request` hooks run here, once per call) and its retry policy."""
        config = self._config
        base_url = server_url or (
            spec.server_url if spec.server_url and not config.server_url_chosen else config.server_url
        )
        streaming = spec.stream_type is not None and (stream or spec.response_type is None)
        if timeout_ms is None:
            timeout_ms = config.timeout_ms
            if timeout_ms is None:
                timeout_ms = spec.timeout_ms if spec.timeout_ms is not None else config.default_timeout_ms
        request = build_request(
            client,
            spec,
            auth=auth,
            path_params=path_params,
            query=query,
            headers=headers,
            cookies=cookies,
            body=body,
            streaming=streaming,
            base_url=base_url,
            timeout_ms=timeout_ms,
            http_headers=http_headers,
            page_url=page_url,
        )
        context = HookContext(spec.operation_id, base_url)
        request = config.hooks.before_request(context, request)
        return _Call(spec, request, streaming, context, self._retry_config(spec, retries), config, auth)

    def _retry_config(self, spec: OperationSpec, retries: RetryConfig | None | Unset) -> RetryConfig:
        """Per call, else the client's, else the operation's from the spec, else the spec's default."""
        if isinstance(retries, RetryConfig):
            return retries
        if retries is None:
            return NO_RETRIES
        return self._config.retry_config or spec.retries or self._config.default_retry_config


class _Call:
    """One call in progress: its request, its attempts, and every decision that needs no I/O."""

    __slots__ = (
        "arguments",
        "attempt",
        "auth",
        "config",
        "context",
        "hooked",
        "not_resent",
        "owner",
        "request",
        "retries",
        "spec",
        "started",
        "streaming",
    )

    def __init__(
        self,
        spec: OperationSpec,
        request: httpx.Request,
        streaming: bool,
        context: HookContext,
        retries: RetryConfig,
        config: ClientConfig,
        auth: Credentials,
    ) -> None:
        self.spec = spec
        self.auth = auth
        self.request = request
        self.streaming = streaming
        self.context = context
        self.retries = retries
        self.config = config
        self.started = monotonic()
        self.attempt = 0  # attempts that failed so far
        self.owner: BaseClient | None = None  # the client and arguments of the call, for the next page
        self.arguments: CallArguments | None = None
        self.hooked = False  # the `after_success` hooks ran already (`view`)
        self.not_resent = False  # a retry was due, but the upload's file could not be read again

    def token_refused(self, response: httpx.Response) -> bool:
        """A 401 to an OAuth token that was not refreshed yet: worth one more try with a new token."""
        return response.status_code == 401 and self.auth.token is not None

    def refresh_token(self) -> tuple[str, tuple[str, ...], str]:
        """The (scheme, scopes, refused token) to fetch a new token for; no further refresh after this."""
        assert self.auth.token is not None
        refused, self.auth.token = self.auth.token, None
        return refused

    def use_token(self, token: str) -> None:
        self.request.headers["authorization"] = f"Bearer {token}"

    def wait_after_failure(self, exc: httpx.TransportError) -> float:
        """Seconds to wait before retrying after no answer came; raises the final `APIConnectionError`."""
        wait = self._resendable(next_delay(self.retries, self.attempt, self.started, None))
        if wait is None:
            self.release()
            failure = _transport_error(exc, self.request, self.started, self.attempt + 1)
            self._note_not_resent(failure)
            self.config.hooks.after_error(self.context, None, failure)
            raise failure from exc
        return self._retrying(wait, f"{type(exc).__name__}: {exc}")

    def wait_after(self, response: httpx.Response) -> float | None:
        """Seconds to wait before retrying after this answer; None when it is the one to return or raise."""
        self.log_response(response)
        if response.status_code < 400:
            return None
        wait = self._resendable(next_delay(self.retries, self.attempt, self.started, response))
        return None if wait is None else self._retrying(wait, f"status {response.status_code}")

    def _resendable(self, wait_ms: float | None) -> float | None:
        """No retry when the body is an upload that cannot be read again from its start."""
        stream = self.request.stream
        if wait_ms is not None and isinstance(stream, UploadStream) and not stream.rewindable():
            self.not_resent = True
            return None
        return wait_ms

    def _note_not_resent(self, error: Exception) -> None:
        if self.not_resent and error.args and isinstance(error.args[0], str):
            error.args = (f"{error.args[0]} (not retried: {NOT_REWINDABLE})", *error.args[1:])

    def release(self) -> None:
        """Close the files the SDK opened for the upload (paths), if any are still open."""
        stream = self.request.stream
        if isinstance(stream, UploadStream):
            stream.close()

    def _retrying(self, wait_ms: float, reason: str) -> float:
        logger = self.config.logger
        if logger is not None and logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "Retrying %s in %.0f ms (attempt %d failed: %s)",
                self.spec.operation_id,
                wait_ms,
                self.attempt + 1,
                reason,
            )
        self.attempt += 1
        return wait_ms / 1000

    def answer(self, response: httpx.Response, *, is_async: bool) -> Any:
        """The decoded result of a success (after the `after_success` hooks); raises the error of a failure."""
        hooks = self.config.hooks
        self.release()
        if response.status_code < 400:
            if not self.hooked:
                response = hooks.after_success(self.context, response)
            result = decode_response(self.spec, response, self.streaming, is_async)
            if self.spec.pagination is not None and self.owner is not None and self.arguments is not None:
                from ._pagination import page_of

                return page_of(self.owner, self.spec, self.arguments, result, response, is_async)
            return result
        error = error_for(self.spec, response)
        self._note_not_resent(error)
        hooks.after_error(self.context, response, error)
        raise error

    def view(self, response: httpx.Response, *, is_async: bool) -> Any:
        """A success as an `APIResponse` (the `after_success` hooks run now, `parse()` decodes); raises as `answer`."""
        if response.status_code >= 400:
            return self.answer(response, is_async=is_async)
        self.release()
        response = self.config.hooks.after_success(self.context, response)
        self.hooked = True
        from ._response import APIResponse, AsyncAPIResponse

        return AsyncAPIResponse(response, self) if is_async else APIResponse(response, self)

    # -- debug logging -----------------------------------------------------------------------
    def log_request(self) -> None:
        logger = self.config.logger
        if logger is None or not logger.isEnabledFor(logging.DEBUG):
            return
        request = self.request
        logger.debug(
            "Request%s: %s %s headers=%s",
            f" (attempt {self.attempt + 1})" if self.attempt else "",
            request.method,
            redacted_url(request.url, _settings.SECURITY_SCHEMES),
            redact(request.headers),
        )

    def log_response(self, response: httpx.Response) -> None:
        logger = self.config.logger
        if logger is not None and logger.isEnabledFor(logging.DEBUG):
            request = response.request
            logger.debug(
                "Response: %s %s %s headers=%s",
                response.status_code,
                request.method,
                redacted_url(request.url, _settings.SECURITY_SCHEMES),
                redact(response.headers),
            )


# -- requests --------------------------------------------------------------------------------
def build_request(
    client: httpx.Client | httpx.AsyncClient,
    spec: OperationSpec,
    *,
    auth: Credentials | None,
    path_params: Mapping[str, Any] | None,
    query: Mapping[str, Any] | None,
    headers: Mapping[str, Any] | None,
    body: Any,
    streaming: bool,
    cookies: Mapping[str, Any] | None = None,
    base_url: str,
    timeout_ms: int | None,
    http_headers: Mapping[str, str] | None,
    page_url: str | None = None,
) -> httpx.Request:
    """The request of one call: path parameters filled in, the credentials placed, the body encoded.

    `page_url`: a paged operation's next page, sent to that URL with its own query (the credentials
    still join it) instead of the operation's path and query parameters."""
    styles = spec.param_styles
    path = spec.path
    if path_params:
        for name, value in path_params.items():
            path = path.replace(
                "{" + name + "}", path_value(name, value, styles.get(("path", name), DEFAULT_STYLES["path"]))
            )
    all_headers: dict[str, str] = {"user-agent": _settings.USER_AGENT}
    if streaming:
        all_headers["accept"] = spec.stream_media_type
    elif spec.results:
        all_headers["accept"] = ", ".join(dict.fromkeys(r[1] for r in spec.results if r[1]))
    elif spec.response_kind == "json":
        all_headers["accept"] = "application/json"
    if headers:
        for name, value in headers.items():
            if not isinstance(value, Unset) and value is not None:
                all_headers[name.lower()] = header_value(value, styles.get(("header", name), DEFAULT_STYLES["header"]))
    cookie = cookie_header(cookies, styles) if cookies else None
    if cookie is not None:
        all_headers["cookie"] = cookie
    if page_url is not None:
        query = None
    if auth is not None:  # after the cookie parameters: a credential cookie joins them
        query = auth.apply(all_headers, query)
    kwargs = encode_body(spec.request_content_type, body, spec)
    if "headers" in kwargs:
        all_headers.update(kwargs.pop("headers"))
    upload: UploadStream | None = kwargs.pop("stream", None)
    if http_headers:  # the caller's headers win, whatever their case
        for name, value in http_headers.items():
            all_headers[name.lower()] = value
    if spec.idempotency_header and spec.idempotency_header.lower() not in all_headers:
        import uuid

        # Built once per call: every retry of the call sends the same key.
        all_headers[spec.idempotency_header.lower()] = str(uuid.uuid4())
    query_text = query_string(query, styles) if query else ""
    url = base_url.rstrip("/") + path if page_url is None else page_url
    request = client.build_request(
        spec.method,
        # A path may carry fixed query parameters of its own (`/jobs?op=LIST`): the others join them.
        url + (("&" if "?" in url else "?") + query_text if query_text else ""),
        headers=all_headers,
        timeout=timeout_ms / 1000 if timeout_ms is not None else None,
        **kwargs,
    )
    if upload is not None:  # files are read while the request is sent, on either client
        request.stream = upload
        if "transfer-encoding" in all_headers:
            request.headers.pop("content-length", None)
    return request


def redacted_headers() -> frozenset[str]:
    """The (lower-case) names of the headers the debug log hides: credentials, cookies, the apiKey headers."""
    return _REDACTED_HEADERS | secret_headers(_settings.SECURITY_SCHEMES)


def redact(headers: httpx.Headers) -> dict[str, str]:
    """The headers as a dict for the debug log, with secret values replaced by `[REDACTED]`."""
    hidden = redacted_headers()
    return {k: ("[REDACTED]" if k.lower() in hidden else v) for k, v in headers.items()}


# -- retries ---------------------------------------------------------------------------------
async def async_sleep(seconds: float) -> None:
    """`asyncio.sleep`, imported on first use: `import asyncio` is slow and sync users never need it."""
    import asyncio

    await asyncio.sleep(seconds)


def next_delay(config: RetryConfig, attempt: int, started: float, response: httpx.Response | None) -> float | None:
    """Milliseconds to wait before retrying, or None when this failure is final.

    `attempt` (0-based) just failed, with `response`, or without an answer when it is None;
    `started` is the `time.monotonic()` of the first attempt, for `max_elapsed_time`.
    """
    if config.strategy == "none":
        return None
    if response is None:
        if not config.retry_connection_errors:
            return None
    elif not config.retries_status(response.status_code):
        return None
    wait = delay_ms(config, attempt, response)
    if (monotonic() - started) * 1000 + wait >= config.backoff.max_elapsed_time:
        return None
    return wait


# -- answers ---------------------------------------------------------------------------------
def decode_response(spec: OperationSpec, response: httpx.Response, streaming: bool, is_async: bool = False) -> Any:
    """The result of a successful answer: a validated model, text, bytes, None, or an event stream."""
    if spec.stream_type is not None and (
        streaming or spec.stream_media_type in response.headers.get("content-type", "")
    ):
        from ._streaming import open_stream

        return open_stream(spec, response, is_async)
    if spec.results:
        kind, index = pick_result(spec.results, response)
        if kind == "json":
            return _validated(spec, spec.result_adapter(index), response)
    else:
        kind, index = spec.response_kind, -1
        if spec.response_type is None:
            return None
    if kind == "binary":
        return response.content
    if kind == "text":
        return response.text
    if kind == "empty":
        return None
    return _validated(spec, spec.adapter("response"), response)


def status_patterns(status: int) -> tuple[str, str, str]:
    """The response keys a status answers to, most specific first, upper-cased: `404`, `4XX`, `DEFAULT`
    (a spec may write `4xx` and `default`)."""
    code = str(status)
    return code, code[0] + "XX", "DEFAULT"


def pick_result(
    results: tuple[tuple[str, str | None, ResponseKind, Any], ...], response: httpx.Response
) -> tuple[ResponseKind, int]:
    """The (kind, index) of the declared success response that fits the answer.

    By status: the exact code, else its `2XX` range, else `default`, else any; then by content type:
    the same media type, else the same family (JSON, text, other), else no content for an empty body.
    """
    candidates = list(range(len(results)))
    for pattern in status_patterns(response.status_code):
        found = [i for i, r in enumerate(results) if r[0].upper() == pattern]
        if found:
            candidates = found
            break
    media = response.headers.get("content-type", "").partition(";")[0].strip().lower()
    if not media or response.status_code in (204, 205, 304):
        empty = next((i for i in candidates if results[i][2] == "empty"), None)
        if empty is not None:
            return "empty", empty
    family = "json" if "json" in media else "text" if media.startswith("text/") else "binary"
    best = None
    for i in candidates:
        declared = (results[i][1] or "").lower()
        if declared == media:
            return results[i][2], i
        if best is None and results[i][2] == family:
            best = i
    index = candidates[0] if best is None else best
    return results[index][2], index


def _validated(spec: OperationSpec, adapter: Any, response: httpx.Response) -> Any:
    """The JSON body validated by `adapter`; a `ResponseValidationError` when it does not match the spec."""
    try:
        return adapter.validate_json(response.content, context=RESPONSE)
    except ValueError as exc:
        from pydantic import ValidationError

        if not isinstance(exc, ValidationError):
            raise
        what = f"{spec.operation_id}: the response (status {response.status_code}) does not match the spec"
        raise ResponseValidationError(describe_validation_error(exc, what), response, exc) from exc


def error_for(spec: OperationSpec, response: httpx.Response) -> APIError:
    """The exception for an error answer: the documented error class with its decoded body, else `APIError`."""
    factory = spec.error_class(response.status_code)
    if factory is not None:
        error_class = factory()
        data_type = getattr(error_class, "data_type", lambda: None)()
        if data_type is None:
            return error_class(f"{spec.operation_id} failed", response)
        try:
            data = data_type.model_validate_json(response.content, context=RESPONSE)
        except ValueError:  # not the documented shape: a plain APIError says what came instead
            pass
        else:
            return error_class(data, response)
    return APIError(f"{spec.operation_id} failed", response)


def _requirement(spec: OperationSpec) -> Requirement:
    return _settings.SECURITY if spec.security is None else spec.security


def default_logger() -> logging.Logger | None:
    """The SDK's logger when debugging is switched on through the environment (`_settings.DEBUG_ENV`)."""
    if os.environ.get(_settings.DEBUG_ENV, "").lower() not in ("1", "true", "yes"):
        return None
    logger = logging.getLogger(_settings.PACKAGE)
    logger.setLevel(logging.DEBUG)
    if not logger.handlers:
        logger.addHandler(logging.StreamHandler())
    return logger


def _transport_error(
    exc: httpx.TransportError, request: httpx.Request, started: float, attempts: int
) -> APIConnectionError:
    url = str(request.url)
    elapsed_ms = round((monotonic() - started) * 1000)
    tries = f"{attempts} attempts" if attempts > 1 else "1 attempt"
    if isinstance(exc, httpx.TimeoutException):
        timeout = request.extensions.get("timeout", {}).get("read")
        ms = round(timeout * 1000) if isinstance(timeout, (int, float)) else None
        limit = f"the {ms} ms timeout" if ms is not None else "the timeout"
        return APITimeoutError(
            f"{request.method} {url} took longer than {limit} ({type(exc).__name__}; gave up after {elapsed_ms} ms, {tries})",
            url=url,
            timeout_ms=ms,
            elapsed_ms=elapsed_ms,
            attempts=attempts,
            cause=exc,
        )
    return APIConnectionError(
        f"{request.method} {url} failed: {type(exc).__name__}: {str(exc) or 'connection error'} (gave up after {elapsed_ms} ms, {tries})",
        url=url,
        elapsed_ms=elapsed_ms,
        attempts=attempts,
        cause=exc,
    )


# -- encoding --------------------------------------------------------------------------------
def build_model(model: Any, values: Mapping[str, Any], operation_id: str) -> Any:
    """Validate keyword arguments (wire names -> values) into the request model; UNSET ones are left out."""
    data = {k: v for k, v in values.items() if not isinstance(v, Unset)}
    try:
        return model.model_validate(data)
    except Exception as exc:
        from pydantic import ValidationError

        if not isinstance(exc, ValidationError):
            raise
        raise RequestValidationError(
            describe_validation_error(exc, f"{operation_id}: invalid arguments"), exc
        ) from None


def to_jsonable(value: Any) -> Any:
    """Plain JSON data from models (fields not given are left out), lists, dicts and scalars."""
    dump = getattr(value, "model_dump", None)
    if dump is not None:
        return dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items() if not isinstance(v, Unset)}
    if hasattr(value, "value") and hasattr(value, "name") and not isinstance(value, (str, int, float)):
        return value.value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def encode_body(content_type: str | None, body: Any, spec: OperationSpec | None = None) -> dict[str, Any]:
    """httpx keyword arguments for a body of the given content type.

    Files (`_files.FileInput`) travel as an `UploadStream` under the key "stream", read while sent.
    """
    if body is None or isinstance(body, Unset) or content_type is None:
        return {}
    if "json" in content_type:
        dump_json = getattr(body, "model_dump_json", None)
        payload = (
            dump_json(by_alias=True, exclude_unset=True)
            if dump_json
            else json.dumps(to_jsonable(body), separators=(",", ":"))
        )
        return {"content": payload.encode(), "headers": {"content-type": content_type}}
    if content_type == "multipart/form-data":
        part_types = spec.file_fields if spec is not None else {}
        data: dict[str, Any] = {}
        files: dict[str, list[Upload]] = {}
        for key, value in _raw_fields(body).items():
            if is_file(value):
                files[key] = [Upload(value, key, part_types.get(key))]
            elif isinstance(value, list) and value and all(is_file(v) for v in value):
                files[key] = [Upload(v, key, part_types.get(key)) for v in value]
            elif value is not None:
                data[key] = _form_value(value)
        stream, headers = multipart_body(data, files)
        return {"stream": stream, "headers": headers}
    if content_type == "application/x-www-form-urlencoded":
        return {"data": {k: _form_value(v) for k, v in _raw_fields(body).items() if v is not None}}
    if is_file(body):
        stream, headers = binary_body(body, content_type)
        return {"stream": stream, "headers": headers}
    return {"content": str(body).encode(), "headers": {"content-type": content_type}}


def _raw_fields(body: Any) -> dict[str, Any]:
    """Top-level fields of a body model (or dict) by wire name, keeping files as they are."""
    if hasattr(body, "model_fields_set"):
        out: dict[str, Any] = {}
        fields = type(body).model_fields
        given = body.model_fields_set
        # the spec's order of the properties (then extra fields by name): the parts go out in it
        for name in [*(n for n in fields if n in given), *sorted(given - fields.keys())]:
            info = fields.get(name)
            key = (info.alias or name) if info is not None else name
            out[key] = _field_value(getattr(body, name))
        return out
    if isinstance(body, dict):
        return {k: _field_value(v) for k, v in body.items() if not isinstance(v, Unset)}
    return {}


def _field_value(value: Any) -> Any:
    if is_file(value):
        return value
    if isinstance(value, list) and value and all(is_file(v) for v in value):
        return list(value)
    return to_jsonable(value)


def _form_value(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":")) if isinstance(value, dict) else [_scalar(v) for v in value]
    return _scalar(value)


def _scalar(value: Any) -> str:
    value = to_jsonable(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)
