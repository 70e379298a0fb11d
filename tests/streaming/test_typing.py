"""The `stream=` overloads, proven with `mypy --strict` on small user programs against the committed SDK."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tests.conftest import ORQ_SRC, mypy_cache, tool

GOOD = """
from orq_ai_sdk import EventStream, EventStreamAsync, Orq, models


def sync(orq: Orq) -> None:
    events: EventStream[models.CreateChatCompletionChunk] = orq.router.chat.completions.create(
        messages=[], model="m", stream=True
    )
    body: models.CreateChatCompletionResponseBody = orq.router.chat.completions.create(messages=[], model="m", stream=False)
    default: models.CreateChatCompletionResponseBody = orq.router.chat.completions.create(messages=[], model="m")
    legacy: EventStream[models.CreateCompletionChunk] = orq.router.completions.create(model="m", prompt="p", stream=True)
    with orq.router.chat.completions.create(messages=[], model="m", stream=True) as event_stream:
        for event in event_stream:
            chunk: models.CreateChatCompletionChunk = event
        for text in event_stream.text_deltas():
            piece: str = text
        final: models.CreateChatCompletionResponseBody = event_stream.final_response()
    flag: bool = bool(events) and bool(body) and bool(default) and bool(legacy)
    either = orq.router.chat.completions.create(messages=[], model="m", stream=flag)
    if isinstance(either, EventStream):
        chunks: list[models.CreateChatCompletionChunk] = list(either)


async def asynchronous(orq: Orq) -> None:
    events: EventStreamAsync[models.CreateChatCompletionChunk] = await orq.router.chat.completions.create_async(
        messages=[], model="m", stream=True
    )
    body: models.CreateChatCompletionResponseBody = await orq.router.chat.completions.create_async(messages=[], model="m")
    async with events as event_stream:
        async for event in event_stream:
            chunk: models.CreateChatCompletionChunk = event
    stream = await orq.router.chat.completions.create_async(messages=[], model="m", stream=True)
    async for text in stream.text_deltas():
        piece: str = text
    final: models.CreateChatCompletionResponseBody = await stream.final_response()
"""

# Each line marked `# E` must be reported by mypy, and nothing else.
BAD = """
from orq_ai_sdk import EventStream, Orq, models


def sync(orq: Orq) -> None:
    a: models.CreateChatCompletionResponseBody = orq.router.chat.completions.create(messages=[], model="m", stream=True)  # E
    b: EventStream[models.CreateChatCompletionChunk] = orq.router.chat.completions.create(messages=[], model="m")  # E
    c: EventStream[models.CreateChatCompletionChunk] = orq.router.chat.completions.create(messages=[], model="m", stream=False)  # E
    d: EventStream[models.CreateCompletionChunk] = orq.router.chat.completions.create(messages=[], model="m", stream=True)  # E
    with orq.router.chat.completions.create(messages=[], model="m", stream=True) as event_stream:
        for event in event_stream:
            e: models.CreateChatCompletionResponseBody = event  # E
        f: models.CreateChatCompletionChunk = event_stream.final_response()  # E
    flag = bool(a) and bool(b) and bool(c) and bool(d)
    g: models.CreateChatCompletionResponseBody = orq.router.chat.completions.create(messages=[], model="m", stream=flag)  # E


async def asynchronous(orq: Orq) -> None:
    h: EventStream[models.CreateChatCompletionChunk] = await orq.router.chat.completions.create_async(messages=[], model="m", stream=True)  # E
"""


def test_overloads_with_mypy_strict(tmp_path: Path) -> None:
    (tmp_path / "good.py").write_text(GOOD)
    (tmp_path / "bad.py").write_text(BAD)
    done = subprocess.run(
        [
            tool("mypy"),
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            mypy_cache(),
            "good.py",
            "bad.py",
        ],
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(ORQ_SRC)},
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
