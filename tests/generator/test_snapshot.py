"""The committed SDK is exactly what the generator writes, and writing is deterministic."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.config import targets
from generator.pipeline import build_into
from generator.write import diff_trees
from generator.write import read_tree as _tree
from tests.conftest import ORQ_OUTPUT, REPO, SPECS, run, tool


def _fresh_orq(folder: Path) -> dict[str, bytes]:
    (target,) = [t for t in targets(REPO) if t.output == ORQ_OUTPUT.resolve()]
    folder.mkdir()
    build_into(target.spec, folder, target.raw)
    return _tree(folder)


def test_committed_orq_sdk_matches_a_fresh_generation(tmp_path: Path) -> None:
    fresh = _fresh_orq(tmp_path / "orq")
    committed = _tree(ORQ_OUTPUT)
    diff = diff_trees(fresh, committed, "generated/orq")
    assert not diff, "generated/orq drifted from the spec; run `make generate`:\n" + "".join(diff[:200])
    assert "src/orq_ai_sdk/sdk.py" in fresh and "pyproject.toml" in fresh


def test_generation_is_deterministic_across_processes(tmp_path: Path, generated_sdk) -> None:
    """Two runs, in processes with different hash seeds, write identical bytes: those of this process.
    Cold runs (`--no-cache`): the second must not read what the first computed."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [tool("sdkgen"), "generate", "--no-cache", str(SPECS / "kitchen_sink.yaml"), "-o", str(out)],
            capture_output=True, text=True, env=env, check=False,
        )
        assert proc.returncode == 0, proc.stderr
        outputs.append(_tree(out))
    assert outputs[0] == outputs[1] == _tree(generated_sdk(SPECS / "kitchen_sink.yaml"))


def _repo_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the parts of the repo that `sdkgen check` reads."""
    root = tmp_path / "repo"
    shutil.copytree(REPO / "spec", root / "spec")
    shutil.copytree(ORQ_OUTPUT, root / "generated" / "orq", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return root


def test_check_passes_when_up_to_date_and_fails_with_a_diff_on_drift(tmp_path: Path) -> None:
    root = _repo_copy(tmp_path)
    ok = run([tool("sdkgen"), "check"], cwd=root)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "up to date" in ok.stdout

    (root / "generated/orq/src/orq_ai_sdk/mine.py").write_text("x = 1\n")  # the user's: not in the manifest
    assert run([tool("sdkgen"), "check"], cwd=root).returncode == 0

    sdk_file = root / "generated/orq/src/orq_ai_sdk/sdk.py"
    sdk_file.write_text(sdk_file.read_text() + "# hand edit\n")
    (root / "generated/orq/docs/models/background.md").unlink()
    drift = run([tool("sdkgen"), "check"], cwd=root)
    assert drift.returncode == 1
    assert "-# hand edit" in drift.stdout  # the diff shows what regenerating removes
    assert "+++ b/generated/orq/docs/models/background.md" in drift.stdout  # and what it restores
    assert "mine.py" not in drift.stdout
    assert "sdkgen generate" in drift.stderr  # and says how to fix it


def test_check_notices_a_spec_change(tmp_path: Path) -> None:
    root = _repo_copy(tmp_path)
    spec = root / "spec/orq/openapi.yaml"
    spec.write_text(spec.read_text().replace("A list of messages comprising the conversation so far.", "Messages so far.", 1))
    drift = run([tool("sdkgen"), "check"], cwd=root)
    assert drift.returncode == 1
    assert "Messages so far." in drift.stdout


def test_generate_with_no_arguments_regenerates_the_configured_sdk(tmp_path: Path) -> None:
    root = _repo_copy(tmp_path)
    shutil.rmtree(root / "generated")
    proc = run([sys.executable, "-m", "generator", "generate"], cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert _tree(root / "generated/orq") == _tree(ORQ_OUTPUT)
