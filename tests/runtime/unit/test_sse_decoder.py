"""The SSE decoder and the chunk joiner of the runtime, imported in place, without a server."""

from __future__ import annotations

from typing import Any

import pytest

from generator.runtime._streaming import DeltaShape, SSEDecoder, _Accumulator

BODY = (
    b"\xef\xbb\xbf: comment\n"
    b"retry: 1500\nid: 7\nevent: add\ndata: first\ndata:second\ndata\n\n"
    b"data: x\r\n\r\n"
    b"id: a\x00b\nretry: 1\xc2\xb2\nunknown: z\ndata: \xc3\xa9t\xc3\xa9\r\r"
    b"event: error\n\n"
    b"data:  two spaces\n\n"
    b"id\ndata: last-id-reset\n\n"
    b"data: incomplete"
)


def events(decoder: SSEDecoder, pieces: list[bytes]) -> list[tuple[Any, ...]]:
    out = [e for piece in pieces for e in decoder.feed(piece)]
    return [(e.data, e.event, e.id, e.retry) for e in out]


EXPECTED = [
    # multi-line data; "data" without a colon is an empty data line
    ("first\nsecond\n", "add", "7", 1500),
    # CRLF; the id persists, retry does not
    ("x", None, "7", None),
    # CR line ends; an id with NUL is ignored; "1²" is not a retry; an unknown field is ignored
    ("été", None, "7", None),
    # an event without data is still dispatched
    ("", "error", "7", None),
    # only one space after the colon is dropped
    (" two spaces", None, "7", None),
    # "id" without a value resets it
    ("last-id-reset", None, "", None),
]


def test_whole_body() -> None:
    decoder = SSEDecoder()
    assert events(decoder, [BODY]) == EXPECTED
    assert decoder.in_event
    last = decoder.flush()
    # reported, so a cut-off stream can be told apart
    assert last is not None and last.data == "incomplete"


@pytest.mark.parametrize("cut", range(1, len(BODY)))
def test_any_split_gives_the_same_events(cut: int) -> None:
    assert events(SSEDecoder(), [BODY[:cut], BODY[cut:]]) == EXPECTED


def test_byte_by_byte() -> None:
    assert events(SSEDecoder(), [BODY[i : i + 1] for i in range(len(BODY))]) == EXPECTED


def test_bom_only_at_the_start() -> None:
    decoder = SSEDecoder()
    # a second BOM makes a field name
    assert events(decoder, [b"\xef\xbb\xbf\xef\xbb\xbfdata: a\n\n"]) == []
    assert events(SSEDecoder(), [b"\xef", b"\xbb", b"\xbfdata: a\n\n"]) == [("a", None, None, None)]


def test_long_line_in_many_pieces_is_linear() -> None:
    decoder = SSEDecoder()
    payload = b"x" * 2_000_000
    pieces = [b"data: "] + [payload[i : i + 1000] for i in range(0, len(payload), 1000)] + [b"\n\n"]
    (event,) = [e for p in pieces for e in decoder.feed(p)]
    assert len(event.data) == len(payload)


def test_clean_end() -> None:
    decoder = SSEDecoder()
    decoder.feed(b"data: a\n\n: trailing comment\n")
    assert not decoder.in_event and decoder.flush() is None


def _join(chunks: list[dict[str, Any]], shape: DeltaShape) -> dict[str, Any]:
    acc = _Accumulator(shape)
    for chunk in chunks:
        acc.add(chunk)
    return acc.result()


def test_joiner_replaces_identifiers_and_appends_text() -> None:
    shape = DeltaShape(
        constants={"object": "chat.completion"}, message_constants={"role": "assistant"}
    )
    delta = [
        {"role": "assistant", "content": "Hel"},
        {
            "role": "assistant",
            "content": "lo",
            "tool_calls": [
                {
                    "index": 0,
                    "id": "c1",
                    "type": "function",
                    "function": {"name": "f", "arguments": '{"a"'},
                }
            ],
        },
        {
            "role": "assistant",
            "tool_calls": [
                {"index": 0, "id": "c1", "function": {"name": "f", "arguments": ": 1}"}}
            ],
        },
    ]
    chunks = [
        {
            "id": "x",
            "object": "chat.completion.chunk",
            "choices": [{"index": 0, "delta": d, "finish_reason": None}],
        }
        for d in delta
    ]
    chunks.append(
        {
            "id": "x",
            "choices": [{"index": 1, "delta": {"content": "other"}, "finish_reason": "length"}],
        }
    )
    chunks.append(
        {
            "id": "x",
            "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
            "usage": {"total_tokens": 3},
        }
    )
    out = _join(chunks, shape)
    assert (
        out["object"] == "chat.completion"
        and out["id"] == "x"
        and out["usage"] == {"total_tokens": 3}
    )
    first, second = out["choices"]
    assert first["message"]["content"] == "Hello"
    # repeated in every delta, not "assistantassistant"
    assert first["message"]["role"] == "assistant"
    assert first["message"]["tool_calls"] == [
        {
            "index": 0,
            "id": "c1",
            "type": "function",
            "function": {"name": "f", "arguments": '{"a": 1}'},
        }
    ]
    assert first["finish_reason"] == "stop" and second["finish_reason"] == "length"
    assert second["message"]["content"] == "other"


def test_joiner_without_delta_object() -> None:
    chunks = [
        {"id": "c", "choices": [{"index": 0, "text": t, "finish_reason": f}]}
        for t, f in [("a", None), ("b", None), ("", "stop")]
    ]
    out = _join(chunks, DeltaShape(delta="", message="", text="text"))
    assert out["choices"] == [{"index": 0, "text": "ab", "finish_reason": "stop"}]
