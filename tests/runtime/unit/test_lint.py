"""The runtime is checked where it lives, with the settings of the SDKs it is copied into."""

from __future__ import annotations

from pathlib import Path

from generator.write import RUFF_ARGS
from tests.conftest import REPO, mypy_cache, run, tool

RUNTIME = REPO / "generator" / "runtime"
# With the pipeline's options (RUFF_ARGS): the runtime must already be formatted as the pipeline would
# leave it, because it is copied into SDKs byte for byte.


def test_ruff_check_passes() -> None:
    proc = run([tool("ruff"), "check", *RUFF_ARGS, str(RUNTIME)])
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_format_leaves_it_unchanged() -> None:
    proc = run([tool("ruff"), "format", "--check", *RUFF_ARGS, str(RUNTIME)])
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_strict_passes_on_python_310(tmp_path: Path) -> None:
    proc = run(
        [
            tool("mypy"),
            "--strict",
            "--python-version",
            "3.10",
            "--cache-dir",
            mypy_cache(),
            "-p",
            "generator.runtime",
        ],
        cwd=REPO,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
