"""Server-sent event streams, typed: iterate them to get chunk models.

The decoder is written here rather than taken from httpx-sse because it works on the raw byte
chunks (no per-line str allocation from `iter_lines`), handles the sentinel and error events in the
same pass, and reports a stream that breaks off instead of ending silently.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx
from typing_extensions import Self

from .errors import APIError, ResponseValidationError, StreamError, describe_validation_error

if TYPE_CHECKING:
    from types import TracebackType

    from pydantic import TypeAdapter

T = TypeVar("T")

__all__ = ["EventStream", "EventStreamAsync", "SSEDecoder", "ServerSentEvent"]


class ServerSentEvent:
    __slots__ = ("data", "event", "id", "retry")

    def __init__(self, data: str, event: str | None, id: str | None, retry: int | None) -> None:
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry

    def __repr__(self) -> str:
        return f"ServerSentEvent(event={self.event!r}, data={self.data!r}, id={self.id!r}, retry={self.retry!r})"


class SSEDecoder:
    """Incremental decoder for the `text/event-stream` format (WHATWG HTML, section 9.2)."""

    def __init__(self) -> None:
        self._buffer = b""
        self._first = True
        self._data: list[str] = []
        self._event: str | None = None
        self._id: str | None = None
        self._retry: int | None = None
        self.last_event_id: str | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Decode a chunk of bytes; returns the events it completes."""
        if self._first and chunk:
            self._first = False
            if chunk.startswith(b"\xef\xbb\xbf"):
                chunk = chunk[3:]
        buffer = self._buffer + chunk
        events: list[ServerSentEvent] = []
        start = 0
        length = len(buffer)
        while True:
            lf = buffer.find(b"\n", start)
            cr = buffer.find(b"\r", start, lf if lf != -1 else length)
            if cr != -1:
                end = cr
                if cr + 1 < length:
                    nxt = cr + 2 if buffer[cr + 1] == 10 else cr + 1
                elif lf == -1:
                    break  # a CR at the end: wait to see whether an LF follows
                else:
                    nxt = cr + 1
            elif lf != -1:
                end, nxt = lf, lf + 1
            else:
                break
            event = self._line(buffer[start:end])
            if event is not None:
                events.append(event)
            start = nxt
        self._buffer = buffer[start:]
        return events

    def flush(self) -> list[ServerSentEvent]:
        """At the end of the stream: a last line without its line end still counts."""
        events = self.feed(b"\n") if self._buffer else []
        # An event without its closing blank line is incomplete and is discarded, as the spec says.
        self._data, self._event = [], None
        return events

    def _line(self, raw: bytes) -> ServerSentEvent | None:
        if not raw:
            if not self._data and self._event is None:
                return None
            event = ServerSentEvent("\n".join(self._data), self._event, self._id, self._retry)
            self._data, self._event, self._retry = [], None, None
            return event
        if raw[0] == 58:  # ":" comment or ping
            return None
        line = raw.decode("utf-8", errors="replace")
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            if "\0" not in value:
                self._id = self.last_event_id = value
        elif name == "retry" and value.isdigit():
            self._retry = int(value)
        return None


class _StreamBase(Generic[T]):
    def __init__(
        self, response: httpx.Response, adapter: TypeAdapter[Any], *, sentinel: str | None, envelope: bool
    ) -> None:
        self.response = response
        self._adapter = adapter
        self._sentinel = sentinel
        self._envelope = envelope
        self._decoder = SSEDecoder()
        self._done = False

    def _decode(self, event: ServerSentEvent) -> T | None:
        """The chunk an event carries; None for events to skip. Sets `_done` at the sentinel."""
        data = event.data
        if self._sentinel is not None and data == self._sentinel:
            self._done = True
            return None
        if event.event == "error" or data.lstrip().startswith('{"error"'):
            self._done = True
            raise APIError("The stream reported an error", self.response, body=data)
        if not data and event.event is None:
            return None
        try:
            if self._envelope:
                return self._adapter.validate_json(data)  # type: ignore[no-any-return]
            return self._adapter.validate_python(  # type: ignore[no-any-return]
                {"data": data, "event": event.event, "id": event.id, "retry": event.retry}
            )
        except Exception as exc:
            from pydantic import ValidationError

            if not isinstance(exc, ValidationError):
                raise
            message = describe_validation_error(exc, "A streamed event does not match the spec")
            raise ResponseValidationError(message, self.response, exc) from exc

    def _ended(self) -> None:
        if not self._done and self._sentinel is not None:
            self._done = True
            raise StreamError(
                f"The stream ended before its end marker {self._sentinel!r}: the connection was cut short"
            )
        self._done = True


class EventStream(_StreamBase[T]):
    """A synchronous stream of typed events. Use it in a `with` block, or iterate it to the end."""

    def __iter__(self) -> Iterator[T]:
        try:
            for chunk in self.response.iter_bytes():
                for event in self._decoder.feed(chunk):
                    item = self._decode(event)
                    if self._done:
                        return
                    if item is not None:
                        yield item
            for event in self._decoder.flush():
                item = self._decode(event)
                if self._done:
                    return
                if item is not None:
                    yield item
            self._ended()
        except httpx.TransportError as exc:
            raise StreamError(f"The stream broke off: {type(exc).__name__}: {exc}") from exc
        finally:
            self.close()

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __del__(self) -> None:
        # A stream dropped without `close()` must not keep its connection; at interpreter shutdown
        # closing may fail, which is harmless then.
        with contextlib.suppress(Exception):
            self.response.close()


class EventStreamAsync(_StreamBase[T]):
    """An asynchronous stream of typed events. Use it in an `async with` block, or iterate it to the end."""

    async def __aiter__(self) -> AsyncIterator[T]:
        try:
            async for chunk in self.response.aiter_bytes():
                for event in self._decoder.feed(chunk):
                    item = self._decode(event)
                    if self._done:
                        return
                    if item is not None:
                        yield item
            for event in self._decoder.flush():
                item = self._decode(event)
                if self._done:
                    return
                if item is not None:
                    yield item
            self._ended()
        except httpx.TransportError as exc:
            raise StreamError(f"The stream broke off: {type(exc).__name__}: {exc}") from exc
        finally:
            await self.aclose()

    async def aclose(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
