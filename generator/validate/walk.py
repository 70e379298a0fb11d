"""Where the schemas of an OpenAPI document live: each Schema object with its JSON pointer.

Only schemas physically in the document are visited, each once where it stands (a `$ref` is not
followed: its target is visited where it lives), so every problem gets the pointer a user can open.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Parts = tuple[str | int, ...]
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Keywords whose value is one subschema, a list of them, or a mapping of names to them.
ONE = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
       "additionalItems", "unevaluatedItems", "unevaluatedProperties")
MANY = ("allOf", "anyOf", "oneOf", "prefixItems")
NAMED = ("properties", "patternProperties", "$defs", "dependentSchemas")


def _media(content: Any, at: Parts) -> Iterator[tuple[Parts, Any]]:
    if isinstance(content, dict):
        for ctype, media in content.items():
            if isinstance(media, dict) and "schema" in media:
                yield (*at, ctype, "schema"), media["schema"]


def _parameter(param: Any, at: Parts) -> Iterator[tuple[Parts, Any]]:
    """A Parameter or Header object."""
    if isinstance(param, dict) and "$ref" not in param:
        if "schema" in param:
            yield (*at, "schema"), param["schema"]
        yield from _media(param.get("content"), (*at, "content"))


def _parameters(params: Any, at: Parts) -> Iterator[tuple[Parts, Any]]:
    if isinstance(params, list):
        for i, param in enumerate(params):
            yield from _parameter(param, (*at, i))


def _body(body: Any, at: Parts) -> Iterator[tuple[Parts, Any]]:
    if isinstance(body, dict) and "$ref" not in body:
        yield from _media(body.get("content"), (*at, "content"))


def _response(response: Any, at: Parts) -> Iterator[tuple[Parts, Any]]:
    if isinstance(response, dict) and "$ref" not in response:
        yield from _media(response.get("content"), (*at, "content"))
        headers = response.get("headers")
        if isinstance(headers, dict):
            for name, header in headers.items():
                yield from _parameter(header, (*at, "headers", name))


def _path_item(item: Any, at: Parts) -> Iterator[tuple[Parts, Any]]:
    if not isinstance(item, dict):
        return
    yield from _parameters(item.get("parameters"), (*at, "parameters"))
    for method in METHODS:
        op = item.get(method)
        if not isinstance(op, dict):
            continue
        yield from _parameters(op.get("parameters"), (*at, method, "parameters"))
        yield from _body(op.get("requestBody"), (*at, method, "requestBody"))
        responses = op.get("responses")
        if isinstance(responses, dict):
            for status, response in responses.items():
                yield from _response(response, (*at, method, "responses", status))


def schema_roots(doc: dict[str, Any]) -> list[tuple[Parts, Any]]:
    """Every outermost Schema object of the document (components first), with its pointer."""
    out: list[tuple[Parts, Any]] = []
    components = doc.get("components")
    if isinstance(components, dict):
        for section, walk in (("parameters", _parameter), ("headers", _parameter), ("requestBodies", _body), ("responses", _response)):
            entries = components.get(section)
            if isinstance(entries, dict):
                for name, entry in entries.items():
                    out.extend(walk(entry, ("components", section, name)))
        schemas = components.get("schemas")
        if isinstance(schemas, dict):
            out[:0] = [(("components", "schemas", name), schema) for name, schema in schemas.items()]
    for section in ("paths", "webhooks"):
        items = doc.get(section)
        if isinstance(items, dict):
            for key, item in items.items():
                out.extend(_path_item(item, (section, key)))
    return out


def subschemas(schema: Any, at: Parts) -> Iterator[tuple[Parts, dict[str, Any]]]:
    """`schema` and every schema nested in it (not through `$ref`), depth first, with pointers."""
    stack = [(at, schema)]
    while stack:
        where, node = stack.pop()
        if not isinstance(node, dict):
            continue
        yield where, node
        found: list[tuple[Parts, Any]] = []
        for key in ONE:
            if isinstance(node.get(key), dict):
                found.append(((*where, key), node[key]))
            elif key == "items" and isinstance(node.get(key), list):  # draft-4 tuple form
                found.extend(((*where, key, i), s) for i, s in enumerate(node[key]))
        for key in MANY:
            if isinstance(node.get(key), list):
                found.extend(((*where, key, i), s) for i, s in enumerate(node[key]))
        for key in NAMED:
            if isinstance(node.get(key), dict):
                found.extend(((*where, key, name), s) for name, s in node[key].items())
        stack.extend(reversed(found))


def keyword_at(relative: Parts) -> tuple[Parts, str]:
    """Split a path inside a schema into (the innermost subschema's path, the keyword there).

    `("properties", "color", "enum", 2)` -> `(("properties", "color"), "enum")`.
    """
    i = 0
    while i < len(relative):
        key = relative[i]
        if key in NAMED or key in MANY or key == "items" and i + 1 < len(relative) and isinstance(relative[i + 1], int):
            if i + 2 < len(relative):
                i += 2
                continue
        elif key in ONE and i + 1 < len(relative):
            i += 1
            continue
        return tuple(relative[:i]), str(key)
    return tuple(relative), ""
