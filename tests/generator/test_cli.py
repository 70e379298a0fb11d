"""The command line reads like a manual: descriptions, examples, exit codes, --version, naming flags."""

from __future__ import annotations

import gc
import importlib.metadata
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli
from generator.cli import main
from tests.conftest import SPECS, run, tool


def _help(*args: str) -> str:
    proc = run([tool("sdkgen"), *args, "--help"])
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.mark.parametrize("command", ["", "generate", "check", "diff"])
def test_every_help_lists_the_exit_codes(command: str) -> None:
    text = _help(*([command] if command else []))
    assert "exit codes:\n  0   success\n" in text
    assert "  70  a bug in sdkgen" in text


@pytest.mark.parametrize("command", ["generate", "check", "diff"])
def test_every_command_has_a_description_and_examples(command: str) -> None:
    text = _help(command)
    assert "\nexamples:\n  sdkgen " + command in text
    usage, _, rest = text.partition("\n\n")
    assert usage.startswith(f"usage: sdkgen {command}") and not rest.startswith("positional arguments")


def test_version() -> None:
    proc = run([tool("sdkgen"), "--version"])
    assert (proc.returncode, proc.stdout) == (0, f"sdkgen {importlib.metadata.version('sdkgen')}\n")


def test_naming_flags_reach_the_sdk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sdk"
    code = main([
        "generate", str(SPECS / "kitchen_sink.yaml"), "-o", str(out),
        "--package", "acme_sdk", "--client-class", "Acme", "--distribution", "acme-client", "--sdk-version", "2.3.4",
    ])
    assert code == 0
    assert "class Acme(BaseClient):" in (out / "src/acme_sdk/sdk.py").read_text()
    pyproject = (out / "pyproject.toml").read_text()
    assert 'name = "acme-client"' in pyproject and 'version = "2.3.4"' in pyproject


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["bogus"], "invalid choice: 'bogus'"),
        (["generate", "--client-class", "X"], "go with a spec"),
        (["generate", str(SPECS / "kitchen_sink.yaml")], "-o/--output is required with a spec"),
        (["diff", "a.yaml"], "give both OLD and NEW"),
    ],
)
def test_usage_errors_exit_4_with_one_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 4
    err = capsys.readouterr().err
    assert err.startswith("sdkgen: error: ") and message in err and err.count("\n") == 1


def test_a_command_runs_without_the_cyclic_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """It only slowed runs down (their objects live to the end); this process gets it back after."""
    seen: list[bool] = []
    monkeypatch.setattr(cli, "_run", lambda argv: seen.append(gc.isenabled()) or 0)
    assert gc.isenabled()
    assert cli.main(["--version"]) == 0
    assert seen == [False]
    assert gc.isenabled()


def test_cycles_are_collected_between_the_configured_sdks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without automatic collection, each SDK's garbage is freed before the next one is generated."""
    for name in ("a", "b", "c"):
        (tmp_path / "spec" / name).mkdir(parents=True)
        (tmp_path / "spec" / name / "openapi.yaml").write_text((SPECS / "kitchen_sink.yaml").read_text())
        (tmp_path / "spec" / name / "sdkgen.yaml").write_text(f"spec: openapi.yaml\noutput: ../../out/{name}\npackage: {name}_sdk\n")
    collections: list[bool] = []
    monkeypatch.setattr(cli.gc, "collect", lambda: collections.append(gc.isenabled()) or 0)
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 0
    assert collections == [False, False]  # before the 2nd and the 3rd
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a", "b", "c"]


@pytest.mark.parametrize("program", ["script", "module"])
def test_the_program_says_everything_before_it_ends_at_once(program: str, tmp_path: Path) -> None:
    """`sdkgen` ends with `os._exit` (no freeing of the run's objects): what it printed into pipes,
    which buffer it, still arrives, with the exit code of `main`."""
    command = [tool("sdkgen")] if program == "script" else [sys.executable, "-m", "generator"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as users run it

    def sdkgen(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*command, *args], capture_output=True, text=True, env=env, timeout=300, check=False)

    proc = sdkgen("generate", str(SPECS / "kitchen_sink.yaml"), "-o", str(tmp_path / "sdk"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("generated ") and proc.stdout.endswith(f"in {tmp_path / 'sdk'}\n")
    proc = sdkgen("generate", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "other"))
    assert proc.returncode == 2 and proc.stderr.startswith("sdkgen: error: ") and proc.stdout == ""
