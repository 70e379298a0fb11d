"""`timeout_ms` as a deadline for a whole attempt, not for each socket read.

httpx's timeout bounds each read: a server that trickles a byte every half second would keep a
`timeout_ms=2000` call alive for as long as it likes. `receive` reads each attempt's body through a
`DeadlineStream`, which checks the clock after every piece and raises `httpx.ReadTimeout` once the
attempt's deadline has passed; the retry loop counts that as any other timeout (`APITimeoutError`).

The deadline covers sending the request and reading the whole body. A read that waits for bytes is
still bounded by httpx's own per-read timeout (also `timeout_ms`), so a server that falls silent just
before the deadline ends the attempt at most one read timeout later. For event streams (`stream=True`)
the deadline bounds the time to the first event (or keep-alive comment): the call returns once it has
arrived, and the stream may then run as long as its events keep coming.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from time import monotonic

import httpx

__all__ = ["DeadlineStream", "receive", "receive_async"]


def receive(
    client: httpx.Client, request: httpx.Request, streaming: bool, headers_only: bool = False
) -> httpx.Response:
    """Send one attempt and read its body (an event stream's: up to the first event) within the timeout.

    `headers_only`: a success is returned with its body unread and free of the deadline (a streamed download).
    """
    started = monotonic()
    response = client.send(request, stream=True)
    if headers_only and not response.is_error:
        return response
    deadline = _arm(response, started)
    try:
        if not streaming or response.is_error:
            response.read()
        elif deadline is not None:
            deadline.read_to_first_event()
    except BaseException:
        response.close()
        raise
    return response


async def receive_async(
    client: httpx.AsyncClient, request: httpx.Request, streaming: bool, headers_only: bool = False
) -> httpx.Response:
    """The async twin of `receive`."""
    started = monotonic()
    response = await client.send(request, stream=True)
    if headers_only and not response.is_error:
        return response
    deadline = _arm(response, started)
    try:
        if not streaming or response.is_error:
            await response.aread()
        elif deadline is not None:
            await deadline.aread_to_first_event()
    except BaseException:
        await response.aclose()
        raise
    return response


def _arm(response: httpx.Response, started: float) -> DeadlineStream | None:
    """Put the response's body under the deadline of the attempt begun at `started`; None without a timeout."""
    timeout = response.request.extensions.get("timeout", {}).get("read")
    stream = response.stream
    if not isinstance(timeout, (int, float)) or not isinstance(stream, (httpx.SyncByteStream, httpx.AsyncByteStream)):
        return None
    deadline = DeadlineStream(stream, response.request, timeout, started)
    response.stream = deadline
    return deadline


def _ends_event(text: bytes) -> bool:
    """Whether `text` holds a blank line, the end of a server-sent event (LF, CR or CRLF line ends)."""
    return b"\n\n" in text or b"\r\r" in text or b"\n\r" in text


class DeadlineStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response's byte stream that raises `httpx.ReadTimeout` for a piece arriving after the deadline.

    Iterated as it is, every piece is checked. After `read_to_first_event` (or its async twin) the
    pieces read so far are replayed and the rest passes unchecked.
    """

    def __init__(
        self,
        inner: httpx.SyncByteStream | httpx.AsyncByteStream,
        request: httpx.Request,
        timeout: float,
        started: float,
    ) -> None:
        self._inner = inner
        self._request = request
        self._timeout = timeout
        self._deadline = started + timeout
        self._early: list[bytes] = []  # the pieces up to the first event
        self._rest: Iterator[bytes] | AsyncIterator[bytes] | None = None  # the pieces after them

    def _check(self) -> None:
        if monotonic() > self._deadline:
            raise httpx.ReadTimeout(
                f"no complete answer within {round(self._timeout * 1000)} ms", request=self._request
            )

    def read_to_first_event(self) -> None:
        assert isinstance(self._inner, httpx.SyncByteStream)
        self._rest = pieces = iter(self._inner)
        last = b""
        for piece in pieces:
            self._check()
            self._early.append(piece)
            if _ends_event(last + piece):
                return
            last = piece[-1:]

    async def aread_to_first_event(self) -> None:
        assert isinstance(self._inner, httpx.AsyncByteStream)
        self._rest = pieces = self._inner.__aiter__()
        last = b""
        async for piece in pieces:
            self._check()
            self._early.append(piece)
            if _ends_event(last + piece):
                return
            last = piece[-1:]

    def __iter__(self) -> Iterator[bytes]:
        if self._rest is None:
            assert isinstance(self._inner, httpx.SyncByteStream)
            for piece in self._inner:
                self._check()
                yield piece
        else:
            assert isinstance(self._rest, Iterator)
            yield from self._early
            yield from self._rest

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self._rest is None:
            assert isinstance(self._inner, httpx.AsyncByteStream)
            async for piece in self._inner:
                self._check()
                yield piece
        else:
            assert isinstance(self._rest, AsyncIterator)
            for piece in self._early:
                yield piece
            async for piece in self._rest:
                yield piece

    def close(self) -> None:
        assert isinstance(self._inner, httpx.SyncByteStream)
        self._inner.close()

    async def aclose(self) -> None:
        assert isinstance(self._inner, httpx.AsyncByteStream)
        await self._inner.aclose()
