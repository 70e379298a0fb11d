"""The slips in schema keywords that generation can do without, found and repaired in-process.

`lint` walks every schema where it stands and returns warnings with the repairs they announce (a
default of the wrong type is dropped, duplicate enum values merged...), plus the few errors that
need no validator (a duplicate operationId, a path parameter the URL does not have). It is cheap
(one pass, no JSON Schema validation), so it runs before normalisation even when the full validator
runs in a background process: the repaired document is what the later stages see.
"""

from __future__ import annotations

import functools
import re
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
# Objects that only document a schema (how it looks in XML, where to read more): when malformed, dropped.
ANNOTATIONS: dict[str, frozenset[str]] = {
    "xml": frozenset({"name", "namespace", "prefix", "attribute", "wrapped"}),
    "externalDocs": frozenset({"description", "url"}),
}
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
LINTED = frozenset({
    *KEYWORD_TYPES, "default", "example", "examples", "nullable", "exclusiveMinimum", "exclusiveMaximum", *ANNOTATIONS,
})

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
        # The schema's few keywords looked up among the typed ones, not the other way round: 44,000
        # schemas in GitHub's spec (the findings are sorted later, and the fixes commute).
        for key in schema.keys() & KEYWORD_TYPES.keys():
            value, kinds = schema[key], KEYWORD_TYPES[key]
            if not isinstance(value, kinds) or isinstance(value, bool) and bool not in kinds:
                self.warn(f"{key} {_short(value)} is not a {kinds[0].__name__.replace('str', 'string')}: ignored", (*at, key), self.drop(schema, key))
        bound = (_NUMBER,) if self.v31 else (bool,)
        for key in ("exclusiveMinimum", "exclusiveMaximum"):
            value = schema.get(key)
            if key in schema and (not isinstance(value, bound[0]) or isinstance(value, bool) != (not self.v31)):
                self.warn(f"{key} {_short(value)} is not a {'number' if self.v31 else 'boolean'} in OpenAPI {'3.1' if self.v31 else '3.0'}: ignored", (*at, key), self.drop(schema, key))
        self.nullable(schema, at)
        for key in schema.keys() & ANNOTATIONS.keys():
            value, fields = schema[key], ANNOTATIONS[key]
            if not (isinstance(value, dict) and all(k in fields or str(k).startswith("x-") for k in value)):
                self.warn(f"{key} {_short(value)} is not an OpenAPI {key} object: dropped", (*at, key), self.drop(schema, key))
        self.pattern(schema, at)
        self.required(schema, at)
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

    def pattern(self, schema: dict[str, Any], at: Parts) -> None:
        """A pattern the generated model's regex engine cannot compile would make the model unusable
        (pydantic compiles it when the model is first built): dropped. pydantic-core's Rust engine is the
        default; datamodel-code-generator switches a model to Python's `re` for lookarounds."""
        pattern = schema.get("pattern")
        if isinstance(pattern, str) and not _compiles(pattern):
            self.warn(
                f"pattern {_short(pattern)} is not a regular expression pydantic can compile: dropped",
                (*at, "pattern"), self.drop(schema, "pattern"),
            )

    def required(self, schema: dict[str, Any], at: Parts) -> None:
        """Required names that are not properties of a closed, plain object schema: dropped from `required`."""
        required, props = schema.get("required"), schema.get("properties")
        if not isinstance(required, list) or not isinstance(props, dict):
            return
        if any(k in schema for k in ("allOf", "anyOf", "oneOf", "additionalProperties", "$ref")):
            return  # the name may be defined elsewhere, or allowed by additionalProperties
        unknown = [name for name in required if isinstance(name, str) and name not in props]
        for name in unknown:
            self.warn(f"required property {name!r} is not defined in properties: dropped from required", (*at, "required"))
        if unknown:
            kept = [name for name in required if name not in unknown]
            self.fixes.append(lambda: schema.__setitem__("required", kept))

    def operations(self) -> None:
        """The URL templates, operation ids and parameters the SDK's methods are built from. Each slip
        here has a useful reading, so each is a warning with its repair: a query string written into a
        path key is cut off; a URL placeholder with no parameter gets a string path parameter; a declared
        path parameter the URL does not use is dropped; a duplicate operationId gets a number; a
        parameter declared twice keeps its last declaration (as OpenAPI's overriding rule reads)."""
        paths = self.doc.get("paths")
        if not isinstance(paths, dict):
            return
        seen_ids: dict[str, Parts] = {}
        taken_ids = {
            op.get("operationId") for item in paths.values() if isinstance(item, dict)
            for op in (item.get(m) for m in METHODS) if isinstance(op, dict)
        }
        cut_urls = {url: url.split("?", 1)[0] for url in paths if isinstance(url, str) and "?" in url}
        for url, cut in list(cut_urls.items()):
            if not (cut in paths or list(cut_urls.values()).count(cut) > 1):
                self.warn(f"path {url!r} has a query string: cut to {cut!r} (declare query parameters with in: query)", ("paths", url), self._rename_path(url, cut))
            elif "{" not in url.split("?", 1)[1]:
                # `/jobs?op=LIST` beside `/jobs`: the query string tells operations apart (Azure and
                # others write specs so); it stays in the URL as fixed parameters.
                self.warn(f"path {url!r} has a query string, and {cut!r} is taken: it is sent as fixed query parameters", ("paths", url))
                del cut_urls[url]
            else:
                self.findings.append(("error", f"path {url!r} has a query string with parameters, and {cut!r} is taken", ("paths", url)))
        for url, item in paths.items():
            if not isinstance(item, dict):
                continue
            shared = item.get("parameters")
            for method in METHODS:
                op = item.get(method)
                if not isinstance(op, dict):
                    continue
                at: Parts = ("paths", url, method)
                op_id = op.get("operationId")
                if isinstance(op_id, str):
                    if op_id in seen_ids:
                        new_id = _unique_id(op_id, taken_ids)
                        self.warn(
                            f"operationId {op_id!r} is also used at {'/'.join(map(str, seen_ids[op_id][1:]))}: renamed {new_id!r}",
                            (*at, "operationId"), lambda op=op, new_id=new_id: op.__setitem__("operationId", new_id),
                        )
                    seen_ids.setdefault(op_id, at)
                self._duplicate_parameters(op.get("parameters"), (*at, "parameters"))
                in_url = _placeholders(cut_urls.get(url, url))
                declared = self._path_params(shared) | self._path_params(op.get("parameters"))
                for name in sorted(in_url - declared):
                    self.warn(
                        f"path parameter {name!r} of {url} is not declared: taken as a required string",
                        at, lambda op=op, name=name: op.setdefault("parameters", []).append(
                            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                        ),
                    )
                for name in sorted(declared - in_url):
                    self.warn(f"path parameter {name!r} does not appear in the path {url}: ignored", at, self._drop_path_param(item, op, name))
            self._duplicate_parameters(shared, ("paths", url, "parameters"))

    def _rename_path(self, url: str, cut: str) -> Fix:
        paths = self.doc["paths"]

        def fix() -> None:  # keeps the order of the paths
            items = list(paths.items())
            paths.clear()
            paths.update((cut if key == url else key, value) for key, value in items)

        return fix

    def _drop_path_param(self, item: dict[str, Any], op: dict[str, Any], name: str) -> Fix:
        def unused(param: Any) -> bool:
            param = follow_refs(self.doc, param)
            return isinstance(param, dict) and param.get("in") == "path" and param.get("name") == name

        def fix() -> None:  # every operation of the path item shares its URL: unused by all of them
            for holder in (op, item):
                params = holder.get("parameters")
                if isinstance(params, list):
                    holder["parameters"] = [p for p in params if not unused(p)]

        return fix

    def _duplicate_parameters(self, params: Any, at: Parts) -> None:
        seen: set[tuple[str, str]] = set()
        for i, param in reversed(list(enumerate(params if isinstance(params, list) else []))):
            param = follow_refs(self.doc, param)
            if not isinstance(param, dict) or not isinstance(param.get("name"), str) or not isinstance(param.get("in"), str):
                continue
            key = (param["in"], param["name"])
            if key in seen:
                self.warn(f"parameter {param['name']!r} (in: {param['in']}) is declared twice: the last one is used", (*at, i))
            seen.add(key)

    def _path_params(self, params: Any) -> set[str]:
        """The names of the path parameters a list declares."""
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


_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def _placeholders(url: str) -> set[str]:
    return set(_PLACEHOLDER.findall(url))


def _unique_id(op_id: str, taken: set[Any]) -> str:
    n = 2
    while f"{op_id}{n}" in taken:
        n += 1
    taken.add(f"{op_id}{n}")
    return f"{op_id}{n}"


_LOOKAROUND = re.compile(r"\(\?<?[=!]")


@functools.lru_cache(maxsize=4096)
def _compiles(pattern: str) -> bool:
    """Whether pydantic can compile `pattern` with the engine the generated model will use."""
    from pydantic_core import SchemaError, SchemaValidator, core_schema

    engine = "python-re" if _LOOKAROUND.search(pattern) else "rust-regex"
    try:
        SchemaValidator(core_schema.str_schema(pattern=pattern, regex_engine=engine))
    except SchemaError:
        return False
    return True
