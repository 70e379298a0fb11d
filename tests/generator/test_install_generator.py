"""The generator installed from a wheel (`pip install .`, not editable) works away from the source tree."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from generator.write import read_tree
from tests.conftest import REPO, SPECS, run


def _copy_project(dest: Path) -> Path:
    """What a source distribution holds: the package, pyproject.toml and README, and nothing else."""
    dest.mkdir()
    shutil.copy(REPO / "pyproject.toml", dest)
    shutil.copy(REPO / "README.md", dest)
    shutil.copytree(REPO / "generator", dest / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def test_pip_install_then_generate(tmp_path: Path, generated_sdk) -> None:
    venv = tmp_path / "venv"
    proc = run([sys.executable, "-m", "venv", str(venv)])
    assert proc.returncode == 0, proc.stderr
    python = venv / "bin" / "python"
    project = _copy_project(tmp_path / "project")
    proc = run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(project)], timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    shutil.rmtree(project)  # the installed generator must not need its source

    probe = run([str(python), "-c", "import generator; print(generator.__file__)"], cwd=tmp_path)
    installed = Path(probe.stdout.strip()).parent
    assert installed.is_relative_to(venv), installed  # not the editable install of the repo
    shipped = {p.relative_to(installed).as_posix() for p in (installed / "templates").rglob("*.jinja")}
    source = {p.relative_to(REPO / "generator").as_posix() for p in (REPO / "generator" / "templates").rglob("*.jinja")}
    assert shipped == source

    work = tmp_path / "elsewhere"
    work.mkdir()
    out = work / "sdk"
    proc = run([str(venv / "bin" / "sdkgen"), "generate", str(SPECS / "kitchen_sink.yaml"), "-o", str(out)], cwd=work)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("generated kitchen_sink_sdk (")
    # Byte for byte what the generator in the source tree writes.
    assert read_tree(out) == read_tree(generated_sdk(SPECS / "kitchen_sink.yaml"))
