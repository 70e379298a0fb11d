"""`sdkgen diff` on the command line, the report `sdkgen generate` prints, and escaping of spec text."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import report as report_module
from generator.cli import main
from generator.diff import Change, Report, compare
from generator.emit.surface import SURFACE_FILE, dump_surface
from generator.pipeline import change_report
from generator.report import md_code, render
from tests.conftest import ORQ_PREVIOUS_SPEC, ORQ_SPEC, run, tool
from tests.diff.conftest import DIFF_FIXTURES

BASE = DIFF_FIXTURES / "base.yaml"


def _diff(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    breaking = DIFF_FIXTURES / "param_required.yaml"
    minor = DIFF_FIXTURES / "param_added_optional.yaml"
    assert _diff(capsys, BASE, breaking)[0] == 0
    code, out, err = _diff(capsys, BASE, breaking, "--fail-on-breaking")
    assert code == 1 and "Version bump: major" in out and "breaking changes" in err
    code, out, _ = _diff(capsys, BASE, minor, "--fail-on-breaking")
    assert code == 0 and "Version bump: minor" in out
    assert _diff(capsys, BASE, BASE, "--fail-on-breaking")[:2] == (0, "SDK changes of Pets API: " + str(BASE) + " (1.0.0) -> " + str(BASE) + " (1.0.0)\nVersion bump: none (no changes to the SDK's public surface)\n")


def test_bad_input_exits_2_and_usage_errors_4(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _diff(capsys, tmp_path / "missing.yaml", BASE)
    assert code == 2 and "missing.yaml" in err and "not found" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.1.0\ninfo: {title: x}\npaths: {}\n", encoding="utf-8")  # no info.version
    code, _, err = _diff(capsys, BASE, bad)
    assert code == 2 and "sdkgen: error:" in err
    code, _, err = _diff(capsys, BASE)
    assert code == 4 and "give both OLD and NEW" in err  # a usage error
    snapshot = tmp_path / "surface.json"
    snapshot.write_text(json.dumps({"sdkgen_surface": 99, "operations": {}, "models": {}}), encoding="utf-8")
    code, _, err = _diff(capsys, snapshot, BASE)
    assert code == 2 and "unsupported surface snapshot format" in err
    code, _, err = _diff(capsys, tmp_path, BASE)  # a folder with no snapshot
    assert code == 2 and SURFACE_FILE in err


def test_markdown_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _diff(capsys, BASE, DIFF_FIXTURES / "method_moved.yaml", "--format", "markdown")
    assert code == 0
    assert out.startswith("## SDK changes of `Pets API`\n")
    assert "**Version bump: major**" in out
    assert "### Breaking changes (major)\n\n- Method `pets.create` moved to `animals.create`" in out
    assert "Non-breaking" not in out  # no empty sections


def test_snapshot_and_sdk_folder_inputs(capsys: pytest.CaptureFixture[str], tmp_path: Path, surface) -> None:
    """OLD may be a surface snapshot or an SDK folder holding one: the same report as from the spec."""
    sdk = tmp_path / "sdk"
    (sdk / ".sdkgen").mkdir(parents=True)
    (sdk / SURFACE_FILE).write_text(dump_surface(surface(BASE)), encoding="utf-8")
    new = DIFF_FIXTURES / "enum_value_added.yaml"
    from_spec = _diff(capsys, BASE, new)[1]
    for old in (sdk, sdk / SURFACE_FILE):
        code, out, _ = _diff(capsys, old, new)
        assert code == 0 and out.replace(str(old), "OLD", 1) == from_spec.replace(str(BASE), "OLD", 1)


def test_console_script_on_the_orq_specs() -> None:
    proc = run([tool("sdkgen"), "diff", str(ORQ_PREVIOUS_SPEC), str(ORQ_SPEC), "--fail-on-breaking"], timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "Method router.chat_completions moved to router.chat.completions.create" in proc.stdout


def test_markdown_escapes_spec_text() -> None:
    hostile = "a`b``c\n<script>alert(1)</script>\x1b[31m"
    span = md_code(hostile)
    assert "\n" not in span and "\x1b" not in span and "\\x1b" in span
    assert span.startswith("```") and span.endswith("```") and "``" in span[3:-3]
    assert md_code("`x`") == "`` `x` ``"
    report = Report([Change("enum_value_added", "minor", "Kind", hostile, new=hostile, side="response")])
    text = render(report, "text", "old", "new")
    assert "\x1b" not in text and "\\x1b[31m" in text
    md = render(report, "markdown", "old", "new")
    assert "\x1b" not in md and md.count("\n- ") == 1


# -- the report `sdkgen generate` prints -----------------------------------------------------------
def test_generate_prints_the_changes_since_the_last_generation(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    assert main(["generate", str(BASE), "-o", str(out)]) == 0
    first = capsys.readouterr().out
    assert (out / SURFACE_FILE).is_file() and "Version bump" not in first  # nothing to compare with yet
    assert main(["generate", str(DIFF_FIXTURES / "response_field_optional.yaml"), "-o", str(out)]) == 0
    second = capsys.readouterr().out
    assert "Version bump: major" in second
    assert "Model Pet (used in responses): field name is now optional (may be missing)." in second
    assert main(["generate", str(DIFF_FIXTURES / "doc_only.yaml"), "-o", str(out)]) == 0
    third = capsys.readouterr().out
    assert "Model Pet (used in responses): field name is now required." in third  # back to the base
    assert main(["generate", str(DIFF_FIXTURES / "doc_only.yaml"), "-o", str(out)]) == 0
    assert "Version bump" not in capsys.readouterr().out  # nothing changed


# -- without OLD and NEW: each configured SDK against its snapshot at a git revision --------------
def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=repo, check=True, capture_output=True, timeout=60)


@pytest.fixture()
def repo(tmp_path: Path, surface) -> Path:
    """A git repository with one configured SDK whose committed snapshot is the base spec's surface."""
    (tmp_path / "spec" / "pets").mkdir(parents=True)
    (tmp_path / "spec" / "pets" / "sdkgen.yaml").write_text("spec: openapi.yaml\noutput: ../../generated/pets\n", encoding="utf-8")
    shutil.copy(BASE, tmp_path / "spec" / "pets" / "openapi.yaml")
    (tmp_path / "generated" / "pets" / ".sdkgen").mkdir(parents=True)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "empty")
    (tmp_path / "generated" / "pets" / SURFACE_FILE).write_text(dump_surface(surface(BASE)), encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "pets")
    return tmp_path


def test_configured_sdks_against_a_git_revision(capsys: pytest.CaptureFixture[str], repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    spec = repo / "spec" / "pets" / "openapi.yaml"
    assert _diff(capsys, "--fail-on-breaking")[:2] == (0, "SDK changes of Pets API: generated/pets at HEAD (1.0.0) -> spec/pets/openapi.yaml (1.0.0)\nVersion bump: none (no changes to the SDK's public surface)\n")
    shutil.copy(DIFF_FIXTURES / "param_added_optional.yaml", spec)
    code, out, _ = _diff(capsys, "--fail-on-breaking")
    assert code == 0 and "new optional argument limit" in out
    shutil.copy(DIFF_FIXTURES / "param_added_required.yaml", spec)
    code, out, _ = _diff(capsys, "--fail-on-breaking", "--format", "markdown")
    assert code == 1 and "new required argument `x_request_id`" in out
    code, _, err = _diff(capsys, "--base", "HEAD~1")  # that commit has no snapshot yet
    assert code == 0 and "nothing to compare yet" in err
    code, _, err = _diff(capsys, "--base", "no-such-branch")
    assert code == 4 and "not a git revision" in err  # a usage error


def test_a_base_snapshot_of_an_older_format_is_skipped_with_a_note(capsys: pytest.CaptureFixture[str], repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first drift check after upgrading sdkgen: the committed snapshot is format 1; no false report."""
    monkeypatch.chdir(repo)
    snapshot = repo / "generated" / "pets" / SURFACE_FILE
    snapshot.write_text(json.dumps({"sdkgen_surface": 1, "operations": {}, "models": {}}), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "old snapshot")
    code, out, err = _diff(capsys, "--fail-on-breaking")
    assert (code, out) == (0, "")
    assert "generated/pets: the .sdkgen/surface.json at HEAD has format 1 (another sdkgen version); nothing to compare" in err


def test_models_added_or_removed_are_listed_in_one_entry(surface) -> None:
    report = compare(surface(ORQ_SPEC), surface(ORQ_PREVIOUS_SPEC))  # backwards: the new method goes
    removed = [c.target for c in report.changes if c.kind == "model_removed"]
    assert 1 < len(removed) <= report_module.MODELS_LISTED
    text = render(report, "text", "current", "previous")
    assert f"  - {len(removed)} models removed: {', '.join(removed)}.\n" in text
    assert "Method router.completions.create removed (was POST /v2/router/completions)." in text


def test_a_long_list_of_models_is_cut_with_a_count(surface, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large spec adds thousands of models at once: the entry names the first ones and counts the rest."""
    monkeypatch.setattr(report_module, "MODELS_LISTED", 3)
    report = compare(surface(ORQ_SPEC), surface(ORQ_PREVIOUS_SPEC))
    removed = [c.target for c in report.changes if c.kind == "model_removed"]
    text = render(report, "text", "current", "previous")
    assert f"  - {len(removed)} models removed: {', '.join(removed[:3])} and {len(removed) - 3} more.\n" in text


def test_snapshot_of_the_old_format_gives_a_one_line_note(surface) -> None:
    """An SDK generated before surface format 2 (Python annotations as types) is not compared."""
    current = dump_surface(surface(BASE))
    old = json.loads(current)
    old["sdkgen_surface"] = 1
    assert change_report(json.dumps(old), current, "sdk") == (
        "(no change report: previous sdk/.sdkgen/surface.json: unsupported surface snapshot format 1)\n"
    )
