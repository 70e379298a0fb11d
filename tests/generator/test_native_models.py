"""The models written without datamodel-code-generator (`generator/emit/native_models.py`) are
byte-identical to what datamodel-code-generator (and our edits of its code) writes for them, on every
fixture spec and the Orq spec; the schemas it does not know are left to datamodel-code-generator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.emit import native_models
from generator.emit.model_modules import model_groups, schema_graph, subclasses_join_cycles
from generator.emit.models import codegen_inputs, generate_models, run_groups, run_inputs
from generator.load import load_spec
from generator.normalize import normalize
from tests.conftest import ORQ_SPEC, SPECS

FIXTURES = sorted([*SPECS.glob("*.yaml"), *SPECS.glob("*.json"), *SPECS.glob("corpus/*.yaml")])
_written: dict[str, int] = {}


def _compare(spec: Path) -> tuple[int, int]:
    """(groups written natively, groups) over both kinds. Asserts that each native fragment is what
    datamodel-code-generator writes in a run over every group, and so is each fragment of the run
    over the other groups (with stubs for the models they reference) that `generate_models` makes."""
    doc = load_spec(spec)
    normalize(doc)
    schemas = (doc.get("components") or {}).get("schemas") or {}
    if not schemas:
        return 0, 0
    components, inputs = codegen_inputs(schemas, "pkg")
    graph = subclasses_join_cycles(components, schema_graph(components))
    groups = model_groups(graph)
    openapi = str(doc.get("openapi", "3.1.0"))
    native = 0
    for kind, source in inputs.items():
        expected = run_groups(kind, groups, source, [], "pkg", openapi, frozenset(source))
        declined = []
        for i, (group, want) in enumerate(zip(groups, expected, strict=True)):
            try:
                got = native_models.fragment(kind, group, source, "pkg")
            except native_models.Unsupported:
                declined.append(i)
                continue
            assert got == want, f"{spec.name}: {kind} code of {group} differs from datamodel-code-generator's"
            native += 1
        if declined:
            context, stubs = run_inputs(source, graph, [n for i in declined for n in groups[i]], sorted(source))
            run = run_groups(kind, [groups[i] for i in declined], context, stubs, "pkg", openapi, frozenset(context))
            for i, got in zip(declined, run, strict=True):
                assert got == expected[i], f"{spec.name}: {kind} code of {groups[i]} differs in a run with stubs"
    return native, 2 * len(groups)


@pytest.mark.parametrize("spec", [ORQ_SPEC, *FIXTURES], ids=lambda p: p.stem)
def test_native_code_is_datamodel_code_generators(spec: Path) -> None:
    native, total = _compare(spec)
    _written[spec.stem] = native
    assert native <= total


def test_the_common_shapes_are_written_natively() -> None:
    """Not a test that passes by declining everything: most Orq groups and every shape in
    native_shapes.yaml but the ones it exists to decline are written here."""
    orq, orq_total = _compare(ORQ_SPEC)
    assert orq >= orq_total // 2
    shapes, shapes_total = _compare(SPECS / "native_shapes.yaml")
    # Left to datamodel-code-generator, of each kind: `Quoted` (a value its quotes change), the group
    # of `Pet` (a discriminated union and its members), `Grid` (a list of lists), `Secret` (a
    # `password`: a `SecretStr` there) and `Listy` (a field `list` of type `list[str]`: renamed there).
    assert shapes == shapes_total - 10


def test_a_native_package_equals_one_datamodel_code_generator_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole models package, with and without the native writer."""
    doc = load_spec(SPECS / "native_shapes.yaml")
    normalize(doc)
    with_native = generate_models(doc, "pkg")

    def decline(*args: object) -> None:
        return None  # as for a group the native writer does not know

    monkeypatch.setattr("generator.emit.models.native_fragment", decline)
    assert generate_models(doc, "pkg") == with_native


def test_nullable_false_is_written_as_datamodel_code_generator_writes_it(tmp_path: Path) -> None:
    """`nullable: false` on an optional property (sportsdata.io, nbg.gr, loket.nl): datamodel-code-generator
    writes `int = None`, without None in the type; the native code is the same, byte for byte. (Kept
    out of the fixture specs: mypy --strict rejects that default, the spec-caused failure the corpus
    benchmark knows on sportsdata.io.)"""
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({
        "openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
        "components": {"schemas": {"Article": {"type": "object", "required": ["Title"], "properties": {
            "ArticleID": {"type": "integer", "nullable": False},
            "Title": {"type": "string", "nullable": False},
            "Tags": {"type": "array", "items": {"type": "string"}, "nullable": False},
        }}}},
    }))
    native, total = _compare(spec)
    assert (native, total) == (2, 2)


_STUBBED = """
openapi: 3.0.3
info: {title: Stubs, version: "1"}
paths:
  /forks:
    get:
      operationId: listForks
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Review'}
components:
  schemas:
    Org: {type: object, properties: {login: {type: string}}}
    License: {type: object, nullable: true, properties: {key: {type: string}, org: {$ref: '#/components/schemas/Org'}}}
    User: {type: object, required: [login], properties: {login: {type: string}, org: {$ref: '#/components/schemas/Org'}}}
    Team: {type: object, nullable: true, properties: {slug: {type: string}, parent: {$ref: '#/components/schemas/Org'}}}
    Shield: {type: object, properties: {color: {type: string}}}
    Badge: {type: object, properties: {label: {type: string}, shield: {$ref: '#/components/schemas/Shield'}}}
    BadgeView: {$ref: '#/components/schemas/Badge', type: object, description: A badge as shown., example: {label: new}}
    Repo:
      type: object
      required: [name]
      properties:
        name: {type: string}
        license: {$ref: '#/components/schemas/License'}
        owner: {$ref: '#/components/schemas/User'}
    Extended:
      description: A subclass of `Repo`, with a field of its own.
      allOf:
        - $ref: '#/components/schemas/Repo'
      properties:
        fork: {type: boolean}
        team: {$ref: '#/components/schemas/Team'}
    Merged:
      description: Parts that both declare `name`, merged into one class.
      allOf:
        - $ref: '#/components/schemas/Repo'
        - type: object
          properties:
            name: {type: string, description: Again.}
            owner: {$ref: '#/components/schemas/User'}
            fork: {type: boolean}
    Reviewer:
      oneOf:
        - $ref: '#/components/schemas/User'
        - {type: string, nullable: true}
    Review:
      type: object
      properties:
        reviewer: {$ref: '#/components/schemas/Reviewer'}
        extended: {$ref: '#/components/schemas/Extended'}
        license: {$ref: '#/components/schemas/License'}
        tags: {type: array, items: {type: string, maxLength: 20}}
        badge: {$ref: '#/components/schemas/BadgeView'}
"""


def test_a_run_is_given_stubs_for_the_models_it_only_names(tmp_path: Path) -> None:
    """The groups left to datamodel-code-generator get the models they only name as stubs (and not
    what those reference); the `allOf` parts it reads whole, and all that the parts it merges and the
    models it copies (a `$ref` with keywords beside it) reference; their code is a full run's, byte
    for byte."""
    spec = tmp_path / "stubs.yaml"
    spec.write_text(_STUBBED)
    native, total = _compare(spec)  # asserts the code of the runs with stubs is the full run's
    assert native < total
    doc = load_spec(spec)
    normalize(doc)
    components, inputs = codegen_inputs(doc["components"]["schemas"], "pkg")
    graph = subclasses_join_cycles(components, schema_graph(components))
    source = inputs["pydantic"]
    declined = [n for n in ("Extended", "Reviewer", "Review", "BadgeView", "Merged") if _declined(n, source)]
    assert declined == ["Extended", "Reviewer", "Review", "BadgeView", "Merged"]

    def stubs_of(context: dict[str, Any]) -> set[str]:
        return {name for name, schema in context.items() if schema.get("properties", {}).keys() == {"stub"}}

    context, _ = run_inputs(source, graph, ["Extended", "Reviewer", "Review", "BadgeView"], sorted(source))
    assert context["Repo"] is source["Repo"]  # a base: its fields are read
    assert stubs_of(context) == {"License", "User", "Team"}
    assert context["License"]["nullable"] is True and "nullable" not in context["User"]
    assert "Org" not in context  # referenced by the stubs' models only
    # A `$ref` with keywords beside it: a copy of the model is written with them, so it is read.
    assert context["Badge"] is source["Badge"] and context["Shield"] is source["Shield"]
    merged, _ = run_inputs(source, graph, ["Merged"], sorted(source))
    assert stubs_of(merged) == set()  # `name` twice: merged, with all its parts reference
    assert {"Repo", "License", "User", "Org"} <= merged.keys()


def _declined(name: str, source: dict[str, object]) -> bool:
    try:
        native_models.fragment("pydantic", (name,), source, "pkg")
    except native_models.Unsupported:
        return True
    return False


_DATES = """
openapi: 3.0.3
info: {title: Dates, version: "1"}
paths: {}
components:
  schemas:
    Version:
      type: object
      required: [since]
      properties:
        since: {type: string, format: date}
        until: {type: string, format: date, nullable: true, description: The last day.}
        seen: {type: string, format: date-time}
        tags: {type: array, items: {type: string}, minimum: 0, minItems: 1, description: A minimum on a list.}
        hours: {type: number, format: double, minimum: 0, maximum: 24, pattern: '^(\\d{1,2})$', nullable: false}
        id: {type: string, format: uuid, pattern: '^[0-9A-F]{8}$', readOnly: true}
        day: {type: string, format: date, maxLength: 10}
        count: {type: integer, minLength: 1, maximum: 3}
        content: {type: object, properties: {}}
        _embedded: {type: array, items: {properties: {}}}
        extra: {properties: {}, nullable: true, description: No type.}
    Owner: {type: object, nullable: true, properties: {login: {type: string}}}
    Holder:
      description: A union with a nullable member.
      oneOf:
        - $ref: '#/components/schemas/Owner'
        - $ref: '#/components/schemas/Version'
    Holding:
      type: object
      required: [holder]
      properties:
        holder: {$ref: '#/components/schemas/Holder'}
        maybe: {$ref: '#/components/schemas/Holder'}
    Dated:
      description: Left to datamodel-code-generator (items with keywords), in a run without `Entry`.
      type: object
      properties:
        on: {type: string, format: date}
        at: {type: string, format: date-time}
        codes: {type: array, items: {type: string, maxLength: 3}}
    Entry:
      type: object
      properties:
        Date: {type: string}
        datetime: {type: string, format: date-time}
        nested:
          type: object
          properties:
            example: {type: object, properties: {date: {type: string}}}
"""


def test_dates_and_the_constraints_datamodel_code_generator_drops(tmp_path: Path) -> None:
    """`format: date` (imported as `date_aliased` where any field is named `date`, as there), the
    constraints datamodel-code-generator drops (a number's or a uuid's `pattern`, a list's
    `minimum`), objects with an empty `properties` and unions with a nullable member: written
    natively, byte for byte."""
    spec = tmp_path / "dates.yaml"
    plain = _DATES.replace("Date: {type: string}", "day: {type: string}").replace("{date: {type: string}}", "{on: {type: string}}")
    nested = _DATES.replace("Date: {type: string}", "day: {type: string}")  # `date` in an inline object only
    for name, text in (("aliased", _DATES), ("nested", nested), ("plain", plain)):
        spec.write_text(text)
        # Asserts each fragment is a full datamodel-code-generator run's: the native ones, and `Dated`'s
        # from a run over the groups left to it, which imports `date as date_aliased` as that one does.
        native, total = _compare(spec)
        assert native == total - 2, name
        doc = load_spec(spec)
        normalize(doc)
        source = codegen_inputs(doc["components"]["schemas"], "pkg")[1]["pydantic"]
        code = native_models.fragment("pydantic", ("Version",), source, "pkg")
        assert ("datetime", "date", None if name == "plain" else "date_aliased") in code.imports
        assert ("datetime", "datetime", "datetime_aliased") in code.imports  # the field `datetime` of Entry


def test_schemas_that_cannot_change_are_not_walked_and_come_out_the_same() -> None:
    """`_unrequired` with the schemas' encodings skips those without a flag or a `$ref` to a flagged
    component, and gives what walking every schema gives: also where the `$ref` sits under a
    property named like a keyword the reference walk skips (`default`, `mapping`, `x-examples`)."""
    from generator import cache
    from generator.emit.models import _unrequired

    flagged = {"$ref": "#/components/schemas/Id"}
    schemas = {
        "Id": {"type": "string", "readOnly": True},
        "Pet": {"type": "object", "required": ["id", "name"], "properties": {"id": flagged, "name": {"type": "string"}}},
        "Owner": {"type": "object", "required": ["pets"], "properties": {"pets": {"type": "array", "items": {
            "type": "object", "required": ["secret"], "properties": {"secret": {"type": "string", "writeOnly": True}}}}}},
        "Plain": {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
        "IdList": {"type": "array", "items": flagged},
        "Defaults": {"type": "object", "required": ["default"], "properties": {"default": flagged}},
        "Mapped": {"type": "object", "properties": {"mapping": {"type": "object", "required": ["x"], "properties": {"x": flagged}}}},
        "Examples": {"type": "object", "properties": {"x-examples": {"type": "object", "required": ["y"], "properties": {"y": flagged}}}},
        "Idea": {"type": "object", "required": ["i"], "properties": {"i": {"$ref": "#/components/schemas/Ideal"}}},
        "Ideal": {"type": "string"},
    }
    encoded = {id(schema): data for schema in schemas.values() if (data := cache.marshalled(schema)) is not None}
    for flags in (("readOnly", "writeOnly"), ("readOnly",)):
        walked, skipped = _unrequired(schemas, flags), _unrequired(schemas, flags, encoded)
        assert skipped == walked
        assert skipped["Plain"] is schemas["Plain"] and skipped["Pet"]["required"] == ["name"]
        assert skipped["Defaults"]["required"] == [] and skipped["Idea"] is schemas["Idea"]
        assert skipped["Mapped"]["properties"]["mapping"]["required"] == []
        assert skipped["Examples"]["properties"]["x-examples"]["required"] == []
    assert _unrequired(schemas, ("readOnly", "writeOnly"), encoded)["Owner"]["properties"]["pets"]["items"]["required"] == []
    assert _unrequired(schemas, ("readOnly",), encoded)["Owner"] is schemas["Owner"]
    components, inputs = codegen_inputs(schemas, "pkg")  # as the pipeline calls it
    assert inputs == {"pydantic": _unrequired(components, ("readOnly", "writeOnly")), "typeddict": _unrequired(components, ("readOnly",))}
