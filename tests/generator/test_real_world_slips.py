"""Constructs of real specs that crashed sdkgen or broke the SDK it wrote.

The constructs live in one fixture spec, `tests/fixtures/specs/real_world_slips.yaml` (golden files,
ruff, `mypy --strict` and an import through `test_golden.py` and `test_fixture_specs.py`); the
behaviour checks are here. Whole-spec properties (no components at all) use tiny specs written into
`tmp_path`, checked with the same tools.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from generator.pipeline import generate
from tests.conftest import run, tool


def _spec(tmp_path: Path, doc: dict[str, object]) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump({"openapi": "3.1.0", "info": {"title": "Tiny", "version": "1"}, **doc}), encoding="utf-8")
    return path


def _check_sdk(folder: Path, package: str, code: str = "") -> str:
    """ruff check, mypy --strict and an import (plus `code`) of a generated SDK; returns the script's stdout."""
    proc = run([tool("ruff"), "check", "src"], cwd=folder)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = run([tool("mypy"), "--strict", "--cache-dir", str(folder / ".mypy_cache"), "-p", package], cwd=folder / "src")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    env = {**os.environ, "PYTHONPATH": str(folder / "src")}
    script = f"import {package}\nfrom {package} import models\n{code}"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _ping(**operation: object) -> dict[str, object]:
    return {"paths": {"/ping": {"get": {"operationId": "ping", "responses": {"200": {"description": "ok"}}, **operation}}}}


def test_spec_without_component_schemas_generates_a_working_sdk(tmp_path: Path) -> None:
    """Bug: no `components/schemas` wrote `from ._models import ()` (ruff: invalid syntax)."""
    out = tmp_path / "sdk"
    generate(_spec(tmp_path, _ping()), out, {"package": "tiny_sdk"})
    printed = _check_sdk(out, "tiny_sdk", "print(sorted(models._MODELS), models.__dir__() == models.__all__)")
    assert printed.split() == ["[]", "True"]


def test_deprecated_parameter_schema_does_not_crash(tmp_path: Path) -> None:
    """Bug: `schema: {deprecated: true}` on a parameter passed `deprecated` twice (TypeError)."""
    param = {"name": "x", "in": "query", "schema": {"type": "number", "deprecated": True}}
    both = {"name": "y", "in": "query", "deprecated": True, "schema": {"type": "number", "deprecated": True}}
    out = tmp_path / "sdk"
    api, _ = generate(_spec(tmp_path, _ping(parameters=[param, both])), out, {"package": "tiny_sdk"})
    assert [(f.name, f.deprecated) for f in api.operations[0].params] == [("x", True), ("y", True)]
    _check_sdk(out, "tiny_sdk")
