"""The models package split per group of schemas (`generator/emit/model_modules.py`): groups, batch
independence, lazy loading of one group's module, every public name resolving, determinism."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.emit.model_modules import model_groups, schema_graph
from generator.emit.models import generate_models
from generator.load import load_spec
from generator.normalize import normalize
from tests.conftest import ORQ_SPEC, SPECS, generate_sdk

REF = "#/components/schemas/"


def _doc(spec: Path) -> dict:  # type: ignore[type-arg]
    doc = load_spec(spec)
    normalize(doc)
    return doc


def test_groups_are_strongly_connected_components_in_dependency_order() -> None:
    schemas = {
        "A": {"type": "object", "properties": {"b": {"$ref": REF + "B"}}},
        "B": {"type": "object", "properties": {"a": {"$ref": REF + "A"}, "c": {"$ref": REF + "C"}}},
        "C": {"type": "string", "enum": ["x"], "default": {"$ref": REF + "A"}},  # a value, not a reference
        "U": {"oneOf": [{"$ref": REF + "M"}, {"$ref": REF + "N"}], "discriminator": {"propertyName": "t", "mapping": {"m": REF + "M", "n": REF + "N"}}},
        "M": {"type": "object", "properties": {"t": {"type": "string"}}},
        "N": {"type": "object", "properties": {"t": {"type": "string"}}},
        "Lone": {"type": "integer"},
    }
    groups = model_groups(schema_graph(schemas))
    assert sorted(groups) == [("A", "B"), ("C",), ("Lone",), ("M", "N", "U")]
    assert groups.index(("C",)) < groups.index(("A", "B"))
    # Without the members' dependency on their union (reachability of responses), three groups.
    assert ("M",) in model_groups(schema_graph(schemas, members_depend=False))


@pytest.mark.parametrize("spec", [ORQ_SPEC, SPECS / "kitchen_sink.yaml", SPECS / "responses.yaml"], ids=lambda p: p.stem)
def test_modules_do_not_depend_on_how_groups_are_batched(spec: Path) -> None:
    """Each datamodel-code-generator run covers a batch of groups; a group's module is the same
    whichever groups share its run (what lets a cache reuse a group's code)."""
    one_batch = generate_models(_doc(spec), "pkg", batch_size=10**9)
    per_group = generate_models(_doc(spec), "pkg", batch_size=1)
    assert per_group == one_batch
    assert len(one_batch.modules) > 1


@pytest.fixture(scope="module")
def orq_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_sdk(ORQ_SPEC, tmp_path_factory.mktemp("split"), "orq_ai_sdk") / "src"


def _python(src: Path, code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(src)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_one_model_loads_only_the_modules_its_types_need(orq_sdk: Path) -> None:
    out = _python(orq_sdk, """
import sys
from orq_ai_sdk import Orq, models
Orq(api_key="k")
assert not [m for m in sys.modules if m.startswith("orq_ai_sdk.models.")], "a model module loads at import"
models.CreateChatCompletionCache
loaded = sorted(m for m in sys.modules if m.startswith("orq_ai_sdk.models."))
assert loaded == ["orq_ai_sdk.models.create_chat_completion_cache"], loaded
models.CreateChatCompletionMessagesTypedDict  # a union of messages: its members' modules, not the others
loaded = {m for m in sys.modules if m.startswith("orq_ai_sdk.models.")}
assert "orq_ai_sdk.models.create_chat_completion_request_body" not in loaded
assert "orq_ai_sdk.models.create_chat_completion_response_body" not in loaded
print(len(loaded))
""")
    assert 1 < int(out) < 40


def test_every_public_name_resolves_and_validates(orq_sdk: Path) -> None:
    out = _python(orq_sdk, """
import enum, typing
from pydantic import BaseModel
from orq_ai_sdk import models
kinds = set()
for name in models.__all__:
    value = getattr(models, name)
    kinds.add("typeddict" if typing.is_typeddict(value) else "model" if isinstance(value, type) and issubclass(value, BaseModel)
              else "enum" if isinstance(value, type) and issubclass(value, enum.Enum) else "exception" if isinstance(value, type) else "alias")
    if isinstance(value, type) and issubclass(value, BaseModel):
        value.model_rebuild()  # every forward reference across modules resolves
assert set(dir(models)) >= set(models.__all__)
print(sorted(kinds))
body = models.CreateChatCompletionRequestBody.model_validate({"model": "m", "messages": [{"role": "user", "content": "hi"}]})
print(type(body.messages[0]).__name__)
""")
    assert out.splitlines() == ["['alias', 'enum', 'exception', 'model', 'typeddict']", "CreateChatCompletionUserMessage"]


def test_a_class_named_after_a_property_in_two_groups_stays_in_each_module_and_private() -> None:
    """datamodel-code-generator names the item class of a tuple-like array after the property
    (`SortByItem`); two schemas with such a property, in two groups, each get their own."""
    item = {"type": "array", "items": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "minItems": 2, "maxItems": 2}}
    doc = {
        "openapi": "3.1.0", "info": {"title": "t", "version": "0"}, "paths": {},
        "components": {"schemas": {
            "ViewA": {"type": "object", "properties": {"sort_by": item}},
            "ViewB": {"type": "object", "properties": {"sort_by": item}},
        }},
    }
    models = generate_models(doc, "pkg", batch_size=1)
    assert set(models.modules) == {"view_a", "view_b"}
    assert "ViewA" in models.names and "ViewB" in models.names and "SortByItem" not in models.names


def test_a_class_named_after_a_property_does_not_depend_on_batches() -> None:
    item = {"type": "array", "items": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "minItems": 2, "maxItems": 2}}
    doc = {
        "openapi": "3.1.0", "info": {"title": "t", "version": "0"}, "paths": {},
        "components": {"schemas": {
            "ViewA": {"type": "object", "properties": {"sort_by": item}},
            "ViewB": {"type": "object", "properties": {"sort_by": item}},
        }},
    }
    assert generate_models(doc, "pkg", batch_size=1) == generate_models(doc, "pkg", batch_size=10**9)


def test_quoted_forward_references_count_as_uses() -> None:
    """Found on amazonaws.com/amplifyuibuilder: datamodel-code-generator quotes a model it writes later in
    its one module; once split, the quoted name still needs an import (ruff F821 when it was missed)."""
    import ast

    from generator.emit.model_modules import _uses

    source = '''
Bindings = TypeAliasType("Bindings", dict[str, "BindingValue"])
Entities = TypeAliasType("Entities", "ThemeList")
EntitiesTypedDict: TypeAlias = "ThemeListTypedDict"
Kind = TypeAliasType("Kind", Literal["Theme", "Other"] | "Fallback")
'''
    uses = [_uses(node)[1] for node in ast.parse(source).body]
    assert "BindingValue" in uses[0]
    assert "ThemeList" in uses[1]
    assert "ThemeListTypedDict" in uses[2]
    assert "Theme" not in uses[3] and "Other" not in uses[3]  # Literal values are data, not names


def test_an_edit_reruns_only_the_groups_that_see_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each group's code is cached under a key over its schemas and what they reference: after one
    schema is edited, code is written again (natively or by datamodel-code-generator) for that
    schema's group and the groups that reference it, and the package equals a cold run's."""
    from generator import cache
    from generator.emit import models

    ran: list[tuple[str, ...]] = []
    real = models.native_fragment

    def counting(kind: str, group: tuple[str, ...], *args: object) -> object:
        if kind == "pydantic":  # every group written again is offered to the native writer first
            ran.append(group)
        return real(kind, group, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(models, "native_fragment", counting)
    doc = _doc(ORQ_SPEC)
    schemas = doc["components"]["schemas"]
    with cache.using(cache.Cache(tmp_path / "cache")):
        first = generate_models(doc, "pkg")
        assert len(ran) == len(first.modules) > 100
        ran.clear()
        assert generate_models(_doc(ORQ_SPEC), "pkg") == first  # unchanged: the whole package cached
        assert ran == []

        graph = schema_graph(schemas)
        leaf = next(n for n in sorted(schemas) if graph[n] == [] and any(n in refs for refs in graph.values()))
        users = sorted(n for n, refs in graph.items() if leaf in refs)
        edited = _doc(ORQ_SPEC)
        edited["components"]["schemas"][leaf]["description"] = "Edited."
        incremental = generate_models(edited, "pkg")
        rerun = {n for group in ran for n in group}
        assert leaf in rerun and set(users) <= rerun
        assert len(ran) < len(first.modules) / 4, ran
        assert "Edited." in "".join(incremental.modules.values())
    with cache.disabled():
        ran.clear()
        assert incremental == generate_models(edited, "pkg")
