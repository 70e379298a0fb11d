"""Method and parameter names stay valid and distinct, whatever the spec calls things."""

from __future__ import annotations

from typing import Any

from generator.ir import build_api
from generator.normalize import normalize


def _api(paths: dict[str, Any]) -> Any:
    doc: dict[str, Any] = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths}
    normalize(doc)
    return build_api(doc, client_class="Client", env_var="KEY")


def _op(op_id: str, tag: str | None = None, **extra: Any) -> dict[str, Any]:
    op: dict[str, Any] = {"operationId": op_id, "responses": {"204": {"description": "ok"}}, **extra}
    if tag:
        op["tags"] = [tag]
    return op


def test_async_twins_never_collide_with_other_methods() -> None:
    api = _api({"/a": {"get": _op("merge", "pulls")}, "/b": {"get": _op("merge_async", "pulls")}})
    names = [op.name for op in api.operations]
    assert names[0] == "merge"
    assert names[1] not in ("merge_async",) and names[1].startswith("merge_async")
    methods = {n for name in names for n in (name, f"{name}_async")}
    assert len(methods) == 4


def test_root_methods_keep_clear_of_the_clients_own() -> None:
    api = _api({"/c": {"post": _op("close")}, "/d": {"post": _op("aclose")}})
    assert {op.name for op in api.operations}.isdisjoint({"close", "aclose"})


def test_parameters_with_the_same_python_name_are_told_apart() -> None:
    params = [
        {"name": "page-size", "in": "query", "schema": {"type": "integer"}},
        {"name": "page_size", "in": "header", "schema": {"type": "integer"}},
        {"name": "retries", "in": "query", "schema": {"type": "integer"}},
        {"name": "in", "in": "query", "schema": {"type": "string"}},
    ]
    api = _api({"/e": {"get": _op("listThings", parameters=params)}})
    fields = {f.wire_name: f.name for f in api.operations[0].params}
    assert fields["page-size"] != fields["page_size"]
    assert fields["retries"] != "retries"  # the per-call option keeps its name
    assert fields["in"] == "in_"


def test_resource_classes_never_shadow_runtime_names_or_the_client() -> None:
    api = _api({"/h": {"get": _op("listHooks", "hooks")}, "/c": {"get": _op("getClient", "client")}})
    names = {g.class_name for g in api.root.walk() if g.path}
    assert "Hooks" not in names and "Client" not in names
    assert len(names) == 2


def test_reserved_class_names_cover_every_class_a_model_module_may_import() -> None:
    """Bug: a schema named `UUID` shadowed `from uuid import UUID` in `_models.py` (exit 70). Every
    capitalised name datamodel-code-generator's output or the type tree imports is reserved, spelt as
    imported (case-sensitive)."""
    import importlib

    from datamodel_code_generator.imports import Import

    from generator.ir.types import FORMATS
    from generator.naming import IMPORTED_CLASS_NAMES, RESERVED_CLASS_NAMES, class_name

    modules = [
        "imports", "types", "model.base", "model.imports", "model.types", "model._field_imports", "model._pydantic_imports",
        "model.pydantic_base", "model.enum", "model.typed_dict", "model.type_alias", "model.scalar", "model.union",
        "model.pydantic_v2.imports", "model.pydantic_v2.types", "model.pydantic_v2.base_model", "model.pydantic_v2.root_model",
        "model.pydantic_v2.root_model_type_alias", "model.pydantic_v2.type_alias",
    ]
    imported = {
        value.import_
        for module in modules
        for value in vars(importlib.import_module(f"datamodel_code_generator.{module}")).values()
        if isinstance(value, Import) and value.import_[:1].isupper() and value.from_ not in ("pendulum", "msgspec")
    }
    scalars = {c.name for c in FORMATS.values() if c.name[:1].isupper()} | {"IO"}
    assert imported | scalars <= IMPORTED_CLASS_NAMES <= RESERVED_CLASS_NAMES
    assert {"UUID", "Decimal", "Path", "SecretStr", "AnyUrl", "Base64Str", "IPv4Address", "ULID"} <= IMPORTED_CLASS_NAMES
    assert class_name("UUID") == "UUIDModel" and class_name("uuid") == "Uuid" and class_name("Date") == "Date"
