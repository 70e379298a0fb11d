"""The IR's type trees: each node's renderings, and the schema -> tree mapping checked against what
datamodel-code-generator writes for the same schema, so that method arguments and model fields
cannot disagree on a type again."""

from __future__ import annotations

import ast
import typing
from typing import Any

import pydantic
import pytest
from datamodel_code_generator.parser.schema_version import get_data_formats

from generator.emit.models import _run
from generator.ir.build import Types
from generator.ir.types import (
    ANY,
    BINARY,
    NONE,
    ListOf,
    LiteralOf,
    MapOf,
    ModelRef,
    Nullable,
    PyClass,
    Scalar,
    UnionOf,
    nullable,
    scalar,
    union_of,
)


def link(name: str) -> str:
    return f"<{name}>"


def shout(text: str) -> str:
    return text.upper()


# -- renderings -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("node", "annotation", "input_annotation", "docs", "surface"),
    [
        (Scalar("string"), "str", "str", "STR", "string"),
        (Scalar("integer"), "int", "int", "INT", "integer"),
        (Scalar("number"), "float", "float", "FLOAT", "number"),
        (Scalar("boolean"), "bool", "bool", "BOOL", "boolean"),
        (NONE, "None", "None", "NONE", "null"),
        (ANY, "Any", "Any", "ANY", "any"),
        (Scalar("string", "date-time"), "datetime", "datetime", "DATETIME", "date-time"),
        (Scalar("string", "uuid"), "UUID", "UUID", "UUID", "uuid"),
        (BINARY, "bytes", "FileInput", "BYTES", "binary"),
        (Scalar("string", "password"), "SecretStr", "SecretStr | str", "SECRETSTR", "password"),
        (ModelRef("Pet"), "models.Pet", "models.Pet | models.PetTypedDict", "<Pet>", "models.Pet"),
        (LiteralOf(("a", 1)), "Literal['a', 1]", "Literal['a', 1]", "LITERAL['A', 1]", "Literal['a', 1]"),
        (ListOf(Scalar("string", "date")), "list[date]", "list[date]", "LIST[DATE]", "list[date]"),
        (MapOf(ModelRef("Pet")), "dict[str, models.Pet]", "dict[str, models.Pet | models.PetTypedDict]",
         "DICT[STR, <Pet>]", "dict[str, models.Pet]"),
        (Nullable(Scalar("integer")), "int | None", "int | None", "INT | NONE", "integer | null"),
    ],
)
def test_renderings(node: Any, annotation: str, input_annotation: str, docs: str, surface: str) -> None:
    assert node.annotation() == annotation
    assert node.input_annotation() == input_annotation
    assert node.docs(link, shout) == docs
    assert node.surface() == surface


def test_nullable_list_of_a_union_of_models_and_literals() -> None:
    t = nullable(ListOf(union_of([ModelRef("Cat"), LiteralOf(("auto",)), ModelRef("Dog"), ModelRef("Cat")])))
    assert t.annotation() == "list[models.Cat | Literal['auto'] | models.Dog] | None"
    assert t.input_annotation() == (
        "list[models.Cat | models.CatTypedDict | Literal['auto'] | models.Dog | models.DogTypedDict] | None"
    )
    assert t.docs(link) == "list[<Cat> | Literal['auto'] | <Dog>] | None"
    assert t.surface() == "list[models.Cat | Literal['auto'] | models.Dog] | null"
    assert t.models() == ("Cat", "Dog")
    assert t.nullable and not t.non_null().nullable
    assert t.non_null() == ListOf(UnionOf((ModelRef("Cat"), LiteralOf(("auto",)), ModelRef("Dog"))))


def test_models_in_order_of_appearance_each_once() -> None:
    t = union_of([MapOf(ModelRef("B")), ListOf(ModelRef("A")), nullable(ModelRef("B")), ModelRef("C")])
    assert t.models() == ("B", "A", "C")
    assert Scalar("string").models() == ()


def test_imports_name_each_class_once_with_its_module() -> None:
    t = union_of([ListOf(Scalar("string", "date-time")), MapOf(Scalar("string", "date-time")), BINARY, Scalar("string", "uuid")])
    assert t.imports() == (PyClass("datetime", "datetime"), PyClass("FileInput", "._files"), PyClass("UUID", "uuid"))
    assert Scalar("string").imports() == ()


def test_union_of_flattens_deduplicates_and_unwraps_one_member() -> None:
    assert union_of([ModelRef("A"), union_of([ModelRef("B"), ModelRef("A")])]) == UnionOf((ModelRef("A"), ModelRef("B")))
    assert union_of([ModelRef("A"), ModelRef("A")]) == ModelRef("A")
    assert union_of([]) == NONE


def test_nullable_leaves_any_none_and_nullable_alone() -> None:
    assert nullable(ANY) is ANY and nullable(NONE) is NONE
    assert nullable(nullable(ModelRef("A"))) == Nullable(ModelRef("A"))


def test_predicates_look_through_nullability() -> None:
    assert nullable(Scalar("boolean")).is_kind("boolean")
    assert Scalar("string", "date-time").is_kind("string")
    assert not ListOf(Scalar("string")).is_kind("string")
    assert ModelRef("A").single_model() == "A"
    assert nullable(ModelRef("A")).single_model() is None  # `models.A | None` is not the bare model
    assert ListOf(ModelRef("A")).single_model() is None


def test_formats_that_keep_the_python_class_are_dropped() -> None:
    assert scalar("string", "email") == Scalar("string")
    assert scalar("integer", "int64") == Scalar("integer")
    assert scalar("string", "no-such-format") == Scalar("string")
    assert scalar("string", "date-time") == Scalar("string", "date-time")


# -- schema -> tree, against datamodel-code-generator ---------------------------------------------------
def _scalar_schemas() -> list[dict[str, Any]]:
    """One schema per (type, format) datamodel-code-generator knows, and a few it does not."""
    schemas = []
    for kind, formats in get_data_formats(is_openapi=True).items():
        for fmt in formats:
            schemas.append({"type": kind} if fmt == "default" else {"type": kind, "format": fmt})
    schemas += [{"type": "string", "format": "no-such-format"}, {"type": "integer", "format": "no-such-format"}]
    return schemas


SCHEMAS = [
    *_scalar_schemas(),
    {},
    {"type": ["string", "null"], "format": "date-time"},
    {"type": "string", "format": "uuid", "nullable": True},
    {"type": "array", "items": {"type": "string", "format": "date"}},
    {"type": "object", "additionalProperties": {"type": "number", "format": "decimal"}},
    {"type": ["string", "integer"]},
    {"anyOf": [{"type": "string", "format": "date-time"}, {"type": "integer"}, {"type": "null"}]},
    {"const": "fixed"},
    {"enum": ["only"]},
]


def _codegen_annotations(schemas: list[dict[str, Any]]) -> list[str]:
    """The annotation datamodel-code-generator gives each schema as a required field of one model."""
    props = {f"p{i}": s for i, s in enumerate(schemas)}
    doc = {
        "openapi": "3.1.0", "info": {"title": "t", "version": "0"}, "paths": {},
        "components": {"schemas": {"M": {"type": "object", "required": list(props), "properties": props}}},
    }
    module = ast.parse(_run("pydantic", doc, "pkg"))
    model = next(n for n in module.body if isinstance(n, ast.ClassDef) and n.name == "M")
    found = {n.target.id: n.annotation for n in model.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}
    return [_python_class(found[name]) for name in props]


# Pydantic declares this one as `Annotated[datetime, ...]` for type checkers only; at run time it is a class.
_TYPE_CHECKER_VIEW = {"NaiveDatetime": "datetime"}


def _python_class(node: ast.expr) -> str:
    """The annotation as callers and mypy see it: `Annotated[...]` and pydantic's constrained aliases
    (`UUID4` is `Annotated[UUID, ...]`) reduced to the class they constrain."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Annotated":
        assert isinstance(node.slice, ast.Tuple)
        return _python_class(node.slice.elts[0])
    if isinstance(node, ast.Name):
        if node.id in _TYPE_CHECKER_VIEW:
            return _TYPE_CHECKER_VIEW[node.id]
        alias = getattr(pydantic, node.id, None)
        if typing.get_origin(alias) is typing.Annotated:
            return typing.get_args(alias)[0].__name__
        return node.id
    if isinstance(node, ast.Subscript):
        return f"{_python_class(node.value)}[{_python_class(node.slice)}]"
    if isinstance(node, ast.Tuple):
        return ", ".join(_python_class(e) for e in node.elts)
    if isinstance(node, ast.BinOp):
        return f"{_python_class(node.left)} | {_python_class(node.right)}"
    return ast.unparse(node)


def test_schema_mapping_agrees_with_datamodel_code_generator() -> None:
    types = Types({})
    ours = [types.of(s).annotation() for s in SCHEMAS]
    theirs = _codegen_annotations(SCHEMAS)
    disagreements = [(s, o, t) for s, o, t in zip(SCHEMAS, ours, theirs, strict=True) if o != t]
    assert disagreements == []


def test_mapping_of_common_formats() -> None:
    """The formats the brief names, spelled out (the test above proves them against the code generator)."""
    types = Types({})
    got = {
        (s.get("type"), s.get("format")): types.of(s).annotation()
        for s in SCHEMAS
        if s.get("format") in ("date-time", "date", "time", "uuid", "decimal", "int64", "binary", "byte", "email")
        and isinstance(s.get("type"), str) and "nullable" not in s
    }
    assert got[("string", "date-time")] == "datetime"
    assert got[("string", "date")] == "date"
    assert got[("string", "time")] == "time"
    assert got[("string", "uuid")] == "UUID"
    assert got[("string", "decimal")] == got[("number", "decimal")] == "Decimal"
    assert got[("integer", "int64")] == "int"
    assert got[("string", "binary")] == "bytes"
    assert got[("string", "byte")] == "str"
    assert got[("string", "email")] == "str"
