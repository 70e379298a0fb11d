"""What a spec change does to the SDK's users: the public surface of an SDK, compared and classified.

The *surface* is a plain, JSON-ready dict extracted from the IR (`surface_of`): per method its call
path, operation id, HTTP method and path, keyword arguments, response and stream types, deprecation;
per model its kind, fields, enum values, union members, deprecation, and which side of the wire it
is used on (request, response or both). The generator writes it into every SDK as
`.sdkgen/surface.json` (`surface_json`), so the next `sdkgen generate` can report against it.

`compare(old, new)` lists the `Change`s between two surfaces, each with the semantic-version bump it
calls for, judged from the point of view of code that calls the SDK (see `docs/ci-drift-check.md`):

- major (breaking): a method, keyword argument, model, field or enum value removed; a method moved
  to another call path (its old call path is gone, even when the operation id persists); a required
  argument added; an argument or request field made required or no longer nullable; a response
  field made optional or nullable (callers must now handle `None`); any type changed; a stream
  removed; a request-side union member removed.
- minor: a method, optional argument, model, field, enum value or union member added; an argument
  made optional or nullable; a deprecation. Added enum values are minor on both sides: the SDK's
  enums are open (`OpenEnum`), so an unknown value coming back from the server is kept, not an
  error; exhaustive `match` statements over a response enum should still have a default case.
- patch: changes the SDK handles without any change for callers: the HTTP method or path behind a
  method, where an argument goes on the wire, a deprecation withdrawn.

Descriptions, examples and other documentation are not part of the surface: doc-only changes give
no change at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from generator.errors import SpecError
from generator.ir import Api, Field, Model, TypeRef

SURFACE_FILE = ".sdkgen/surface.json"
SURFACE_FORMAT = 1
Level = Literal["major", "minor", "patch"]
LEVELS: tuple[Level, ...] = ("major", "minor", "patch")
Side = Literal["request", "response"]


# -- extraction -----------------------------------------------------------------------------------
def _base_type(annotation: str, nullable: bool) -> str:
    """The type without the `| None` that nullability adds: nullability is compared on its own."""
    return annotation[: -len(" | None")] if nullable and annotation.endswith(" | None") else annotation


def _field(f: Field) -> dict[str, Any]:
    return {
        "wire": f"{f.location}:{f.wire_name}",
        "required": f.required,
        "nullable": f.nullable,
        "type": _base_type(f.type.annotation, f.nullable),
        "deprecated": f.deprecated,
    }


def _model_refs(model: Model) -> Iterator[str]:
    refs: list[TypeRef] = [f.type for f in model.fields] + list(model.members)
    if model.alias_of is not None:
        refs.append(model.alias_of)
    for ref in refs:
        yield from ref.models


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
                "type": op.body.type.annotation,
                "deprecated": False,
            }
        if op.body is not None:
            request_roots.extend(op.body.type.models)
            if op.body.flattened and op.body.model:
                body_models[op.body.model] = op.call_path
        for f in op.all_fields:
            request_roots.extend(f.type.models)
        json_response = op.json_response
        for r in (*op.responses, *op.errors):
            if r.type is not None:
                response_roots.extend(r.type.models)
        if op.stream is not None:
            response_roots.extend(op.stream.chunk.models)
        operations[op.call_path] = {
            "operation_id": op.operation_id,
            "http": f"{op.method.upper()} {op.path}",
            "async": f"{op.call_path}_async",
            "deprecated": op.deprecated,
            "params": params,
            "response": json_response.type.annotation if json_response and json_response.type else None,
            "stream": op.stream.chunk.annotation if op.stream is not None else None,
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
            entry["members"] = sorted({m.annotation for m in model.members})
        elif model.kind == "alias" and model.alias_of is not None:
            entry["alias_of"] = model.alias_of.annotation
        models[name] = entry
    return {
        "sdkgen_surface": SURFACE_FORMAT,
        "api": {"title": api.title, "version": api.version},
        "operations": operations,
        "models": models,
    }


def dump_surface(surface: dict[str, Any]) -> str:
    """Deterministic JSON: sorted keys, fixed indentation, a final newline."""
    return json.dumps(surface, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"


def surface_json(api: Api) -> str:
    return dump_surface(surface_of(api))


def _check_surface(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict) or not isinstance(data.get("operations"), dict) or not isinstance(data.get("models"), dict):
        raise SpecError("not an sdkgen surface snapshot (no `operations`/`models`)", where=where)
    if data.get("sdkgen_surface") != SURFACE_FORMAT:
        raise SpecError(f"unsupported surface snapshot format {data.get('sdkgen_surface')!r}", where=where)
    return data


def parse_surface(text: str, where: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise SpecError(f"surface snapshot is not valid JSON: {exc}", where=where) from None
    return _check_surface(data, where)


def load_surface(path: Path) -> dict[str, Any]:
    """The surface of a spec file, of an SDK folder (its snapshot) or of a snapshot file."""
    if path.is_dir():
        snapshot = path / SURFACE_FILE
        if not snapshot.is_file():
            raise SpecError(f"no {SURFACE_FILE} here: not an SDK generated by this sdkgen", where=str(path))
        return parse_surface(snapshot.read_text(encoding="utf-8"), str(snapshot))
    if path.suffix == ".json" and path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None  # let the spec loader report what is wrong with it
        if isinstance(data, dict) and "sdkgen_surface" in data:
            return _check_surface(data, str(path))
    from generator.pipeline import load_api

    _, api, _ = load_api(path)
    # Through JSON, so that it compares equal to a snapshot (YAML dates in enums become strings...).
    data: dict[str, Any] = json.loads(dump_surface(surface_of(api)))
    return data


# -- comparison -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    """One difference in the public surface.

    `kind` names what happened (see `KINDS`); `target` is a call path (`router.chat.completions.create`)
    or a model name; `member` the argument, field or enum value concerned; `old`/`new` the values
    before and after, when there are any.
    """

    kind: str
    level: Level
    target: str
    member: str = ""
    old: Any = None
    new: Any = None
    side: str = ""  # "request", "response" or "request, response" for model changes
    # (label, value) pairs of context; the labels are ours, the values come from the spec.
    notes: tuple[tuple[str, str], ...] = field(default=())

    @property
    def breaking(self) -> bool:
        return self.level == "major"


KINDS = (
    "method_added", "method_removed", "method_moved", "method_endpoint_changed", "method_deprecated",
    "method_undeprecated", "response_type_changed", "stream_added", "stream_removed", "stream_type_changed",
    "param_added", "param_removed", "param_required", "param_optional", "param_nullable", "param_not_nullable",
    "param_type_changed", "param_deprecated", "param_undeprecated", "param_wire_changed",
    "model_added", "model_removed", "model_kind_changed", "model_deprecated", "model_undeprecated",
    "field_added", "field_removed", "field_required", "field_optional", "field_nullable", "field_not_nullable",
    "field_type_changed", "field_deprecated", "field_undeprecated", "field_wire_changed",
    "enum_value_added", "enum_value_removed", "union_member_added", "union_member_removed", "alias_type_changed",
)

# The bump a change to a field calls for, by the side of the wire its model is on. A request field is
# something callers write; a response field something they read.
_FIELD_LEVELS: dict[str, dict[Side, Level]] = {
    "added_optional": {"request": "minor", "response": "minor"},
    "added_required": {"request": "major", "response": "minor"},
    "removed": {"request": "major", "response": "major"},
    "required": {"request": "major", "response": "minor"},
    "optional": {"request": "minor", "response": "major"},
    "nullable": {"request": "minor", "response": "major"},
    "not_nullable": {"request": "major", "response": "minor"},
    "type_changed": {"request": "major", "response": "major"},
    "deprecated": {"request": "minor", "response": "minor"},
    "undeprecated": {"request": "patch", "response": "patch"},
    "wire_changed": {"request": "patch", "response": "patch"},
    "enum_value_added": {"request": "minor", "response": "minor"},  # open enums: see the module docstring
    "enum_value_removed": {"request": "major", "response": "major"},  # the enum member is gone from the SDK
    "union_member_added": {"request": "minor", "response": "minor"},
    "union_member_removed": {"request": "major", "response": "minor"},
}


def _level(what: str, sides: Iterable[str]) -> Level:
    levels = [_FIELD_LEVELS[what][side] for side in sides if side in ("request", "response")]  # type: ignore[index]
    return min(levels or ["major"], key=LEVELS.index)


def _field_changes(
    old: dict[str, Any], new: dict[str, Any], sides: list[str], target: str, prefix: str
) -> Iterator[Change]:
    """Changes between two `{name: field}` maps; `prefix` is "param" (method arguments) or "field"."""
    side = ", ".join(sides)
    for name in sorted(set(old) - set(new)):
        yield Change(f"{prefix}_removed", _level("removed", sides), target, name, old=old[name]["type"], side=side)
    for name in sorted(set(new) - set(old)):
        f = new[name]
        what = "added_required" if f["required"] else "added_optional"
        yield Change(f"{prefix}_added", _level(what, sides), target, name, new=f, side=side)
    for name in sorted(set(old) & set(new)):
        a, b = old[name], new[name]
        if a["required"] != b["required"]:
            what = "required" if b["required"] else "optional"
            yield Change(f"{prefix}_{what}", _level(what, sides), target, name, side=side)
        if a["nullable"] != b["nullable"]:
            what = "nullable" if b["nullable"] else "not_nullable"
            yield Change(f"{prefix}_{what}", _level(what, sides), target, name, side=side)
        if a["type"] != b["type"]:
            yield Change(f"{prefix}_type_changed", _level("type_changed", sides), target, name, a["type"], b["type"], side)
        if a["deprecated"] != b["deprecated"]:
            what = "deprecated" if b["deprecated"] else "undeprecated"
            yield Change(f"{prefix}_{what}", _level(what, sides), target, name, side=side)
        if a.get("wire") != b.get("wire"):
            yield Change(f"{prefix}_wire_changed", "patch", target, name, a.get("wire"), b.get("wire"), side)


def _match_methods(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str]]:
    """Pairs (old call path, new call path) of the same method: same call path, else the same
    operation id, else the same HTTP method and path."""
    pairs = [(p, p) for p in sorted(set(old) & set(new))]
    gone = sorted(set(old) - set(new))
    came = sorted(set(new) - set(old))
    for key in ("operation_id", "http"):
        for o in list(gone):
            match = [n for n in came if new[n][key] == old[o][key]]
            if len(match) == 1:
                pairs.append((o, match[0]))
                gone.remove(o)
                came.remove(match[0])
    return pairs


def _method_changes(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    pairs = _match_methods(old, new)
    paired_old = {o for o, _ in pairs}
    paired_new = {n for _, n in pairs}
    for path in sorted(set(old) - paired_old):
        yield Change("method_removed", "major", path, old=old[path]["http"])
    for path in sorted(set(new) - paired_new):
        yield Change("method_added", "minor", path, new=new[path]["http"])
    for o_path, n_path in sorted(pairs, key=lambda p: p[1]):
        a, b = old[o_path], new[n_path]
        if o_path != n_path:
            # One change, not a removal and an unrelated addition: callers need the new call path.
            notes = [("same operation id", b["operation_id"])] if a["operation_id"] == b["operation_id"] else []
            notes.append(("endpoint", b["http"]) if a["http"] == b["http"] else ("endpoint was", a["http"]))
            if a["http"] != b["http"]:
                notes.append(("now", b["http"]))
            yield Change("method_moved", "major", n_path, old=o_path, new=n_path, notes=tuple(notes))
        elif a["http"] != b["http"]:
            yield Change("method_endpoint_changed", "patch", n_path, old=a["http"], new=b["http"])
        if a["deprecated"] != b["deprecated"]:
            kind, level = ("method_deprecated", "minor") if b["deprecated"] else ("method_undeprecated", "patch")
            yield Change(kind, level, n_path)  # type: ignore[arg-type]
        yield from _field_changes(a["params"], b["params"], ["request"], n_path, "param")
        if a["response"] != b["response"]:
            yield Change("response_type_changed", "major", n_path, old=a["response"], new=b["response"], side="response")
        if a["stream"] != b["stream"]:
            if a["stream"] is None:
                yield Change("stream_added", "minor", n_path, new=b["stream"], side="response")
            elif b["stream"] is None:
                yield Change("stream_removed", "major", n_path, old=a["stream"], side="response")
            else:
                yield Change("stream_type_changed", "major", n_path, old=a["stream"], new=b["stream"], side="response")


def _model_changes(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    for name in sorted(set(old) - set(new)):
        yield Change("model_removed", "major", name, old=old[name]["kind"], side=", ".join(old[name]["sides"]))
    for name in sorted(set(new) - set(old)):
        yield Change("model_added", "minor", name, new=new[name]["kind"], side=", ".join(new[name]["sides"]))
    for name in sorted(set(old) & set(new)):
        a, b = old[name], new[name]
        # A change hurts on the sides the model is used on before or after.
        sides = sorted(set(a["sides"]) | set(b["sides"]))
        side = ", ".join(sides)
        if a["kind"] != b["kind"]:
            yield Change("model_kind_changed", "major", name, old=a["kind"], new=b["kind"], side=side)
            continue
        if a["deprecated"] != b["deprecated"]:
            what = "deprecated" if b["deprecated"] else "undeprecated"
            yield Change(f"model_{what}", _level(what, sides), name, side=side)
        if a["kind"] == "object" and not (a.get("body_of") and b.get("body_of")):
            # A flattened request body's fields are the method's keyword arguments: reported there.
            yield from _field_changes(a.get("fields", {}), b.get("fields", {}), sides, name, "field")
        elif a["kind"] == "enum":
            old_values, new_values = a.get("values", []), b.get("values", [])
            for v in old_values:
                if v not in new_values:
                    yield Change("enum_value_removed", _level("enum_value_removed", sides), name, str(v), old=v, side=side)
            for v in new_values:
                if v not in old_values:
                    yield Change("enum_value_added", _level("enum_value_added", sides), name, str(v), new=v, side=side)
        elif a["kind"] == "union":
            old_members, new_members = a.get("members", []), b.get("members", [])
            for m in old_members:
                if m not in new_members:
                    yield Change("union_member_removed", _level("union_member_removed", sides), name, m, old=m, side=side)
            for m in new_members:
                if m not in old_members:
                    yield Change("union_member_added", _level("union_member_added", sides), name, m, new=m, side=side)
        elif a["kind"] == "alias" and a.get("alias_of") != b.get("alias_of"):
            yield Change("alias_type_changed", "major", name, old=a.get("alias_of"), new=b.get("alias_of"), side=side)


@dataclass
class Report:
    """The changes between two surfaces, and the version bump they call for."""

    changes: list[Change]
    old_version: str = ""
    new_version: str = ""
    title: str = ""

    @property
    def breaking(self) -> list[Change]:
        return [c for c in self.changes if c.level == "major"]

    def by_level(self, level: Level) -> list[Change]:
        return [c for c in self.changes if c.level == level]

    @property
    def bump(self) -> str:
        """"major", "minor", "patch" or "none"."""
        return next((lvl for lvl in LEVELS if self.by_level(lvl)), "none")


def compare(old: dict[str, Any], new: dict[str, Any]) -> Report:
    """Every change from surface `old` to surface `new`: methods first, then models."""
    changes = [*_method_changes(old["operations"], new["operations"]), *_model_changes(old["models"], new["models"])]
    return Report(
        changes,
        old_version=str(old.get("api", {}).get("version", "")),
        new_version=str(new.get("api", {}).get("version", "")),
        title=str(new.get("api", {}).get("title", "")),
    )
