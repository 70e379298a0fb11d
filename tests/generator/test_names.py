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


def test_methods_and_resources_keep_builtin_names_and_models() -> None:
    """`client.pets.list()`, `client.models.list()`: as in hand-written SDKs, not `list_()`, `models_`."""
    api = _api({
        "/p": {"get": _op("list", "pets"), "post": _op("createPet", "pets", **{"x-speakeasy-name-override": "dict"})},
        "/t": {"get": _op("type", "pets")}, "/i": {"get": _op("id", "pets")}, "/s": {"get": _op("str", "pets")},
        "/m": {"get": _op("models", "pets")}, "/f": {"get": _op("filter", "pets")},
        "/im": {"post": _op("import", "pets")}, "/cl": {"post": _op("class", "pets")},
        "/r": {"get": _op("with_raw_response", "pets")}, "/w": {"get": _op("with_streaming_response", "pets")},
        "/o": {"get": _op("overload", "pets")}, "/cp": {"get": _op("cached_property", "pets")},
        "/ml": {"get": _op("listModels", "models", **{"x-speakeasy-name-override": "list"})},
        "/l": {"get": _op("getList", "list", **{"x-speakeasy-name-override": "get"})},
        "/e": {"get": _op("errors", "utils")},
    })
    by_id = {op.operation_id: op for op in api.operations}
    assert [by_id[i].name for i in ("list", "createPet", "type", "id", "str", "models", "filter")] == [
        "list", "dict", "type", "id", "str", "models", "filter",
    ]
    assert by_id["errors"].name == "errors"
    # keywords, and names the class itself uses (its views, decorators its body runs), get a suffix
    assert [by_id[i].name for i in ("import", "class", "with_raw_response", "with_streaming_response")] == [
        "import_", "class_", "with_raw_response_", "with_streaming_response_",
    ]
    assert by_id["overload"].name == "overload_" and by_id["cached_property"].name == "cached_property_"
    assert {g.attr for g in api.root.children} == {"pets", "models", "list", "utils"}
    # the classes know what they shadow: `list` and `models` in Pets, `models` and `list` in the client
    pets = next(g for g in api.root.children if g.attr == "pets")
    assert {"list", "dict", "type", "id", "str", "models", "filter"} <= pets.shadowed
    assert "import_" not in pets.shadowed and "errors" not in pets.shadowed
    assert api.root.shadowed == {"models", "list"}
    # arguments keep today's rule
    params = [{"name": n, "in": "query", "schema": {"type": "string"}} for n in ("list", "type", "models", "id")]
    api = _api({"/x": {"get": _op("list", "pets", parameters=params)}})
    assert [f.name for f in api.operations[0].params] == ["list_", "type_", "models_", "id_"]


def test_a_resource_of_the_client_keeps_clear_of_close_and_aclose() -> None:
    api = _api({"/c": {"get": _op("listDoors", "close")}, "/a": {"get": _op("listDoors2", "aclose")}})
    assert {g.attr for g in api.root.children} == {"close_", "aclose_"}
    nested = _api({"/c": {"get": _op("x", **{"x-speakeasy-group": "doors.close"})}})
    assert nested.root.children[0].children[0].attr == "close"  # only the client has close()


def test_member_names_the_class_bodies_use_are_reserved() -> None:
    """Every name a generated class body evaluates while it runs (decorators, view wrappers) or that
    the client's `__init__` annotates with is out of reach of methods and resources."""
    import re
    from pathlib import Path

    from generator.naming import MEMBER_RESERVED

    sdk = Path(__file__).resolve().parents[2] / "generator" / "templates" / "sdk"
    macros = (sdk / "macros.jinja").read_text(encoding="utf-8")
    client = (sdk / "client.py.jinja").read_text(encoding="utf-8")
    resource = (sdk / "resource.py.jinja").read_text(encoding="utf-8")
    decorators = set(re.findall(r"^\s*@(\w+)", macros + client + resource, flags=re.MULTILINE))
    wrappers = {"raw_response", "raw_response_async", "streamed_response", "streamed_response_async"}
    assert re.search(r"\{\{ wrap \}\}\(", macros) and re.search(r"\{\{ wrap \}\}_async\(", macros)
    init = client[client.index("def __init__("): client.index(") -> None:", client.index("def __init__("))]
    modules = set(re.findall(r"\b([a-z]\w*)\.[A-Z]", init))
    assert decorators and modules == {"httpx", "logging"}
    assert decorators | wrappers | modules | {"with_raw_response", "with_streaming_response", "builtins"} <= MEMBER_RESERVED


def test_error_classes_are_named_apart_from_schemas_and_each_other() -> None:
    """`Foo` and `FooData` both make `FooError`, and a schema may already be called that: each error
    model gets its own class."""

    def failing(model: str) -> dict[str, Any]:
        body = {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{model}"}}}}
        return {**_op("op" + model), "responses": {"204": {"description": "ok"}, "400": {"description": "bad", **body}}}

    obj = {"type": "object", "properties": {"message": {"type": "string"}}}
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {f"/{m}": {"get": failing(m)} for m in ("Foo", "FooData", "FooError")},
        "components": {"schemas": {"Foo": obj, "FooData": obj, "FooError": obj}},
    }
    normalize(doc)
    api = build_api(doc, client_class="Client", env_var="KEY")
    assert sorted(api.error_classes.values()) == ["Foo", "FooData", "FooError"]
    assert len({c.lower() for c in api.error_classes} | {"foo", "foodata", "fooerror"}) == 6
