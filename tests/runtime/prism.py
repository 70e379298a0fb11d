"""The Prism mock server (installed by scripts/install_prism.sh) on a free port of 127.0.0.1, for the
contract tests: `with prism_mock(spec, log_dir) as url: ...`."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

PRISM = REPO / ".tools" / "prism" / "node_modules" / ".bin" / "prism"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def prism_mock(spec: Path, log_dir: Path) -> Iterator[str]:
    """Prism mocking `spec` (with `--errors`: requests that break the spec are reported); yields its URL."""
    if not PRISM.exists():
        pytest.fail(f"Prism is not installed at {PRISM}: run scripts/install_prism.sh (scripts/test.sh does)")
    port = free_port()
    log_path = log_dir / "prism.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), "--errors", str(spec)],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: node and its children stop together
        )
    try:
        deadline = time.monotonic() + 90
        while "Prism is listening" not in log_path.read_text(errors="replace"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Prism did not start:\n{log_path.read_text(errors='replace')[-3000:]}")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
