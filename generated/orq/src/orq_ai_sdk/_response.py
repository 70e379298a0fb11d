"""Raw and streamed responses: what `resource.with_raw_response` and `resource.with_streaming_response` return.

    response = client.pets.with_raw_response.get(pet_id=1)
    response.status_code, response.headers["x-request-id"]
    pet = response.parse()  # what `client.pets.get(pet_id=1)` returns

    with client.files.with_streaming_response.download(file_id="f") as response:
        response.write_to_file("big.bin")  # the body is never held in memory whole

Each view of a resource is a class whose attributes wrap the resource's methods (`raw_response(Pets.get)`):
calling one sets `VIEW` (a context variable) and calls the method as usual; `BaseClient._call` reads and
clears it as it starts, so nothing leaks into the calls made while answering (an OAuth token, a hook's call).
Errors raise as from the plain method (the exception carries the response); `parse()` goes through
`_Call.answer`, the same path as the plain call, and is computed once.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Iterator
from typing import TYPE_CHECKING, Any, Concatenate, Generic, ParamSpec, TypeVar

import httpx

from ._client import VIEW

if TYPE_CHECKING:
    from types import TracebackType

    from ._client import _Call

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "AsyncResponseContextManager",
    "ResourceView",
    "ResponseContextManager",
    "raw_response",
    "raw_response_async",
    "streamed_response",
    "streamed_response_async",
]

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")
_NOT_PARSED: Any = object()


class _BaseResponse:
    __slots__ = ("_call", "_parsed", "http_response")

    def __init__(self, http_response: httpx.Response, call: _Call) -> None:
        self.http_response = http_response  # the `httpx.Response`
        self._call = call
        self._parsed: Any = _NOT_PARSED

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<{type(self).__name__} [{self.status_code}] {request.method} {request.url}>"


class APIResponse(_BaseResponse, Generic[R]):
    """A successful answer with its status and headers; `parse()` gives the typed result."""

    __slots__ = ()

    def parse(self) -> R:
        """The result the plain method returns (read from the body now if it was streamed), computed once."""
        if self._parsed is _NOT_PARSED:
            try:
                self._parsed = self._call.answer(self.http_response, is_async=False)
            except httpx.ResponseNotRead:  # a streamed body the result needs whole
                self.http_response.read()
                self._parsed = self._call.answer(self.http_response, is_async=False)
        parsed: R = self._parsed
        return parsed

    def read(self) -> bytes:
        """The whole body."""
        return self.http_response.read()

    def text(self) -> str:
        """The whole body, decoded."""
        self.http_response.read()
        return self.http_response.text

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body piece by piece, as it arrives (decompressed), without keeping it."""
        return self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        return self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        """The body line by line (without line ends)."""
        return self.http_response.iter_lines()

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the body to `file` as it arrives: memory stays bounded whatever the size."""
        with open(file, "wb") as out:
            out.writelines(self.http_response.iter_bytes())

    def close(self) -> None:
        """Give the connection back (the `with` block of `with_streaming_response` does it on exit)."""
        self.http_response.close()


class AsyncAPIResponse(_BaseResponse, Generic[R]):
    """The async twin of `APIResponse`: `await parse()`, `async for` over `iter_bytes()`..."""

    __slots__ = ()

    async def parse(self) -> R:
        """The result the plain `_async` method returns, computed once."""
        if self._parsed is _NOT_PARSED:
            try:
                self._parsed = self._call.answer(self.http_response, is_async=True)
            except httpx.ResponseNotRead:
                await self.http_response.aread()
                self._parsed = self._call.answer(self.http_response, is_async=True)
        parsed: R = self._parsed
        return parsed

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.http_response.aread()
        return self.http_response.text

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        return self.http_response.aiter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        return self.http_response.aiter_text(chunk_size)

    def iter_lines(self) -> AsyncIterator[str]:
        return self.http_response.aiter_lines()

    async def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the body to `file` as it arrives: memory stays bounded whatever the size."""
        with open(file, "wb") as out:  # noqa: ASYNC230 (local file writes of network-sized pieces)
            async for piece in self.http_response.aiter_bytes():
                out.write(piece)

    async def close(self) -> None:
        await self.http_response.aclose()


class ResponseContextManager(Generic[T]):
    """Sends the request on entering (headers read, body not), closes the response on leaving."""

    __slots__ = ("_response", "_send")

    def __init__(self, send: Callable[[], APIResponse[T]]) -> None:
        self._send = send
        self._response: APIResponse[T] | None = None

    def __enter__(self) -> APIResponse[T]:
        self._response = self._send()
        return self._response

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager(Generic[T]):
    """The async twin of `ResponseContextManager`, for `async with`."""

    __slots__ = ("_response", "_send")

    def __init__(self, send: Callable[[], Awaitable[AsyncAPIResponse[T]]]) -> None:
        self._send = send
        self._response: AsyncAPIResponse[T] | None = None

    async def __aenter__(self) -> AsyncAPIResponse[T]:
        self._response = await self._send()
        return self._response

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._response is not None:
            await self._response.close()


# -- the views -------------------------------------------------------------------------------
class ResourceView(Generic[T]):
    """The base of the generated `...WithRawResponse` / `...WithStreamingResponse` classes."""

    def __init__(self, resource: T) -> None:
        self._resource = resource


class _ViewMethod:
    """A descriptor that wraps a resource's method for a view; the wrapper is made once per view object."""

    __slots__ = ("func", "name")

    def __init__(self, func: Callable[..., Any]) -> None:
        self.func = func
        self.name = getattr(func, "__name__", "")

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, view: ResourceView[Any] | None, owner: type | None = None) -> Any:
        if view is None:
            return self
        wrapper = self._wrap(self.func.__get__(view._resource))
        view.__dict__[self.name] = wrapper  # the next lookup finds it without calling `__get__`
        return wrapper

    def _wrap(self, method: Callable[..., Any]) -> Callable[..., Any]:
        raise NotImplementedError


def _call_raw(method: Callable[..., Any], mode: str, args: Any, kwargs: Any) -> Any:
    token = VIEW.set(mode)
    try:
        return method(*args, **kwargs)
    finally:
        VIEW.reset(token)


async def _call_raw_async(method: Callable[..., Any], mode: str, args: Any, kwargs: Any) -> Any:
    token = VIEW.set(mode)
    try:
        return await method(*args, **kwargs)
    finally:
        VIEW.reset(token)


class raw_response(_ViewMethod, Generic[P, R]):
    """`view.get(...)`: the method's answer as an `APIResponse` (body read, status and headers at hand)."""

    __slots__ = ()

    def __init__(self, func: Callable[Concatenate[Any, P], R]) -> None:
        super().__init__(func)

    if TYPE_CHECKING:

        def __get__(self, view: ResourceView[Any] | None, owner: type | None = None) -> Callable[P, APIResponse[R]]: ...

    def _wrap(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            return _call_raw(method, "raw", args, kwargs)

        return call


class raw_response_async(_ViewMethod, Generic[P, R]):
    """`await view.get_async(...)`: the `_async` method's answer as an `AsyncAPIResponse`."""

    __slots__ = ()

    def __init__(self, func: Callable[Concatenate[Any, P], Coroutine[Any, Any, R]]) -> None:
        super().__init__(func)

    if TYPE_CHECKING:

        def __get__(
            self, view: ResourceView[Any] | None, owner: type | None = None
        ) -> Callable[P, Coroutine[Any, Any, AsyncAPIResponse[R]]]: ...

    def _wrap(self, method: Callable[..., Any]) -> Callable[..., Any]:
        async def call(*args: Any, **kwargs: Any) -> Any:
            return await _call_raw_async(method, "raw", args, kwargs)

        return call


class streamed_response(_ViewMethod, Generic[P, R]):
    """`with view.get(...) as response`: the request is sent on entering and the body is not read."""

    __slots__ = ()

    def __init__(self, func: Callable[Concatenate[Any, P], R]) -> None:
        super().__init__(func)

    if TYPE_CHECKING:

        def __get__(
            self, view: ResourceView[Any] | None, owner: type | None = None
        ) -> Callable[P, ResponseContextManager[R]]: ...

    def _wrap(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            return ResponseContextManager(lambda: _call_raw(method, "stream", args, kwargs))

        return call


class streamed_response_async(_ViewMethod, Generic[P, R]):
    """`async with view.get_async(...) as response`: the async twin of `streamed_response`."""

    __slots__ = ()

    def __init__(self, func: Callable[Concatenate[Any, P], Coroutine[Any, Any, R]]) -> None:
        super().__init__(func)

    if TYPE_CHECKING:

        def __get__(
            self, view: ResourceView[Any] | None, owner: type | None = None
        ) -> Callable[P, AsyncResponseContextManager[R]]: ...

    def _wrap(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            return AsyncResponseContextManager(lambda: _call_raw_async(method, "stream", args, kwargs))

        return call
