"""Regenerating keeps what users added: only files in the manifest are replaced or deleted, and paths
in `.genignore` are the user's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.write import MANIFEST_FILE, read_tree
from tests.conftest import SPECS

DIFF_FIXTURES = SPECS.parent / "diff"
USER_FILES = {
    "CHANGELOG.md": "# Changes\n",
    "tests/test_mine.py": "def test_x() -> None: ...\n",
    "docs/extra/guide.md": "A guide.\n",  # inside a generated folder
    "src/pets_sdk/custom.py": "X = 1\n",  # inside the generated package
    ".git/HEAD": "ref: refs/heads/main\n",
}


def _generate(spec: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    capsys.readouterr()
    assert main(["generate", str(spec), "-o", str(out), "--package", "pets_sdk"]) == 0
    captured = capsys.readouterr()
    return captured.out, captured.err


def _add(out: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")


def _manifest(out: Path) -> dict[str, str]:
    files: dict[str, str] = json.loads((out / MANIFEST_FILE).read_text())["files"]
    return files


def test_user_files_survive_regeneration_and_stale_generated_files_go(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base_only = tmp_path / "base"
    _generate(DIFF_FIXTURES / "base.yaml", base_only, capsys)
    out = tmp_path / "sdk"
    _generate(DIFF_FIXTURES / "model_added.yaml", out, capsys)
    stale = set(_manifest(out)) - set(_manifest(base_only))
    assert "docs/models/collar.md" in stale
    _add(out, USER_FILES)

    _, err = _generate(DIFF_FIXTURES / "base.yaml", out, capsys)  # the added model is gone from the spec
    tree = read_tree(out)
    assert {rel: tree[rel].decode() for rel in USER_FILES} == USER_FILES
    assert stale.isdisjoint(tree)  # the generator wrote them last time, and not this time: deleted
    assert set(tree) == set(read_tree(base_only)) | set(USER_FILES)
    assert err == ""  # the folder had a manifest: nothing to warn about
    assert set(_manifest(out)).isdisjoint(USER_FILES)


def test_genignore_hands_generated_paths_to_the_user(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sdk"
    _generate(DIFF_FIXTURES / "base.yaml", out, capsys)
    (out / ".genignore").write_text("# mine now\n/README.md\ndocs/models/\n", encoding="utf-8")
    (out / "README.md").write_text("My own README.\n", encoding="utf-8")
    shutil.rmtree(out / "docs" / "models")

    _generate(DIFF_FIXTURES / "model_added.yaml", out, capsys)
    assert (out / "README.md").read_text() == "My own README.\n"
    assert not (out / "docs" / "models").exists()  # taken over, and deleted by its owner: stays deleted
    manifest = _manifest(out)
    assert "README.md" not in manifest and not any(rel.startswith("docs/models/") for rel in manifest)
    assert ".genignore" not in manifest and (out / ".genignore").is_file()


def test_check_compares_only_the_generators_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    (repo / "spec" / "pets").mkdir(parents=True)
    shutil.copy(DIFF_FIXTURES / "base.yaml", repo / "spec" / "pets" / "openapi.yaml")
    (repo / "spec" / "pets" / "sdkgen.yaml").write_text("spec: openapi.yaml\noutput: ../../out\npackage: pets_sdk\n")
    monkeypatch.chdir(repo)
    assert main(["generate"]) == 0
    _add(repo / "out", {"CHANGELOG.md": "x\n", "tests/test_mine.py": "y\n"})
    (repo / "out" / ".genignore").write_text("/README.md\n")  # the top-level one only
    assert main(["generate"]) == 0  # the manifest now leaves it out
    (repo / "out" / "README.md").write_text("edited\n")
    capsys.readouterr()
    assert main(["check"]) == 0
    assert capsys.readouterr().out == "out: up to date\n"
    (repo / "out" / "pyproject.toml").write_text("edited\n")  # a generated file, not taken over
    assert main(["check"]) == 1
    assert "b/out/pyproject.toml" in capsys.readouterr().out


def test_a_folder_without_manifest_keeps_unknown_files_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An SDK written by an sdkgen without manifests: what this run does not write is kept, and listed."""
    out = tmp_path / "sdk"
    _generate(DIFF_FIXTURES / "base.yaml", out, capsys)
    (out / MANIFEST_FILE).unlink()
    _add(out, {"CHANGELOG.md": "x\n"})
    _, err = _generate(DIFF_FIXTURES / "base.yaml", out, capsys)
    assert (out / "CHANGELOG.md").read_text() == "x\n"
    assert "sdkgen: note: kept 1 files this run did not write (the folder had no manifest yet): CHANGELOG.md" in err
    assert (out / MANIFEST_FILE).is_file()


def test_a_failed_run_leaves_user_files_where_they_were(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sdk"
    _generate(DIFF_FIXTURES / "base.yaml", out, capsys)
    _add(out, USER_FILES)
    before = read_tree(out)
    bad = tmp_path / "bad.yaml"
    bad.write_text("openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths: {/a: {get: {responses: {'200': {$ref: '#/nope'}}}}}\n")
    assert main(["generate", str(bad), "-o", str(out), "--package", "pets_sdk"]) == 2
    assert read_tree(out) == before
    assert (out / ".git/HEAD").read_text() == USER_FILES[".git/HEAD"]
