"""Fixtures of the streaming tests: a real SSE server on 127.0.0.1 with named scenarios, and an `Orq` client."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.streaming.server import (
    DONE,
    Connection,
    Plan,
    SSEServer,
    chat_chunk,
    completion_chunk,
    sse,
)

MANY = 10_000


def _chat(n: int, eol: str = "\n") -> list[bytes]:
    return [sse(chat_chunk(i), eol) for i in range(n)]


def _final(**extra: object) -> bytes:
    return sse(chat_chunk(0, choices=[{"index": 0, "delta": {}, "finish_reason": "stop"}], **extra))


def _tools() -> Iterator[bytes]:
    """Two parallel tool calls whose arguments arrive in fragments, then usage on a last chunk."""

    def delta(d: dict[str, object], finish: str | None = None) -> bytes:
        return sse(chat_chunk(0, choices=[{"index": 0, "delta": d, "finish_reason": finish}]))

    yield delta({"role": "assistant", "content": None})
    yield delta(
        {
            "tool_calls": [
                {
                    "index": 0,
                    "id": "call_a",
                    "type": "function",
                    "function": {"name": "weather", "arguments": ""},
                }
            ]
        }
    )
    yield delta(
        {
            "tool_calls": [
                {
                    "index": 1,
                    "id": "call_b",
                    "type": "function",
                    "function": {"name": "time", "arguments": ""},
                }
            ]
        }
    )
    for part in ['{"ci', 'ty": "Par', 'is"}']:
        yield delta({"tool_calls": [{"index": 0, "function": {"arguments": part}}]})
    for part in ['{"tz": ', '"CET"}']:
        yield delta({"tool_calls": [{"index": 1, "function": {"arguments": part}}]})
    yield delta({}, "tool_calls")
    yield sse(
        chat_chunk(
            0, choices=[], usage={"prompt_tokens": 7, "completion_tokens": 11, "total_tokens": 18}
        )
    )
    yield DONE


def _wire_format() -> Iterator[bytes]:
    """Everything the format allows around 3 chunks: BOM, comments, pings, id/retry/event fields, multi-line data."""
    yield b"\xef\xbb"  # a BOM split across two reads
    yield b"\xbf: a comment right after the BOM\n\n"
    yield b": ping\n\n"
    yield b"retry: 3000\nid: 1\n" + sse(chat_chunk(0))
    yield b"event: ping\ndata: {}\n\n"
    first, second = json.dumps(chat_chunk(1)).split(", ", 1)  # one JSON object on two data lines
    yield f"id: 2\ndata: {first},\ndata: {second}\n\n".encode()
    yield b":keep-alive\n"
    yield b"event: message\n" + sse(chat_chunk(2))[:-2]
    yield b"\n\n"
    yield DONE


def _line_ends(eol: str) -> Iterator[bytes]:
    body = b"".join([*_chat(3, eol), f"data: [DONE]{eol}{eol}".encode()])
    if eol == "\r\n":  # split every CRLF between two reads
        parts = body.split(b"\r\n")
        for part in parts[:-1]:
            yield part + b"\r"
            yield b"\n"
    else:
        yield from (body[i : i + 7] for i in range(0, len(body), 7))


def _seed(conn: Connection) -> Plan:
    chunk = (
        completion_chunk
        if "/completions" in conn.path and "/chat/" not in conn.path
        else chat_chunk
    )
    return Plan(iter([*(sse(chunk(i)) for i in range(3)), DONE]))


SCENARIOS = {
    "many": lambda conn: Plan(iter([*_chat(MANY), _final(), DONE])),
    "drip": lambda conn: Plan(iter([*_chat(10), DONE]), delay=0.03),
    "endless": lambda conn: Plan(iter(_chat(400)), delay=0.01),  # ~4 s unless the client leaves
    "drop": lambda conn: Plan(iter([*_chat(5), None])),  # chunked body cut off
    "drop_mid_event": lambda conn: Plan(iter([*_chat(5), sse(chat_chunk(5))[:40], None])),
    "eof_no_done": lambda conn: Plan(iter(_chat(5)), chunked=False),  # closes "cleanly", no [DONE]
    "done_no_blank": lambda conn: Plan(iter([*_chat(2), b"data: [DONE]"]), chunked=False),
    "wire": lambda conn: Plan(_wire_format()),
    "crlf": lambda conn: Plan(_line_ends("\r\n")),
    "cr": lambda conn: Plan(_line_ends("\r")),
    "error_event": lambda conn: Plan(
        iter(
            [
                *_chat(2),
                b'event: error\ndata: {"error": {"message": "model overloaded"}}\n\n',
                *_chat(2),
            ]
        )
    ),
    "error_data": lambda conn: Plan(
        iter([*_chat(2), sse({"error": {"message": "rate limited", "code": 429}}), *_chat(2)])
    ),
    "tools": lambda conn: Plan(_tools()),
    "text": lambda conn: Plan(
        iter(
            [
                sse(
                    chat_chunk(
                        0,
                        content="",
                        choices=[
                            {
                                "index": 0,
                                "delta": {"role": "assistant", "content": ""},
                                "finish_reason": None,
                            }
                        ],
                    )
                ),
                *_chat(5),
                _final(usage={"total_tokens": 9}),
                DONE,
            ]
        )
    ),
    "legacy": lambda conn: Plan(
        iter(
            [
                *(sse(completion_chunk(i)) for i in range(4)),
                sse(
                    {
                        **completion_chunk(4),
                        "choices": [{"index": 0, "text": "", "finish_reason": "stop"}],
                    }
                ),
                DONE,
            ]
        )
    ),
    "seed": _seed,
}


@pytest.fixture(scope="module")
def server() -> Iterator[SSEServer]:
    with SSEServer(SCENARIOS) as srv:
        yield srv


@pytest.fixture
def orq() -> Iterator[object]:
    from orq_ai_sdk import Orq

    client = Orq(api_key="test-key", retry_config=None)
    yield client
    client.close()
