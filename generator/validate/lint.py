"""The slips in schema keywords that generation can do without, found and repaired in-process.

`lint` walks every schema where it stands and returns warnings with the repairs they announce (a
default of the wrong type is dropped, duplicate enum values merged...), plus the few errors that
need no validator (a duplicate operationId, a path parameter the URL does not have). It is cheap
(one pass, no JSON Schema validation), so it runs before normalisation even when the full validator
runs in a background process: the repaired document is what the later stages see.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from typing import Any

from generator.load import follow_refs
from generator.validate.walk import METHODS, Parts, schema_roots, subschemas

Finding = tuple[str, str, Parts]  # (severity, message, pointer parts): pickles as plain data
Fix = Callable[[], None]

KNOWN_FORMATS = frozenset({
    "int32", "int64", "float", "double", "byte", "binary", "date", "date-time", "time", "duration",
    "password", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6", "uri",
    "uri-reference", "iri", "iri-reference", "uri-template", "uuid", "json-pointer",
    "relative-json-pointer", "regex", "decimal", "int8", "int16", "uint8", "uint32", "uint64",
    "char", "base64", "base64url", "textarea", "html", "url", "phone",
})  # JSON Schema's and the OpenAPI format registry's (https://spec.openapis.org/registry/format/)

# The keywords of an OpenAPI 3.0 Schema object (anything else, except `x-...`, is not one).
KEYWORDS_30 = frozenset({
    "title", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
    "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties",
    "required", "enum", "type", "allOf", "oneOf", "anyOf", "not", "items", "properties",
    "additionalProperties", "description", "format", "default", "nullable", "discriminator",
    "readOnly", "writeOnly", "xml", "externalDocs", "example", "deprecated", "$ref",
})

_NUMBER = (int, float)
# Annotation and constraint keywords: one of the wrong type is dropped (the value is only checked
# or documented, never part of the generated types).
KEYWORD_TYPES: dict[str, tuple[type, ...]] = {
    "title": (str,), "description": (str,), "deprecated": (bool,), "readOnly": (bool,),
    "writeOnly": (bool,), "uniqueItems": (bool,), "pattern": (str,), "format": (str,),
    "multipleOf": _NUMBER, "minimum": _NUMBER, "maximum": _NUMBER, "minLength": (int,),
    "maxLength": (int,), "minItems": (int,), "maxItems": (int,), "minProperties": (int,),
    "maxProperties": (int,),
}

# What `lint` checks and repairs: the full validator's findings at these keywords of a schema are
# left to it (see `generator.validate.document`), so that each problem is reported once.
LINTED = frozenset({*KEYWORD_TYPES, "default", "example", "examples", "nullable", "exclusiveMinimum", "exclusiveMaximum"})

_JSON_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool) or isinstance(v, float) and v.is_integer(),
    "number": lambda v: isinstance(v, _NUMBER) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


def _key(value: Any) -> tuple[str, str]:
    """Equality as JSON sees it: `1`, `1.0` and `true` are three values to Python's `==`... or not."""
    kind = "boolean" if isinstance(value, bool) else "number" if isinstance(value, _NUMBER) else type(value).__name__
    return kind, repr(float(value)) if kind == "number" else repr(value)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def misfit(value: Any, schema: dict[str, Any], v31: bool) -> str | None:
    """Why `value` cannot be an instance of `schema` by its `type` and `enum`, or None if it can.

    Shallow on purpose: nested shapes and constraints are not checked (a default that is an object
    of the wrong shape stays; one that is a string for an integer does not).
    """
    declared = schema.get("type")
    types = [declared] if isinstance(declared, str) else declared if isinstance(declared, list) else []
    if value is None and (schema.get("nullable") is True and not v31 or "null" in types):
        return None
    known = [t for t in types if t in _JSON_TYPES]
    if known and not any(_JSON_TYPES[t](value) for t in known):
        return f"{_short(value)} is not of type {' or '.join(known)}"
    enum = schema.get("enum")
    if isinstance(enum, list) and _key(value) not in {_key(v) for v in enum}:
        return f"{_short(value)} is not one of the enum values"
    return None


class _Linter:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.v31 = str(doc.get("openapi", "")).startswith("3.1")
        self.findings: list[Finding] = []
        self.fixes: list[Fix] = []

    def warn(self, message: str, at: Parts, fix: Fix | None = None) -> None:
        self.findings.append(("warning", message, at))
        if fix is not None:
            self.fixes.append(fix)

    def drop(self, schema: dict[str, Any], key: str) -> Fix:
        return lambda: schema.pop(key, None)

    def schema(self, schema: dict[str, Any], at: Parts) -> None:
        if not self.v31 and "$ref" not in schema:
            for key in schema:
                if isinstance(key, str) and key not in KEYWORDS_30 and not key.startswith("x-"):
                    why = "a Swagger 2 leftover" if key == "definitions" else "not an OpenAPI 3.0 schema keyword"
                    self.warn(f"{key!r} is {why}: ignored", (*at, key), self.drop(schema, key))
        for key, kinds in KEYWORD_TYPES.items():
            value = schema.get(key)
            if key in schema and (not isinstance(value, kinds) or isinstance(value, bool) and bool not in kinds):
                self.warn(f"{key} {_short(value)} is not a {kinds[0].__name__.replace('str', 'string')}: ignored", (*at, key), self.drop(schema, key))
        bound = (_NUMBER,) if self.v31 else (bool,)
        for key in ("exclusiveMinimum", "exclusiveMaximum"):
            value = schema.get(key)
            if key in schema and (not isinstance(value, bound[0]) or isinstance(value, bool) != (not self.v31)):
                self.warn(f"{key} {_short(value)} is not a {'number' if self.v31 else 'boolean'} in OpenAPI {'3.1' if self.v31 else '3.0'}: ignored", (*at, key), self.drop(schema, key))
        self.nullable(schema, at)
        fmt = schema.get("format")
        if isinstance(fmt, str) and fmt not in KNOWN_FORMATS:
            self.warn(f"unknown format {fmt!r}: ignored (the type alone applies)", (*at, "format"))
        enum = schema.get("enum")
        if isinstance(enum, list):
            self.enum(schema, enum, at)
        if "default" in schema and "$ref" not in schema:
            why = misfit(schema["default"], schema, self.v31)
            if why:
                self.warn(f"default {why}: dropped", (*at, "default"), self.drop(schema, "default"))
        if "example" in schema and "$ref" not in schema:
            why = misfit(schema["example"], schema, self.v31)
            if why:
                self.warn(f"example {why}: dropped", (*at, "example"), self.drop(schema, "example"))
        examples = schema.get("examples")
        if self.v31 and "examples" in schema and "$ref" not in schema:
            if not isinstance(examples, list):
                self.warn("examples must be a list: dropped", (*at, "examples"), self.drop(schema, "examples"))
            else:
                bad = [i for i, ex in enumerate(examples) if misfit(ex, schema, self.v31)]
                for i in bad:
                    self.warn(f"example {misfit(examples[i], schema, self.v31)}: dropped", (*at, "examples", i))
                if bad:
                    kept = [ex for i, ex in enumerate(examples) if i not in bad]
                    self.fixes.append(lambda: schema.__setitem__("examples", kept))

    def nullable(self, schema: dict[str, Any], at: Parts) -> None:
        if "nullable" not in schema:
            return
        if not isinstance(schema["nullable"], bool):
            self.warn(f"nullable {_short(schema['nullable'])} is not a boolean: ignored", (*at, "nullable"), self.drop(schema, "nullable"))
        elif self.v31:
            self.warn("nullable is not an OpenAPI 3.1 keyword (write type: [..., 'null']): ignored", (*at, "nullable"))
        elif schema["nullable"] and not any(k in schema for k in ("type", "$ref", "allOf", "anyOf", "oneOf")):
            self.warn("nullable without type has no effect (OpenAPI 3.0.3): ignored", (*at, "nullable"))

    def enum(self, schema: dict[str, Any], enum: list[Any], at: Parts) -> None:
        seen: set[tuple[str, str]] = set()
        kept: list[Any] = []
        for i, value in enumerate(enum):
            key = _key(value)
            if key in seen:
                self.warn(f"duplicate enum value {_short(value)}: merged", (*at, "enum", i))
                continue
            seen.add(key)
            kept.append(value)
        if len(kept) < len(enum):
            self.fixes.append(lambda: schema.__setitem__("enum", kept))

    def operations(self) -> None:
        """Duplicate operationIds and path templates whose parameters are not declared: errors (the
        SDK's method names and URLs are built from them)."""
        seen: dict[str, Parts] = {}
        paths = self.doc.get("paths")
        if not isinstance(paths, dict):
            return
        for url, item in paths.items():
            if not isinstance(item, dict):
                continue
            shared = self._path_params(item.get("parameters"))
            for method in METHODS:
                op = item.get(method)
                if not isinstance(op, dict):
                    continue
                at: Parts = ("paths", url, method)
                op_id = op.get("operationId")
                if isinstance(op_id, str):
                    if op_id in seen:
                        self.findings.append(("error", f"operationId {op_id!r} is also used at {'/'.join(map(str, seen[op_id][1:]))}", (*at, "operationId")))
                    seen.setdefault(op_id, at)
                declared = shared | self._path_params(op.get("parameters"))
                in_url = {name for _, name, _, _ in string.Formatter().parse(str(url)) if name} if "{" in str(url) else set()
                for name in sorted(in_url - declared):
                    self.findings.append(("error", f"path parameter {name!r} of {url} is not declared (in: path)", at))
                for name in sorted(declared - in_url):
                    self.findings.append(("error", f"path parameter {name!r} does not appear in the path {url}", at))

    def _path_params(self, params: Any) -> set[str]:
        out = set()
        for param in params if isinstance(params, list) else []:
            param = follow_refs(self.doc, param)
            if isinstance(param, dict) and param.get("in") == "path" and isinstance(param.get("name"), str):
                out.add(param["name"])
        return out


def lint(doc: dict[str, Any]) -> tuple[list[Finding], list[Fix]]:
    """The document's schema slips (warnings) and operation errors, with the repairs of the warnings.
    Nothing is changed until the fixes are called."""
    linter = _Linter(doc)
    seen: set[int] = set()
    for root_at, root in schema_roots(doc):
        for at, schema in subschemas(root, root_at):
            if id(schema) not in seen:  # YAML anchors share nodes: one report, one repair
                seen.add(id(schema))
                linter.schema(schema, at)
    linter.operations()
    return linter.findings, linter.fixes
