"""Lenient validation: each slip a warning (file:line, pointer) and repaired, all problems in one run,
`--strict` makes them fatal, truly broken specs list every error located, same in the parallel path."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from generator import pipeline, validate
from generator.errors import OutputError
from generator.load import load_spec
from tests.conftest import GOLDEN_SPECS, ORQ_PREVIOUS_SPEC, ORQ_SPEC, run, tool

# The property under test goes on line 18, at #/components/schemas/Thing/properties/value.
TEMPLATE = """\
openapi: {version}
info: {{title: Slip, version: '1'}}
paths:
  /things:
    get:
      operationId: listThings
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Thing'}}
components:
  schemas:
    Thing:
      type: object
      properties:
        value: {prop}
        other: {{type: string}}
"""
LINE = 18
AT = "#/components/schemas/Thing/properties/value"


def spec_file(tmp_path: Path, prop: str, version: str = "3.0.3") -> Path:
    spec = tmp_path / "spec.yaml"
    spec.write_text(TEMPLATE.format(version=version, prop=prop))
    return spec


def generate(spec: Path, out: Path, *extra: str):
    return run([tool("sdkgen"), "generate", str(spec), "-o", str(out), *extra])


def inspect_model(out: Path, code: str) -> object:
    """Run `code` (which sets `result`) in a fresh interpreter with the generated SDK importable."""
    script = f"import json, sys\nsys.path.insert(0, {str(out / 'src')!r})\nfrom slip_sdk.models import Thing\n{code}\nprint(json.dumps(result))"
    proc = run([sys.executable, "-c", script])
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


FIELD_DEFAULT = "result = repr(Thing.model_fields['value'].default)"
SLIPS = {
    # kind: (the property, pointer below AT, message part, code run on the generated model, expected)
    "integer default 'inf'": ('{type: integer, default: "inf"}', "/default", "default 'inf' is not of type integer: dropped", FIELD_DEFAULT, "None"),
    "boolean default 'true'": ('{type: boolean, default: "true"}', "/default", "default 'true' is not of type boolean: dropped", FIELD_DEFAULT, "None"),
    "default not in its enum": ("{type: string, enum: [red, green], default: blue}", "/default", "default 'blue' is not one of the enum values: dropped", FIELD_DEFAULT, "None"),
    "duplicate enum values": (
        "{type: string, enum: [red, green, red]}", "/enum/2", "duplicate enum value 'red': merged",
        "from slip_sdk.models import ThingValue\nresult = [m.value for m in ThingValue]", ["red", "green"],
    ),
    "example of the wrong type": ('{type: integer, example: "big"}', "/example", "example 'big' is not of type integer: dropped", "result = Thing.model_fields['value'].annotation is not None", True),
    "definitions from Swagger 2": (
        "{type: object, definitions: {Old: {type: string}}, properties: {a: {type: string}}}", "/definitions",
        "'definitions' is a Swagger 2 leftover: ignored",
        "import slip_sdk.models as m\nresult = [hasattr(m, 'Old'), sorted(m.ThingValue.model_fields)]", [False, ["a"]],
    ),
    "nullable without type": ("{nullable: true, description: anything}", "/nullable", "nullable without type has no effect", FIELD_DEFAULT, "None"),
    "unknown format": ("{type: string, format: weird-format}", "/format", "unknown format 'weird-format'", "result = str(Thing.model_fields['value'].annotation)", "str | None"),
    "wrong-typed constraint": ('{type: integer, minimum: "5"}', "/minimum", "minimum '5' is not a", "result = Thing(value=-1).value", -1),
    "malformed xml object": (
        "{type: string, xml: {name: v, example: x}}", "/xml", "xml {'name': 'v', 'example': 'x'} is not an OpenAPI xml object: dropped",
        FIELD_DEFAULT, "None",
    ),
    "pattern pydantic cannot compile": (
        "{type: string, pattern: '[[A-Z0-9]{1,18}'}", "/pattern",
        "pattern '[[A-Z0-9]{1,18}' is not a regular expression pydantic can compile: dropped",
        "result = Thing(value='[[').value", "[[",
    ),
    "required property not defined": (
        "{type: object, required: [a, ghost], properties: {a: {type: string}}}", "/required",
        "required property 'ghost' is not defined in properties: dropped from required",
        "from slip_sdk.models import ThingValue\nresult = sorted(n for n, f in ThingValue.model_fields.items() if f.is_required())", ["a"],
    ),
}


@pytest.mark.parametrize("kind", sorted(SLIPS))
def test_a_slip_is_a_located_warning_and_generation_takes_the_useful_reading(kind: str, tmp_path: Path) -> None:
    prop, pointer, message, code, expected = SLIPS[kind]
    spec = spec_file(tmp_path, prop)
    proc = generate(spec, tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("sdkgen: warning: ")]
    assert warnings[0].startswith(f"sdkgen: warning: {spec}:{LINE}, {AT}{pointer}: {message}"), proc.stderr
    assert warnings[-1] == f"sdkgen: warning: {spec}: 1 warning, repaired or ignored (--strict makes them errors)"
    assert len(warnings) == 2, proc.stderr
    assert inspect_model(tmp_path / "out", code) == expected


THREE = (
    '{type: object, properties: {n: {type: integer, default: "inf"}, '
    'c: {type: string, enum: [a, b, a]}, e: {type: boolean, example: "yes"}}}'
)
THREE_EXPECTED = [
    f"{AT}/properties/c/enum/2: duplicate enum value 'a': merged",
    f"{AT}/properties/e/example: example 'yes' is not of type boolean: dropped",
    f"{AT}/properties/n/default: default 'inf' is not of type integer: dropped",
]


def test_the_warnings_are_printed_when_writing_fails(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    spec = spec_file(tmp_path, THREE)

    def full_disk(*args: object, **kwargs: object) -> dict[str, bytes]:
        raise OutputError("no space left on device", where=str(tmp_path))

    monkeypatch.setattr(pipeline, "write_formatted", full_disk)
    (tmp_path / "out").mkdir()
    with pytest.raises(OutputError):
        pipeline.build_into(spec, tmp_path / "out")
    assert capsys.readouterr().err.count("sdkgen: warning: ") == 4


def test_three_problems_are_reported_in_one_run(tmp_path: Path) -> None:
    spec = spec_file(tmp_path, THREE)
    proc = generate(spec, tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        *(f"sdkgen: warning: {spec}:{LINE}, {line}" for line in THREE_EXPECTED),
        f"sdkgen: warning: {spec}: 3 warnings, repaired or ignored (--strict makes them errors)",
    ]


def test_strict_makes_every_problem_fatal_and_lists_them_all(tmp_path: Path) -> None:
    spec = spec_file(tmp_path, THREE)
    proc = generate(spec, tmp_path / "out", "--strict")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines() == [
        *(f"sdkgen: error: {spec}:{LINE}, {line}" for line in THREE_EXPECTED),
        f"sdkgen: error: {spec}: invalid OpenAPI spec: 3 warnings (--strict: warnings are fatal)",
    ]
    assert not (tmp_path / "out").exists()  # nothing written


def test_strict_from_sdkgen_yaml_and_on_check(tmp_path: Path) -> None:
    folder = tmp_path / "spec" / "slip"
    folder.mkdir(parents=True)
    spec_file(folder, THREE)
    config = folder / "sdkgen.yaml"
    config.write_text("spec: spec.yaml\noutput: ../../generated/slip\n")
    assert run([tool("sdkgen"), "generate"], cwd=tmp_path).returncode == 0
    proc = run([tool("sdkgen"), "check", "--strict"], cwd=tmp_path)
    assert proc.returncode == 2 and "3 warnings (--strict: warnings are fatal)" in proc.stderr, proc.stderr
    config.write_text(config.read_text() + "strict: true\n")
    for command in (["generate"], ["check"]):
        proc = run([tool("sdkgen"), *command], cwd=tmp_path)
        assert proc.returncode == 2, proc.stderr
        assert len([line for line in proc.stderr.splitlines() if "#/components/schemas/Thing" in line]) == 3
    config.write_text("spec: spec.yaml\noutput: ../../generated/slip\nstrict: maybe\n")
    assert run([tool("sdkgen"), "generate"], cwd=tmp_path).returncode == 3  # ConfigError


BROKEN = """\
openapi: 3.0.3
info: {title: Broken}
paths:
  /things/{id}:
    get: [not, a, mapping]
    post:
      operationId: makeThing
      parameters:
        - in: query
          schema: {type: string}
      responses:
        '200': {description: ok}
components:
  schemas:
    Thing:
      type: integr
      properties:
        a: {type: string, default: 5}
"""


def test_a_broken_spec_lists_every_error_with_line_and_pointer(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text(BROKEN)
    proc = generate(spec, tmp_path / "out")
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.splitlines()
    assert lines == [
        f"sdkgen: error: {spec}:2, #/info: 'version' is a required property",
        f"sdkgen: error: {spec}:5, #/paths/~1things~1{{id}}/get: ['not', 'a', 'mapping'] is not of type 'object'",
        f"sdkgen: error: {spec}:9, #/paths/~1things~1{{id}}/post/parameters/0: 'name' is a required property",
        (
            f"sdkgen: error: {spec}:16, #/components/schemas/Thing/type: 'integr' is not one of "
            "['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']"
        ),
        f"sdkgen: warning: {spec}:7, #/paths/~1things~1{{id}}/post: path parameter 'id' of /things/{{id}} is not declared: taken as a required string",
        f"sdkgen: warning: {spec}:18, #/components/schemas/Thing/properties/a/default: default 5 is not of type string: dropped",
        f"sdkgen: error: {spec}: invalid OpenAPI spec: 4 errors, 2 warnings",
    ]
    for line in lines[:-1]:
        assert re.match(rf"sdkgen: (error|warning): {re.escape(str(spec))}:\d+, #/\S", line), line
    assert not (tmp_path / "out").exists()


def test_every_unresolvable_ref_is_reported_at_once(tmp_path: Path) -> None:
    spec = spec_file(tmp_path, "{$ref: '#/components/schemas/Nope'}")
    spec.write_text(spec.read_text().replace("other: {type: string}", "other: {$ref: '#/components/schemas/Nada'}"))
    proc = generate(spec, tmp_path / "out")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[:2] == [
        f"sdkgen: error: {spec}:{LINE}, {AT}: unresolvable $ref '#/components/schemas/Nope'",
        f"sdkgen: error: {spec}:{LINE + 1}, #/components/schemas/Thing/properties/other: unresolvable $ref '#/components/schemas/Nada'",
    ]


def test_the_parallel_path_reports_the_same(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    spec = spec_file(tmp_path, THREE, version="3.1.0")
    _, _, serial = pipeline.render_files(spec)
    in_process = capsys.readouterr().err
    assert in_process.count("sdkgen: warning:") == 4, in_process
    monkeypatch.setattr(validate, "PARALLEL_VALIDATION_THRESHOLD", 0)
    _, _, parallel = pipeline.render_files(spec)
    assert capsys.readouterr().err == in_process  # the same warnings, printed once
    assert parallel == serial  # and the same repairs

    broken = tmp_path / "broken.yaml"
    broken.write_text(BROKEN)
    problems = []
    for threshold in (10**9, 0):
        monkeypatch.setattr(validate, "PARALLEL_VALIDATION_THRESHOLD", threshold)
        with pytest.raises(validate.SpecProblems) as info:
            pipeline.render_files(broken)
        problems.append(info.value.problems)
    assert problems[0] == problems[1] and len(problems[0]) == 6


def test_many_warnings_are_capped(tmp_path: Path) -> None:
    props = ", ".join(f"p{i}: {{type: integer, default: x}}" for i in range(60))
    spec = spec_file(tmp_path, f"{{type: object, properties: {{{props}}}}}")
    doc = load_spec(spec)
    text = validate.format_warnings(validate.validate_spec(doc, spec))
    lines = text.splitlines()
    assert len(lines) == 52 and lines[-2] == "sdkgen: warning: ... and 10 more"
    assert lines[-1].endswith("60 warnings, repaired or ignored (--strict makes them errors)")


@pytest.mark.parametrize("spec", [ORQ_SPEC, ORQ_PREVIOUS_SPEC, *(path for _, (path, _) in sorted(GOLDEN_SPECS.items()))], ids=lambda p: p.name)
def test_valid_specs_have_no_problems(spec: Path) -> None:
    assert validate.validate_spec(load_spec(spec), spec) == []


def test_patterns_are_kept_when_the_models_engine_compiles_them(tmp_path: Path) -> None:
    """Unicode classes (Rust engine) and lookarounds (Python's `re`) stay and are enforced."""
    # Separate models: datamodel-code-generator gives a whole model Python's engine when one of its
    # patterns has a lookaround (a model mixing both kinds is not handled).
    spec = spec_file(tmp_path, "{type: object, properties: {u: {type: string, pattern: '^\\P{C}+$'}, "
                               "inner: {type: object, properties: {look: {type: string, pattern: '^(?!x)[a-z]+$'}}}}}")
    out = tmp_path / "out"
    proc = generate(spec, out)
    assert proc.returncode == 0 and "pattern" not in proc.stderr, proc.stderr
    result = inspect_model(out, """
from slip_sdk.models import ThingValue
import pydantic
def ok(**kw):
    try:
        ThingValue(**kw)
        return True
    except pydantic.ValidationError:
        return False
result = [ok(u="héllo"), ok(u="a\\u0007"), ok(inner={"look": "abc"}), ok(inner={"look": "xyz"})]""")
    assert result == [True, False, True, False]


PATHS_SLIPS = """\
openapi: 3.0.3
info: {title: Slip, version: '1'}
paths:
  /search?q={q}:
    get:
      operationId: search
      parameters: [{name: q, in: query, schema: {type: string}}]
      responses: {'200': {description: ok}}
  /items/{item_id}:
    parameters: [{name: unused, in: path, required: true, schema: {type: string}}]
    get:
      operationId: getItem
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: string}}
      responses: {'200': {description: ok}}
    delete:
      operationId: getItem
      responses: {'204': {description: gone}}
"""


def test_url_and_operation_slips_are_warnings_with_a_useful_reading(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(PATHS_SLIPS)
    out = tmp_path / "out"
    proc = generate(spec, out)
    assert proc.returncode == 0, proc.stderr
    warnings = re.findall(r"^sdkgen: warning: [^,]+, #/\S*: (.*)$", proc.stderr, re.MULTILINE)
    assert warnings == [
        "path '/search?q={q}' has a query string: cut to '/search' (declare query parameters with in: query)",
        "path parameter 'item_id' of /items/{item_id} is not declared: taken as a required string",
        "path parameter 'unused' does not appear in the path /items/{item_id}: ignored",
        "parameter 'limit' (in: query) is declared twice: the last one is used",
        "path parameter 'item_id' of /items/{item_id} is not declared: taken as a required string",
        "path parameter 'unused' does not appear in the path /items/{item_id}: ignored",
        "operationId 'getItem' is also used at /items/{item_id}/get: renamed 'getItem2'",
    ]
    _, api, _ = pipeline.load_api(spec)
    ops = {op.operation_id: op for op in api.operations}
    assert sorted(ops) == ["getItem", "getItem2", "search"]
    assert ops["search"].path == "/search"
    assert [(f.wire_name, f.location, f.required) for f in ops["getItem"].params] == [("item_id", "path", True), ("limit", "query", False)]
    assert ops["getItem"].params[1].type.annotation() == "str"  # the last declaration
    assert [(f.wire_name, f.location) for f in ops["getItem2"].params] == [("item_id", "path")]
    assert run([tool("sdkgen"), "generate", str(spec), "-o", str(tmp_path / "strict"), "--strict"]).returncode == 2


FIXED_QUERY = """\
openapi: 3.0.3
info: {title: Slip, version: '1'}
paths:
  /jobs:
    get:
      operationId: listJobs
      responses: {'200': {description: ok}}
  /jobs?op=LISTAFTERID:
    get:
      operationId: listJobsAfterId
      parameters: [{name: after, in: query, schema: {type: string}}]
      responses: {'200': {description: ok}}
"""


def test_a_query_string_that_tells_operations_apart_stays_as_fixed_parameters(tmp_path: Path) -> None:
    """Azure's hdinsight-job and openSUSE's obs specs key operations by `/jobs?op=...` beside `/jobs`."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(FIXED_QUERY)
    proc = generate(spec, tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    assert "path '/jobs?op=LISTAFTERID' has a query string, and '/jobs' is taken: it is sent as fixed query parameters" in proc.stderr
    _, api, _ = pipeline.load_api(spec)
    assert sorted(op.path for op in api.operations) == ["/jobs", "/jobs?op=LISTAFTERID"]


def test_lines_of_a_json_spec_match_a_yaml_reading_of_it(tmp_path: Path) -> None:
    """JSON files are located by a walk of their text (PyYAML's compose takes seconds on a spec of many
    MB); every pointer gets the line PyYAML gives, escapes, nesting and empty containers included."""
    import random

    import yaml

    from generator.load import Lines

    doc = {
        "openapi": "3.1.0",
        "info": {"title": "caf\u00e9 \"quoted\" \\ slash", "version": "1"},
        "paths": {f"/p{i}/{{id}}": {"get": {"parameters": [{"name": "a~b/c", "in": "query"}, {}], "responses": {"200": {"description": "ok", "content": {}}}}} for i in range(30)},
        "components": {"schemas": {"S": {"type": "object", "properties": {"x": {"type": ["string", "null"], "enum": [1, 2.5, True, None, [], {}]}}}}},
    }
    rng = random.Random(7)
    for indent in (None, 2, 4):
        path = tmp_path / f"spec-{indent!r}.json"
        path.write_text(json.dumps(doc, indent=indent, ensure_ascii=bool(indent)))
        root = yaml.compose(path.read_text(), Loader=yaml.SafeLoader)
        pointers: list[list[str | int]] = [[], ["missing"], ["paths", "/nope"], ["info", "title", "x"], ["paths", "/p1/{id}", "get", "parameters", 9]]
        for _ in range(200):
            node, pointer = doc, []
            while isinstance(node, (dict, list)) and node and rng.random() < 0.85:
                step = rng.choice(sorted(node)) if isinstance(node, dict) else rng.randrange(len(node))
                pointer.append(step)
                node = node[step]  # type: ignore[index]
            pointers.append(pointer)
        lines = Lines(path)
        for pointer in pointers:
            expected: yaml.Node | None = root
            for part in pointer:
                if isinstance(expected, yaml.MappingNode):
                    expected = next((v for k, v in expected.value if str(k.value) == str(part)), None)
                elif isinstance(expected, yaml.SequenceNode) and isinstance(part, int) and part < len(expected.value):
                    expected = expected.value[part]
                else:
                    expected = None
                if expected is None:
                    break
            assert lines.line(pointer) == (expected.start_mark.line + 1 if expected is not None else None), pointer


def test_lines_of_yaml_that_starts_like_json(tmp_path: Path) -> None:
    from generator.load import Lines

    path = tmp_path / "spec.yaml"
    path.write_text('{openapi: 3.1.0,\n info: {title: t, version: "1"},\n paths: {}}\n')
    assert Lines(path).line(["info", "title"]) == 2
