"""Validate a bundled spec with openapi-spec-validator and report the first error with its place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openapi_spec_validator.validation.exceptions import OpenAPIValidationError


from generator.errors import SpecError
from generator.loader import line_of, pointer_str


def validate_spec(doc: dict[str, Any], path: Path) -> None:
    """Raise SpecError naming the JSON pointer (and line, where the file has it) of the first problem."""
    version = str(doc.get("openapi", ""))
    if not version.startswith(("3.0", "3.1")):
        found = version or ("swagger " + str(doc["swagger"]) if "swagger" in doc else "none")
        raise SpecError(f"only OpenAPI 3.0 and 3.1 are supported (openapi: {found})", where=str(path))
    from openapi_spec_validator import validate

    try:

        validate(doc, base_uri=path.resolve().as_uri())
    except OpenAPIValidationError as exc:
        parts: list[str | int] = list(getattr(exc, "absolute_path", []) or [])
        line = line_of(path, parts) if parts else None
        loc = f"{path}:{line}" if line else str(path)
        raise SpecError(f"invalid OpenAPI spec: {exc.message}", where=f"{loc}, {pointer_str(parts)}") from None
    except Exception as exc:  # the validator raises its own types for unsupported versions
        raise SpecError(f"invalid OpenAPI spec: {exc}", where=str(path)) from None
