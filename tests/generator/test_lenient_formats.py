"""`lenient_formats`: every formatted class in a model type is written `Annotated[X, Formatted()]`."""

from __future__ import annotations

from generator.emit.models import generate_models


def test_every_formatted_class_at_any_depth_and_under_an_import_alias() -> None:
    doc = {
        "openapi": "3.1.0", "info": {"title": "t", "version": "0"}, "paths": {},
        "components": {"schemas": {
            "M": {"type": "object", "required": ["date"], "properties": {
                "date": {"type": "string", "format": "date"},  # a field named like the class: imported as an alias
                "ids": {"type": "array", "items": {"type": "string", "format": "uuid4"}, "maxItems": 3},
                "when": {"anyOf": [{"type": "string", "format": "date-time"}, {"type": "integer"}]},
                "net": {"type": "string", "format": "ipv6-network"},
                "note": {"type": "string", "format": "email"},
                "when_literal": {"const": "date"},
            }},
            "Stamp": {"type": "string", "format": "date-time"},
        }},
    }
    source = "\n".join(generate_models(doc, "pkg").modules.values())
    assert "    date: Annotated[date_aliased, Formatted()]\n" in source
    assert "ids: Annotated[list[Annotated[UUID4, Formatted()]] | None, Constraints(max_length=3)] = None" in source
    assert "when: Annotated[datetime, Formatted()] | int | None = None" in source
    assert "net: Annotated[IPv6Network, Formatted()] | None = None" in source
    assert "note: str | None = None" in source
    assert 'Stamp = TypeAliasType("Stamp", Annotated[datetime, Formatted()])' in source
    assert source.count("Formatted()") == 5
