"""Files to upload: what callers may pass (`FileInput`) and how it goes over the wire, streamed.

A binary field of a `multipart/form-data` body, or a whole binary body, takes `bytes`, a binary file
object (`open(path, "rb")`), a path (`pathlib.Path`), or a tuple `(filename, content)` /
`(filename, content, content_type)` whose content is any of those. Files and paths are read in chunks
while the request is sent, never whole; a path is opened when its turn comes and closed after it.
A retry sends the content again from its start: a file object is rewound (`seek`) to where it was
when the call began; one that cannot seek (a pipe) is not retried once it was read.
"""

from __future__ import annotations

import io
import mimetypes
import os
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import IO, Annotated, Any, TypeAlias

import httpx

__all__ = ["FileContent", "FileInput"]

_CHUNK = 64 * 1024


class _FileValidation:
    """Pydantic's view of `FileInput`: the value is checked and kept as it is (a file stays a file).

    Defined through `__get_pydantic_core_schema__` so that this module does not import pydantic.
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            _validate,
            serialization=core_schema.plain_serializer_function_ser_schema(_serialize, when_used="json"),
        )

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        return {"type": "string", "format": "binary"}


#: The content of a file: its bytes, a binary file object, or a path to read it from.
FileContent: TypeAlias = bytes | IO[bytes] | os.PathLike[str]

#: What a binary field or body accepts: content, or `(filename, content)`, or `(filename, content, content_type)`.
FileInput: TypeAlias = Annotated[
    FileContent | tuple[str, FileContent] | tuple[str, FileContent, str],
    _FileValidation(),
]


def _is_content(value: Any) -> bool:
    return isinstance(value, (bytes, bytearray, memoryview, os.PathLike)) or callable(getattr(value, "read", None))


def is_file(value: Any) -> bool:
    """Whether `value` is a `FileInput`."""
    if isinstance(value, tuple):
        return (
            len(value) in (2, 3)
            and isinstance(value[0], str)
            and _is_content(value[1])
            and (len(value) == 2 or isinstance(value[2], str))
        )
    return _is_content(value)


def _validate(value: Any) -> Any:
    if isinstance(value, str):  # a JSON string where the spec says binary: its UTF-8 bytes, as `bytes` fields do
        return value.encode()
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    content = value[1] if isinstance(value, tuple) and len(value) in (2, 3) else value
    if isinstance(content, io.TextIOBase):
        raise ValueError(_TEXT_MODE)  # noqa: TRY004 - pydantic reports a ValueError as a validation error
    if not is_file(value):
        raise ValueError(
            "expected bytes, a binary file object, a path, or a (filename, content[, content_type]) tuple, "
            f"not {type(value).__name__}"
        )
    return value


def _serialize(value: Any) -> Any:
    """JSON has no bytes: the content as text (a file or path is read)."""
    content = value[1] if isinstance(value, tuple) else value
    if isinstance(content, os.PathLike):
        with open(content, "rb") as file:
            content = file.read()
    elif not isinstance(content, (bytes, bytearray, memoryview)):
        content = content.read()
    return bytes(content).decode("utf-8", "replace")


_TEXT_MODE = "a file to upload must be opened in binary mode: open(path, 'rb')"


# -- sources: the content of one file, read in chunks ------------------------------------------------
class _Source:
    """The content of one file; `chunks()` reads it from its start every time it is called."""

    def length(self) -> int | None:
        raise NotImplementedError

    def chunks(self) -> Iterator[bytes]:
        raise NotImplementedError

    def rewindable(self) -> bool:
        return True

    def close(self) -> None:
        """Release what reading opened (the SDK's own file handles only, never the caller's)."""


class _Bytes(_Source):
    def __init__(self, data: bytes) -> None:
        self.data = data

    def length(self) -> int | None:
        return len(self.data)

    def chunks(self) -> Iterator[bytes]:
        if self.data:
            yield self.data


class _FileObject(_Source):
    """A caller's file object: read from where it stood when the call began; the caller closes it."""

    def __init__(self, file: Any) -> None:
        if isinstance(file, io.TextIOBase):
            raise TypeError(_TEXT_MODE)
        self.file = file
        self.started = False
        try:
            self.start: int | None = file.tell() if _seekable(file) else None
        except (OSError, ValueError):
            self.start = None

    def length(self) -> int | None:
        if self.start is None:
            return None
        try:  # a real file: its size on disk
            size = os.fstat(self.file.fileno()).st_size
            return max(size - self.start, 0)
        except (AttributeError, OSError, ValueError):
            pass
        try:  # a seekable stream (BytesIO): its end, then back
            end = self.file.seek(0, os.SEEK_END)
            self.file.seek(self.start)
            return int(end) - self.start
        except (AttributeError, OSError, ValueError):
            return None

    def rewindable(self) -> bool:
        return self.start is not None or not self.started

    def chunks(self) -> Iterator[bytes]:
        if self.started:
            if self.start is None:
                raise RuntimeError(NOT_REWINDABLE)
            self.file.seek(self.start)
        self.started = True
        while True:
            chunk = self.file.read(_CHUNK)
            if not chunk:
                return
            if not isinstance(chunk, bytes):
                if isinstance(chunk, str):
                    raise TypeError(_TEXT_MODE)
                chunk = bytes(chunk)
            yield chunk


class _Path(_Source):
    """A path: opened when its content is sent, closed at its end (or when the call ends)."""

    def __init__(self, path: os.PathLike[str]) -> None:
        self.path = path
        self.file: IO[bytes] | None = None

    def length(self) -> int | None:
        return os.stat(self.path).st_size

    def chunks(self) -> Iterator[bytes]:
        self.close()
        self.file = open(self.path, "rb")  # noqa: SIM115 - closed at the end of the content or by close()
        try:
            while True:
                chunk = self.file.read(_CHUNK)
                if not chunk:
                    return
                yield chunk
        finally:
            self.close()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


def _seekable(file: Any) -> bool:
    seekable = getattr(file, "seekable", None)
    try:
        return bool(seekable()) if callable(seekable) else callable(getattr(file, "seek", None))
    except (OSError, ValueError):
        return False


def _source(content: Any) -> _Source:
    if isinstance(content, (bytes, bytearray, memoryview)):
        return _Bytes(bytes(content))
    if isinstance(content, os.PathLike):
        return _Path(content)
    return _FileObject(content)


def _name_of(content: Any) -> str | None:
    """The base name of a path or of a file object's `.name` (not `<stdin>` or a file descriptor)."""
    name = os.fspath(content) if isinstance(content, os.PathLike) else getattr(content, "name", None)
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    if not isinstance(name, str) or not name or (name.startswith("<") and name.endswith(">")):
        return None
    return os.path.basename(name) or None


def _single_type(declared: str | None) -> str | None:
    """The spec's content type when it names exactly one concrete type (not `image/*`, not a list)."""
    if not declared or "," in declared or "*" in declared:
        return None
    return declared.strip()


class Upload:
    """One file ready to send: its filename, content type and content."""

    def __init__(self, value: Any, default_name: str, declared: str | None) -> None:
        if isinstance(value, tuple):
            filename: str | None = value[0]
            content = value[1]
            content_type: str | None = value[2] if len(value) == 3 else None
        else:
            filename, content, content_type = _name_of(value), value, None
        self.filename = filename or default_name
        self.content_type = (
            content_type
            or _single_type(declared)
            or mimetypes.guess_type(self.filename)[0]
            or "application/octet-stream"
        )
        self.source = _source(content)


# -- the request body --------------------------------------------------------------------------------
NOT_REWINDABLE = (
    "the upload's file object cannot seek back to its start, so the request cannot be sent again; "
    "pass bytes, a seekable file or a path to allow retries"
)


class UploadStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A request body of bytes and file contents, read in chunks each time it is sent.

    Not httpx's own `files=` multipart: it needs every file open before the request is built (a path
    could not be opened lazily and closed after), rewinds a file to 0 rather than to where the caller's
    file stood, and cannot tell a retry of a pipe apart from a first send.
    """

    def __init__(self, pieces: list[bytes | _Source]) -> None:
        self.pieces = pieces
        self.sources = [p for p in pieces if isinstance(p, _Source)]

    def length(self) -> int | None:
        total = 0
        for piece in self.pieces:
            size = len(piece) if isinstance(piece, bytes) else piece.length()
            if size is None:
                return None
            total += size
        return total

    def rewindable(self) -> bool:
        """Whether the body can be sent (again): every file in it can go back to its start."""
        return all(source.rewindable() for source in self.sources)

    def __iter__(self) -> Iterator[bytes]:
        for piece in self.pieces:
            if isinstance(piece, bytes):
                yield piece
            else:
                yield from piece.chunks()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        # Files are read with blocking calls of one chunk each, as httpx reads files of its own.
        for chunk in self:
            yield chunk

    def close(self) -> None:
        for source in self.sources:
            source.close()

    async def aclose(self) -> None:
        self.close()

    def headers(self, content_type: str) -> dict[str, str]:
        length = self.length()
        size = {"content-length": str(length)} if length is not None else {"transfer-encoding": "chunked"}
        return {"content-type": content_type, **size}


def binary_body(value: Any, content_type: str) -> tuple[UploadStream, dict[str, str]]:
    """A whole binary body: the content, with the spec's type unless a tuple or the file name says better."""
    upload = Upload(value, "upload", content_type)
    stream = UploadStream([upload.source])
    return stream, stream.headers(upload.content_type)


def _quote(text: str) -> str:
    """A form-data parameter value, escaped as browsers do (WHATWG: `"`, CR and LF percent-encoded)."""
    return text.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def multipart_body(fields: Mapping[str, Any], files: Mapping[str, list[Upload]]) -> tuple[UploadStream, dict[str, str]]:
    """A `multipart/form-data` body: text fields first, then every file part (several per name for arrays)."""
    boundary = os.urandom(16).hex()
    pieces: list[bytes | _Source] = []
    for name, values in fields.items():
        for value in values if isinstance(values, list) else [values]:
            pieces.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{_quote(name)}"\r\n\r\n'.encode()
                + str(value).encode()
                + b"\r\n"
            )
    for name, uploads in files.items():
        for upload in uploads:
            pieces.append(
                (
                    f"--{boundary}\r\n"
                    f'Content-Disposition: form-data; name="{_quote(name)}"; filename="{_quote(upload.filename)}"\r\n'
                    f"Content-Type: {upload.content_type}\r\n\r\n"
                ).encode()
            )
            pieces.append(upload.source)
            pieces.append(b"\r\n")
    pieces.append(f"--{boundary}--\r\n".encode())
    stream = UploadStream(pieces)
    return stream, stream.headers(f"multipart/form-data; boundary={boundary}")
