"""Every fixture spec generates an SDK that imports, passes `ruff check` and `mypy --strict`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import load_api
from tests.conftest import GOLDEN_SPECS, ORQ_PREVIOUS_SPEC, ORQ_SPEC, SPECS, mypy_cache, run, tool

FIXTURES = {
    **GOLDEN_SPECS,
    "orq_current": (ORQ_SPEC, "orq_ai_sdk"),
    "orq_previous": (ORQ_PREVIOUS_SPEC, "orq_ai_sdk"),
}


@pytest.fixture(params=sorted(FIXTURES))
def sdk(request: pytest.FixtureRequest, generated_sdk) -> tuple[Path, str, Path]:
    """(SDK folder, package, spec) of each fixture spec."""
    spec, package = FIXTURES[request.param]
    return generated_sdk(spec, package), package, spec


def test_generated_sdk_passes_ruff_check(sdk: tuple[Path, str, Path]) -> None:
    folder, _, _ = sdk
    proc = run([tool("ruff"), "check", "src"], cwd=folder)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("python_version", ["3.10", "3.13"])
def test_generated_sdk_passes_mypy_strict(sdk: tuple[Path, str, Path], python_version: str) -> None:
    folder, package, _ = sdk
    proc = run(
        [tool("mypy"), "--strict", "--python-version", python_version, "--cache-dir", mypy_cache(), "-p", package],
        cwd=folder / "src",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_generated_sdk_imports_and_builds_every_model(sdk: tuple[Path, str, Path]) -> None:
    """Import the package in a fresh interpreter, touch every model (building its schema) and every resource."""
    folder, package, spec = sdk
    code = f"""
import warnings, pydantic
warnings.simplefilter("error")
import {package} as pkg
from {package} import models
from {package} import sdk, _client
client_class = next(v for v in vars(sdk).values() if isinstance(v, type) and issubclass(v, _client.BaseClient) and v is not _client.BaseClient)
assert getattr(pkg, client_class.__name__) is client_class
client = client_class(server_url="http://127.0.0.1:9")
built = []
for name in models.__all__:
    obj = getattr(models, name)
    if isinstance(obj, type) and issubclass(obj, pydantic.BaseModel):
        obj.model_rebuild(force=True)
        obj.model_json_schema()
        built.append(name)
def walk(node, depth=0):
    for attr in dir(type(node)):
        if not attr.startswith("_") and isinstance(getattr(type(node), attr, None), __import__("functools").cached_property):
            walk(getattr(node, attr), depth + 1)
walk(client)
print(" ".join(built))
"""
    env = {**os.environ, "PYTHONPATH": str(folder / "src")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    # Every object schema of the spec is a model that built its JSON schema.
    _, api, _ = load_api(spec, {"package": package})
    objects = {name for name, model in api.models.items() if model.kind == "object"}
    assert objects and objects <= set(proc.stdout.split())


def test_hostile_spec_text_never_runs_and_stays_data(generated_sdk, tmp_path: Path) -> None:
    folder = generated_sdk(SPECS / "hostile.yaml", "hostile_sdk")
    marker = Path("/tmp/sdkgen-pwned")
    marker.unlink(missing_ok=True)
    code = """
import hostile_sdk, inspect
from hostile_sdk import models
from hostile_sdk.resources import class_
c = hostile_sdk.HostileImportOs(server_url="http://127.0.0.1:9")
m = models.EvilModelX.model_validate({"def": "x", "Mode": "'); raise SystemExit(1) #"})
assert m.def_ == "x"
assert m.mode.value == "'); raise SystemExit(1) #"
assert "os.system('touch /tmp/sdkgen-pwned')" in models.EvilModelX.__doc__
assert models.EvilModelX.model_fields["def_"].default == "'''; raise SystemExit('x') #"
from hostile_sdk import errors
assert models.StreamError is errors.StreamError and issubclass(models.TypedAPIError, Exception)
assert models.StreamErrorModel.model_validate({"reason": "r"}).reason == "r"
assert models.TypedAPIErrorModel("a") is models.TypedAPIErrorModel.A
doc = class_.Class.do_thing_import_os_os_system_touch_tmp_sdkgen_pwned.__doc__
assert '\"\"\"' in doc and "{{ jinja }}" in doc
print("ok")
"""
    env = {**os.environ, "PYTHONPATH": str(folder / "src")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "ok"
    assert not marker.exists()


def test_formats_take_what_real_servers_send(generated_sdk) -> None:
    """Relative URLs, zone-less timestamps and any e-mail text validate; enum defaults are members."""
    folder = generated_sdk(SPECS / "formats.yaml", "formats_sdk")
    code = """
import datetime
from formats_sdk import models
from formats_sdk.resources import hooks
hook = models.Hook.model_validate_json('{"url": "/relative", "email": "not checked", "created_at": "2024-01-02T03:04:05"}')
assert hook.url == "/relative" and hook.email == "not checked"
assert hook.created_at == datetime.datetime(2024, 1, 2, 3, 4, 5)
assert hook.permission is models.Permission.PULL and hook.events == ["push"]
assert models.Hook(url="u").events is not hook.events  # each instance gets its own list
methods = {n for n in vars(hooks.HooksResource) if not n.startswith(("_", "with_"))}
assert {"merge", "merge_async"} <= methods and len(methods) == 4, methods
print("ok")
"""
    env = {**os.environ, "PYTHONPATH": str(folder / "src")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
