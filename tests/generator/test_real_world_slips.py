"""Constructs of real specs that crashed sdkgen or broke the SDK it wrote.

The constructs live in one fixture spec, `tests/fixtures/specs/real_world_slips.yaml` (golden files,
ruff, `mypy --strict` and an import through `test_golden.py` and `test_fixture_specs.py`); the
behaviour checks are here. Whole-spec properties (no components at all) use tiny specs written into
`tmp_path`, checked with the same tools.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from generator.ir import ModelRef
from generator.pipeline import generate, load_api
from tests.conftest import SPECS, mypy_cache, run, tool

SLIPS = SPECS / "real_world_slips.yaml"


@pytest.fixture(scope="module")
def sdk(generated_sdk) -> Iterator[ModuleType]:
    folder: Path = generated_sdk(SLIPS, "slips_sdk")
    sys.path.insert(0, str(folder / "src"))
    try:
        yield importlib.import_module("slips_sdk")
    finally:
        sys.path.remove(str(folder / "src"))


@pytest.fixture(scope="module")
def api() -> Any:
    return load_api(SLIPS, {"package": "slips_sdk"})[1]


def _op(api: Any, operation_id: str) -> Any:
    return next(op for op in api.operations if op.operation_id == operation_id)


def _spec(tmp_path: Path, doc: dict[str, object]) -> Path:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump({"openapi": "3.1.0", "info": {"title": "Tiny", "version": "1"}, **doc}), encoding="utf-8")
    return path


def _check_sdk(folder: Path, package: str, code: str = "") -> str:
    """ruff check, mypy --strict and an import (plus `code`) of a generated SDK; returns the script's stdout."""
    proc = run([tool("ruff"), "check", "src"], cwd=folder)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = run([tool("mypy"), "--strict", "--cache-dir", mypy_cache(), "-p", package], cwd=folder / "src")
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
    printed = _check_sdk(out, "tiny_sdk", "print(sorted(n for n, m in models._dynamic_imports.items() if m != '..errors'), sorted(dir(models)) == sorted(models.__all__))")
    assert printed.split() == ["[]", "True"]


def test_deprecated_parameter_schema_does_not_crash(tmp_path: Path) -> None:
    """Bug: `schema: {deprecated: true}` on a parameter passed `deprecated` twice (TypeError)."""
    param = {"name": "x", "in": "query", "schema": {"type": "number", "deprecated": True}}
    both = {"name": "y", "in": "query", "deprecated": True, "schema": {"type": "number", "deprecated": True}}
    out = tmp_path / "sdk"
    api, _ = generate(_spec(tmp_path, _ping(parameters=[param, both])), out, {"package": "tiny_sdk"})
    assert [(f.name, f.deprecated) for f in api.operations[0].params] == [("x", True), ("y", True)]
    _check_sdk(out, "tiny_sdk")


def test_deep_refs_resolve_to_the_schema_they_point_at(api: Any, sdk: ModuleType) -> None:
    """Bug: `#/components/schemas/A/properties/user` became the annotation `models.A / properties / user`."""
    for model in api.models.values():
        for f in model.fields:
            assert all("/" not in name for name in f.type.models()), (model.name, f.name)
    op = _op(api, "createAccount")
    params = {f.name: f.type.annotation() for f in op.params}
    assert params == {"owner_id": "UUID", "kind": "models.AccountKind"}  # a scalar is followed, an enum named
    assert op.body is not None and op.body.model == "AccountUser"  # the same model as `Account.user`
    assert [f.name for f in op.body.fields] == ["name", "manager"]
    fields = {f.name: f.type.annotation() for f in api.models["CreateAccountResponseBody"].fields}
    assert fields == {
        "user": "models.AccountUser", "first_entry": "models.AccountEntries",
        "merged": "models.CreateAccountResponseBodyMerged", "via_other": "models.AccountUser",
    }
    models = sdk.models
    assert models.Account.model_fields["user"].annotation == models.AccountUser | None
    body = models.CreateAccountResponseBody.model_validate(
        {"user": {"name": "a", "manager": {"name": "b"}}, "first_entry": {"amount": 3}, "merged": {"name": "m", "extra": "x"}}
    )
    assert body.user.manager.name == "b" and body.first_entry.amount == 3 and body.merged.extra == "x"
    assert isinstance(body.merged, models.AccountUser)


def test_deep_ref_hostile_variants(tmp_path: Path) -> None:
    """A ref to a ref, and a ref to the enum of an array's items."""
    schemas = {
        "A": {"type": "object", "properties": {
            "b": {"$ref": "#/components/schemas/B"},
            "alias": {"$ref": "#/components/schemas/A/properties/b"},
            "tags": {"type": "array", "items": {"type": "string", "enum": ["x", "y"]}},
            "same": {"$ref": "#/components/schemas/A/properties/tags/items"},
        }},
        "B": {"type": "object", "properties": {"n": {"type": "integer"}}},
    }
    response = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}
    out = tmp_path / "sdk"
    api, _ = generate(
        _spec(tmp_path, {**_ping(responses={"200": response}), "components": {"schemas": schemas}}), out, {"package": "tiny_sdk"}
    )
    fields = {f.name: f.type.annotation() for f in api.models["A"].fields}
    assert fields == {
        "b": "models.B", "alias": "models.B", "tags": "list[models.ATags]", "same": "models.ATags",
    }
    assert all(isinstance(t, ModelRef) is False or "/" not in t.name for m in api.models.values() for t in m.members)
    _check_sdk(out, "tiny_sdk", "print(models.A.model_validate({'alias': {'n': 1}, 'same': 'x'}).alias.n)")


def test_refs_to_schemas_outside_component_schemas_resolve_to_what_they_point_at(tmp_path: Path) -> None:
    """Bug: a `$ref` into `paths` (`#/paths/~1status/post/responses/200/content/application~1json/schema/properties/key`)
    made a model named `key` (`keyTypedDict`: ruff PYI042, exit 70). A ref to any schema that is not a
    component schema (in an operation, in `components/parameters|requestBodies|responses`) resolves:
    objects and enums to a component named from the place, like the normaliser names them; scalars copied."""
    status = "#/paths/~1status/post/responses/200/content/application~1json/schema"
    ok = {"description": "ok"}
    doc = {
        "paths": {
            "/status": {"post": {
                "parameters": [{"$ref": "#/components/parameters/Mode"}],
                "requestBody": {"$ref": "#/components/requestBodies/StatusInput"},
                "responses": {"200": {**ok, "content": {"application/json": {"schema": {"type": "object", "properties": {
                    "key": {"type": "string", "description": "A public key"},
                    "other_key": {"$ref": status + "/properties/key"},
                    "owner": {"type": "object", "properties": {"name": {"type": "string"}}},
                    "level": {"type": "string", "enum": ["low", "high"]},
                }}}}}},
            }},
            "/history": {"get": {
                "operationId": "getHistory",
                "parameters": [{"name": "mode", "in": "query", "schema": {"$ref": "#/components/parameters/Mode/schema"}}],
                "responses": {"200": {**ok, "content": {"application/json": {"schema": {"type": "object", "properties": {
                    "last": {"$ref": status},
                    "owner": {"$ref": status + "/properties/owner"},
                    "level": {"$ref": status + "/properties/level"},
                    "error": {"$ref": "#/components/responses/Problem/content/application~1json/schema"},
                    "note": {"$ref": "#/components/requestBodies/StatusInput/content/application~1json/schema/properties/note"},
                }}}}}},
            }},
        },
        "components": {
            "parameters": {"Mode": {"name": "mode", "in": "query", "schema": {"type": "string", "enum": ["a", "b"]}}},
            "requestBodies": {"StatusInput": {"content": {"application/json": {"schema": {
                "type": "object", "properties": {"note": {"type": "string", "maxLength": 5}}}}}}},
            "responses": {"Problem": {"description": "bad", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"detail": {"type": "string"}}}}}}},
        },
    }
    out = tmp_path / "sdk"
    api, _ = generate(_spec(tmp_path, doc), out, {"package": "tiny_sdk"})
    assert sorted(api.models) == [
        "GetHistoryResponseBody", "Mode", "PostStatusRequestBody", "PostStatusResponseBody",
        "PostStatusResponseBodyLevel", "PostStatusResponseBodyOwner", "ProblemResponse",
    ]
    fields = {f.name: f.type.annotation() for f in api.models["PostStatusResponseBody"].fields}
    assert fields == {
        "key": "str", "other_key": "str", "owner": "models.PostStatusResponseBodyOwner", "level": "models.PostStatusResponseBodyLevel",
    }
    fields = {f.name: f.type.annotation() for f in api.models["GetHistoryResponseBody"].fields}
    assert fields == {
        "last": "models.PostStatusResponseBody", "owner": "models.PostStatusResponseBodyOwner",
        "level": "models.PostStatusResponseBodyLevel", "error": "models.ProblemResponse", "note": "str",
    }
    assert [[f.type.annotation() for f in op.params] for op in api.operations] == [["models.Mode"], ["models.Mode"]]
    code = (
        "m = models.GetHistoryResponseBody.model_validate({'note': 'abc', 'last': {'other_key': 'k'}})\n"
        "print(m.last.other_key)\n"
        "try:\n    models.GetHistoryResponseBody.model_validate({'note': 'too long'})\nexcept Exception:\n    print('checked')"
    )
    assert _check_sdk(out, "tiny_sdk", code).split("\n")[:2] == ["k", "checked"]


def test_schemas_named_like_imported_classes_get_other_names(tmp_path: Path) -> None:
    """Bug: a schema named `UUID` (format uuid) clashed with `from uuid import UUID` in `_models.py`:
    "datamodel-code-generator did not produce UUID", exit 70. Such names get a `Model` suffix."""
    scalars = {
        "UUID": {"type": "string", "format": "uuid"}, "Decimal": {"type": "string", "format": "decimal"},
        "Path": {"type": "string", "format": "path"}, "SecretStr": {"type": "string", "format": "password"},
        "IPv4Address": {"type": "string", "format": "ipv4"}, "Annotated": {"type": "string", "maxLength": 3},
    }
    thing = {"type": "object", "properties": {name.lower(): {"$ref": f"#/components/schemas/{name}"} for name in scalars}}
    response = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
    doc = {**_ping(responses={"200": response}), "components": {"schemas": {**scalars, "Thing": thing}}}
    out = tmp_path / "sdk"
    api, _ = generate(_spec(tmp_path, doc), out, {"package": "tiny_sdk"})
    assert sorted(api.models) == sorted([f"{name}Model" for name in scalars] + ["Thing"])
    code = (
        "t = models.Thing.model_validate({'uuid': '12345678-1234-5678-1234-567812345678', 'decimal': '1.5', 'path': 'a/b',"
        " 'secretstr': 's', 'ipv4address': '10.0.0.1', 'annotated': 'abc'})\n"
        "print(type(t.uuid).__name__, type(t.decimal).__name__, type(t.secretstr).__name__, type(t.ipv4address).__name__)"
    )
    assert _check_sdk(out, "tiny_sdk", code).split() == ["UUID", "Decimal", "SecretStr", "IPv4Address"]


def test_discriminator_without_mapping_uses_the_members_own_values(sdk: ModuleType) -> None:
    """Bug: without a `mapping` each member's `type` was narrowed to its schema name (`Literal["Person"]`),
    so `{"type": "person"}` failed validation, even for an operation returning `Person` directly."""
    from pydantic import TypeAdapter, ValidationError

    models = sdk.models
    assert models.Person.model_validate({"type": "person"}).type == "person"
    assert models.Robot.model_validate({"type": "robot"}).type == "robot"
    actor = TypeAdapter(models.Actor)
    assert type(actor.validate_python({"type": "human", "name": "h"})) is models.Person
    assert type(actor.validate_python({"type": "robot"})) is models.Robot
    with pytest.raises(ValidationError, match="union_tag_invalid"):  # still a discriminated union
        actor.validate_python({"type": "Person"})
    # A member without values of its own: nothing is narrowed, the union is a plain one.
    assert models.Click.model_validate({"type": "click", "x": 1}).type == "click"
    assert models.Scroll.model_validate({"type": "scroll"}).type == "scroll"
    assert type(TypeAdapter(models.Event).validate_python({"type": "click", "x": 1})) is models.Click
    with pytest.raises(ValidationError):
        models.Scroll.model_validate({"type": "Scroll"})


class _Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    requests: list[tuple[str, bytes]] = []  # noqa: RUF012 - one server per test module

    def log_message(self, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        _Recorder.requests.append((self.path, body))
        if self.path == "/announcements":
            self.send_response(204)
            self.send_header("content-length", "0")
            self.end_headers()
            return
        payload = json.dumps({"type": "person", "name": "p"}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def test_arguments_named_like_the_methods_imports_and_locals_are_renamed(api: Any, sdk: ModuleType) -> None:
    """Bug: a body property `cast` shadowed `typing.cast`: the request was sent, then the call raised
    "'str' object is not callable". The wire names stay."""
    op = _op(api, "sendShadows")
    assert {f.wire_name: f.name for f in op.all_fields} == {
        "headers": "headers", "result": "result2", "cast": "cast2", "models": "models_", "body": "body2",
        "self": "self_", "retries": "retries2", "build_model": "build_model2", "UNSET": "unset",
        "OperationSpec": "operation_spec", "datetime": "datetime2",
    }
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        with sdk.RealWorldSlips(server_url=f"http://127.0.0.1:{srv.server_port}", retry_config=None) as client:
            person = client.shadows.send_shadows(
                cast2="c", models_="m", body2="b", self_="s", retries2="r", build_model2="bm", unset="u",
                operation_spec="o", datetime2="d", headers="h", result2="x",
            )
    finally:
        srv.shutdown()
        srv.server_close()
    assert isinstance(person, sdk.models.Person) and person.type == "person"
    path, body = _Recorder.requests[-1]
    assert path == "/shadows?headers=h&result=x"
    assert json.loads(body) == {
        "cast": "c", "models": "m", "body": "b", "self": "s", "retries": "r", "build_model": "bm", "UNSET": "u",
        "OperationSpec": "o", "datetime": "d",
    }


def test_a_property_declared_in_several_allof_parts_is_one_body_field(api: Any, sdk: ModuleType) -> None:
    """Bug (Microsoft Graph): `@odata.type` declared in a base and again in the derived schema gave the
    method's body dict the key twice (ruff F601, exit 70). One field per wire name, where it first
    appears; the later, more specific declaration; required if any declaration requires it."""
    op = _op(api, "createAnnouncement")
    assert op.body is not None
    fields = {f.wire_name: (f.name, f.required, f.description) for f in op.body.fields}
    assert fields == {
        "id": ("id_", False, "The announcement's id."),
        "@odata.type": ("odata_type", True, "The type of the announcement."),
        "title": ("title", True, ""),
    }
    assert [f.wire_name for f in api.models["ServiceAnnouncement"].fields] == ["id", "@odata.type", "title"]
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        with sdk.RealWorldSlips(server_url=f"http://127.0.0.1:{srv.server_port}", retry_config=None) as client:
            assert client.announcements.create_announcement(odata_type="#graph.announcement", title="t", id_="a1") is None
    finally:
        srv.shutdown()
        srv.server_close()
    path, body = _Recorder.requests[-1]
    assert path == "/announcements"
    assert json.loads(body) == {"id": "a1", "@odata.type": "#graph.announcement", "title": "t"}


def test_unusable_retry_and_timeout_numbers_fall_back_to_the_defaults(api: Any, sdk: ModuleType) -> None:
    """Bug: NaN, infinite, non-numeric, negative or huge values in `x-speakeasy-retries` ended in a
    traceback (`int("soon")`) or an SDK that cannot be imported (`float('nan')` written as `nan`)."""
    from slips_sdk import sdk as client_module
    from slips_sdk.resources import events

    default = sdk.utils.retries.BackoffStrategy(initial_interval=500, max_interval=60000, exponent=1.5, max_elapsed_time=3600000)
    assert client_module.DEFAULT_TIMEOUT_MS is None and api.timeout_ms is None
    assert client_module.DEFAULT_RETRY_CONFIG.backoff == default
    assert client_module.DEFAULT_RETRY_CONFIG.retry_connection_errors is True
    assert client_module.DEFAULT_RETRY_CONFIG.status_codes == (503, "5XX")
    spec = events._LIST_EVENTS
    assert spec.timeout_ms is None and spec.retries.backoff == default


@pytest.mark.parametrize("where", ["proc", "under_a_file"])
def test_unwritable_output_folder_is_one_output_error_line(tmp_path: Path, where: str) -> None:
    """`-o /proc/x`, or a folder whose parent is a file (unwritable even for root): one `sdkgen: error:`
    line, exit 5, no traceback."""
    if where == "proc":
        out = Path("/proc/sdkgen-x")  # Linux: /proc takes no new folders
    else:
        (tmp_path / "a-file").write_text("x")
        out = tmp_path / "a-file" / "sdk"
    spec = _spec(tmp_path, _ping())
    proc = run([sys.executable, "-m", "generator", "generate", str(spec), "-o", str(out)])
    assert proc.returncode == 5, proc.stderr
    assert proc.stderr.startswith("sdkgen: error: ") and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "Traceback" not in proc.stderr and not proc.stdout


def test_very_long_schema_and_tag_names_give_usable_files(tmp_path: Path) -> None:
    """Bug: a 500-character schema name (or tag) became a 500-character file name, which no file
    system takes. File and module names are cut, with a hash of the whole name; class names stay whole."""
    long_schema, long_tag = "Very" + "Long" * 124, "t" * 300
    doc = {
        "paths": {"/things": {"get": {
            "operationId": "listThings", "tags": [long_tag],
            "responses": {"200": {"description": "ok", "content": {"application/json": {
                "schema": {"$ref": f"#/components/schemas/{long_schema}"}}}}},
        }}},
        "components": {"schemas": {long_schema: {"type": "object", "properties": {"id": {"type": "string"}}}}},
    }
    out = tmp_path / "sdk"
    generate(_spec(tmp_path, doc), out, {"package": "tiny_sdk"})
    longest = max(len(part) for path in out.rglob("*") for part in path.relative_to(out).parts)
    assert longest <= 84  # 80 and a suffix
    printed = _check_sdk(out, "tiny_sdk", f"print(models.{long_schema}.model_validate({{'id': 'x'}}).id)")
    assert printed == "x\n"
    resources = sorted(p.name for p in (out / "src/tiny_sdk/resources").glob("t*.py"))
    assert len(resources) == 1 and resources[0].startswith("t" * 69 + "_")
