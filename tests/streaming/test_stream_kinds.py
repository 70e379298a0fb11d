"""Every kind of stream through one typed `EventStream`, against a real server on 127.0.0.1, sync and async.

The SDK is generated from `tests/fixtures/specs/streams.yaml`: server-sent events whose data is the
chunk itself (no `data` envelope), events described as a whole (`event`/`id`/`retry` + `data`), text
data, NDJSON, JSON Lines and JSON text sequences (RFC 7464). The scenario is the first path segment
(see `server.py`); the wire format follows the operation's path.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import SPECS, mypy_cache
from tests.streaming.server import Connection, Plan, SSEServer, sse

PACKAGE = "streams_kinds_sdk"
MANY = 2000

# method name, media type the call must accept, wire format the server writes
KINDS = {
    "sse_chunks": ("sse", "text/event-stream"),
    "ndjson_chunks": ("lines", "application/x-ndjson"),
    "jsonl_chunks": ("lines", "application/jsonl"),
    "seq_chunks": ("seq", "application/json-seq"),
    "generate": ("lines", "application/x-ndjson"),
}
FORMAT_OF_PATH = {
    "/sse/chunks": "sse",
    "/ndjson": "lines",
    "/jsonl": "lines",
    "/json-seq": "seq",
    "/generate": "lines",
}
CONTENT_TYPE = {"sse": "text/event-stream", "lines": "application/x-ndjson", "seq": "application/json-seq"}


def chunk(i: int, **extra: object) -> dict[str, object]:
    return {"id": f"c{i}", "index": i, "created": 1700000000, "model": "m1", "text": f"tok{i} ", **extra}


def encode(form: str, value: object) -> bytes:
    """One item in the wire format: an SSE event, a JSON line, or an RS-led record."""
    if form == "sse":
        return sse(value)
    text = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
    return (("\x1e" if form == "seq" else "") + text + "\n").encode()


def form_of(conn: Connection) -> str:
    path = "/" + conn.path.split("?")[0].strip("/").split("/", 1)[1]
    return FORMAT_OF_PATH[path]


def plan(items: Iterator[bytes] | list[bytes], conn: Connection, **kw: Any) -> Plan:
    return Plan(iter(items), content_type=CONTENT_TYPE[form_of(conn)], **kw)


def _drip(conn: Connection) -> Plan:
    """10 items whose bytes arrive 5 at a time: every item is split across reads, some mid-UTF-8."""
    body = b"".join(encode(form_of(conn), chunk(i, text=f"tök{i} ")) for i in range(10))
    return plan([body[i : i + 5] for i in range(0, len(body), 5)], conn, delay=0.002)


def _wire(conn: Connection) -> Plan:
    """What the line formats allow around 3 items: blank lines, CRLF, a last line without its LF."""
    form = form_of(conn)
    if form == "sse":
        body = b": hello\n\n" + b"".join(encode(form, chunk(i)) for i in range(3))
    elif form == "lines":
        body = b"\n" + encode(form, chunk(0)) + b"\r\n  \n" + encode(form, chunk(1)).replace(b"\n", b"\r\n")
        body += json.dumps(chunk(2)).encode()  # no LF after the last line
    else:  # RFC 7464: an empty record, a pretty-printed record, a last record without its LF
        body = b"\x1e\n" + encode(form, chunk(0)) + b"\x1e" + json.dumps(chunk(1), indent=2).encode() + b"\n"
        body += b"\x1e" + json.dumps(chunk(2)).encode()
    return plan([body[:7], body[7:30], body[30:]], conn)


def _malformed(conn: Connection) -> Plan:
    form = form_of(conn)
    return plan([encode(form, chunk(0)), encode(form, chunk(1)), encode(form, '{"id": "c2", "index": '), encode(form, chunk(3))], conn)


def _invalid(conn: Connection) -> Plan:
    """Valid JSON that is not a chunk (no `text`) as the second item."""
    form = form_of(conn)
    return plan([encode(form, chunk(0)), encode(form, {"id": "c1", "index": 1}), encode(form, chunk(2))], conn)


def _error(conn: Connection) -> Plan:
    form = form_of(conn)
    items = [encode(form, chunk(0)), encode(form, chunk(1)), encode(form, {"error": {"message": "model overloaded"}})]
    return plan([*items, encode(form, chunk(3))], conn)


SCENARIOS = {
    "many": lambda conn: plan([encode(form_of(conn), chunk(i)) for i in range(MANY)], conn),
    "drip": _drip,
    "endless": lambda conn: plan((encode(form_of(conn), chunk(i)) for i in range(400)), conn, delay=0.01),
    "wire": _wire,
    "malformed": _malformed,
    "invalid": _invalid,
    "error": _error,
    "events": lambda conn: Plan(
        iter(
            [
                b"retry: 2500\n" + sse(chunk(0), event="chunk", id="1"),
                b"event: ping\ndata: {}\n\n",  # skipped, as in every SSE stream
                sse(chunk(1), id="2"),
                sse(chunk(2), event="last"),
            ]
        )
    ),
    "text": lambda conn: Plan(iter([sse("plain text"), sse("two\nlines"), sse('{"not": "parsed"}')])),
    "one": lambda conn: Plan(iter([json.dumps(chunk(0)).encode()]), content_type="application/json"),
    "inline": lambda conn: Plan(iter([sse({"seq": i, "note": "n"}) for i in range(3)])),
}


@pytest.fixture(scope="module")
def sdk(generated_sdk: Any) -> Iterator[ModuleType]:
    folder: Path = generated_sdk(SPECS / "streams.yaml", PACKAGE)
    sys.path.insert(0, str(folder / "src"))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder / "src"))


@pytest.fixture(scope="module")
def server() -> Iterator[SSEServer]:
    with SSEServer(SCENARIOS) as srv:
        yield srv


@pytest.fixture
def client(sdk: ModuleType) -> Iterator[Any]:
    c = sdk.Streams(api_key="k", retry_config=None)
    yield c
    c.close()


def call(client: Any, method: str, url: str) -> Any:
    group = client.sse if method.startswith("sse") else client.lines
    if method == "generate":
        return client.lines.generate(prompt="p", stream=True, server_url=url)
    return getattr(group, method)(server_url=url)


async def call_async(client: Any, method: str, url: str) -> Any:
    group = client.sse if method.startswith("sse") else client.lines
    if method == "generate":
        return await client.lines.generate_async(prompt="p", stream=True, server_url=url)
    return await getattr(group, method + "_async")(server_url=url)


def run(sdk: ModuleType, fn: Any) -> Any:
    async def main() -> Any:
        c = sdk.Streams(api_key="k", retry_config=None)
        try:
            return await fn(c)
        finally:
            await c.aclose()

    return asyncio.run(main())


def texts(items: list[Any]) -> list[str]:
    return [item.text for item in items]


# -- many items, typed, the right Accept header ---------------------------------------------------------
@pytest.mark.parametrize("method", KINDS)
def test_many_items(sdk: ModuleType, server: SSEServer, client: Any, method: str) -> None:
    before = len(server.connections)
    with call(client, method, server.url("many")) as stream:
        assert isinstance(stream, sdk.EventStream)
        items = list(stream)
    assert len(items) == MANY
    assert all(type(item) is sdk.models.Chunk for item in items)
    assert texts(items) == [f"tok{i} " for i in range(MANY)]
    assert items[7].index == 7 and items[7].model == "m1" and items[7].id == "c7"
    assert stream.done and stream.response.is_closed
    (conn,) = server.connections[before:]
    assert conn.headers["accept"] == KINDS[method][1]
    if method == "generate":
        assert json.loads(conn.body) == {"prompt": "p", "stream": True}


@pytest.mark.parametrize("method", KINDS)
def test_many_items_async(sdk: ModuleType, server: SSEServer, method: str) -> None:
    async def go(c: Any) -> tuple[Any, list[Any]]:
        stream = await call_async(c, method, server.url("many"))
        assert isinstance(stream, sdk.EventStreamAsync)
        async with stream as events:
            return stream, [item async for item in events]

    before = len(server.connections)
    stream, items = run(sdk, go)
    assert texts(items) == [f"tok{i} " for i in range(MANY)]
    assert all(type(item) is sdk.models.Chunk for item in items)
    assert stream.response.is_closed
    assert server.connections[before].headers["accept"] == KINDS[method][1]


def test_non_streamed_call_of_an_operation_that_can_stream(sdk: ModuleType, server: SSEServer, client: Any) -> None:
    """`generate()` without `stream=True` asks for JSON and returns the model."""
    before = len(server.connections)
    result = client.lines.generate(prompt="p", server_url=server.url("one"))
    assert type(result) is sdk.models.Chunk and result.text == "tok0 "
    (conn,) = server.connections[before:]
    assert conn.headers["accept"] == "application/json" and json.loads(conn.body) == {"prompt": "p"}


# -- items split across reads ----------------------------------------------------------------------------
@pytest.mark.parametrize("method", KINDS)
def test_items_split_across_reads(server: SSEServer, client: Any, method: str) -> None:
    with call(client, method, server.url("drip")) as stream:
        assert texts(list(stream)) == [f"tök{i} " for i in range(10)]


@pytest.mark.parametrize("method", KINDS)
def test_items_split_across_reads_async(sdk: ModuleType, server: SSEServer, method: str) -> None:
    async def go(c: Any) -> list[Any]:
        async with await call_async(c, method, server.url("drip")) as stream:
            return [item async for item in stream]

    assert texts(run(sdk, go)) == [f"tök{i} " for i in range(10)]


@pytest.mark.parametrize("method", KINDS)
def test_blank_lines_crlf_and_a_last_line_without_lf(server: SSEServer, client: Any, method: str) -> None:
    with call(client, method, server.url("wire")) as stream:
        assert texts(list(stream)) == ["tok0 ", "tok1 ", "tok2 "]
        assert stream.done


# -- break, GC: the connection is closed and nothing more is sent ----------------------------------------
def _assert_left_early(server: SSEServer, before: int) -> None:
    (conn,) = server.wait_finished(before + 1)[before:]
    assert conn.client_gone  # the server's writes failed: the client closed the connection
    assert conn.pieces_written < 400
    time.sleep(0.05)
    assert len(server.connections) == before + 1  # no request after the break


@pytest.mark.parametrize("method", KINDS)
def test_break_closes_the_connection(server: SSEServer, client: Any, method: str) -> None:
    before = len(server.connections)
    stream = call(client, method, server.url("endless"))
    for item in stream:
        if item.index == 2:
            break
    assert stream.response.is_closed
    _assert_left_early(server, before)


@pytest.mark.parametrize("method", KINDS)
def test_break_closes_the_connection_async(sdk: ModuleType, server: SSEServer, method: str) -> None:
    async def go(c: Any) -> Any:
        async with await call_async(c, method, server.url("endless")) as stream:
            async for item in stream:
                if item.index == 2:
                    break
        return stream

    before = len(server.connections)
    assert run(sdk, go).response.is_closed
    _assert_left_early(server, before)


@pytest.mark.parametrize("method", ["ndjson_chunks", "seq_chunks"])
def test_dropped_stream_is_closed_by_gc(server: SSEServer, client: Any, method: str) -> None:
    before = len(server.connections)
    stream = call(client, method, server.url("endless"))
    iterator = iter(stream)
    assert next(iterator).index == 0
    response = stream.response
    del stream, iterator
    gc.collect()
    assert response.is_closed
    _assert_left_early(server, before)


@pytest.mark.parametrize("method", ["ndjson_chunks", "seq_chunks"])
def test_exception_in_the_loop_closes_the_stream(server: SSEServer, client: Any, method: str) -> None:
    before = len(server.connections)
    stream = call(client, method, server.url("endless"))
    with pytest.raises(RuntimeError):
        for item in stream:
            if item.index == 1:
                raise RuntimeError("stop")
    assert stream.response.is_closed
    _assert_left_early(server, before)


# -- malformed lines, invalid items, error objects -------------------------------------------------------
@pytest.mark.parametrize("method", [m for m in KINDS if KINDS[m][0] != "sse"])
def test_malformed_line_names_its_number_and_closes(sdk: ModuleType, server: SSEServer, client: Any, method: str) -> None:
    got = []
    stream = call(client, method, server.url("malformed"))
    with pytest.raises(sdk.errors.ResponseValidationError) as info:
        for item in stream:
            got.append(item.index)
    assert got == [0, 1]
    unit = "Record" if method == "seq_chunks" else "Line"
    assert f"{unit} 3 of the stream is not valid JSON" in str(info.value)
    assert stream.response.is_closed
    with pytest.raises(sdk.errors.StreamError):  # closed before its end: not iterable again
        list(stream)


@pytest.mark.parametrize("method", KINDS)
def test_item_that_does_not_match_the_spec(sdk: ModuleType, server: SSEServer, client: Any, method: str) -> None:
    stream = call(client, method, server.url("invalid"))
    with pytest.raises(sdk.errors.ResponseValidationError) as info:
        list(stream)
    assert "text: Field required" in str(info.value)
    if KINDS[method][0] != "sse":
        assert ("Record 2" if method == "seq_chunks" else "Line 2") in str(info.value)
    assert stream.response.is_closed


@pytest.mark.parametrize("method", KINDS)
def test_error_object_in_the_stream(sdk: ModuleType, server: SSEServer, client: Any, method: str) -> None:
    got = []
    with pytest.raises(sdk.errors.APIError) as info, call(client, method, server.url("error")) as stream:
        for item in stream:
            got.append(item.index)
    assert got == [0, 1]
    assert "model overloaded" in str(info.value)
    assert stream.response.is_closed


@pytest.mark.parametrize("method", [m for m in KINDS if KINDS[m][0] != "sse"])
def test_malformed_line_async(sdk: ModuleType, server: SSEServer, method: str) -> None:
    async def go(c: Any) -> tuple[list[int], Any, Any]:
        got: list[int] = []
        stream = await call_async(c, method, server.url("malformed"))
        try:
            async for item in stream:
                got.append(item.index)
        except sdk.errors.ResponseValidationError as exc:
            return got, exc, stream
        raise AssertionError("no error")

    got, exc, stream = run(sdk, go)
    assert got == [0, 1] and "3 of the stream" in str(exc)
    assert stream.response.is_closed


# -- the SSE shapes: events described whole, text data, an inline chunk schema ---------------------------
def test_event_model_gets_event_id_retry_and_parsed_data(sdk: ModuleType, server: SSEServer, client: Any) -> None:
    with client.sse.sse_events(server_url=server.url("events")) as stream:
        events = list(stream)
    assert [type(e) for e in events] == [sdk.models.ChunkEvent] * 3
    assert [(e.event, e.id, e.retry) for e in events] == [("chunk", "1", 2500), (None, "2", None), ("last", "2", None)]
    assert [type(e.data) for e in events] == [sdk.models.Chunk] * 3
    assert [e.data.text for e in events] == ["tok0 ", "tok1 ", "tok2 "]


def test_event_model_async(sdk: ModuleType, server: SSEServer) -> None:
    async def go(c: Any) -> list[Any]:
        async with await c.sse.sse_events_async(server_url=server.url("events")) as stream:
            return [e async for e in stream]

    events = run(sdk, go)
    assert [e.data.index for e in events] == [0, 1, 2] and events[0].event == "chunk"


def test_text_data_is_not_parsed(server: SSEServer, client: Any) -> None:
    with client.sse.sse_text(server_url=server.url("text")) as stream:
        assert list(stream) == ["plain text", "two\nlines", '{"not": "parsed"}']


def test_inline_chunk_schema_without_envelope(sdk: ModuleType, server: SSEServer, client: Any) -> None:
    with client.sse.sse_inline(server_url=server.url("inline")) as stream:
        items = list(stream)
    assert [(type(i).__name__, i.seq, i.note) for i in items] == [("SseInlineStreamEvent", n, "n") for n in range(3)]


# -- the decoders on their own ---------------------------------------------------------------------------
def test_line_decoder_every_split(sdk: ModuleType) -> None:
    decoder_class = importlib.import_module(PACKAGE + "._streaming").LineDecoder
    body = b'\xef\xbb\xbf{"a":1}\r\n\n  \n{"a":2}\n{"a":3}'
    for cut in range(len(body) + 1):
        decoder = decoder_class()
        lines = decoder.feed(body[:cut]) + decoder.feed(body[cut:]) + decoder.flush()
        assert lines == [(1, b'{"a":1}\r'), (3, b"  "), (4, b'{"a":2}'), (5, b'{"a":3}')], cut


def test_json_seq_decoder_every_split(sdk: ModuleType) -> None:
    decoder_class = importlib.import_module(PACKAGE + "._streaming").JSONSeqDecoder
    pretty = json.dumps({"a": [1, 2], "b": {"c": None}}, indent=2).encode()
    body = b'\x1e{"a":1}\n\x1e\x1e\n\x1e' + pretty + b'\n\x1e"s"\n\x1e[1,\n2]\n\x1e{"last":true}'
    expected = [b'{"a":1}', pretty, b'"s"', b"[1,\n2]", b'{"last":true}']
    for cut in range(len(body) + 1):
        decoder = decoder_class()
        records = decoder.feed(body[:cut]) + decoder.feed(body[cut:]) + decoder.flush()
        assert [json.loads(r) for _, r in records] == [json.loads(e) for e in expected], cut
        assert [n for n, _ in records] == [1, 2, 3, 4, 5]


# -- the types: `EventStream[Item]`, proven with mypy --strict on small user programs ---------------------
GOOD = f"""
from {PACKAGE} import EventStream, EventStreamAsync, Streams, models


def sync(c: Streams) -> None:
    a: EventStream[models.Chunk] = c.lines.ndjson_chunks()
    b: EventStream[models.Chunk] = c.lines.jsonl_chunks()
    d: EventStream[models.Chunk] = c.lines.seq_chunks()
    e: EventStream[models.Chunk] = c.sse.sse_chunks()
    f: EventStream[models.ChunkEvent] = c.sse.sse_events()
    g: EventStream[str] = c.sse.sse_text()
    h: EventStream[models.Chunk] = c.lines.generate(prompt="p", stream=True)
    i: models.Chunk = c.lines.generate(prompt="p")
    with c.lines.ndjson_chunks() as stream:
        for item in stream:
            text: str = item.text
    for event in f:
        chunk: models.Chunk = event.data
        name: str | None = event.event
    print(a, b, d, e, g, h, i)


async def asynchronous(c: Streams) -> None:
    a: EventStreamAsync[models.Chunk] = await c.lines.ndjson_chunks_async()
    async with a as stream:
        async for item in stream:
            n: int = item.index
    b: EventStreamAsync[models.Chunk] = await c.lines.generate_async(prompt="p", stream=True)
    print(b)
"""

# Each line marked `# E` must be reported by mypy, and nothing else.
BAD = f"""
from {PACKAGE} import EventStream, EventStreamAsync, Streams, models


def sync(c: Streams) -> None:
    a: EventStream[models.ChunkEvent] = c.lines.ndjson_chunks()  # E
    b: models.Chunk = c.lines.jsonl_chunks()  # E
    d: EventStream[models.Chunk] = c.lines.generate(prompt="p")  # E
    for item in c.lines.seq_chunks():
        x: int = item.text  # E
    e: EventStream[models.Chunk] = c.sse.sse_text()  # E
    print(a, b, d, e)


async def asynchronous(c: Streams) -> None:
    a: EventStream[models.Chunk] = await c.lines.ndjson_chunks_async()  # E
    print(a)
"""


def test_stream_types_with_mypy_strict(sdk: ModuleType, tmp_path: Path) -> None:
    import os
    import re
    import subprocess

    from tests.conftest import tool

    src = Path(sdk.__file__).parent.parent
    (tmp_path / "good.py").write_text(GOOD)
    (tmp_path / "bad.py").write_text(BAD)
    done = subprocess.run(
        [tool("mypy"), "--strict", "--no-error-summary", "--cache-dir", mypy_cache(), "good.py", "bad.py"],
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(src)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert not [e for e in errors if e.startswith("good.py")], done.stdout
    reported = {int(m.group(1)) for e in errors if (m := re.match(r"bad\.py:(\d+):", e))}
    expected = {n for n, line in enumerate(BAD.splitlines(), 1) if line.endswith("# E")}
    assert reported == expected, done.stdout
    assert len(errors) == len(expected), done.stdout
