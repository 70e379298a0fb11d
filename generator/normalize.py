"""Give every schema that becomes a Python type a name, before models are generated.

Inline objects, enums and unions are moved to `components/schemas` under names built from where
they stand (`CreateCompletion` + `retry` -> `CreateCompletionRetry`), the way the published SDKs
name them. Afterwards every non-scalar type in a signature is a `$ref`, so the generator knows
each model's name without guessing what datamodel-code-generator would call it. One pass over the
spec; no schema is copied.
"""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import unquote

from generator.load import follow_refs
from generator.naming import class_name, pascal, unique

SCHEMA_REF = "#/components/schemas/"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def non_null_branches(schema: dict[str, Any]) -> list[Any] | None:
    """The non-null members of a oneOf/anyOf, or None if the schema is not a union."""
    for key in ("oneOf", "anyOf"):
        if isinstance(schema.get(key), list):
            return [s for s in schema[key] if not (isinstance(s, dict) and s.get("type") == "null")]
    return None


def needs_name(schema: Any) -> bool:
    """Whether an inline schema becomes a class or alias of its own (objects, enums, unions)."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return False
    if isinstance(schema.get("properties"), dict) and schema["properties"]:
        return True
    enum = schema.get("enum")
    if isinstance(enum, list) and len([v for v in enum if v is not None]) > 1:
        return True
    branches = non_null_branches(schema)
    if branches is not None:
        return len(branches) > 1 or (len(branches) == 1 and needs_name(branches[0]))
    all_of = schema.get("allOf")
    if isinstance(all_of, list):
        return not (len(all_of) == 1 and isinstance(all_of[0], dict) and "$ref" in all_of[0])
    return False


# Media types of success responses that are streams of JSON values, one per line (NDJSON, JSON Lines)
# or one per record (RFC 7464 JSON text sequences); `text/event-stream` is the third kind of stream.
LINE_STREAM_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-lines")
SEQ_STREAM_TYPE = "application/json-seq"
# The fields of a server-sent event: a schema whose properties are `data` and some of these describes the event.
SSE_FIELDS = frozenset({"data", "event", "id", "retry"})


def stream_format(ctype: str) -> str | None:
    """`sse`, `lines` or `json-seq` for the media types that stream; None for the others."""
    ctype = ctype.split(";")[0].strip().lower()
    if ctype == "text/event-stream":
        return "sse"
    if ctype in LINE_STREAM_TYPES:
        return "lines"
    if ctype == SEQ_STREAM_TYPE:
        return "json-seq"
    return None


def sse_envelope(schema: Any) -> str | None:
    """How the (dereferenced) schema of a `text/event-stream` response describes its events.

    `data`: an envelope whose only property is `data`: each event's data is the chunk (the schema of `data`).
    `event`: an envelope with `data` and some of `event`, `id`, `retry`: each event is the schema itself.
    None: the schema is the chunk itself, which each event's data carries (no envelope).
    """
    props = schema.get("properties") if isinstance(schema, dict) else None
    if not isinstance(props, dict) or "data" not in props or not set(props) <= SSE_FIELDS:
        return None
    return "data" if len(props) == 1 else "event"


class Normalizer:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self.schemas: dict[str, Any] = doc.setdefault("components", {}).setdefault("schemas", {}) or {}
        doc["components"]["schemas"] = self.schemas
        self.taken: set[str] = set()

    def run(self) -> None:
        # The nodes that hold a `$ref` or a discriminator, found by the walk for deep refs: where that
        # resolved none, the renames rewrite these, not the whole document again (GitHub: 0.1 s).
        holders: list[dict[str, Any]] = []
        resolved = _resolve_deep_refs(self.doc, self.schemas, holders)
        self._rename_components(None if resolved else holders)
        for name in list(self.schemas):
            self._visit_component(name)
        self._visit_operations()

    # -- names -----------------------------------------------------------------------------
    def _rename_components(self, holders: list[dict[str, Any]] | None) -> None:
        renames: dict[str, str] = {}
        for name in sorted(self.schemas):
            renames[name] = unique(class_name(name), self.taken)
        if all(old == new for old, new in renames.items()):
            return
        self.schemas = {renames[name]: schema for name, schema in self.schemas.items()}
        self.doc["components"]["schemas"] = self.schemas
        _rewrite_refs(self.doc, {SCHEMA_REF + old: SCHEMA_REF + new for old, new in renames.items()}, holders)

    def hoist(self, schema: dict[str, Any], name: str) -> dict[str, Any]:
        """Move `schema` into components under a free name; return the `$ref` that replaces it."""
        final = unique(class_name(name), self.taken)
        self.schemas[final] = schema
        self._visit_component(final)
        return {"$ref": SCHEMA_REF + final}

    def _place(self, schema: Any, name: str) -> Any:
        """A child schema at a place called `name`: hoisted if it needs a name, else visited in place."""
        if not isinstance(schema, dict):
            return schema
        if needs_name(schema):
            # Keep what describes the *use* (description, default, deprecated) on the property.
            return self.hoist(schema, name)
        self._visit_children(schema, name)
        return schema

    # -- walking ---------------------------------------------------------------------------
    def _visit_component(self, name: str) -> None:
        schema = self.schemas[name]
        if isinstance(schema, dict):
            self._visit_children(schema, name)

    def _visit_children(self, schema: dict[str, Any], owner: str) -> None:
        props = schema.get("properties")
        if isinstance(props, dict):
            for prop, sub in props.items():
                props[prop] = self._place(sub, owner + pascal(prop))
        for key in ("items", "additionalProperties", "not"):
            if isinstance(schema.get(key), dict):
                schema[key] = self._place(schema[key], owner if key == "items" else owner + "Value")
        for key in ("oneOf", "anyOf"):
            branches = schema.get(key)
            if isinstance(branches, list):
                real = non_null_branches(schema) or []
                for i, sub in enumerate(branches):
                    if isinstance(sub, dict) and needs_name(sub) and len(real) > 1:
                        title = sub.get("title")
                        branches[i] = self.hoist(sub, class_name(title) if isinstance(title, str) else f"{owner}{i + 1}")
                    else:
                        branches[i] = self._place(sub, owner)
        all_of = schema.get("allOf")
        if isinstance(all_of, list):
            for i, sub in enumerate(all_of):
                all_of[i] = self._place(sub, f"{owner}AllOf{i + 1}")

    def _visit_operations(self) -> None:
        for path, item in (self.doc.get("paths") or {}).items():
            if not isinstance(item, dict):
                continue
            for method in HTTP_METHODS:
                op = item.get(method)
                if isinstance(op, dict):
                    base = pascal(op.get("operationId") or f"{method} {path}")
                    self._visit_operation(op, base, item.get("parameters") or [])

    def _visit_operation(self, op: dict[str, Any], base: str, shared_params: list[Any]) -> None:
        for param in [*shared_params, *(op.get("parameters") or [])]:
            param = self.deref(param)
            if isinstance(param, dict) and isinstance(param.get("schema"), dict):
                param["schema"] = self._place(param["schema"], base + pascal(str(param.get("name", ""))))
        body = self.deref(op.get("requestBody"))
        if isinstance(body, dict):
            for media in (body.get("content") or {}).values():
                if isinstance(media, dict) and isinstance(media.get("schema"), dict):
                    media["schema"] = self._body(media["schema"], base + "RequestBody")
        for status, response in (op.get("responses") or {}).items():
            response = self.deref(response)
            if not isinstance(response, dict):
                continue
            success = str(status).startswith("2")
            for ctype, media in (response.get("content") or {}).items():
                if not (isinstance(media, dict) and isinstance(media.get("schema"), dict)):
                    continue
                kind = stream_format(str(ctype)) if success else None
                if kind == "sse":
                    media["schema"] = self._event(media["schema"], base)
                elif kind is not None:
                    media["schema"] = self._lines(media["schema"], base)
                else:
                    name = base + ("ResponseBody" if success else f"{pascal(str(status))}ErrorData")
                    media["schema"] = self._body(media["schema"], name)

    def _body(self, schema: dict[str, Any], name: str) -> dict[str, Any]:
        """Bodies that are objects always get a model: the SDK validates and documents them."""
        if "$ref" in schema or not (needs_name(schema) or schema.get("type") == "object"):
            return self._place(schema, name)
        return self.hoist(schema, name)

    def _event(self, schema: dict[str, Any], base: str) -> dict[str, Any]:
        """An SSE envelope of `data` alone keeps its shape, its `data` the chunk model; an envelope with
        `event`/`id`/`retry` too is the event model; any other schema is the chunk (see `sse_envelope`)."""
        if "$ref" not in schema and sse_envelope(schema) == "data":
            schema["properties"]["data"] = self._body(schema["properties"]["data"], base + "StreamChunk")
            return schema
        return self._body(schema, base + "StreamEvent")

    def _lines(self, schema: dict[str, Any], base: str) -> dict[str, Any]:
        """A stream of JSON lines (or records): the schema is the item, or an array of the items."""
        items = schema.get("items") if "$ref" not in schema and schema.get("type") == "array" else None
        if isinstance(items, dict):
            schema["items"] = self._body(items, base + "StreamItem")
            return schema
        return self._body(schema, base + "StreamItem")

    def deref(self, node: Any) -> Any:
        return follow_refs(self.doc, node)


# -- deep refs ---------------------------------------------------------------------------------------
# A `$ref` to a schema that is not a component of its own (`#/components/schemas/A/properties/user`,
# `#/components/schemas/Order/allOf/0`, `#/paths/~1status/post/responses/200/content/application~1json/schema`,
# `#/components/parameters/Id/schema`...) is valid JSON Schema, but every later stage names a type by
# its component. Such refs are resolved first: a target that would get a model anyway (an object, enum
# or union) moves to a component of its own, named like the inline schema it is (`A` + `user` ->
# `AUser`; a schema in an operation like the normaliser names it: `CreateUser` + `RequestBody`), and
# its place and every ref to it refer to that; any other target (a scalar, a list of them) is copied
# in place of each ref. Deepest refs first, so a ref into a schema another ref moves still finds it.
_STRUCTURAL = {"properties": "", "items": "", "prefixItems": "", "additionalProperties": "Value", "patternProperties": ""}


def _pointer(ref: str) -> list[str]:
    return [unquote(p).replace("~1", "/").replace("~0", "~") for p in ref[2:].split("/")]


def _schema_root(parts: list[str]) -> int | None:
    """How many leading parts of a pointer name the schema object it is in (a component schema, or
    the `schema` of a parameter, header or media type), or None when it points at no schema."""
    if len(parts) >= 3 and parts[:2] == ["components", "schemas"]:
        return 3
    for i in range(2, len(parts)):
        if parts[i] == "schema" and parts[i - 2] in ("parameters", "headers", "content"):
            return i + 1
    return None


def _is_deep(ref: Any) -> bool:
    """Whether a `$ref` points at a schema that is not a component schema of its own."""
    if not (isinstance(ref, str) and ref.startswith("#/")):
        return False
    parts = _pointer(ref)
    root = _schema_root(parts)
    return root is not None and not (root == 3 == len(parts) and parts[1] == "schemas")


def _deep_refs(doc: Any, holders: list[dict[str, Any]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every node whose `$ref` points at a schema that is not a component schema, by ref. `holders`:
    gets every node with a `$ref` or a `discriminator` (what `_rewrite_refs` rewrites)."""
    found: dict[str, list[dict[str, Any]]] = {}
    stack = [doc]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if _is_deep(ref):
                found.setdefault(ref, []).append(current)
            if holders is not None and ("$ref" in current or "discriminator" in current):
                holders.append(current)
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return found


def _locate(doc: Any, parts: list[str], depth: int = 0) -> tuple[Any, Any, Any]:
    """(container, key, target) of a JSON pointer, following refs met on the way (never the last one)."""
    parent: Any = None
    key: Any = None
    node = doc
    for part in parts:
        for _ in range(50):  # a ref met on the way stands for its target
            ref = node.get("$ref") if isinstance(node, dict) else None
            if not (isinstance(ref, str) and ref.startswith("#/") and part not in node) or depth > 50:
                break
            _, _, node = _locate(doc, _pointer(ref), depth + 1)
        if isinstance(node, dict) and part in node:
            parent, key, node = node, part, node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            parent, key, node = node, int(part), node[int(part)]
        else:
            return None, None, None
    return parent, key, node


def _suffixed(name: str, suffix: str) -> str:
    name = pascal(name)
    return name if name.endswith(suffix) else name + suffix


def _operation_name(doc: dict[str, Any], item: Any, path: str, parts: list[str]) -> str:
    """The name the normaliser gives the schema at `parts` (a parameter's, a body's...) inside the path
    item `item` of `path` (`parts` = [method, ...], or [`parameters`, ...] for a path-level parameter)."""
    item = follow_refs(doc, item)
    if parts[:1] and parts[0] in HTTP_METHODS:
        op = follow_refs(doc, item.get(parts[0]) if isinstance(item, dict) else None)
        op_id = op.get("operationId") if isinstance(op, dict) else None
        base = pascal(op_id if isinstance(op_id, str) and op_id else f"{parts[0]} {path}")
        item, parts = op, parts[1:]
    else:
        base = pascal(path)
    if parts[:1] == ["parameters"] and len(parts) >= 2:
        params = item.get("parameters") if isinstance(item, dict) else None
        index = int(parts[1]) if parts[1].isdigit() else -1
        param = follow_refs(doc, params[index]) if isinstance(params, list) and 0 <= index < len(params) else None
        name = param.get("name") if isinstance(param, dict) else None
        return base + pascal(name if isinstance(name, str) and name else f"param {parts[1]}")
    if parts[:1] == ["requestBody"]:
        return base + "RequestBody"
    if parts[:1] == ["responses"] and len(parts) >= 2:
        if "headers" in parts:
            return base + _suffixed(parts[parts.index("headers") + 1], "Header")
        return base + ("ResponseBody" if parts[1].startswith("2") else f"{pascal(parts[1])}ErrorData")
    return base + "".join(pascal(p) for p in parts if p not in ("content", "schema") and "/" not in p)


def _root_name(doc: dict[str, Any], parts: list[str]) -> str:
    """A name for the schema object at `parts` (what `_schema_root` found), from where it stands."""
    if parts[0] in ("paths", "webhooks") and len(parts) >= 3:
        return _operation_name(doc, (doc.get(parts[0]) or {}).get(parts[1]), parts[1], parts[2:])
    if parts[0] == "components" and len(parts) >= 3:
        kind, name, rest = parts[1], parts[2], parts[3:]
        if kind == "schemas" or kind == "parameters":
            return pascal(name)
        if "headers" in rest:
            return pascal(name) + _suffixed(rest[rest.index("headers") + 1], "Header")
        if kind == "headers":
            return _suffixed(name, "Header")
        if kind == "requestBodies":
            return _suffixed(name, "RequestBody")
        if kind == "responses":
            return _suffixed(name, "Response")
        if kind == "pathItems" and rest:
            return _operation_name(doc, (doc["components"].get("pathItems") or {}).get(name), name, rest)
    return "".join(pascal(p) for p in parts if p not in ("components", "content", "schema") and "/" not in p)


def _deep_name(doc: dict[str, Any], parts: list[str]) -> str:
    root = _schema_root(parts) or len(parts)
    name = _root_name(doc, parts[:root])
    inside = parts[root - 1:]  # the root's last part, then the path inside it
    for i, part in enumerate(inside[1:], 1):
        if part in _STRUCTURAL and inside[i - 1] not in ("properties", "patternProperties"):
            name += _STRUCTURAL[part]
        elif part.isdigit() and inside[i - 1] in ("allOf", "oneOf", "anyOf", "prefixItems"):
            name += str(int(part) + 1)
        else:
            name += pascal(part)
    return class_name(name)


def _resolve_deep_refs(doc: dict[str, Any], schemas: dict[str, Any], holders: list[dict[str, Any]] | None = None) -> bool:
    """Give each schema a deep `$ref` names a component of its own (or inline a scalar); whether
    there was any. `holders`: as for `_deep_refs`, of the document before."""
    refs = _deep_refs(doc, holders)
    if not refs:
        return False
    taken = {name.lower() for name in schemas}
    for ref in sorted(refs, key=lambda r: (-r.count("/"), r)):
        parent, key, target = _locate(doc, _pointer(ref))
        nodes = refs[ref]
        if isinstance(target, dict) and target.get("$ref") == ref:
            target = {}  # a ref to itself: nothing to follow
        if isinstance(target, dict) and isinstance(target.get("$ref"), str):
            new_ref = target["$ref"]  # a ref to a ref: follow it
        elif isinstance(target, dict) and parent is not None and (
            needs_name(target) or target.get("type") == "object" or _deep_refs(target)
        ):
            name = unique(_deep_name(doc, _pointer(ref)), taken)
            schemas[name] = target
            parent[key] = {"$ref": SCHEMA_REF + name}
            new_ref = SCHEMA_REF + name
        else:
            for node in nodes:  # a scalar, or not a schema at all (then: any value)
                rest = {k: v for k, v in node.items() if k != "$ref"}
                node.clear()
                node.update({**copy.deepcopy(target if isinstance(target, dict) else {}), **rest})
            continue
        for node in nodes:
            node["$ref"] = new_ref
        if new_ref in refs:  # a deep ref still to resolve: these nodes follow it
            refs[new_ref].extend(nodes)
    return True


def _rewrite_refs(node: Any, mapping: dict[str, str], holders: list[dict[str, Any]] | None = None) -> None:
    """Point every `$ref`, and every target of a discriminator's `mapping` (a `$ref` or a bare schema
    name, which becomes a `$ref`), at the renamed schemas. `holders`: every node of `node` with a
    `$ref` or a `discriminator`, when known (then nothing else is visited)."""
    stack: list[Any] = [node] if holders is None else list(holders)
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str) and ref in mapping:
                current["$ref"] = mapping[ref]
            disc = current.get("discriminator")
            targets = disc.get("mapping") if isinstance(disc, dict) else None
            if isinstance(targets, dict):
                for tag, target in targets.items():
                    if isinstance(target, str) and (target in mapping or SCHEMA_REF + target in mapping):
                        targets[tag] = mapping.get(target) or mapping[SCHEMA_REF + target]
            if holders is None:
                stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


def mark_binary_uploads(doc: dict[str, Any]) -> None:
    """OpenAPI 3.1 writes a file to upload as a string with `contentMediaType` and no `contentEncoding`;
    give those `format: binary`, the 3.0 spelling the generator reads, in request bodies (multipart
    properties and their array items, whole non-JSON bodies)."""
    for item in (doc.get("paths") or {}).values():
        item = follow_refs(doc, item)
        for method in HTTP_METHODS:
            op = item.get(method) if isinstance(item, dict) else None
            body = follow_refs(doc, op.get("requestBody")) if isinstance(op, dict) else None
            content = body.get("content") if isinstance(body, dict) else None
            for ctype, media in (content or {}).items() if isinstance(content, dict) else ():
                schema = follow_refs(doc, media.get("schema")) if isinstance(media, dict) else None
                if not isinstance(schema, dict):
                    continue
                if ctype == "multipart/form-data":
                    for prop in (schema.get("properties") or {}).values():
                        prop = follow_refs(doc, prop)
                        items = follow_refs(doc, prop.get("items")) if isinstance(prop, dict) else None
                        for node in (prop, items):
                            _mark_binary(node)
                elif "json" not in ctype and "form" not in ctype and not ctype.startswith("text/"):
                    _mark_binary(schema)


def _mark_binary(node: Any) -> None:
    if (
        isinstance(node, dict)
        and node.get("type") == "string"
        and "contentMediaType" in node
        and "contentEncoding" not in node
        and "format" not in node
    ):
        node["format"] = "binary"


def normalize(doc: dict[str, Any]) -> None:
    mark_binary_uploads(doc)
    Normalizer(doc).run()
