"""Example values for every field of a request body, derived from the committed spec's JSON schemas.

Every property of every object is filled in, so a contract test sends each parameter; a union takes
its first branch that is not `null`. Written here because the example generators on PyPI target
JSON Schema draft test suites or need a running validator, and this is all the contract test needs.
"""

from __future__ import annotations

from typing import Any


class Examples:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            node: Any = self.spec
            for part in schema["$ref"].removeprefix("#/").split("/"):
                node = node[part]
            schema = {**node, **{k: v for k, v in schema.items() if k != "$ref"}}
        return schema

    def value(self, schema: dict[str, Any], name: str = "", depth: int = 0) -> Any:
        schema = self.resolve(schema)
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return next((v for v in schema["enum"] if v is not None), None)
        if schema.get("examples"):
            return schema["examples"][0]
        if "example" in schema:
            return schema["example"]
        if "allOf" in schema:
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                merged.update(self.value(part, name, depth) or {})
            return merged
        for key in ("oneOf", "anyOf"):
            if key in schema:
                branches = [b for b in schema[key] if self.resolve(b).get("type") != "null"]
                return self.value(branches[0], name, depth)
        kind = schema.get("type", "object" if "properties" in schema else "string")
        if isinstance(kind, list):
            kind = next(k for k in kind if k != "null")
        if kind == "object":
            props = schema.get("properties") or {}
            if depth > 6:
                return {k: self.value(props[k], k, depth + 1) for k in schema.get("required", [])}
            out = {k: self.value(v, k, depth + 1) for k, v in props.items()}
            if not props and isinstance(schema.get("additionalProperties"), dict):
                out = {"key": self.value(schema["additionalProperties"], "key", depth + 1)}
            return out
        if kind == "array":
            return [self.value(schema.get("items") or {}, name, depth + 1)]
        if kind == "boolean":
            return True
        if kind in ("integer", "number"):
            low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
            high = schema.get("maximum", schema.get("exclusiveMaximum", low + 2))
            middle = (low + high) / 2
            return (
                int(middle)
                if kind == "integer" and int(middle) > low or kind == "integer"
                else middle
            )
        if schema.get("format") == "uri":
            return "https://example.com/x"
        if schema.get("format") == "date-time":
            return "2024-01-01T00:00:00Z"
        return f"{name or 'text'}-value"[: schema.get("maxLength", 100)]
