"""Checks of the hand-reconstructed Orq spec (spec/orq/) against the seed documents.

The expected fields, types and flags are parsed from the seeds (see tests/seed_parsing.py);
only the few judgement calls (fields the seeds leave undescribed, spot checks) are listed
here by name.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import OpenAPIV31SpecValidator, validate

ROOT = Path(__file__).resolve().parents[1]
CURRENT = ROOT / "spec" / "orq" / "openapi.yaml"
PREVIOUS = ROOT / "spec" / "orq" / "openapi.previous.yaml"


def _load_helper():
    # Loaded by path so the tests work whether or not tests/ is a package.
    name = "orq_seed_parsing"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("seed_parsing.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


sp = _load_helper()

# SDK options that are not request-body fields.
NON_BODY_PARAMS = {"retries"}  # utils.RetryConfig: per-call retry override of the SDK

# Request-body properties the seeds leave undescribed ("N/A" in the tables, absent in 000/001).
UNDESCRIBED = {
    "CreateChatCompletionRequestBody": {"stream", "thinking"},
    "CreateCompletionRequestBody": {"stream", "thinking"},
    "CreateImageRequestBody": {"orq"},
}


@cache
def load(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def current() -> dict:
    return load(CURRENT)


def previous() -> dict:
    return load(PREVIOUS)


# --------------------------------------------------------------------------------------
# Schema helpers
# --------------------------------------------------------------------------------------


def resolve(doc: dict, schema: dict) -> tuple[str | None, dict]:
    """Follow a $ref chain; returns (last component name or None, schema)."""
    name = None
    seen = 0
    while "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/components/schemas/"), ref
        name = ref.rsplit("/", 1)[1]
        assert name in doc["components"]["schemas"], f"dangling $ref {ref}"
        schema = doc["components"]["schemas"][name]
        seen += 1
        assert seen < 50, f"$ref loop at {ref}"
    return name, schema


def is_null(schema: dict) -> bool:
    return schema.get("type") == "null" or schema.get("type") == ["null"]


def branches(doc: dict, schema: dict) -> list[tuple[set[str], dict]]:
    """The non-null alternatives of a schema, through $ref, oneOf and anyOf.

    Each alternative comes with the set of component names passed on the way to it, so
    `models.X` in a seed can be matched wherever X sits in the chain."""
    out: list[tuple[set[str], dict]] = []

    def walk(s: dict, names: set[str]) -> None:
        name, s = resolve(doc, s)
        names = names | ({name} if name else set())
        if is_null(s):
            return
        union = s.get("oneOf") or s.get("anyOf")
        if union:
            out.append((names, s))  # the union itself (carries names, no type)
            for member in union:
                walk(member, names)
            return
        out.append((names, s))

    walk(schema, set())
    return out


def types_of(schema: dict) -> set[str]:
    t = schema.get("type")
    if t is None:
        return set()
    return {t} if isinstance(t, str) else set(t)


def nullable(doc: dict, schema: dict) -> bool:
    """Whether the property schema itself admits null (type array or a null union member)."""
    if "null" in types_of(schema):
        return True
    union = schema.get("oneOf") or schema.get("anyOf") or []
    return any(is_null(resolve(doc, m)[1]) for m in union)


def all_names(doc: dict, schema: dict) -> set[str]:
    return set().union(*(names for names, _ in branches(doc, schema)))


def matches_type(doc: dict, schema: dict, t) -> bool:
    """Whether `schema` can hold the seed type `t` (a seed_parsing.TypeExpr)."""
    t, _ = sp.unwrap_optional(t)
    alts = branches(doc, schema)
    if t.name in sp.SCALARS:
        return any(sp.SCALARS[t.name] in types_of(s) for _, s in alts)
    if t.name == "Any":
        return True
    if t.name == "Literal":
        want = set(t.literals)
        for _, s in alts:
            if "const" in s and want == {s["const"]}:
                return True
            if "enum" in s and set(s["enum"]) == want:
                return True
        return False
    if t.name == "List":
        return any(
            "array" in types_of(s) and "items" in s and matches_type(doc, s["items"], t.args[0])
            for _, s in alts
        )
    if t.name == "Dict":
        for _, s in alts:
            if "object" not in types_of(s) or s.get("properties"):
                continue
            extra = s.get("additionalProperties", True)
            if extra is False:
                continue
            if t.args[1].name == "Any" or (
                isinstance(extra, dict) and matches_type(doc, extra, t.args[1])
            ):
                return True
        return False
    if t.name == "Union":
        return all(matches_type(doc, schema, member) for member in t.args)
    # a model: "models.X" in the tables, "X" in the typed dicts
    model = t.name.split(".")[-1]
    return model in all_names(doc, schema)


def object_branches(doc: dict, schema: dict) -> list[dict]:
    """Object alternatives of a schema, looking through arrays (typed dicts and JSON
    examples show a list of objects as one object)."""
    out = []
    for _, s in branches(doc, schema):
        if "array" in types_of(s) and "items" in s:
            out.extend(object_branches(doc, s["items"]))
        elif "object" in types_of(s) or "properties" in s:
            out.append(s)
    return out


def request_schema(doc: dict, path: str) -> dict:
    op = doc["paths"][path]["post"]
    return op["requestBody"]["content"]["application/json"]["schema"]


def response_schema(doc: dict, path: str) -> dict:
    op = doc["paths"][path]["post"]
    return op["responses"]["200"]["content"]["application/json"]["schema"]


def operation(doc: dict, operation_id: str) -> tuple[str, str, dict]:
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if op.get("operationId") == operation_id:
                return path, method, op
    raise AssertionError(f"operation {operation_id} not in spec")


def body_object(doc: dict, operation_id: str) -> dict:
    path, _, _ = operation(doc, operation_id)
    name, body = resolve(doc, request_schema(doc, path))
    assert name, f"{operation_id}: request body is not a named component"
    return body


def is_deprecated(doc: dict, prop: dict) -> bool:
    if prop.get("deprecated") is True:
        return True
    return any(s.get("deprecated") is True for _, s in branches(doc, prop))


def norm_text(text: str) -> str:
    text = sp.strip_md_links(text)
    text = text.replace("<br/>", " ").replace("`", "").replace("*", "")
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip()


DEPRECATION_NOTE = re.compile(
    r"^:\s*warning:\s*\*\*\s*DEPRECATED\s*\*\*:.*?possible\.(<br/>)*", re.IGNORECASE
)


# --------------------------------------------------------------------------------------
# 1. The files load and validate
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [CURRENT, PREVIOUS], ids=["current", "previous"])
def test_spec_is_valid_openapi_31(path):
    doc = load(path)
    assert doc["openapi"] == "3.1.0"
    validate(doc, cls=OpenAPIV31SpecValidator)
    assert doc["info"]["title"] == "Orq API"
    assert "seed" in doc["info"]["description"].lower()
    assert doc["servers"] == [{"url": "https://api.orq.ai"}]
    bearer = doc["components"]["securitySchemes"]["bearer"]
    assert (bearer["type"], bearer["scheme"]) == ("http", "bearer")
    assert set(bearer) <= {"type", "scheme", "description"}
    assert doc["security"] == [{"bearer": []}]
    assert doc["x-speakeasy-timeout"] == 600000
    retries = doc["x-speakeasy-retries"]
    assert retries["strategy"] == "backoff"
    assert set(retries["backoff"]) == {
        "initialInterval",
        "maxInterval",
        "maxElapsedTime",
        "exponent",
    }
    assert retries["statusCodes"] == [429, 500, 502, 503, 504]
    assert retries["retryConnectionErrors"] is True
    assert doc["components"]["responses"]["APIError"] == {
        "description": "API error",
        "content": {"*/*": {"schema": {}}},
    }


def test_versions_are_ordered():
    def key(v):
        return tuple(int(x) for x in v.split("."))

    assert key(previous()["info"]["version"]) < key(current()["info"]["version"])


@pytest.mark.parametrize("path", [CURRENT, PREVIOUS], ids=["current", "previous"])
def test_operations_follow_conventions(path):
    doc = load(path)
    for route, item in doc["paths"].items():
        for method, op in item.items():
            where = f"{method.upper()} {route}"
            assert op.get("x-speakeasy-group"), where
            assert op.get("x-speakeasy-name-override"), where
            for code in ("4XX", "5XX"):
                assert op["responses"][code] == {"$ref": "#/components/responses/APIError"}, where
            props = resolve(doc, request_schema(doc, route))[1]["properties"]
            ok = op["responses"]["200"]["content"]
            assert resolve(doc, ok["application/json"]["schema"])[0], where
            if "stream" in props:
                assert props["stream"]["type"] == "boolean"
                assert op["x-speakeasy-sse-sentinel"] == "[DONE]", where
                event = ok["text/event-stream"]["schema"]
                assert event["type"] == "object" and event["required"] == ["data"], where
                chunk = resolve(doc, event["properties"]["data"])[0]
                assert chunk and chunk.endswith("Chunk"), where
            else:
                assert "text/event-stream" not in ok, where


@pytest.mark.parametrize("path", [CURRENT, PREVIOUS], ids=["current", "previous"])
def test_no_anonymous_objects_or_enums_in_components(path):
    """Every object/enum nested in a component is a named component itself (maps and
    single-value consts are fine); discriminator mappings point at variants whose
    discriminating property is that value."""
    doc = load(path)
    problems = []

    def check_inline(s: dict, where: str, top: bool) -> None:
        if not isinstance(s, dict) or "$ref" in s:
            return
        if not top:
            if s.get("properties"):
                problems.append(f"inline object at {where}")
            if len(s.get("enum", [])) > 1:
                problems.append(f"inline enum at {where}")
        for key in ("oneOf", "anyOf", "allOf"):
            for i, m in enumerate(s.get(key, [])):
                check_inline(m, f"{where}/{key}/{i}", False)
        for name, p in s.get("properties", {}).items():
            check_inline(p, f"{where}.{name}", False)
        if isinstance(s.get("items"), dict):
            check_inline(s["items"], f"{where}[]", False)
        if isinstance(s.get("additionalProperties"), dict):
            check_inline(s["additionalProperties"], f"{where}{{}}", False)

    for name, schema in doc["components"]["schemas"].items():
        check_inline(schema, name, True)
        disc = schema.get("discriminator")
        if disc:
            refs = {m["$ref"] for m in schema["oneOf"]}
            for value, ref in disc["mapping"].items():
                assert ref in refs, f"{name}: mapping {value} -> {ref} not a oneOf member"
                variant = resolve(doc, {"$ref": ref})[1]
                prop = variant["properties"][disc["propertyName"]]
                assert prop.get("const") == value or prop.get("enum") == [value], (name, value)
                assert disc["propertyName"] in variant["required"], (name, value)
    assert not problems, problems


# --------------------------------------------------------------------------------------
# 2. Every field the seeds show is in the spec
# --------------------------------------------------------------------------------------


def check_table_rows(doc, operation_id, rows, *, own_version: bool):
    """Rows of a 003/004 parameter table against the operation's request body."""
    body = body_object(doc, operation_id)
    props = body["properties"]
    required = set(body.get("required", []))
    errors = []
    for row in rows:
        if row.name in NON_BODY_PARAMS:
            continue
        where = f"{operation_id}.{row.name} ({row.section} row, type {row.type_text})"
        if row.name not in props:
            errors.append(f"missing field {where}")
            continue
        prop = props[row.name]
        inner, wrapper = sp.unwrap_optional(row.type)
        if row.required != (row.name in required):
            errors.append(f"{where}: required should be {row.required}")
        if row.required and wrapper:
            errors.append(f"{where}: seed row is required but typed {wrapper}")
        want_null = wrapper == "OptionalNullable"
        if nullable(doc, prop) != want_null:
            errors.append(f"{where}: nullable should be {want_null}")
        if not matches_type(doc, prop, inner):
            errors.append(f"{where}: schema does not match type {inner}")
        if not own_version:
            continue
        # descriptions, deprecation and examples are checked against the seed's own version
        seed_desc = row.description
        seed_deprecated = bool(DEPRECATION_NOTE.match(seed_desc)) or "[Deprecated]" in seed_desc
        seed_desc = DEPRECATION_NOTE.sub("", seed_desc)
        if seed_desc != "N/A":
            desc = prop.get("description") or ""
            if norm_text(seed_desc) not in norm_text(desc):
                errors.append(
                    f"{where}: description {desc!r} does not contain the seed's {seed_desc!r}"
                )
        if is_deprecated(doc, prop) != seed_deprecated:
            errors.append(f"{where}: deprecated should be {seed_deprecated}")
        if row.example:
            example = json.loads(row.example.replace("<br/>", "\n"))
            if example not in prop.get("examples", []):
                errors.append(f"{where}: example {example!r} missing from examples")
    assert not errors, "\n".join(errors)


def test_003_completion_params_in_current_spec():
    tables = sp.parse_param_tables(sp.read_seed("003"))
    rows = tables["create"]
    assert len(rows) > 15
    check_table_rows(current(), "createCompletion", rows, own_version=True)


def test_004_chat_params_in_previous_spec():
    rows = sp.parse_param_tables(sp.read_seed("004"))["chat_completions"]
    # The parser found the whole table: its first and last rows, and all 29 in between.
    assert (len(rows), rows[0].name, rows[-1].name) == (29, "messages", "retries")
    check_table_rows(previous(), "createChatCompletion", rows, own_version=True)


def test_004_chat_params_still_in_current_spec():
    rows = sp.parse_param_tables(sp.read_seed("004"))["chat_completions"]
    check_table_rows(current(), "createChatCompletion", rows, own_version=False)


@pytest.mark.parametrize("path", [CURRENT, PREVIOUS], ids=["current", "previous"])
def test_004_image_params(path):
    rows = sp.parse_param_tables(sp.read_seed("004"))["images_generate"]
    assert (len(rows), rows[0].name, rows[-1].name) == (13, "prompt", "retries")
    check_table_rows(load(path), "createImage", rows, own_version=True)


def check_typed_dict(doc, schema, fields, path, *, response: bool, errors: list):
    """Fields parsed from a 001 typed dict against an (object) schema, recursively."""
    objects = object_branches(doc, schema)
    if not objects:
        errors.append(f"{path}: not an object schema")
        return
    for f in fields:
        where = f"{path}.{f.name}"
        holder = next((o for o in objects if f.name in o.get("properties", {})), None)
        if holder is None:
            errors.append(f"missing field {where}")
            continue
        prop = holder["properties"][f.name]
        is_required = f.name in holder.get("required", [])
        wrapper = sp.unwrap_optional(f.type)[1] if f.type else ""
        if f.comment == "required":
            want_required = True
        elif f.comment == "optional" or wrapper:
            want_required = False
        else:
            # unmarked: request dicts mark every required key, response dicts mark the optional ones
            want_required = response
        if is_required != want_required:
            errors.append(f"{where}: required should be {want_required}")
        if f.deprecated and not is_deprecated(doc, prop):
            errors.append(f"{where}: struck through in the seed but not deprecated")
        if f.nested:
            if nullable(doc, prop):
                errors.append(f"{where}: nested object should not be nullable")
            check_typed_dict(doc, prop, f.children, where, response=response, errors=errors)
            continue
        inner, wrapper = sp.unwrap_optional(f.type)
        plain_scalar = inner.name in sp.SCALARS or inner.name == "Literal"
        if wrapper or plain_scalar:  # plain unions/lists do not say whether null is allowed
            want_null = wrapper == "OptionalNullable"
            if nullable(doc, prop) != want_null:
                errors.append(f"{where}: nullable should be {want_null}")
        if not matches_type(doc, prop, inner):
            errors.append(f"{where}: schema does not match type {inner}")


def test_001_completion_typed_dicts_in_current_spec():
    doc = current()
    req_text, resp_text = sp.typed_dict_blocks(sp.read_seed("001"))
    req_fields, resp_fields = sp.parse_typed_dict(req_text), sp.parse_typed_dict(resp_text)
    assert len(req_fields) > 15 and len(resp_fields) > 5
    path, _, _ = operation(doc, "createCompletion")
    errors: list[str] = []
    check_typed_dict(
        doc, request_schema(doc, path), req_fields, "request", response=False, errors=errors
    )
    check_typed_dict(
        doc, response_schema(doc, path), resp_fields, "response", response=True, errors=errors
    )
    assert not errors, "\n".join(errors)


PLACEHOLDER = re.compile(r"^<\w+>$")


def check_json_value(doc, schema, value, path, errors: list):
    """A JSON example value (from 002 or a usage snippet) against a schema, recursively."""
    alts = [s for _, s in branches(doc, schema)]
    if isinstance(value, dict):
        objects = object_branches(doc, schema)
        # pick the variant of a discriminated union
        for _, s in branches(doc, schema):
            disc = s.get("discriminator")
            if disc and disc["propertyName"] in value:
                target = disc["mapping"].get(value[disc["propertyName"]])
                if target is None:
                    errors.append(
                        f"{path}: no variant for {disc['propertyName']}="
                        f"{value[disc['propertyName']]!r}"
                    )
                    return
                objects = object_branches(doc, {"$ref": target})
        if not objects:
            errors.append(f"{path}: an object is not allowed here")
            return
        for key, item in value.items():
            where = f"{path}.{key}"
            holder = next((o for o in objects if key in o.get("properties", {})), None)
            if holder is not None:
                check_json_value(doc, holder["properties"][key], item, where, errors)
            elif not any(
                not o.get("properties") and o.get("additionalProperties", True) is not False
                for o in objects
            ):
                errors.append(f"missing field {where}")
        return
    if isinstance(value, list):
        arrays = [s for s in alts if "array" in types_of(s)]
        if not arrays:
            errors.append(f"{path}: an array is not allowed here")
            return
        for i, item in enumerate(value):
            if not any(
                check_json_value_ok(doc, s.get("items", {}), item, f"{path}[{i}]") for s in arrays
            ):
                check_json_value(doc, arrays[0].get("items", {}), item, f"{path}[{i}]", errors)
        return
    kind = {bool: "boolean", str: "string", int: "integer", float: "number", type(None): "null"}[
        type(value)
    ]
    allowed = {"integer": {"integer", "number"}, "number": {"number"}}.get(kind, {kind})
    scalar_alts = [
        s
        for s in alts
        if types_of(s) & allowed or (not types_of(s) and ("const" in s or "enum" in s))
    ]
    if not scalar_alts:
        errors.append(f"{path}: a {kind} ({value!r}) is not allowed here")
        return
    if isinstance(value, str) and PLACEHOLDER.match(value):
        return
    if not any(
        ("const" not in s or s["const"] == value) and ("enum" not in s or value in s["enum"])
        for s in scalar_alts
    ):
        errors.append(f"{path}: value {value!r} not among the allowed values")


def check_json_value_ok(doc, schema, value, path) -> bool:
    errs: list[str] = []
    check_json_value(doc, schema, value, path, errs)
    return not errs


def test_002_chat_bodies_in_previous_spec():
    doc = previous()
    url, request, response = sp.extract_json_bodies(sp.read_seed("002"))
    route = url.removeprefix(doc["servers"][0]["url"])
    assert route in doc["paths"], f"002's endpoint {route} not in the previous spec"
    assert doc["paths"][route]["post"]["operationId"] == "createChatCompletion"
    errors: list[str] = []
    check_json_value(doc, request_schema(doc, route), request, "request", errors)
    check_json_value(doc, response_schema(doc, route), response, "response", errors)
    assert not errors, "\n".join(errors)


def test_002_chat_request_still_valid_for_current_spec():
    """The older request body still fits the current chat operation (fields kept)."""
    doc = current()
    _, request, response = sp.extract_json_bodies(sp.read_seed("002"))
    path, _, _ = operation(doc, "createChatCompletion")
    errors: list[str] = []
    check_json_value(doc, request_schema(doc, path), request, "request", errors)
    check_json_value(doc, response_schema(doc, path), response, "response", errors)
    assert not errors, "\n".join(errors)


# (seed, spec, operationId) for every usage snippet
SNIPPETS = [
    ("000", CURRENT, "createChatCompletion"),
    ("001", CURRENT, "createCompletion"),
    ("003", CURRENT, "createCompletion"),
    ("004", PREVIOUS, "createChatCompletion"),
    ("004", PREVIOUS, "createImage"),
    ("004", CURRENT, "createImage"),
]


@pytest.mark.parametrize(
    "seed,path,operation_id", SNIPPETS, ids=[f"{s}-{p.stem}-{o}" for s, p, o in SNIPPETS]
)
def test_usage_snippets_match_spec(seed, path, operation_id):
    """The SDK call of each usage snippet names the operation's group/method, and its
    keyword arguments are request-body fields holding values the schemas accept."""
    doc = load(path)
    text = sp.read_seed(seed)
    route, method, op = operation(doc, operation_id)
    sdk_path = f"{op['x-speakeasy-group']}.{op['x-speakeasy-name-override']}"
    calls = {c.sdk_path: c for c in sp.parse_usage_snippets(text)}
    assert sdk_path in calls, (
        f"{operation_id}: SDK call {sdk_path} not among {sorted(calls)} in seed {seed}"
    )
    for comment in sp.parse_usage_snippet_comments(text):
        if comment["operationID"] == operation_id:
            assert (comment["path"], comment["method"]) == (route, method), comment
    errors: list[str] = []
    check_json_value(doc, request_schema(doc, route), calls[sdk_path].kwargs, operation_id, errors)
    assert not errors, "\n".join(errors)


# --------------------------------------------------------------------------------------
# 3. Descriptions, bounds, enums, defaults, deprecations
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [CURRENT, PREVIOUS], ids=["current", "previous"])
def test_request_properties_are_described(path):
    doc = load(path)
    missing = []
    for name, undescribed in UNDESCRIBED.items():
        if name not in doc["components"]["schemas"]:
            continue
        for prop_name, prop in doc["components"]["schemas"][name]["properties"].items():
            if prop_name in undescribed:
                continue
            if not (prop.get("description") or "").strip():
                missing.append(f"{name}.{prop_name}")
    assert not missing, f"request properties without description: {missing}"


def prop_at(doc: dict, component: str, dotted: str) -> dict:
    """A property by dotted path from a component, looking through refs/arrays/unions."""
    schema = {"$ref": f"#/components/schemas/{component}"}
    for part in dotted.split("."):
        holder = next(
            (o for o in object_branches(doc, schema) if part in o.get("properties", {})), None
        )
        assert holder is not None, f"{component}.{dotted}: no {part!r}"
        schema = holder["properties"][part]
    return schema


def bounds(doc, schema):
    for _, s in branches(doc, schema):
        if "minimum" in s or "maximum" in s:
            return s.get("minimum"), s.get("maximum")
    return None, None


def enum_values(doc, schema):
    for _, s in branches(doc, schema):
        if "enum" in s:
            return s["enum"]
    return None


def test_bounds_enums_and_defaults():
    cur, prev = current(), previous()
    for doc in (cur, prev):
        chat = "CreateChatCompletionRequestBody"
        assert bounds(doc, prop_at(doc, chat, "top_logprobs")) == (0, 20)
        assert bounds(doc, prop_at(doc, chat, "temperature")) == (0, 2)
        assert bounds(doc, prop_at(doc, chat, "n"))[0] == 1
        assert bounds(doc, prop_at(doc, chat, "orq.cache.ttl"))[1] == 259200
        assert bounds(doc, prop_at(doc, chat, "orq.retry.count")) == (1, 5)
        assert bounds(doc, prop_at(doc, chat, "orq.knowledge_bases.top_k")) == (1, 100)
        assert bounds(doc, prop_at(doc, chat, "orq.knowledge_bases.threshold")) == (0, 1)
        assert bounds(doc, prop_at(doc, chat, "orq.knowledge_bases.rerank_config.threshold")) == (
            0,
            1,
        )
        assert enum_values(doc, prop_at(doc, chat, "audio.voice")) == [
            "alloy",
            "echo",
            "fable",
            "onyx",
            "nova",
            "shimmer",
        ]
        assert enum_values(doc, prop_at(doc, chat, "audio.format")) == [
            "wav",
            "mp3",
            "flac",
            "opus",
            "pcm16",
        ]
        assert enum_values(doc, prop_at(doc, chat, "reasoning_effort")) == [
            "none",
            "minimal",
            "low",
            "medium",
            "high",
            "xhigh",
        ]
        assert enum_values(doc, prop_at(doc, chat, "modalities")["items"]) == ["text", "audio"]
        assert enum_values(
            doc, prop_at(doc, "CreateChatCompletionResponseBody", "choices.finish_reason")
        ) == ["stop", "length", "tool_calls", "content_filter", "function_call"]
        assert prop_at(doc, chat, "max_tokens")["deprecated"] is True
        img = "CreateImageRequestBody"
        assert bounds(doc, prop_at(doc, img, "n")) == (1, 10)
        assert bounds(doc, prop_at(doc, img, "output_compression")) == (0, 100)
        assert enum_values(doc, prop_at(doc, img, "style")) == ["vivid", "natural"]
        assert enum_values(doc, prop_at(doc, img, "response_format")) == ["url", "b64_json"]
        assert enum_values(doc, prop_at(doc, img, "moderation")) == ["low", "auto"]
    # current-only fields
    chat = "CreateChatCompletionRequestBody"
    assert bounds(cur, prop_at(cur, chat, "cache.ttl"))[1] == 259200
    assert bounds(cur, prop_at(cur, chat, "retry.count")) == (1, 5)
    comp = "CreateCompletionRequestBody"
    assert bounds(cur, prop_at(cur, comp, "temperature")) == (0, 2)
    assert bounds(cur, prop_at(cur, comp, "retry.count")) == (1, 5)
    assert bounds(cur, prop_at(cur, comp, "orq.cache.ttl"))[1] == 259200
    # defaults from 001/003's usage example
    for field_name, default in {
        "echo": False,
        "max_tokens": 16,
        "temperature": 1,
        "top_p": 1,
        "n": 1,
        "frequency_penalty": 0,
        "presence_penalty": 0,
    }.items():
        assert prop_at(cur, comp, field_name).get("default") == default, field_name


def test_deprecations_per_version():
    cur, prev = current(), previous()
    for comp in ("CreateChatCompletionRequestBody", "CreateCompletionRequestBody"):
        assert is_deprecated(cur, prop_at(cur, comp, "orq")), comp
        assert is_deprecated(cur, prop_at(cur, comp, "orq.contact")), comp
        assert is_deprecated(cur, prop_at(cur, comp, "orq.inputs")), comp
        assert not is_deprecated(cur, prop_at(cur, comp, "orq.identity")), comp
    chat = "CreateChatCompletionRequestBody"
    assert not is_deprecated(prev, prop_at(prev, chat, "orq"))
    assert not is_deprecated(prev, prop_at(prev, chat, "orq.contact"))
    assert not is_deprecated(prev, prop_at(prev, chat, "orq.inputs"))
    assert "@deprecated" not in json.dumps(prev["components"]["schemas"]["CreateChatCompletionOrq"])


def test_inferred_parts_are_marked():
    doc = current()
    schemas = doc["components"]["schemas"]
    # the chat path is inferred (seed 000 shows none)
    _, _, op = operation(doc, "createChatCompletion")
    assert op.get("x-inferred-path") is True and "inferred" in op["description"]
    # message variants other than system, content parts, chunks and the image response
    for name in (
        "CreateChatCompletionUserMessage",
        "CreateChatCompletionAssistantMessage",
        "CreateChatCompletionToolMessage",
        "CreateChatCompletionDeveloperMessage",
        "CreateChatCompletionImageUrlContentPart",
        "CreateChatCompletionChunk",
        "CreateCompletionChunk",
        "CreateImageResponseBody",
    ):
        assert schemas[name].get("x-inferred") is True, name
    messages = schemas["CreateChatCompletionMessages"]
    assert messages["discriminator"]["propertyName"] == "role"
    assert set(messages["discriminator"]["mapping"]) == {
        "system",
        "developer",
        "user",
        "assistant",
        "tool",
    }


# --------------------------------------------------------------------------------------
# 4. The two versions differ as the seeds show
# --------------------------------------------------------------------------------------

NEW_TOP_LEVEL_CHAT_FIELDS = [
    "fallbacks",
    "retry",
    "cache",
    "load_balancer",
    "timeout",
    "variables",
    "name",
]


def test_previous_version_shape():
    doc = previous()
    assert set(doc["paths"]) == {"/v2/gateway/chat/completions", "/v2/gateway/images/generations"}
    _, _, op = operation(doc, "createChatCompletion")
    assert (op["x-speakeasy-group"], op["x-speakeasy-name-override"]) == (
        "router",
        "chat_completions",
    )
    props = body_object(doc, "createChatCompletion")["properties"]
    for name in NEW_TOP_LEVEL_CHAT_FIELDS:
        assert name not in props, f"previous chat request should not have top-level {name}"
    assert not any(n.startswith("CreateCompletion") for n in doc["components"]["schemas"])


def test_current_version_shape():
    doc = current()
    assert {
        "/v2/router/chat/completions",
        "/v2/router/completions",
        "/v2/gateway/images/generations",
    } == set(doc["paths"])
    groups = {
        op["operationId"]: (op["x-speakeasy-group"], op["x-speakeasy-name-override"])
        for item in doc["paths"].values()
        for op in item.values()
    }
    assert groups == {
        "createChatCompletion": ("router.chat.completions", "create"),
        "createCompletion": ("router.completions", "create"),
        "createImage": ("router", "images_generate"),
    }
    props = body_object(doc, "createChatCompletion")["properties"]
    for name in NEW_TOP_LEVEL_CHAT_FIELDS:
        assert name in props, f"current chat request lacks top-level {name}"
    # seed 000 lists every request field's description: the new ones carry its text
    seed = norm_text(sp.read_seed("000"))
    for name in NEW_TOP_LEVEL_CHAT_FIELDS:
        desc = norm_text(props[name]["description"])
        assert desc and desc[:60] in seed, f"{name}: description not from seed 000: {desc!r}"


def test_images_identical_in_both_versions():
    cur, prev = current(), previous()
    assert (
        cur["paths"]["/v2/gateway/images/generations"]
        == prev["paths"]["/v2/gateway/images/generations"]
    )
    for name, schema in cur["components"]["schemas"].items():
        if name.startswith("CreateImage") or name in (
            "Background",
            "Moderation",
            "OutputFormat",
            "Quality",
            "Style",
        ):
            assert prev["components"]["schemas"].get(name) == schema, name


def _description_corpus(doc: dict) -> str:
    found: list[str] = []

    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if k == "description" and isinstance(v, str):
                    found.append(norm_text(v))
                else:
                    walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)

    walk(doc)
    return "\n".join(found)


def test_000_descriptions_in_current_spec():
    """Seed 000 flattens every request field's description of the current chat operation
    into lines (sometimes two descriptions glued together): each of its sentences must be
    in some description of the current spec."""
    text = sp.read_seed("000")
    body = text.split("Show Parameters\nShow Parameters\n", 1)[1]
    corpus = _description_corpus(current())
    checked, missing = 0, []
    for line in body.splitlines():
        if line.startswith("Show Properties of"):
            continue
        # sentence ends, and glued descriptions ("...models.Set of 16 ...")
        for sentence in re.split(r"(?<=[.!?])\s+|(?<=[a-z.])(?=[A-Z][a-z])", line):
            sentence = norm_text(sentence)
            if len(sentence) < 25:
                continue
            checked += 1
            if sentence not in corpus:
                missing.append(sentence)
    assert checked > 50
    listing = "\n".join(missing)
    assert not missing, f"sentences of seed 000 missing from the current spec:\n{listing}"
