"""The generated SDK's event streams against a real streaming server on 127.0.0.1, sync and async."""

from __future__ import annotations

import asyncio
import gc
import json
from typing import Any

import pytest

from tests.streaming.conftest import MANY
from tests.streaming.server import SSEServer


def create(orq: Any, url: str) -> Any:
    return orq.router.chat.completions.create(messages=[], model="m", stream=True, server_url=url)


async def create_async(orq: Any, url: str) -> Any:
    return await orq.router.chat.completions.create_async(
        messages=[], model="m", stream=True, server_url=url
    )


def run(coro_fn: Any) -> Any:
    """Run `coro_fn(orq)` with a fresh client on a fresh event loop."""
    from orq_ai_sdk import Orq

    async def main() -> Any:
        orq = Orq(api_key="test-key", retry_config=None)
        try:
            return await coro_fn(orq)
        finally:
            await orq.aclose()

    return asyncio.run(main())


def contents(chunks: list[Any]) -> list[str]:
    return [c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content]


# -- many chunks -------------------------------------------------------------------------------------
def test_ten_thousand_chunks(server: SSEServer, orq: Any) -> None:
    from orq_ai_sdk import EventStream, models

    with create(orq, server.url("many")) as stream:
        assert isinstance(stream, EventStream)
        chunks = list(stream)
        final = stream.final_response()
    assert len(chunks) == MANY + 1
    assert all(isinstance(c, models.CreateChatCompletionChunk) for c in chunks)
    assert contents(chunks) == [f"tok{i} " for i in range(MANY)]
    assert final.choices[0].message.content == "".join(f"tok{i} " for i in range(MANY))
    assert stream.response.is_closed and stream.done


def test_ten_thousand_chunks_async(server: SSEServer) -> None:
    from orq_ai_sdk import EventStreamAsync

    async def go(orq: Any) -> tuple[list[Any], Any, Any]:
        stream = await create_async(orq, server.url("many"))
        assert isinstance(stream, EventStreamAsync)
        async with stream as event_stream:
            chunks = [chunk async for chunk in event_stream]
            return chunks, await stream.final_response(), stream

    chunks, final, stream = run(go)
    assert contents(chunks) == [f"tok{i} " for i in range(MANY)]
    assert final.choices[0].message.content == "".join(f"tok{i} " for i in range(MANY))
    assert stream.response.is_closed


def test_connection_is_reused_after_the_end_marker(server: SSEServer, orq: Any) -> None:
    before = len(server.connections)
    for _ in range(2):
        assert len(list(create(orq, server.url("text")))) == 7
    first, second = server.connections[before : before + 2]
    assert first.socket_index == second.socket_index  # drained after [DONE], back in the pool


# -- slow drip ---------------------------------------------------------------------------------------
def test_slow_drip_arrives_while_reading(server: SSEServer, orq: Any) -> None:
    seen_by_server: list[int] = []
    with create(orq, server.url("drip")) as stream:
        record = server.connections[-1]
        for _chunk in stream:
            seen_by_server.append(record.events_written)
    assert len(seen_by_server) == 10
    # Each chunk reached the caller while the server was still writing the rest, not all at the end.
    assert seen_by_server[0] < 5
    assert seen_by_server == sorted(seen_by_server) and seen_by_server[-1] >= 10


def test_slow_drip_arrives_while_reading_async(server: SSEServer) -> None:
    async def go(orq: Any) -> list[int]:
        seen: list[int] = []
        async with await create_async(orq, server.url("drip")) as stream:
            record = server.connections[-1]
            async for _chunk in stream:
                seen.append(record.events_written)
        return seen

    seen = run(go)
    assert len(seen) == 10 and seen[0] < 5


# -- the connection breaks -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("scenario", "message"),
    [
        ("drop", "broke off before its end"),  # chunked body cut: httpx's RemoteProtocolError
        ("drop_mid_event", "broke off"),
        ("eof_no_done", r"ended before its end marker '\[DONE\]'"),
    ],
)
def test_drop_mid_stream_is_an_error(
    server: SSEServer, orq: Any, scenario: str, message: str
) -> None:
    from orq_ai_sdk.errors import StreamError

    got = 0
    stream = create(orq, server.url(scenario))
    with pytest.raises(StreamError, match=message):
        for _chunk in stream:
            got += 1
    assert got == 5
    assert stream.response.is_closed


@pytest.mark.parametrize("scenario", ["drop", "drop_mid_event", "eof_no_done"])
def test_drop_mid_stream_is_an_error_async(server: SSEServer, scenario: str) -> None:
    from orq_ai_sdk.errors import StreamError

    async def go(orq: Any) -> tuple[int, Any]:
        got = 0
        stream = await create_async(orq, server.url(scenario))
        with pytest.raises(StreamError):
            async for _chunk in stream:
                got += 1
        return got, stream

    got, stream = run(go)
    assert got == 5 and stream.response.is_closed


def test_end_marker_without_blank_line_is_accepted(server: SSEServer, orq: Any) -> None:
    assert len(list(create(orq, server.url("done_no_blank")))) == 2


# -- the wire format -----------------------------------------------------------------------------------
@pytest.mark.parametrize("scenario", ["wire", "crlf", "cr"])
def test_wire_format(server: SSEServer, orq: Any, scenario: str) -> None:
    """BOM, comments, pings, id/retry/event fields, multi-line data; CRLF split across reads; CR."""
    with create(orq, server.url(scenario)) as stream:
        chunks = list(stream)
    assert contents(chunks) == ["tok0 ", "tok1 ", "tok2 "]
    assert stream.done and stream.response.is_closed


@pytest.mark.parametrize("scenario", ["wire", "crlf", "cr"])
def test_wire_format_async(server: SSEServer, scenario: str) -> None:
    async def go(orq: Any) -> list[Any]:
        async with await create_async(orq, server.url(scenario)) as stream:
            return [c async for c in stream]

    assert contents(run(go)) == ["tok0 ", "tok1 ", "tok2 "]


# -- errors in the stream ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("scenario", "text"), [("error_event", "model overloaded"), ("error_data", "rate limited")]
)
def test_error_in_stream_raises_api_error(
    server: SSEServer, orq: Any, scenario: str, text: str
) -> None:
    from orq_ai_sdk.errors import APIError

    got = 0
    stream = create(orq, server.url(scenario))
    with pytest.raises(APIError, match=text) as info:
        for _chunk in stream:
            got += 1
    assert got == 2
    assert json.loads(info.value.body)["error"]["message"] == text
    assert stream.response.is_closed


@pytest.mark.parametrize(
    ("scenario", "text"), [("error_event", "model overloaded"), ("error_data", "rate limited")]
)
def test_error_in_stream_raises_api_error_async(
    server: SSEServer, scenario: str, text: str
) -> None:
    from orq_ai_sdk.errors import APIError

    async def go(orq: Any) -> int:
        got = 0
        async with await create_async(orq, server.url(scenario)) as stream:
            with pytest.raises(APIError, match=text):
                async for _chunk in stream:
                    got += 1
        return got

    assert run(go) == 2


# -- closing: break, exception, garbage collection ------------------------------------------------------
def _left_early(server: SSEServer, index: int) -> None:
    record = _wait_record(server, index)
    assert record.client_gone, "the server kept writing: the connection was not closed"
    assert record.events_written < 400


def _wait_record(server: SSEServer, index: int) -> Any:
    import time

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if server.connections[index].finished:
            return server.connections[index]
        time.sleep(0.01)
    raise AssertionError(
        "the server is still writing after 10 s: the client never closed the connection"
    )


def test_break_closes_the_connection(server: SSEServer, orq: Any) -> None:
    stream = create(orq, server.url("endless"))
    index = len(server.connections) - 1
    for n, _chunk in enumerate(stream):
        if n == 2:
            break
    assert stream.response.is_closed
    _left_early(server, index)


def test_exception_in_loop_closes_the_connection(server: SSEServer, orq: Any) -> None:
    with pytest.raises(KeyError), create(orq, server.url("endless")) as stream:
        for _chunk in stream:
            raise KeyError("user code failed")
    assert stream.response.is_closed
    _left_early(server, len(server.connections) - 1)


def test_garbage_collection_closes_the_connection(server: SSEServer, orq: Any) -> None:
    stream = create(orq, server.url("endless"))
    index = len(server.connections) - 1
    response = stream.response
    assert not response.is_closed
    del stream
    gc.collect()
    assert response.is_closed
    _left_early(server, index)


def test_break_closes_the_connection_async(server: SSEServer) -> None:
    async def go(orq: Any) -> Any:
        stream = await create_async(orq, server.url("endless"))
        async for _chunk in stream:
            break
        for _ in range(100):  # the loop's iterator is closed by asyncio's async-generator finalizer
            if stream.response.is_closed:
                break
            await asyncio.sleep(0.01)
        return stream

    index = len(server.connections)
    assert run(go).response.is_closed
    _left_early(server, index)


def test_garbage_collection_closes_the_connection_async(server: SSEServer) -> None:
    async def go(orq: Any) -> Any:
        stream = await create_async(orq, server.url("endless"))
        response = stream.response
        del stream
        gc.collect()
        for _ in range(100):
            if response.is_closed:
                break
            await asyncio.sleep(0.01)
        return response

    index = len(server.connections)
    assert run(go).is_closed
    _left_early(server, index)


def test_iterating_after_break_is_a_clear_error(server: SSEServer, orq: Any) -> None:
    from orq_ai_sdk.errors import StreamError

    stream = create(orq, server.url("endless"))
    for _chunk in stream:
        break
    with pytest.raises(StreamError, match="closed before its end"):
        stream.final_response()
    assert list(create(orq, server.url("text")).__iter__())  # a fresh stream still works


# -- joining the chunks ----------------------------------------------------------------------------------
def test_final_response_joins_tool_call_arguments(server: SSEServer, orq: Any) -> None:
    from orq_ai_sdk import models

    final = create(orq, server.url("tools")).final_response()
    assert isinstance(final, models.CreateChatCompletionResponseBody)
    assert final.object == "chat.completion"
    choice = final.choices[0]
    assert choice.finish_reason == models.CreateChatCompletionFinishReason.TOOL_CALLS
    calls = choice.message.tool_calls
    assert [(c.id, c.function.name, json.loads(c.function.arguments)) for c in calls] == [
        ("call_a", "weather", {"city": "Paris"}),
        ("call_b", "time", {"tz": "CET"}),
    ]
    assert choice.message.role == "assistant"
    assert final.usage is not None and final.usage.total_tokens == 18


def test_text_deltas_then_final_response(server: SSEServer, orq: Any) -> None:
    with create(orq, server.url("text")) as stream:
        texts = list(stream.text_deltas())
        final = stream.final_response()
    assert texts == [f"tok{i} " for i in range(5)]  # the empty first delta is skipped
    assert final.choices[0].message.content == "".join(texts)
    assert final.choices[0].finish_reason.value == "stop"
    assert final.usage is not None and final.usage.total_tokens == 9


def test_text_deltas_and_final_response_async(server: SSEServer) -> None:
    async def go(orq: Any) -> tuple[list[str], Any]:
        async with await create_async(orq, server.url("text")) as stream:
            texts = [t async for t in stream.text_deltas()]
            return texts, await stream.final_response()

    texts, final = run(go)
    assert texts == [f"tok{i} " for i in range(5)]
    assert final.choices[0].message.content == "".join(texts)


def test_legacy_completions_join_text(server: SSEServer, orq: Any) -> None:
    from orq_ai_sdk import models

    stream = orq.router.completions.create(
        model="m", prompt="p", stream=True, server_url=server.url("legacy")
    )
    with stream:
        texts = list(stream.text_deltas())
        final = stream.final_response()
    assert texts == [f"t{i} " for i in range(4)]
    assert isinstance(final, models.CreateCompletionResponseBody)
    assert final.choices[0].text == "".join(texts)
    assert final.choices[0].finish_reason.value == "stop"


def test_stream_flag_is_sent(server: SSEServer, orq: Any) -> None:
    list(create(orq, server.url("text")))
    record = server.connections[-1]
    assert json.loads(record.body)["stream"] is True
    assert record.headers["accept"] == "text/event-stream"
