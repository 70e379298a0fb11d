"""Regression tests from the corpus benchmark: each minimal spec in `tests/fixtures/specs/corpus/`.

`benchmarks/bench_corpus.py` runs sdkgen over real public specs; each failure it found got a minimal
spec there, whose header comment names the real spec and the error. For each: `sdkgen generate` exits
0 (warnings allowed), every module of the SDK imports and every model builds (`model_rebuild(force=True)`
and `model_json_schema()`), and `mypy --strict` passes, except where the spec itself is the cause
(`SPEC_CAUSED`: the reason, and what the check must still show).

These specs have no golden files: `test_golden.py` only looks at the top level of
`tests/fixtures/specs/`, and this subfolder is kept out of it on purpose (the point here is that the
SDK works, not how each byte of it reads).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SPECS, mypy_cache, run, tool

CORPUS = SPECS / "corpus"
FINDINGS = sorted(p.name for p in CORPUS.glob("*.yaml"))

# Checks that fail because of the spec, not of sdkgen: (check, reason, the error code every error must have).
SPEC_CAUSED: dict[str, tuple[str, str, str]] = {
    "allof_required_then_optional.yaml": (
        "mypy",
        (
            "the spec makes `location` required in one allOf part (Resource) and optional in the other, so the "
            "model and its TypedDict inherit contradicting definitions: mypy's [misc] is the spec's contradiction"
        ),
        "misc",
    ),
}



def _params() -> list[object]:
    return [pytest.param(name, id=name.removesuffix(".yaml")) for name in FINDINGS]


def _package(name: str) -> str:
    return "corpus_" + re.sub(r"\W", "_", name.removesuffix(".yaml"))


_generated: dict[str, tuple[Path, subprocess.CompletedProcess[str]]] = {}


@pytest.fixture(scope="module")
def generate(tmp_path_factory: pytest.TempPathFactory):
    """`generate(name)` -> (SDK folder, the `sdkgen generate` process), once per spec."""

    def make(name: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
        if name not in _generated:
            out = tmp_path_factory.mktemp("corpus") / "sdk"
            proc = run([tool("sdkgen"), "generate", str(CORPUS / name), "-o", str(out), "--package", _package(name)])
            _generated[name] = (out, proc)
        return _generated[name]

    return make


def _generated_ok(generate, name: str) -> Path:
    folder, proc = generate(name)
    assert proc.returncode == 0, proc.stderr
    return folder


def test_every_finding_names_its_source_and_error() -> None:
    assert len(FINDINGS) >= 10
    for name in FINDINGS:
        head = (CORPUS / name).read_text(encoding="utf-8").split("\nopenapi:")[0]
        assert head.startswith("# Found in ") and any(word in head for word in ("sdkgen", "mypy", "SchemaError")), name
    assert set(SPEC_CAUSED) <= set(FINDINGS)


@pytest.mark.parametrize("name", _params())
def test_generates_with_exit_0(generate, name: str) -> None:
    _, proc = generate(name)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "error:" not in proc.stderr, proc.stderr


@pytest.mark.parametrize("name", _params())
def test_every_module_imports_and_every_model_builds(generate, name: str) -> None:
    folder = _generated_ok(generate, name)
    package = _package(name)
    code = f"""
import importlib, pkgutil, pydantic
import {package} as pkg
from {package} import models
for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
    importlib.import_module(info.name)
built = []
for attr in models.__all__:
    obj = getattr(models, attr)
    if isinstance(obj, type) and issubclass(obj, pydantic.BaseModel):
        obj.model_rebuild(force=True)
        obj.model_json_schema()
        built.append(attr)
print(" ".join(built))
"""
    env = {**os.environ, "PYTHONPATH": str(folder / "src")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("name", _params())
def test_mypy_strict_passes(generate, name: str) -> None:
    folder = _generated_ok(generate, name)
    proc = run(
        [tool("mypy"), "--strict", "--cache-dir", mypy_cache(), "-p", _package(name)], cwd=folder / "src"
    )
    check, reason, code = SPEC_CAUSED.get(name, ("", "", ""))
    if check != "mypy":
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return
    # The spec's own contradiction: mypy fails, and only with the error code that says so.
    errors = [line for line in proc.stdout.splitlines() if ": error: " in line]
    assert proc.returncode == 1 and errors, proc.stdout + proc.stderr
    assert all(line.endswith(f"[{code}]") for line in errors), f"{reason}\n{proc.stdout}"


def test_a_ref_into_an_allof_member_names_it_like_the_normaliser_does() -> None:
    """`#/components/schemas/Order/allOf/0` was a model named `0`; it is `OrderAllOf1`, the name the
    member gets when the normaliser names Order's other members (`OrderAllOf2`), shared by both users."""
    from generator.pipeline import load_api

    api = load_api(CORPUS / "ref_into_allof_member.yaml", {"package": "corpus_allof"})[1]
    assert sorted(api.models) == ["Customer", "CustomerAllOf2", "Order", "OrderAllOf1", "OrderAllOf2"]
    assert [f.wire_name for f in api.models["Customer"].fields] == ["id", "name"]


def test_a_discriminator_mapping_follows_the_renamed_schemas(generate) -> None:
    """The mapping names the renamed schemas (as a `$ref` or a bare name): a real answer, tagged
    "private", is read as the private user, not as an unknown variant."""
    sdk = _generated_ok(generate, "discriminator_mapping_renamed.yaml")
    code = (
        "from pydantic import TypeAdapter\n"
        "from corpus_discriminator_mapping_renamed import models\n"
        "adapter = TypeAdapter(models.GetUserResponseBody)\n"
        "print(type(adapter.validate_python({'login': 'a', 'user_view_type': 'private', 'private_gists': 2})).__name__)\n"
        "print(type(adapter.validate_python({'login': 'a', 'user_view_type': 'public'})).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(sdk / "src")}, capture_output=True, text=True, check=False)
    assert out.stdout.split() == ["PrivateUser", "PublicUser"], out.stderr
