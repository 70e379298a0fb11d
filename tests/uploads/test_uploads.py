"""Uploads and idempotency keys of a generated SDK, against real HTTP servers on 127.0.0.1, sync and async.

What goes over the wire is asserted: each multipart part's name, filename, content type and exact
bytes; whole binary bodies; the `Idempotency-Key` header of each attempt. Large files are checked by
digest on a server that never holds the body, with the client's memory measured by tracemalloc.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import io
import os
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import SPECS
from tests.runtime.scripted_server import ScriptedServer, Step
from tests.uploads.multipart import Part, parse
from tests.uploads.sink_server import SinkServer

SPEC = SPECS / "uploads.yaml"
DOC = {"id": "d1", "filename": "a", "size": 1}
BLOB = {"size": 3}


def _import(folder: Path, package: str) -> ModuleType:
    sys.path.insert(0, str(folder / "src"))
    try:
        return importlib.import_module(package)
    finally:
        sys.path.remove(str(folder / "src"))


@pytest.fixture(scope="module")
def sdk(generated_sdk) -> ModuleType:
    return _import(generated_sdk(SPEC, "uploads_sdk"), "uploads_sdk")


@pytest.fixture(scope="module")
def idem_sdk(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The same API with `idempotency_header: Idempotency-Key` in its sdkgen.yaml settings."""
    from generator.pipeline import generate

    out = tmp_path_factory.mktemp("idem") / "sdk"
    generate(SPEC, out, {"package": "uploads_idem_sdk", "idempotency_header": "Idempotency-Key"})
    return _import(out, "uploads_idem_sdk")


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    srv = ScriptedServer()
    yield srv
    srv.close()


def _client(sdk: ModuleType, url: str, retries: bool = True) -> Any:
    retry = sdk.RetryConfig(
        backoff=sdk.BackoffStrategy(initial_interval=1, max_interval=5, jitter=0), status_codes=(503,)
    )
    return sdk.Uploads(server_url=url, retry_config=retry if retries else None)


def call(client: Any, is_async: bool, path: str, **kwargs: Any) -> Any:
    """`client.<path>(**kwargs)`, or its `_async` twin run to completion."""
    group, name = path.split(".")
    resource = getattr(client, group)
    if not is_async:
        return getattr(resource, name)(**kwargs)

    async def run() -> Any:
        try:
            return await getattr(resource, name + "_async")(**kwargs)
        finally:
            await client.aclose()

    return asyncio.run(run())


def _parts(seen: Any) -> list[tuple[str, str | None, str | None, bytes]]:
    parts: list[Part] = parse(seen.headers["content-type"], seen.body)
    assert seen.headers["content-length"] == str(len(seen.body))
    return [(p.name, p.filename, p.content_type, p.data) for p in parts if p.filename is not None]


def _open_fds_to(path: Path) -> int:
    """How many of this process's file descriptors point at `path` (Linux)."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == str(path):
                count += 1
        except OSError:
            pass
    return count


ASYNC = pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])


# -- multipart fields -----------------------------------------------------------------------------------
@ASYNC
def test_a_file_on_disk_by_path_and_by_file_object(sdk: ModuleType, server: ScriptedServer, tmp_path: Path, is_async: bool) -> None:
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 jpeg bytes")
    server.reset(Step(201, DOC))
    with open(photo, "rb") as thumbnail:
        result = call(_client(sdk, server.url), is_async, "documents.create_document",
                      file=report, thumbnail=thumbnail, title="Q3")
        assert not thumbnail.closed  # the caller's file is the caller's to close
    assert result == sdk.models.Document(id="d1", filename="a", size=1)
    [seen] = server.requests
    assert seen.method == "POST" and seen.target == "/documents"
    assert _parts(seen) == [
        ("file", "report.pdf", "application/pdf", report.read_bytes()),  # type guessed from the name
        ("thumbnail", "photo.jpg", "image/png", photo.read_bytes()),  # the spec's `encoding` wins over a guess
    ]
    assert [(p.name, p.data) for p in parse(seen.headers["content-type"], seen.body) if p.filename is None] == [
        ("title", b"Q3")
    ]
    assert _open_fds_to(report) == 0  # the SDK opened the path and closed it


@ASYNC
def test_bytes_tuples_and_arrays_of_files(sdk: ModuleType, server: ScriptedServer, tmp_path: Path, is_async: bool) -> None:
    notes = tmp_path / "notes.md"
    notes.write_bytes(b"# notes\n")
    server.reset(Step(201, DOC))
    call(
        _client(sdk, server.url), is_async, "documents.create_document",
        file=b"\x00raw\xff",
        thumbnail=("thumb.bin", b"PNG", "image/x-custom"),  # a tuple's own type wins over everything
        attachments=[
            ("data.csv", io.BytesIO(b"a,b\n1,2\n")),
            ("notes.txt", notes),
            b"plain",
            notes,
        ],
        tags=["x", "y"],
    )
    [seen] = server.requests
    assert _parts(seen) == [
        ("file", "file", "application/octet-stream", b"\x00raw\xff"),  # bytes: named after the field
        ("thumbnail", "thumb.bin", "image/x-custom", b"PNG"),
        # `encoding` lists two types for attachments: not one to pick, so each is guessed from its name
        ("attachments", "data.csv", "text/csv", b"a,b\n1,2\n"),
        ("attachments", "notes.txt", "text/plain", b"# notes\n"),
        ("attachments", "attachments", "application/octet-stream", b"plain"),
        ("attachments", "notes.md", "text/markdown", b"# notes\n"),
    ]
    fields = [(p.name, p.data) for p in parse(seen.headers["content-type"], seen.body) if p.filename is None]
    assert fields == [("tags", b"x"), ("tags", b"y")]


def test_a_request_model_or_typeddict_takes_files_too(sdk: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"A")
    with open(path, "rb") as handle:
        model = sdk.models.CreateDocumentRequestBody(file=handle, attachments=[path, ("b.txt", b"B")])
        assert model.file is handle and model.attachments == [path, ("b.txt", b"B")]
    with pytest.raises(ValueError, match="expected bytes, a binary file object, a path"):
        sdk.models.CreateDocumentRequestBody(file=42)


@ASYNC
def test_a_value_that_is_no_file_is_refused_before_sending(sdk: ModuleType, server: ScriptedServer, is_async: bool) -> None:
    with pytest.raises(sdk.errors.RequestValidationError, match="file"):
        call(_client(sdk, server.url), is_async, "documents.create_document", file=42)
    assert server.requests == []


@ASYNC
def test_a_file_opened_in_text_mode_is_refused_before_sending(
    sdk: ModuleType, server: ScriptedServer, tmp_path: Path, is_async: bool
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("text")
    with open(path) as text:  # the mistake under test: a file opened in text mode
        with pytest.raises(sdk.errors.RequestValidationError, match="binary mode"):
            call(_client(sdk, server.url), is_async, "documents.create_document", file=text)
        with pytest.raises(TypeError, match="binary mode"):
            call(_client(sdk, server.url), is_async, "blobs.put_blob", name="n", request=text)
    assert server.requests == []


# -- whole binary bodies --------------------------------------------------------------------------------
@ASYNC
def test_whole_binary_bodies(sdk: ModuleType, server: ScriptedServer, tmp_path: Path, is_async: bool) -> None:
    image = tmp_path / "me.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 1000)
    server.reset(Step(200, BLOB))
    client = _client(sdk, server.url)
    assert call(client, is_async, "blobs.put_blob", name="b1", request=image) == sdk.models.Blob(size=3)
    call(_client(sdk, server.url), is_async, "blobs.upload_avatar", request=image)  # `image/*`: guessed
    call(_client(sdk, server.url), is_async, "blobs.upload_avatar", request=b"GIF89a")  # nothing to guess from
    call(_client(sdk, server.url), is_async, "blobs.upload_avatar", request=("x", io.BytesIO(b"w"), "image/webp"))
    sent = [(s.target, s.headers["content-type"], s.headers.get("content-length"), s.body) for s in server.requests]
    assert sent == [
        ("/blobs/b1", "application/octet-stream", str(len(image.read_bytes())), image.read_bytes()),
        ("/avatars", "image/png", str(len(image.read_bytes())), image.read_bytes()),
        ("/avatars", "application/octet-stream", "6", b"GIF89a"),
        ("/avatars", "image/webp", "1", b"w"),
    ]
    assert _open_fds_to(image) == 0


@ASYNC
def test_a_stream_of_unknown_length_is_sent_chunked(sdk: ModuleType, server: ScriptedServer, is_async: bool) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, b"from a pipe")
    os.close(write_end)
    server.reset(Step(200, BLOB))
    with open(read_end, "rb") as pipe:
        call(_client(sdk, server.url), is_async, "blobs.put_blob", name="p", request=pipe)
    [seen] = server.requests
    assert seen.headers.get("transfer-encoding") == "chunked" and "content-length" not in seen.headers
    assert seen.body == b"from a pipe"


# -- retries --------------------------------------------------------------------------------------------
@ASYNC
@pytest.mark.parametrize("kind", ["path", "file", "bytesio"])
def test_a_retry_sends_the_whole_content_again_with_the_same_key(
    sdk: ModuleType, server: ScriptedServer, tmp_path: Path, is_async: bool, kind: str
) -> None:
    content = os.urandom(300_000)  # several chunks
    path = tmp_path / "data.bin"
    path.write_bytes(content)
    server.reset(Step(503), Step(503), Step(201, DOC))
    with open(path, "rb") as handle:
        handle.read(10)  # a file object is sent from where it stands when the call starts
        source: Any = {"path": path, "file": handle, "bytesio": io.BytesIO(b"0123456789" + content)}[kind]
        if kind == "bytesio":
            source.read(10)
        call(_client(sdk, server.url), is_async, "documents.create_document", file=source)
    assert len(server.requests) == 3
    expected = content[10:] if kind == "file" else content
    for seen in server.requests:
        [(name, _, _, data)] = _parts(seen)
        assert name == "file" and data == expected
    keys = {seen.headers.get("idempotency-key") for seen in server.requests}
    assert len(keys) == 1 and None not in keys  # one fresh key, reused by every attempt


@ASYNC
def test_a_stream_that_cannot_rewind_is_not_retried(sdk: ModuleType, server: ScriptedServer, is_async: bool) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, b"once only")
    os.close(write_end)
    server.reset(Step(503), Step(200, BLOB))
    with open(read_end, "rb") as pipe, pytest.raises(sdk.errors.APIError) as caught:
        call(_client(sdk, server.url), is_async, "blobs.put_blob", name="p", request=pipe)
    assert caught.value.status_code == 503
    assert "not retried" in str(caught.value) and "cannot seek back" in str(caught.value)
    assert [s.body for s in server.requests] == [b"once only"]


# -- idempotency keys -----------------------------------------------------------------------------------
@ASYNC
def test_each_call_gets_its_own_key_and_a_callers_key_is_kept(sdk: ModuleType, server: ScriptedServer, is_async: bool) -> None:
    server.reset(Step(201, DOC))
    for _ in range(2):
        call(_client(sdk, server.url), is_async, "documents.create_document", file=b"x")
    call(_client(sdk, server.url), is_async, "documents.create_document", file=b"x", idempotency_key="mine-1")
    call(_client(sdk, server.url), is_async, "documents.create_document", file=b"x",
         http_headers={"idempotency-key": "mine-2"})
    keys = [s.headers.get("idempotency-key") for s in server.requests]
    assert keys[0] and keys[1] and keys[0] != keys[1]
    assert len(keys[0]) == 36 and keys[0].count("-") == 4  # a UUID
    assert keys[2:] == ["mine-1", "mine-2"]


@ASYNC
def test_a_key_named_by_the_config_goes_on_unsafe_methods_only(idem_sdk: ModuleType, server: ScriptedServer, is_async: bool) -> None:
    server.reset(Step(503), Step(200, BLOB))
    call(_client(idem_sdk, server.url), is_async, "notes.create_note", text="hi")
    first, retry = server.requests
    assert first.headers["idempotency-key"] == retry.headers["idempotency-key"]
    server.reset(Step(200, []))
    call(_client(idem_sdk, server.url), is_async, "documents.list_documents")
    assert "idempotency-key" not in server.requests[0].headers


def test_without_the_parameter_or_the_config_no_key_is_sent(sdk: ModuleType, server: ScriptedServer) -> None:
    server.reset(Step(200, BLOB))
    _client(sdk, server.url).notes.create_note(text="hi")
    assert "idempotency-key" not in server.requests[0].headers


# -- large files, streamed -----------------------------------------------------------------------------
LARGE = 64 * 1024 * 1024


@pytest.fixture(scope="module")
def large_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("large") / "video.mp4"
    digest = hashlib.sha256()
    with open(path, "wb") as out:
        for _ in range(LARGE // (1 << 20)):
            block = os.urandom(1 << 20)
            digest.update(block)
            out.write(block)
    return path, digest.hexdigest()


@ASYNC
@pytest.mark.parametrize("how", ["multipart", "body"])
def test_a_large_file_is_streamed_with_bounded_memory(
    sdk: ModuleType, large_file: tuple[Path, str], is_async: bool, how: str
) -> None:
    path, file_digest = large_file
    sink = SinkServer()
    sink.statuses = [503]  # and a retry sends it all again
    try:
        client = _client(sdk, sink.url)
        send: Callable[[], Any] = (
            (lambda: call(client, is_async, "documents.create_document", file=path))
            if how == "multipart"
            else (lambda: call(client, is_async, "blobs.put_blob", name="big", request=path))
        )
        tracemalloc.start()
        try:
            send()
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    finally:
        sink.close()
    assert peak < 8 * 1024 * 1024, f"peak {peak} bytes while sending {LARGE}"
    assert len(sink.received) == 2
    for got in sink.received:
        if how == "body":
            assert (got.length, got.sha256) == (LARGE, file_digest)
            assert got.headers["content-type"] == "application/octet-stream"  # the spec names one type
            continue
        # multipart: the part's headers, the file, the closing delimiter; the digest of the whole
        head = got.head[: got.head.index(b"\r\n\r\n") + 4]
        assert b'name="file"; filename="video.mp4"' in head and b"Content-Type: video/mp4" in head
        boundary = got.headers["content-type"].split("boundary=")[1].encode()
        tail = b"\r\n--" + boundary + b"--\r\n"
        assert got.tail.endswith(tail)
        assert got.length == len(head) + LARGE + len(tail)
        assert int(got.headers["content-length"]) == got.length
        whole = hashlib.sha256(head)
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                whole.update(block)
        whole.update(tail)
        assert got.sha256 == whole.hexdigest()
    assert _open_fds_to(path) == 0
