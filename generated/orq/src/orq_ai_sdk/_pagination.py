"""Pages of a paginated operation: the typed response, its items, and the way to the next page.

A paged operation's method returns a `SyncPage` (its `_async` twin an `AsyncPage`): `page.result` is the
typed response, `page.items` the items of this page, and iterating over the page walks the items of this
page and of every following one, each page fetched only when the previous one is used up (a `break` sends
nothing more). Each page is an ordinary call (`BaseClient._call`): the client's auth, retries, timeouts and
hooks apply to every page. `Paging` says, per operation, how the next request is made and when the walk
ends (from the spec's `x-speakeasy-pagination`, or `pagination:` in sdkgen.yaml for `Link` headers).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast

from ._exceptions import PaginationError
from ._types import Unset

if TYPE_CHECKING:
    import httpx

    from ._client import BaseClient, CallArguments, OperationSpec

__all__ = ["AsyncPage", "Paging", "SyncPage"]

R = TypeVar("R")
T = TypeVar("T")

Location = Literal["query", "header", "path", "body"]
# Where `CallArguments` holds the arguments of each location.
_ARGUMENTS: dict[str, str] = {"query": "query", "header": "headers", "path": "path_params"}
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class Paging:
    """How one operation's pages follow each other.

    `kind`: `offsetLimit` (the `input` argument, an offset or a page number, moves on; the walk ends on an
    empty page, or a page shorter than the `limit` argument sent), `cursor` (the response's `next_cursor`
    goes into the `input` argument; no cursor ends the walk), `url` (the response's `next_url` is fetched
    as it is) or `link` (the `Link: <...>; rel="next"` header is). Paths are JSON keys from the body's root.
    """

    kind: Literal["offsetLimit", "cursor", "url", "link"]
    results: tuple[str, ...] = ()  # where the page's items are in the body; () for the body itself
    input: str = ""  # the wire name of the offset, page or cursor argument
    input_in: Location = "query"
    input_type: Literal["offset", "page", "cursor", ""] = ""
    limit: str = ""  # the wire name of the limit argument, "" when there is none
    limit_in: Location = "query"
    start: int = 0  # what an offset or page argument left out stands for
    next_cursor: tuple[str, ...] = ()
    next_url: tuple[str, ...] = ()
    num_pages: tuple[str, ...] = ()  # page numbers: the number of pages, when the response says it


class _Page(Generic[R, T]):
    """What sync and async pages share: the result, its items, and the arguments of the next request."""

    __slots__ = ("_arguments", "_client", "_spec", "http_response", "items", "result")

    def __init__(
        self,
        client: BaseClient,
        spec: OperationSpec,
        arguments: CallArguments,
        result: R,
        response: httpx.Response,
    ) -> None:
        self._client = client
        self._spec = spec
        self._arguments = arguments
        self.result = result  # the typed response, as the method of an unpaged operation returns it
        self.http_response = response
        items = _lookup(result, self._paging.results)
        self.items: list[T] = list(items) if isinstance(items, (list, tuple)) else []

    @property
    def _paging(self) -> Paging:
        paging = self._spec.pagination
        assert paging is not None
        return paging

    def has_next(self) -> bool:
        """Whether there is a next page to fetch (decided from this page alone, without sending anything)."""
        return self._next_arguments() is not None

    def _next_arguments(self) -> CallArguments | None:
        """The arguments of the next page's call, or None at the end."""
        paging, arguments = self._paging, self._arguments
        if paging.kind == "offsetLimit":
            if not self.items:
                return None
            limit = _argument(arguments, paging.limit_in, paging.limit) if paging.limit else None
            if isinstance(limit, int) and not isinstance(limit, bool) and len(self.items) < limit:
                return None  # a short page is the last one
            current = _argument(arguments, paging.input_in, paging.input)
            position = current if isinstance(current, int) and not isinstance(current, bool) else paging.start
            if paging.input_type == "page":
                pages = _lookup(self.result, paging.num_pages) if paging.num_pages else None
                if isinstance(pages, int) and position >= pages:
                    return None
                return _with(arguments, paging.input_in, paging.input, position + 1)
            return _with(arguments, paging.input_in, paging.input, position + len(self.items))
        if paging.kind == "cursor":
            cursor = _lookup(self.result, paging.next_cursor)
            if cursor is None or cursor == "" or isinstance(cursor, (dict, list)):
                return None
            return _with(arguments, paging.input_in, paging.input, cursor)
        if paging.kind == "url":
            url = _lookup(self.result, paging.next_url)
        else:
            url = self.http_response.links.get("next", {}).get("url")
        if not isinstance(url, str) or not url:
            return None
        following = cast("CallArguments", {**arguments, "page_url": self._same_origin(url)})
        return following

    def _same_origin(self, url: str) -> str:
        """The next page's URL, resolved against this page's; `PaginationError` if on another origin."""
        here = self.http_response.request.url
        target = here.join(url)
        if _origin(target) != _origin(here):
            raise PaginationError(
                f"{self._spec.operation_id}: the next page is at {target}, on another origin than "
                f"{here.scheme}://{here.netloc.decode('ascii')}; not followed",
                url=str(target),
            )
        return str(target)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._spec.operation_id}: {len(self.items)} items>"


class SyncPage(_Page[R, T]):
    """A page of a paged operation. Iterating walks the items of this page and of every following one."""

    __slots__ = ()

    def next(self) -> SyncPage[R, T] | None:
        """The next page (one request), or None when this is the last one."""
        arguments = self._next_arguments()
        if arguments is None:
            return None
        page: SyncPage[R, T] = self._client._call(self._spec, **arguments)
        return page

    def iter_pages(self) -> Iterator[SyncPage[R, T]]:
        """This page, then each following one, fetched as the loop asks for it."""
        page: SyncPage[R, T] | None = self
        while page is not None:
            yield page
            page = page.next()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPage(_Page[R, T]):
    """The async twin of `SyncPage`: `async for item in page`, `await page.next()`, `page.iter_pages()`."""

    __slots__ = ()

    async def next(self) -> AsyncPage[R, T] | None:
        """The next page (one request), or None when this is the last one."""
        arguments = self._next_arguments()
        if arguments is None:
            return None
        page: AsyncPage[R, T] = await self._client._call_async(self._spec, **arguments)
        return page

    async def iter_pages(self) -> AsyncIterator[AsyncPage[R, T]]:
        """This page, then each following one, fetched as the loop asks for it."""
        page: AsyncPage[R, T] | None = self
        while page is not None:
            yield page
            page = await page.next()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


def page_of(
    client: BaseClient,
    spec: OperationSpec,
    arguments: CallArguments,
    result: Any,
    response: httpx.Response,
    is_async: bool,
) -> SyncPage[Any, Any] | AsyncPage[Any, Any]:
    """The page a paged operation's call returns (`_Call.answer`)."""
    kind = AsyncPage if is_async else SyncPage
    return kind(client, spec, arguments, result, response)


# -- helpers ---------------------------------------------------------------------------------------
def _lookup(value: Any, path: tuple[str, ...]) -> Any:
    """The value at a path of JSON keys, in decoded data or in models (by their fields' wire names)."""
    for key in path:
        if value is None:
            return None
        if isinstance(value, Mapping):
            value = value.get(key)
            continue
        fields = getattr(type(value), "model_fields", None)
        if fields is None:
            return None
        name = next((n for n, info in fields.items() if (info.alias or n) == key), None)
        if name is not None:
            value = getattr(value, name)
        else:  # an undeclared property the model keeps
            extra = getattr(value, "model_extra", None)
            value = extra.get(key) if isinstance(extra, dict) else None
    return value


def _argument(arguments: CallArguments, location: Location, name: str) -> Any:
    """The value an argument was sent with; None when it was not sent."""
    if location == "body":
        value = _lookup(arguments.get("body"), (name,))
    else:
        holder = cast("Mapping[str, Any] | None", arguments.get(_ARGUMENTS[location]))
        value = holder.get(name) if holder else None
    return None if isinstance(value, Unset) else value


def _with(arguments: CallArguments, location: Location, name: str, value: Any) -> CallArguments:
    """A copy of the call's arguments with one argument changed."""
    out: dict[str, Any] = dict(arguments)
    if location == "body":
        from ._client import to_jsonable

        body = out.get("body")
        data = to_jsonable(body) if body is not None and not isinstance(body, Unset) else {}
        out["body"] = {**(data if isinstance(data, dict) else {}), name: value}
    else:
        key = _ARGUMENTS[location]
        out[key] = {**(out.get(key) or {}), name: value}
    return cast("CallArguments", out)


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme)
