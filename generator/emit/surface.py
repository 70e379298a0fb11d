"""The public surface of a generated SDK, as JSON-ready data: what `sdkgen diff` compares.

Per method its call path, operation id, HTTP method and path, keyword arguments, response and stream
types, deprecation (types in the spec's words: `string`, `date-time`, `list[models.Pet]`); per model its kind, fields, enum values, union members, deprecation, and which side
of the wire it is used on (request, response or both). The pipeline writes it into every SDK as
`.sdkgen/surface.json`, so the next `sdkgen generate` can report against it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from typing import Any

from generator.ir import Api, Field, Model, TypeNode

SURFACE_FILE = ".sdkgen/surface.json"
# 2: types in the spec's vocabulary (`string`, `date-time`...) instead of Python annotations.
SURFACE_FORMAT = 2


def _field(f: Field) -> dict[str, Any]:
    return {
        "wire": f"{f.location}:{f.wire_name}",
        "required": f.required,
        "nullable": f.nullable,
        "type": f.type.non_null().surface(),  # nullability is compared on its own
        "deprecated": f.deprecated,
    }


def _model_refs(model: Model) -> Iterator[str]:
    refs: list[TypeNode] = [f.type for f in model.fields] + list(model.members)
    if model.alias_of is not None:
        refs.append(model.alias_of)
    for ref in refs:
        yield from ref.models()


def _reachable(api: Api, roots: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    todo = [r for r in roots if r in api.models]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(r for r in _model_refs(api.models[name]) if r in api.models and r not in seen)
    return seen


def surface_of(api: Api) -> dict[str, Any]:
    """The public surface of the SDK generated from `api`, as JSON-ready data."""
    operations: dict[str, Any] = {}
    request_roots: list[str] = []
    response_roots: list[str] = []
    body_models: dict[str, str] = {}
    for op in api.operations:
        params = {f.name: _field(f) for f in op.all_fields}
        if op.body is not None and not op.body.flattened:
            # The body is passed whole as `request=`.
            params["request"] = {
                "wire": "body:",
                "required": op.body.required,
                "nullable": False,
                "type": op.body.type.surface(),
                "deprecated": False,
            }
        if op.body is not None:
            request_roots.extend(op.body.type.models())
            if op.body.flattened and op.body.model:
                body_models[op.body.model] = op.call_path
        for f in op.all_fields:
            request_roots.extend(f.type.models())
        json_response = op.json_response
        for r in (*op.responses, *op.errors):
            if r.type is not None:
                response_roots.extend(r.type.models())
        if op.stream is not None:
            response_roots.extend(op.stream.chunk.models())
        response = (
            " | ".join(t.surface() if t is not None else "null" for t in op.result_types()) or None
            if op.by_status
            else json_response.type.surface() if json_response and json_response.type else None
        )
        if op.pagination is not None:  # the method returns a page: its result type changes with it
            response = f"page[{response}, {op.pagination.item.surface()}]"
        operations[op.call_path] = {
            "operation_id": op.operation_id,
            "http": f"{op.method.upper()} {op.path}",
            "async": f"{op.call_path}_async",
            "deprecated": op.deprecated,
            "params": params,
            "response": response,
            "stream": op.stream.chunk.surface() if op.stream is not None else None,
        }
    request_side = _reachable(api, request_roots)
    response_side = _reachable(api, response_roots)
    models: dict[str, Any] = {}
    for name, model in api.models.items():
        sides = [s for s, names in (("request", request_side), ("response", response_side)) if name in names]
        entry: dict[str, Any] = {
            "kind": model.kind,
            "deprecated": model.deprecated,
            # Not used by any method (a standalone component): judged as if used on both sides.
            "sides": sides or ["request", "response"],
        }
        if name in body_models:
            entry["body_of"] = body_models[name]
        if model.kind == "object":
            entry["fields"] = {f.name: _field(f) for f in model.fields}
        elif model.kind == "enum":
            entry["values"] = list(model.enum_values)
        elif model.kind == "union":
            entry["members"] = sorted({m.surface() for m in model.members})
        elif model.kind == "alias" and model.alias_of is not None:
            entry["alias_of"] = model.alias_of.surface()
        models[name] = entry
    return {
        "sdkgen_surface": SURFACE_FORMAT,
        "api": {"title": api.title, "version": api.version},
        "operations": operations,
        "models": models,
    }


def dump_surface(surface: dict[str, Any]) -> str:
    """Deterministic JSON: sorted keys, fixed indentation, a final newline. The text of
    `json.dumps(surface, indent=2, sort_keys=True, ensure_ascii=False, default=str)`, written by
    `_indented`: with an indent, Python 3.11's `json` uses its pure-Python encoder, which took 0.36 s
    on GitHub's surface (1,200 operations, 7,000 models) on the critical path of a regeneration;
    `_indented` takes 0.08 s."""
    out: list[str] = []
    try:
        _indented(surface, "\n", out)
    except _Unusual:  # keys json would convert, or a value it would refuse: json says it
        return json.dumps(surface, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
    out.append("\n")
    return "".join(out)


class _Unusual(Exception):
    """A value `_indented` leaves to `json.dumps`."""


_string = json.encoder.encode_basestring  # the C function `json.dumps(ensure_ascii=False)` uses


def _indented(value: Any, newline: str, out: list[str]) -> None:
    """Append `value` as `json.dumps` with `indent=2, sort_keys=True, ensure_ascii=False,
    default=str` writes it; `newline` is a newline and the indentation of `value`'s line. The order
    of the type tests is json's (`json.encoder._make_iterencode`); strings and booleans, the
    most common values, are written without a call."""
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key in sorted(value):
            if type(key) is not str:
                raise _Unusual
            item = value[key]
            if isinstance(item, str):
                out.append(separator + _string(key) + ": " + _string(item))
            elif item is False or item is True:
                out.append(separator + _string(key) + (": true" if item else ": false"))
            else:
                out.append(separator + _string(key) + ": ")
                _indented(item, inner, out)
            separator = "," + inner
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            if isinstance(item, str):
                out.append(separator + _string(item))
            else:
                out.append(separator)
                _indented(item, inner, out)
            separator = "," + inner
        out.append(newline + "]")
    elif isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        if not math.isfinite(value):  # json writes NaN and Infinity
            raise _Unusual
        out.append(float.__repr__(value))
    else:
        out.append(_string(str(value)))  # `default=str`
