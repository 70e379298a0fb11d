"""The seeds' streaming usage snippets, run with `stream=True` against the local SSE server.

The snippets (seeds 000, 001, 003, 004) pass `stream=False` and then iterate the result as an event
stream, a known bug of the published docs; here they run as intended: `stream=False` becomes
`stream=True` and the client gets `server_url=` pointing at 127.0.0.1. The seeds lost their
indentation (000/001) or have it padded (003/004), so each snippet is re-indented from its structure.
Seed 004 shows the previous API version (`orq.router.chat_completions`), so it runs against an SDK
generated from the previous spec.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ORQ_PREVIOUS_SPEC, ORQ_SRC
from tests.seed_parsing import read_seed
from tests.streaming.server import SSEServer

START, END = "from orq_ai_sdk import Orq", "print(event, flush=True)"


def snippet(prefix: str) -> str:
    """The seed's usage snippet as runnable Python, unchanged but for indentation."""
    text = read_seed(prefix)
    start = text.index(START)
    code = text[start : text.index(END, start) + len(END)]
    # depth: brackets open; level: blocks open (by lines ending in ":" outside brackets)
    lines, depth, level = [], 0, 0
    for raw in code.splitlines():
        line = raw.strip()
        if line:
            lines.append("    " * level + line)  # inside brackets any indentation is valid
            depth += sum(line.count(c) for c in "([{") - sum(line.count(c) for c in ")]}")
            if depth == 0 and line.endswith(":"):
                level += 1
    return "\n".join(lines) + "\n"


def as_streaming(code: str, url: str) -> str:
    assert code.count("stream=False") == 1 and code.count("with Orq(") == 1
    return code.replace("stream=False", "stream=True").replace(
        "with Orq(", f"with Orq(server_url={url!r}, "
    )


@pytest.mark.parametrize("prefix", ["000", "001", "003", "004"])
def test_seed_snippet_streams(
    prefix: str, server: SSEServer, generated_sdk, tmp_path: Path
) -> None:
    code = snippet(prefix)
    compile(code, f"seed {prefix}", "exec")  # the original, re-indented, is valid Python
    assert "with res as event_stream:" in code and "for event in event_stream:" in code
    src = ORQ_SRC if prefix != "004" else generated_sdk(ORQ_PREVIOUS_SPEC, "orq_ai_sdk") / "src"
    script = tmp_path / f"seed_{prefix}.py"
    script.write_text(as_streaming(code, server.url("seed")))
    before = len(server.connections)
    env = {**os.environ, "PYTHONPATH": str(src), "ORQ_API_KEY": "seed-key"}
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    printed = done.stdout.splitlines()
    assert len(printed) == 3, done.stdout
    for i, line in enumerate(printed):  # the chunk models, printed as they came
        assert re.search(rf"'(tok|t){i} '", line), line
        assert "choices=" in line
    (record,) = server.connections[before:]
    body = json.loads(record.body)
    assert body["stream"] is True and record.headers["authorization"] == "Bearer seed-key"
    assert record.headers["accept"] == "text/event-stream"
