"""Build the intermediate representation from a bundled, validated and normalised spec."""

from __future__ import annotations

import math
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from generator.ir.nodes import (
    DEFAULT_STYLES,
    Api,
    Body,
    Field,
    Group,
    Model,
    Operation,
    Pagination,
    Response,
    SecurityScheme,
    Server,
    ServerVariable,
    Stream,
    StreamDeltas,
)
from generator.ir.security import requirement, security_schemes
from generator.ir.types import (
    ANY,
    BINARY,
    FORMATS,
    TEXT,
    ListOf,
    LiteralOf,
    MapOf,
    ModelRef,
    TypeNode,
    nullable,
    scalar,
    union_of,
)
from generator.load import follow_refs
from generator.naming import (
    CLIENT_RESERVED,
    MEMBER_RESERVED,
    member_name,
    pascal,
    short_name,
    snake,
    unique,
)
from generator.normalize import (
    HTTP_METHODS,
    SCHEMA_REF,
    non_null_branches,
    sse_envelope,
    stream_format,
)

# Keyword arguments every generated method takes; spec fields with these names are renamed.
OPTION_NAMES = {"retries", "server_url", "timeout_ms", "http_headers", "request"}
# Names the client and resource modules import from the runtime and typing: no resource class may take one.
RUNTIME_NAMES = (
    "Any", "BackoffStrategy", "BaseClient", "Callable", "ClientConfig", "DeltaEventStream", "DeltaEventStreamAsync",
    "DeltaShape", "EventStream", "EventStreamAsync", "FileInput", "HookContext", "Hooks", "IO", "Literal", "Mapping",
    "OperationSpec", "ParamStyle", "RetryConfig", "Self", "ServerVariable", "TracebackType", "Unset",
    "AsyncPage", "Paging", "SyncPage",
)


# The templates a generated method lives in: what they import and assign is in scope in its body.
_METHOD_TEMPLATES = ("resource.py.jinja", "client.py.jinja", "macros.jinja")
_SDK_TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "sdk"


@cache
def reserved_arguments() -> frozenset[str]:
    """Names a method's keyword argument may not take: the options every method has, `self`, and
    every name the client and resource modules import or assign (`cast`, `models`, `build_model`,
    `UNSET`, `body`, `result`, `SERVERS`...), read from the templates, plus the scalar classes their
    type imports may bring (`datetime`, `date`). A body property `cast` shadowing `typing.cast`
    sent the request, then failed with "'str' object is not callable"."""
    names = {"self", *OPTION_NAMES, *(c.name for c in FORMATS.values())}
    for template in _METHOD_TEMPLATES:
        text = (_SDK_TEMPLATES / template).read_text(encoding="utf-8")
        text = re.sub(r"\{%.*?%\}|\{#.*?#\}", "", text, flags=re.DOTALL)
        text = re.sub(r"\{\{.*?\}\}", "0", text, flags=re.DOTALL)
        for line in text.splitlines():
            if m := re.match(r"\s*from\s+\S+\s+import\s+\(?([\w\s,]+)", line):
                names.update(part.split()[-1] for part in m.group(1).split(",") if part.strip())
            elif m := re.match(r"\s*import\s+(\w+)", line):
                names.add(m.group(1))
            elif (m := re.match(r"\s*([A-Za-z_]\w*)(\s*:[^=]*)?\s+=\s", line)) and not line.rstrip().endswith(","):
                names.add(m.group(1))  # `body = build_model(...)`, `result = ...`, `SERVERS: ... = (...)`
    return frozenset(n for n in names if n.isidentifier() and not n.startswith("_") and n != "annotations")


def argument_name(name: str, taken: set[str]) -> str:
    """`name`, or `name2`... free in `taken` (ignoring case, added to it) and not a reserved argument."""
    candidate, n = name, 1
    while candidate.lower() in taken or candidate in reserved_arguments():
        n += 1
        candidate = f"{name}{n}"
    taken.add(candidate.lower())
    return candidate


def timeout_ms(value: Any) -> int | None:
    """`x-speakeasy-timeout` in milliseconds, or None (no timeout) when it is not a positive whole
    number up to a day: a string, a bool, NaN, a negative or huge value falls back to the default."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return int(value) if 0 < value <= 86_400_000 and value == int(value) else None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


#: The extensions that name what replaces a deprecated operation, parameter or property, in order of
#: preference. Only these: a "use X instead" in free text is too unreliable to quote in a warning.
REPLACEMENT_EXTENSIONS = ("x-speakeasy-deprecation-replacement", "x-deprecated-replacement")


def deprecation_replacement(node: Any) -> str:
    """What the spec says replaces `node` (an operation, parameter or schema); "" when it does not say."""
    if not isinstance(node, dict):
        return ""
    return next((_text(node[key]) for key in REPLACEMENT_EXTENSIONS if _text(node.get(key))), "")


def is_nullable(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    if schema.get("nullable") is True:
        return True
    t = schema.get("type")
    if isinstance(t, list) and "null" in t:
        return True
    if any(isinstance(s, dict) and s.get("type") == "null" for key in ("oneOf", "anyOf") for s in schema.get(key) or []):
        return True
    enum = schema.get("enum")
    return isinstance(enum, list) and None in enum


class Types:
    """Maps schemas to type trees. Every object, enum and union is a `$ref` after normalisation."""

    def __init__(self, schemas: dict[str, Any]) -> None:
        self.schemas = schemas

    def of(self, schema: Any, *, nullable_ok: bool = True) -> TypeNode:
        base = self._base(schema)
        return nullable(base) if nullable_ok and is_nullable(schema) else base

    def base(self, schema: Any) -> TypeNode:
        """The type of `schema` leaving out whether it is nullable."""
        return self._base(schema)

    def _base(self, schema: Any) -> TypeNode:
        if not isinstance(schema, dict) or not schema:
            return ANY
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
            return ModelRef(ref[len(SCHEMA_REF):])
        branches = non_null_branches(schema)
        if branches is not None:
            return union_of(self._base(b) for b in branches)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1:
            return self._base(all_of[0])
        if "const" in schema:
            return LiteralOf((schema["const"],))
        enum = schema.get("enum")
        if isinstance(enum, list) and [v for v in enum if v is not None]:
            return LiteralOf(tuple(v for v in enum if v is not None))
        types = schema.get("type")
        if isinstance(types, list):
            real = [t for t in types if t != "null"]
            if len(real) > 1:
                return union_of(self._base({**schema, "type": t}) for t in real)
            types = real[0] if real else None
        if types in ("string", "integer", "number", "boolean", "null"):
            return scalar(types, schema.get("format"))
        if types == "array" or "items" in schema:
            return ListOf(self.of(schema.get("items") or {}))
        if types == "object" or "additionalProperties" in schema or "properties" in schema:
            extra = schema.get("additionalProperties")
            return MapOf(self.of(extra) if isinstance(extra, dict) and extra else ANY)
        return ANY


class Builder:
    def __init__(
        self, doc: dict[str, Any], schemes: list[SecurityScheme], paged: dict[str, Any] | None = None,
        idempotency_header: str | None = None,
    ) -> None:
        self.doc = doc
        self.paged = dict(paged or {})  # sdkgen.yaml's `pagination:`, by operationId
        self.problems: list[tuple[str, str, tuple[str | int, ...]]] = []
        self.idempotency_header = idempotency_header  # sdkgen.yaml's, for every operation that changes state
        self.scheme_keys = {s.key for s in schemes}
        self.global_security = requirement(doc.get("security"), self.scheme_keys)
        self.schemas: dict[str, Any] = (doc.get("components") or {}).get("schemas") or {}
        self.types = Types(self.schemas)
        self.error_classes: dict[str, str] = {}
        self.error_taken: set[str] | None = None  # lower-case: the schemas' names and the error classes'
        self.error_of: dict[str, str] = {}  # model -> its error class

    def deref(self, node: Any) -> Any:
        return follow_refs(self.doc, node)

    def schema_of(self, schema: Any) -> dict[str, Any]:
        """The component a `$ref` names (one level), or the schema itself."""
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF):
            target = self.schemas.get(ref[len(SCHEMA_REF):])
            return target if isinstance(target, dict) else {}
        return schema if isinstance(schema, dict) else {}

    # -- fields ----------------------------------------------------------------------------------
    def field(self, wire: str, schema: Any, location: str, required: bool, description: str = "", **extra: Any) -> Field:
        schema = schema if isinstance(schema, dict) else {}
        target = self.schema_of(schema)
        desc = description or _text(schema.get("description")) or _text(target.get("description"))
        constraints = {
            k: schema[k]
            for k in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems")
            if k in schema
        }
        example = schema.get("example", extra.pop("example", None))
        has_example = "example" in schema or example is not None
        if not has_example and isinstance(schema.get("examples"), list) and schema["examples"]:
            example, has_example = schema["examples"][0], True
        enum = schema.get("enum") if isinstance(schema.get("enum"), list) else target.get("enum")
        # Popped before the call: a short-circuit `or` would leave it in `extra`, passed twice.
        deprecated = bool(extra.pop("deprecated", False)) or bool(schema.get("deprecated"))
        replacement = extra.pop("replacement", "")
        if deprecated and not replacement:
            replacement = deprecation_replacement(schema)
        nullable_ = is_nullable(schema)
        base = self.types.base(schema)
        return Field(
            name=snake(wire),
            wire_name=wire,
            location=location,  # type: ignore[arg-type]
            type=nullable(base) if nullable_ else base,  # `Types.of`, with the test made once
            required=required,
            nullable=nullable_,
            description=desc,
            deprecated=deprecated,
            replacement=replacement if deprecated else "",
            default=schema.get("default"),
            has_default="default" in schema,
            example=example,
            has_example=has_example,
            enum_values=tuple(v for v in enum or () if v is not None),
            constraints=constraints,
            read_only=schema.get("readOnly") is True or target.get("readOnly") is True,
            write_only=schema.get("writeOnly") is True or target.get("writeOnly") is True,
            **extra,
        )

    def object_fields(self, schema: dict[str, Any]) -> list[Field]:
        """The fields of an object: its allOf parts' in order, then its own properties. A property
        declared more than once (a base and a derived schema both declare `@odata.type`) is one
        field, where it first appears: the later, more specific declaration, required if any is."""
        props = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
        required = set(schema.get("required") or [])
        fields: dict[str, Field] = {}
        declared = [
            *(f for part in schema.get("allOf") or [] for f in self.object_fields(self.schema_of(part))),
            *(self.field(name, sub, "body", name in required) for name, sub in props.items()),
        ]
        for f in declared:
            earlier = fields.get(f.wire_name)
            f.required = f.required or (earlier is not None and earlier.required)
            fields[f.wire_name] = f
        return list(fields.values())

    # -- models ----------------------------------------------------------------------------------
    def models(self) -> dict[str, Model]:
        out: dict[str, Model] = {}
        for name in sorted(self.schemas):
            schema = self.schemas[name] if isinstance(self.schemas[name], dict) else {}
            desc = _text(schema.get("description")) or _text(schema.get("title"))
            common = {"deprecated": bool(schema.get("deprecated")), "inferred": bool(schema.get("x-inferred"))}
            branches = non_null_branches(schema)
            enum = schema.get("enum")
            if isinstance(enum, list) and len([v for v in enum if v is not None]) > 1:
                out[name] = Model(name, "enum", desc, enum_values=tuple(v for v in enum if v is not None), **common)
            elif branches is not None and len(branches) > 1:
                disc = (schema.get("discriminator") or {}).get("propertyName")
                out[name] = Model(name, "union", desc, members=[self.types.of(b) for b in branches], discriminator=disc, **common)
            elif schema.get("properties") or schema.get("allOf") or schema.get("type") == "object":
                out[name] = Model(name, "object", desc, fields=self.object_fields(schema), **common)
            else:
                out[name] = Model(name, "alias", desc, alias_of=self.types.of(schema), **common)
        return out

    # -- operations --------------------------------------------------------------------------
    def operations(self) -> list[Operation]:
        ops: list[Operation] = []
        for path, item in (self.doc.get("paths") or {}).items():
            item = self.deref(item)
            if not isinstance(item, dict):
                continue
            for method in HTTP_METHODS:
                if isinstance(item.get(method), dict):
                    ops.append(self.operation(path, method, item[method], item.get("parameters") or [], item.get("servers")))
        return ops

    def operation(
        self, path: str, method: str, op: dict[str, Any], shared: list[Any], shared_servers: Any = None
    ) -> Operation:
        op_id = op.get("operationId") or f"{method}_{path}"
        group_ext = op.get("x-speakeasy-group")
        if isinstance(group_ext, str) and group_ext.strip():
            parts = [p for p in group_ext.split(".") if p]
        elif op.get("tags"):
            parts = [str(op["tags"][0])]
        else:
            parts = []
        # `client.models.list()`: builtin names and `models` stay; a top-level group is an attribute
        # of the client, which has `close` and `aclose` of its own.
        group = tuple(member_name(p, MEMBER_RESERVED | CLIENT_RESERVED if i == 0 else MEMBER_RESERVED) for i, p in enumerate(parts))
        # so is an operation without a group: a method of the client
        reserved = MEMBER_RESERVED if group else MEMBER_RESERVED | CLIENT_RESERVED
        name = member_name(str(op.get("x-speakeasy-name-override") or op_id), reserved)
        taken = set(OPTION_NAMES)
        params = self.parameters(shared, op.get("parameters") or [], taken)
        body = self.body(op.get("requestBody"), pascal(op_id), taken)
        responses, errors, stream = self.responses(op.get("responses") or {}, op)
        if stream is not None:
            stream.deltas = self.stream_deltas(stream, responses)
        flag = None
        if stream is not None and body is not None and any(r.kind != "stream" for r in responses):
            flag = next((f for f in body.fields if f.wire_name == "stream" and f.type.is_kind("boolean")), None)
        timeout = op.get("x-speakeasy-timeout")
        own_servers = servers(op.get("servers")) or servers(shared_servers)
        paging = self.pagination(op_id, op, ("paths", path, method), params, body, stream is not None)
        return Operation(
            operation_id=op_id,
            method=method.upper(),
            path=path,
            group=group,
            name=name,
            summary=_text(op.get("summary")),
            description=_text(op.get("description")) or _text(op.get("summary")),
            deprecated=bool(op.get("deprecated")),
            replacement=deprecation_replacement(op) if op.get("deprecated") else "",
            params=params,
            body=body,
            responses=responses,
            errors=errors,
            stream=stream,
            stream_flag=flag,
            retries=op.get("x-speakeasy-retries") if isinstance(op.get("x-speakeasy-retries"), dict) else None,
            timeout_ms=timeout_ms(timeout),
            server_url=default_url(own_servers[0]) if own_servers else None,
            # the operation's own `security` overrides the global one, `[]` included
            security=requirement(op["security"], self.scheme_keys) if "security" in op else self.global_security,
            pagination=paging,
            idempotency_header=self.idempotency_key(params, method),
        )

    def idempotency_key(self, params: list[Field], method: str) -> str | None:
        """The header that gets a fresh key per call: the operation's own `Idempotency-Key` parameter,
        else the one sdkgen.yaml names, for methods that are not safe."""
        own = next((f.wire_name for f in params if f.location == "header" and f.wire_name.lower() == "idempotency-key"), None)
        if own is not None:
            return own
        if self.idempotency_header and method.upper() not in ("GET", "HEAD", "OPTIONS"):
            return self.idempotency_header
        return None

    def parameters(self, shared: list[Any], own: list[Any], taken: set[str]) -> list[Field]:
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for raw in [*shared, *own]:  # an operation's own parameter overrides a path-level one
            param = self.deref(raw)
            if isinstance(param, dict) and "name" in param and "in" in param:
                merged[(str(param["in"]), str(param["name"]))] = param
        fields = []
        for (location, wire), param in merged.items():
            if location == "header" and wire.lower() in ("accept", "content-type", "authorization"):
                continue  # set by the SDK itself, as OpenAPI says
            style = str(param.get("style") or DEFAULT_STYLES.get(location, "simple"))
            explode = param.get("explode")
            f = self.field(
                wire, param.get("schema") or {}, location, bool(param.get("required")) or location == "path",
                _text(param.get("description")), deprecated=bool(param.get("deprecated")),
                replacement=deprecation_replacement(param),
                explode=explode if isinstance(explode, bool) else style == "form",
                style=style,
                allow_reserved=param.get("allowReserved") is True,
            )
            if "example" in param:
                f.example, f.has_example = param["example"], True
            f.name = argument_name(f.name, taken)
            fields.append(f)
        # Required parameters first, in spec order: they become positional-friendly keywords.
        return sorted(fields, key=lambda f: not f.required)

    def body(self, raw: Any, op_name: str, taken: set[str]) -> Body | None:
        body = self.deref(raw)
        if not isinstance(body, dict) or not isinstance(body.get("content"), dict) or not body["content"]:
            return None
        content = body["content"]
        preferred = ("application/json", "multipart/form-data", "application/x-www-form-urlencoded")
        ctype = next((c for c in preferred if c in content), None) or next(
            (c for c in content if c.endswith("+json")), None) or min(content)
        schema = (content[ctype] or {}).get("schema") or {}
        type_ = self.types.of(schema)
        target = self.schema_of(schema)
        model = schema["$ref"][len(SCHEMA_REF):] if "$ref" in schema and (target.get("properties") or target.get("allOf")) and non_null_branches(target) is None else None
        fields: list[Field] = []
        if model and ("json" in ctype or "form" in ctype):
            # A `readOnly` property is the server's to set: not an argument (the model does not require it).
            fields = [f for f in self.object_fields(target) if not f.read_only]
            for f in fields:
                f.name = argument_name(f.name, taken)
        if _binary_media(ctype) or schema.get("format") == "binary":
            type_ = BINARY
        files = self.file_parts(target, (content[ctype] or {}).get("encoding")) if ctype == "multipart/form-data" else {}
        return Body(
            ctype, bool(body.get("required")), type_, model if fields else None, fields, _text(body.get("description")),
            files=files,
        )

    def file_parts(self, schema: dict[str, Any], encoding: Any) -> dict[str, str]:
        """The binary properties of a multipart body (wire name -> the part's `encoding` contentType, or "")."""
        out: dict[str, str] = {}
        for wire, prop in (schema.get("properties") or {}).items():
            node = self.types.of(prop).non_null()
            node = node.item if isinstance(node, ListOf) else node
            if node == BINARY:
                enc = encoding.get(wire) if isinstance(encoding, dict) else None
                ctype = enc.get("contentType") if isinstance(enc, dict) else None
                out[str(wire)] = ctype if isinstance(ctype, str) else ""
        return out

    def responses(self, raw: dict[str, Any], op: dict[str, Any]) -> tuple[list[Response], list[Response], Stream | None]:
        ok: list[Response] = []
        errors: list[Response] = []
        stream: Stream | None = None
        for status, raw_response in raw.items():
            response = self.deref(raw_response)
            if not isinstance(response, dict):
                continue
            status = str(status).upper()
            success = status.startswith("2")
            desc = _text(response.get("description"))
            content = response.get("content") or {}
            if not content:
                (ok if success else errors).append(Response(status, "empty", None, None, desc))
                continue
            for ctype, media in content.items():
                schema = (media or {}).get("schema") or {}
                form = stream_format(str(ctype)) if success else None
                if form is not None:
                    if stream is None:  # one stream per operation: the first streaming media type
                        stream = self.stream(str(ctype), form, schema, op)
                        ok.append(Response(status, "stream", ctype, stream.chunk, desc))
                    continue
                kind = "json" if "json" in ctype else "text" if ctype.startswith("text/") else "binary"
                if not schema and kind == "json" and not success:
                    kind = "binary"
                type_ = self.types.of(schema) if kind == "json" else TEXT if kind == "text" else BINARY
                resp = Response(status, kind, ctype, type_, desc)  # type: ignore[arg-type]
                model = type_.single_model()
                if not success and kind == "json" and model is not None:
                    resp.error_class = self.error_class(model)
                (ok if success else errors).append(resp)
        return ok, errors, stream

    # -- pagination --------------------------------------------------------------------------------
    def pagination(
        self, op_id: str, op: dict[str, Any], at: tuple[str, ...], params: list[Field], body: Body | None,
        streams: bool,
    ) -> Pagination | None:
        """The operation's `x-speakeasy-pagination`, or its entry in sdkgen.yaml's `pagination:` (which
        wins). Anything that cannot be followed is a warning (an error with --strict), and the operation
        is then not paged."""
        if op_id in self.paged:
            raw, where, label = self.paged.pop(op_id), at, f"sdkgen.yaml pagination.{op_id}"
        elif "x-speakeasy-pagination" in op:
            raw, where, label = op["x-speakeasy-pagination"], (*at, "x-speakeasy-pagination"), "x-speakeasy-pagination"
        else:
            return None
        try:
            return self._pagination(raw, op, params, body, streams)
        except _Unpaged as exc:
            self.problems.append(("warning", f"{label}: {exc}: the operation is not paged", where))
            return None

    def _pagination(
        self, raw: Any, op: dict[str, Any], params: list[Field], body: Body | None, streams: bool
    ) -> Pagination:
        if not isinstance(raw, dict):
            raise _Unpaged("must be a mapping with a `type`")
        kind = raw.get("type")
        if kind not in ("offsetLimit", "cursor", "url", "link"):
            raise _Unpaged(f"type {kind!r} is not one of offsetLimit, cursor, url, link")
        if streams:
            raise _Unpaged("a streaming operation cannot be paged")
        outputs = raw.get("outputs", {})
        if not isinstance(outputs, dict):
            raise _Unpaged("outputs must be a mapping")
        if "results" in raw:  # sdkgen.yaml's short form: `{type: link, results: "$"}`
            outputs = {**outputs, "results": raw["results"]}
        schema = self._success_schema(op)
        if schema is None:
            raise _Unpaged("the operation has no JSON success response to read pages from")
        if "results" not in outputs and kind != "link":
            raise _Unpaged("outputs.results (where the items are, such as $.data) is missing")
        results = _json_path(outputs.get("results", "$"), "outputs.results")
        paging = Pagination(kind, self._items_type(schema, results), results)  # type: ignore[arg-type]
        inputs = raw.get("inputs", [])
        if not isinstance(inputs, list):
            raise _Unpaged("inputs must be a list")
        for entry in inputs:
            if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("name", "in", "type")):
                raise _Unpaged(f"input {entry!r} needs a name, in and type")
            name, role = entry["name"], entry["type"]
            allowed = {"offsetLimit": ("offset", "page", "limit"), "cursor": ("cursor", "limit")}.get(kind, ())
            if role not in allowed:
                raise _Unpaged(f"input {name!r}: type {role!r} is not one of {', '.join(allowed) or '(none)'} for {kind}")
            field = self._paging_input(entry, params, body)
            if role == "limit":
                paging.limit, paging.limit_in = name, field[0]
            elif paging.input:
                raise _Unpaged(f"inputs name two of offset, page and cursor ({paging.input!r}, {name!r})")
            else:
                paging.input, paging.input_in, paging.input_type = name, field[0], role
                default = field[1]
                if role in ("offset", "page"):
                    paging.start = default if isinstance(default, int) and not isinstance(default, bool) else int(role == "page")
        if kind in ("offsetLimit", "cursor") and not paging.input:
            raise _Unpaged("inputs name no " + ("offset or page" if kind == "offsetLimit" else "cursor") + " argument")
        if kind == "cursor":
            paging.next_cursor = _json_path(outputs.get("nextCursor"), "outputs.nextCursor")
        if kind == "url":
            paging.next_url = _json_path(outputs.get("nextUrl"), "outputs.nextUrl")
        if kind == "offsetLimit" and paging.input_type == "page" and "numPages" in outputs:
            paging.num_pages = _json_path(outputs["numPages"], "outputs.numPages")
        return paging

    def _paging_input(self, entry: dict[str, Any], params: list[Field], body: Body | None) -> tuple[str, Any]:
        """(location, default) of an input of the pagination: a parameter, or a property of the JSON body."""
        name, where = entry["name"], entry["in"]
        if where == "parameters":
            param = next((f for f in params if f.wire_name == name and f.location in ("query", "header", "path")), None)
            if param is None:
                raise _Unpaged(f"input {name!r} is not a query, header or path parameter of the operation")
            return param.location, param.default
        if where == "requestBody":
            if body is None or "json" not in body.content_type:
                raise _Unpaged(f"input {name!r} is in requestBody, but the operation has no JSON body")
            prop = next((f for f in body.fields if f.wire_name == name), None)
            if prop is None and body.fields:
                raise _Unpaged(f"input {name!r} is not a property of the request body")
            return "body", prop.default if prop is not None else None
        raise _Unpaged(f"input {name!r}: in must be parameters or requestBody, not {where!r}")

    def _success_schema(self, op: dict[str, Any]) -> dict[str, Any] | None:
        """The schema of the operation's first JSON success response."""
        for status, raw_response in (op.get("responses") or {}).items():
            response = self.deref(raw_response)
            if not str(status).startswith("2") or not isinstance(response, dict):
                continue
            for ctype, media in (response.get("content") or {}).items():
                if "json" in ctype and isinstance(media, dict) and isinstance(media.get("schema"), dict):
                    return media["schema"]
        return None

    def _items_type(self, schema: Any, path: tuple[str, ...]) -> TypeNode:
        """The type of the items of the array at `path` in `schema`; ANY when the schema does not say."""
        for key in path:
            schema = self._property(schema, key)
            if schema is None:
                return ANY
        target = self.schema_of(schema)
        branches = non_null_branches(target)
        if branches is not None and len(branches) == 1:
            target = self.schema_of(branches[0])
        items = target.get("items")
        return self.types.of(items) if isinstance(items, dict) and (target.get("type") in ("array", None)) else ANY

    def _property(self, schema: Any, key: str) -> Any:
        target = self.schema_of(schema)
        branches = non_null_branches(target)
        if branches is not None and len(branches) == 1:
            target = self.schema_of(branches[0])
        props = target.get("properties")
        if isinstance(props, dict) and key in props:
            return props[key]
        for part in target.get("allOf") or []:
            found = self._property(part, key)
            if found is not None:
                return found
        return None

    def stream(self, ctype: str, form: str, schema: dict[str, Any], op: dict[str, Any]) -> Stream:
        """The stream of a `text/event-stream`, NDJSON / JSON Lines or JSON text sequence response.

        SSE: a `data`-only envelope streams the schema of `data`; an envelope with `event`/`id`/`retry`
        streams the envelope itself (`envelope=False`); any other schema is the chunk each event's data
        carries. Lines and records: the schema is the item, or an array of the items.
        """
        target = self.schema_of(schema)
        envelope = sse_envelope(target) if form == "sse" else None
        if envelope == "data":
            item = target["properties"]["data"]
        elif form != "sse" and target.get("type") == "array" and isinstance(target.get("items"), dict):
            item = target["items"]
        else:
            item = schema
        data = target["properties"]["data"] if envelope == "event" else item
        sentinel = op.get("x-speakeasy-sse-sentinel") if form == "sse" else None
        return Stream(
            self.types.of(item),
            sentinel if isinstance(sentinel, str) else None,
            envelope != "event",
            media_type=ctype.split(";")[0].strip(),
            # an SSE event's data is text: a string item is taken as it is (a JSON line is parsed either way)
            data_text=form == "sse" and self.schema_of(data).get("type") == "string",
        )

    # -- joining an OpenAI-style stream into its response ------------------------------------------
    def stream_deltas(self, stream: Stream, responses: list[Response]) -> StreamDeltas | None:
        """Whether the stream's chunks join into the JSON response, and how (constant work per operation).

        The chunk model must have `choices[]` with an `index` and either a `delta` object (joined into
        the response choice's object field that shares most of its fields: `message`) or the text
        field itself (`text`, as in legacy completions); the response model must have `choices[]` too.
        """
        response = next((r for r in responses if r.kind == "json" and r.type is not None), None)
        if not stream.envelope or response is None or response.type is None:
            return None
        chunk_model, response_model = stream.chunk.single_model(), response.type.single_model()
        if chunk_model is None or response_model is None:
            return None
        chunk_choice = self._choice_fields(chunk_model)
        response_choice = self._choice_fields(response_model)
        if chunk_choice is None or response_choice is None or "index" not in chunk_choice:
            return None
        delta, message, message_fields = "", "", {}
        holder = chunk_choice
        if "delta" in chunk_choice:
            holder = self.schema_of(chunk_choice["delta"]).get("properties") or {}
            best = 0
            for key, sub in response_choice.items():
                fields = self.schema_of(sub).get("properties") or {}
                shared = len(set(fields) & set(holder)) if key not in chunk_choice else 0
                if shared > best:
                    best, message, message_fields = shared, key, fields
            if not message:
                return None
            delta = "delta"
        text = next((k for k in ("content", "text") if self.types.of(holder.get(k)).is_kind("string")), None)
        if text is None or (not delta and text not in response_choice):
            return None
        names = [delta, message, text]
        if any(n and snake(n) != n for n in names):
            return None  # the runtime reads these by attribute: Python name and wire name must agree
        return StreamDeltas(
            response.type, delta, message, text,
            self._constants(self.schemas.get(response_model) or {}), self._constants({"properties": message_fields}),
        )

    def _choice_fields(self, model: str) -> dict[str, Any] | None:
        """The fields of the items of the model's `choices` array."""
        schema = self.schemas.get(model)
        choices = (schema.get("properties") or {}).get("choices") if isinstance(schema, dict) else None
        items = self.schema_of(choices).get("items") if isinstance(choices, dict) else None
        fields = self.schema_of(items).get("properties") if isinstance(items, dict) else None
        return fields if isinstance(fields, dict) else None

    def _constants(self, schema: dict[str, Any]) -> dict[str, Any]:
        """The fields an object fixes to one value (`const`, or an enum of one)."""
        out: dict[str, Any] = {}
        for key, sub in (schema.get("properties") or {}).items():
            sub = self.schema_of(sub)
            enum = sub.get("enum") if isinstance(sub.get("enum"), list) else None
            if "const" in sub:
                out[key] = sub["const"]
            elif enum is not None and len(enum) == 1:
                out[key] = enum[0]
        return {k: v for k, v in out.items() if isinstance(v, (str, int, float, bool))}

    def error_class(self, model: str) -> str:
        """The error class raised with `model` as its body: one per model, named apart from every
        schema and every other error class (a set kept across calls: loket.nl has 2,000 error
        responses and 13,000 schemas)."""
        cls = self.error_of.get(model)
        if cls is not None:
            return cls
        if self.error_taken is None:
            self.error_taken = {m.lower() for m in self.schemas}
        name = model.removesuffix("Data")
        cls = unique(name if name.endswith("Error") else name + "Error", self.error_taken)
        self.error_classes[cls] = model
        self.error_of[model] = cls
        return cls

    # -- groups ------------------------------------------------------------------------------
    def groups(self, operations: list[Operation], client_class: str) -> Group:
        root = Group((), client_class, "sdk")
        index: dict[tuple[str, ...], Group] = {(): root}
        module_taken: set[str] = {"sdk", "models", "utils", "types"}
        # Resource classes share modules with the client and the runtime names they import.
        # Capitalised scalar classes (`UUID`, `Decimal`, `Path`) may be imported there too.
        scalar_classes = {c.name for c in FORMATS.values() if c.name[:1].isupper()}
        class_taken = {n.lower() for n in (*RUNTIME_NAMES, *sorted(scalar_classes), client_class)}
        for op in operations:
            for depth in range(1, len(op.group) + 1):
                key = op.group[:depth]
                if key not in index:
                    cls = "".join(pascal(p) for p in key)
                    if cls.lower() in class_taken:
                        cls += "Resource"
                    # module names as `snake` spells them (`models_`, `list_`): no clash with `models`
                    module = short_name("_".join(snake(p) for p in key))
                    group = Group(key, unique(cls, class_taken), unique(module, module_taken))
                    index[key] = group
                    index[key[:-1]].children.append(group)
            index[op.group].operations.append(op)
        for group in index.values():
            # A method `x` comes with its twin `x_async`: both names must be free, and the client
            # class itself already has `close` and `aclose`.
            taken = {c.attr.lower() for c in group.children} | (set(CLIENT_RESERVED) if not group.path else set())
            for op in group.operations:
                name, n = op.name, 1
                while name.lower() in taken or f"{name}_async".lower() in taken:
                    n += 1
                    name = f"{op.name}{n}"
                op.name = name
                taken |= {name.lower(), f"{name}_async".lower()}
        return root



class _Unpaged(Exception):
    """Why an operation's pagination cannot be followed (reported as a warning)."""


_PATH_KEY = re.compile(r"[^.\[\]$*@?()'\"\s]+")


def _json_path(value: Any, what: str) -> tuple[str, ...]:
    """The keys of a simple JSONPath (`$`, `$.data`, `$.meta.next_cursor`)."""
    if not isinstance(value, str) or not value.strip():
        raise _Unpaged(f"{what} is missing (a JSONPath such as $.data)")
    text = value.strip()
    if text == "$":
        return ()
    parts = text[2:].split(".") if text.startswith("$.") else []
    if not parts or not all(_PATH_KEY.fullmatch(p) for p in parts):
        raise _Unpaged(f"{what} {value!r} is not a simple JSONPath ($ or $.a.b)")
    return tuple(parts)


# The client's own keyword arguments: a server variable's argument takes another name.
CLIENT_ARGUMENTS = {
    "api_key", "server_url", "server_idx", "retry_config", "timeout_ms", "client", "async_client", "hooks", "debug_logger",
}


def servers(raw: Any, taken: set[str] | None = None) -> list[Server]:
    """The servers of a `servers` list (top-level, path or operation), each variable with its argument name."""
    taken = set(CLIENT_ARGUMENTS) if taken is None else taken
    args: dict[str, str] = {}
    out = []
    for entry in raw if isinstance(raw, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str) or not entry["url"]:
            continue
        variables = []
        for name, var in (entry.get("variables") or {}).items():
            var = var if isinstance(var, dict) else {}
            if name not in args:  # one argument per variable name, shared by the servers that have it
                args[name] = argument_name(snake(str(name)), taken)
            enum = tuple(str(v) for v in var.get("enum") or () if v is not None)
            variables.append(ServerVariable(str(name), args[name], str(var.get("default", "")), enum, _text(var.get("description"))))
        out.append(Server(entry["url"], _text(entry.get("description")), variables))
    return out


def _binary_media(ctype: str) -> bool:
    """A media type whose body is raw bytes (sent as a file), not JSON, text or a form."""
    kind = ctype.split(";")[0].strip().lower()
    return (
        "octet-stream" in kind
        or kind.split("/")[0] in ("image", "audio", "video", "font", "*")
        or kind in ("application/pdf", "application/zip", "application/gzip", "application/x-tar")
    )


def default_url(server: Server) -> str:
    """A server's URL with every variable at its default, encoded as the runtime does."""
    url = server.url
    for var in server.variables:
        url = url.replace("{" + var.name + "}", quote(var.default, safe=""))
    return url


def build_api(
    doc: dict[str, Any],
    *,
    client_class: str,
    env_var: str,
    env_prefix: str = "API",
    auth_env: dict[str, tuple[str, ...]] | None = None,
    pagination: Any = None,
    idempotency_header: str | None = None,
) -> Api:
    """The IR of a normalised spec. `pagination`: sdkgen.yaml's `pagination:` (operationId -> paging)."""
    schemes = security_schemes(
        doc, lambda node: follow_refs(doc, node), api_key_env=env_var, env_prefix=env_prefix, auth_env=auth_env or {}
    )
    paged = pagination if isinstance(pagination, dict) else {}
    builder = Builder(doc, schemes, paged, idempotency_header)
    if pagination is not None and not isinstance(pagination, dict):
        builder.problems.append(("warning", "sdkgen.yaml pagination: must map operationIds to their paging: ignored", ()))
    operations = builder.operations()
    for op_id in builder.paged:  # left over: no operation has this id
        builder.problems.append(("warning", f"sdkgen.yaml pagination.{op_id}: no operation has this operationId: ignored", ()))
    root = builder.groups(operations, client_class)
    info = doc.get("info") or {}
    timeout = doc.get("x-speakeasy-timeout")
    retries = doc.get("x-speakeasy-retries")
    return Api(
        title=_text(info.get("title")) or "API",
        version=str(info.get("version", "")),
        description=_text(info.get("description")),
        servers=servers(doc.get("servers"), CLIENT_ARGUMENTS | {scheme.argument for scheme in schemes}),
        schemes=schemes,
        security=builder.global_security,
        root=root,
        operations=operations,
        models=builder.models(),
        retries=retries if isinstance(retries, dict) else None,
        timeout_ms=timeout_ms(timeout),
        error_classes=dict(builder.error_classes),
        problems=builder.problems,
    )
