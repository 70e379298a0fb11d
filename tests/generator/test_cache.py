"""The generator's cache (generator/cache.py): hits, misses, invalidation by the generator's version,
corrupt entries ignored, `--no-cache`, and output byte-identical with and without it."""

from __future__ import annotations

import copy
import marshal
import os
import re
import shutil
import subprocess
from pathlib import Path

import jinja2
import pytest

from generator import cache, pipeline
from generator.emit.model_modules import Fragment
from generator.emit.models import _read_pack, _write_pack
from generator.errors import SpecError
from generator.load import load_spec
from generator.validate import document
from generator.write import read_tree
from tests.conftest import GOLDEN_SPECS, SPECS, run, tool
from tests.generator import test_bad_input
from tests.generator import test_validation as tv


@pytest.fixture
def store(tmp_path: Path):
    with cache.using(cache.Cache(tmp_path / "cache")) as c:
        yield c


def test_get_put_and_keys(store: cache.Cache) -> None:
    key = cache.key("a", {"x": [1, 2]}, b"raw")
    assert re.fullmatch(r"[0-9a-f]{64}", key)
    assert cache.key("a", {"x": [1, 2]}, b"raw") == key
    assert cache.key("ab", "c") != cache.key("a", "bc")  # parts are delimited
    assert cache.key({"a": 1, "b": 2}) != cache.key({"b": 2, "a": 1})  # order shows in the output: kept
    assert cache.key("2024-01-01") != cache.key({"d": __import__("datetime").date(2024, 1, 1)})
    date = {"d": __import__("datetime").date(2024, 1, 1)}  # not marshal's: through JSON, as often as asked
    assert cache.key([date]) == cache.key([copy.deepcopy(date)]) != cache.key([{"d": "2024-01-01"}])
    shared = {"type": "string"}
    assert cache.key({"a": shared, "b": shared}) == cache.key({"a": {"type": "string"}, "b": {"type": "string"}})
    assert len({cache.key([1]), cache.key([True]), cache.key([1.0]), cache.key(["1"]), cache.key([b"1"])}) == 5
    same_start = cache.keys("a", {"x": [1, 2]})  # the shared leading parts hashed once: the same keys
    assert same_start(b"raw") == key and same_start("c") == cache.key("a", {"x": [1, 2]}, "c") != same_start("d")
    assert cache.get("models", key) is None
    cache.put("models", key, b"code")
    assert cache.get("models", key) == b"code"
    assert store.hits == 1 and store.misses == 1
    assert not list((store.root / "models").rglob(".tmp-*"))  # written through a renamed temporary file


def test_a_changed_generator_never_reuses_an_entry(store: cache.Cache, monkeypatch: pytest.MonkeyPatch) -> None:
    key = cache.key("spec")
    cache.put("models", key, b"old output")
    monkeypatch.setattr(cache, "generator_version", lambda: "another version of the generator")
    assert cache.key("spec") != key
    assert cache.get("models", cache.key("spec")) is None


def test_the_version_hashes_the_generators_sources_and_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "generator"
    (package / "templates").mkdir(parents=True)
    (package / "a.py").write_text("x = 1\n")
    (package / "templates" / "t.jinja").write_text("{{ x }}\n")
    monkeypatch.setattr(cache, "_PACKAGE", package)
    versions = []
    for edit in (None, ("a.py", "x = 2\n"), ("templates/t.jinja", "{{ y }}\n")):
        if edit:
            (package / edit[0]).write_text(edit[1])
        cache.generator_version.cache_clear()
        versions.append(cache.generator_version())
    cache.generator_version.cache_clear()
    assert len(set(versions)) == 3


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_corrupt_entry_is_ignored(store: cache.Cache, damage: str) -> None:
    key = cache.key("x")
    cache.put("models", key, b"some model code" * 100)
    path = next((store.root / "models").rglob(key))
    raw = path.read_bytes()
    path.write_bytes(
        {"truncate": raw[:-10], "flip": raw[:-1] + bytes([raw[-1] ^ 1]), "garbage": b"\x00" * 99, "empty": b""}[damage]
    )
    assert cache.get("models", key) is None
    cache.put("models", key, b"fresh")
    assert cache.get("models", key) == b"fresh"


def test_disabled_neither_reads_nor_writes(store: cache.Cache) -> None:
    key = cache.key("x")
    cache.put("models", key, b"cached")
    with cache.disabled():
        assert cache.get("models", key) is None
        cache.put("models", cache.key("y"), b"new")
    assert cache.get("models", cache.key("y")) is None


def test_the_folder_is_kept_under_its_bound(tmp_path: Path) -> None:
    small = cache.Cache(tmp_path / "c", max_bytes=10_000)
    for i in range(40):
        small.put("models", small.key(i), bytes(1000))
    assert small.size() <= 10_000
    assert small.get("models", small.key(39)) is not None  # the newest stays


def test_default_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SDKGEN_CACHE_DIR", str(tmp_path / "a"))
    assert cache.default_dir() == tmp_path / "a"
    monkeypatch.delenv("SDKGEN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.default_dir() == tmp_path / "xdg" / "sdkgen"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.default_dir() == Path.home() / ".cache" / "sdkgen"


# -- the pipeline with the cache ------------------------------------------------------------------------
def _build(spec: Path, out: Path, package: str) -> dict[str, bytes]:
    out.mkdir(parents=True)
    pipeline.build_into(spec, out, {"package": package})
    return read_tree(out)


def test_output_is_byte_identical_cold_warm_and_after_an_edit(tmp_path: Path) -> None:
    spec, package = GOLDEN_SPECS["kitchen_sink"]
    with cache.using(cache.Cache(tmp_path / "cache")) as store:
        with cache.disabled():
            cold = _build(spec, tmp_path / "cold", package)
        first = _build(spec, tmp_path / "first", package)  # fills the cache
        assert store.hits == 0
        misses = store.misses
        warm = _build(spec, tmp_path / "warm", package)  # validation, models and every file from it
        assert store.misses == misses and store.hits > 0
        assert cold == first == warm

        # One schema edited: what changed is recomputed, the rest comes from the cache.
        edited = tmp_path / "edited.yaml"
        text = spec.read_text()
        edited.write_text(text.replace("description: The pet.\n", "description: The pet, edited.\n", 1))
        assert edited.read_text() != text
        hits = store.hits
        incremental = _build(edited, tmp_path / "incremental", package)
        assert store.hits > hits
        with cache.disabled():
            assert incremental == _build(edited, tmp_path / "edited-cold", package)


# Edits of the kitchen sink, each seen by the rendered files in another way: an operation's text,
# the global security (which a resource module compares each operation's with: also where an
# operation's own does not change), a model an operation returns, the servers (read by the client
# module, and the docs' examples), a model only the docs' examples read (pets: `Animal`, shown as a
# `Cat`). Each with the number of resource modules (of 2), model pages and resource pages (of 3) it
# makes render again.
OWN_SECURITY = ("      operationId: streamEvents\n", "      operationId: streamEvents\n      security: [{apiKey: []}]\n")
EDITS = {
    "operation": [("summary: Get a pet\n", "summary: Get one pet\n")],
    "global security": [("security:\n  - apiKey: []\n", "security: []\n")],
    "global security, not an operation's own": [("security:\n  - apiKey: []\n", "security: []\n")],
    "model": [("        name: {type: string}\n", "        name: {type: string, description: Edited.}\n")],
    "model an example shows": [("required: [type]\n      properties:\n        type: {type: string, const: cat}\n", "required: [type, meows]\n      properties:\n        type: {type: string, const: cat}\n")],
    "servers": [("  - url: https://api.example.com\n", "  - url: https://api.example.org\n")],
    "a new model": [("  schemas:\n", "  schemas:\n    Extra: {type: object, properties: {note: {type: string}}}\n")],
}
AGAIN = {  # (resource modules, model pages, resource pages): the client's page holds every page's links
    "operation": (1, 0, 2), "global security": (2, 0, 3), "global security, not an operation's own": (2, 0, 2),
    "model": (0, 1, 0), "model an example shows": (0, 1, 1), "servers": (0, 0, 3), "a new model": (0, 1, 0),
}


def _edit(text: str, replacements: list[tuple[str, str]]) -> str:
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    return text


@pytest.mark.parametrize("edit", EDITS)
def test_rendered_files_follow_every_edit(tmp_path: Path, edit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    kitchen_sink, package = GOLDEN_SPECS["kitchen_sink"]
    spec, edited = tmp_path / "spec.yaml", tmp_path / "edited.yaml"
    spec.write_text(_edit(kitchen_sink.read_text(), [OWN_SECURITY] if "own" in edit else []))
    edited.write_text(_edit(spec.read_text(), EDITS[edit]))
    rendered: list[str] = []
    render = jinja2.Template.render

    def counted(self: jinja2.Template, *args: object, **kwargs: object) -> str:
        rendered.append(self.name or "")
        return render(self, *args, **kwargs)

    with cache.using(cache.Cache(tmp_path / "cache")):
        _build(spec, tmp_path / "first", package)
        monkeypatch.setattr(jinja2.Template, "render", counted)
        incremental = _build(edited, tmp_path / "incremental", package)
        with cache.disabled():
            assert incremental == _build(edited, tmp_path / "edited-cold", package)
    modules = [p for p in incremental if "/resources/" in p and not p.endswith("__init__.py")]
    assert len(modules) == 2  # pets, events
    pages = [p for p in incremental if p.startswith("docs/models/")]
    resource_pages = [p for p in incremental if p.startswith("docs/sdks/")]
    assert len(resource_pages) == 3  # the client's own operations, pets, events
    # The run after the edit, then the cold one:
    assert rendered.count("sdk/resource.py.jinja") == AGAIN[edit][0] + len(modules)
    assert rendered.count("docs/model.md.jinja") == AGAIN[edit][1] + len(pages)
    assert rendered.count("docs/resource.md.jinja") == AGAIN[edit][2] + len(resource_pages)


def test_no_cache_on_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    env_spec = SPECS / "kitchen_sink.yaml"
    env = {**os.environ, "SDKGEN_CACHE_DIR": str(folder)}
    proc = run_env([tool("sdkgen"), "generate", "--no-cache", str(env_spec), "-o", str(tmp_path / "a")], env)
    assert proc.returncode == 0, proc.stderr
    assert not folder.exists() or not any(p.is_file() for p in folder.rglob("*"))
    proc = run_env([tool("sdkgen"), "generate", str(env_spec), "-o", str(tmp_path / "b")], env)
    assert proc.returncode == 0, proc.stderr
    assert {p.parent.parent.name for p in folder.rglob("*") if p.is_file()} == {"validation", "models", "model_fragments", "assembled", "format", "rendered", "templates"}
    assert read_tree(tmp_path / "a") == read_tree(tmp_path / "b")
    assert "--no-cache" in run([tool("sdkgen"), "check", "--help"]).stdout


def run_env(cmd: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, env=env, check=False, timeout=600)


# -- validation: the jsonschema-rs fast path finds what the Python engine alone finds -----------------
def _documents(tmp_path: Path) -> list[tuple[str, dict]]:
    texts = {"broken": tv.BROKEN, "paths slips": tv.PATHS_SLIPS}
    texts.update((f"bad input: {case}", text) for case, (text, _) in test_bad_input.CASES.items() if text)
    for version in ("3.0.3", "3.1.0"):
        texts[f"three {version}"] = tv.TEMPLATE.format(version=version, prop=tv.THREE)
        for kind, (prop, *_) in tv.SLIPS.items():
            texts[f"{kind} {version}"] = tv.TEMPLATE.format(version=version, prop=prop)
    docs = []
    for i, (name, text) in enumerate(sorted(texts.items())):
        path = tmp_path / f"{i}.yaml"
        path.write_text(text)
        try:
            docs.append((name, load_spec(path)))
        except SpecError:
            continue  # refused before validation (syntax, refs)
    for path in sorted(SPECS.rglob("*")):
        if path.suffix in (".yaml", ".json") and path.name != "legacy_30_shared.yaml":
            try:
                docs.append((path.name, load_spec(path)))
            except Exception:  # noqa: BLE001, S112 - the corpus holds specs that do not load: not this test's
                continue
    return docs


def _mutations(doc: dict, seed: int) -> dict:
    """`doc` with a few nodes replaced by values of the wrong type, or deleted (fixed seed)."""
    import random

    rng = random.Random(seed)
    out = copy.deepcopy(doc)
    for _ in range(rng.randint(1, 4)):
        nodes: list[tuple] = []
        stack: list[tuple[tuple, object]] = [((), out)]
        while stack:
            at, node = stack.pop()
            if at:
                nodes.append(at)
            if isinstance(node, dict):
                stack.extend(((*at, k), v) for k, v in node.items())
            elif isinstance(node, list):
                stack.extend(((*at, i), v) for i, v in enumerate(node))
        at = rng.choice(sorted(nodes, key=repr))
        parent: object = out
        for part in at[:-1]:
            parent = parent[part]  # type: ignore[index]
        if isinstance(parent, dict) and rng.random() < 0.2:
            del parent[at[-1]]
        else:
            parent[at[-1]] = rng.choice([42, "x", [], {}, None, True, 1.5, ["a"], {"type": "strin"}, {"foo": 1}])  # type: ignore[index]
    return out


def test_fast_validation_finds_exactly_what_the_python_engine_finds(tmp_path: Path) -> None:
    docs = _documents(tmp_path)
    cases = [*docs, *((f"{name} mutated {seed}", _mutations(doc, seed)) for seed in range(6) for name, doc in docs)]
    assert len(cases) > 200
    invalid = 0
    for name, doc in cases:
        fast = sorted(document.check_document(copy.deepcopy(doc)))
        slow = sorted(document.check_document(copy.deepcopy(doc), fast_path=False))
        assert fast == slow, name
        invalid += bool(slow)
    assert invalid > 100  # the mutations do break specs


def test_a_bad_input_spec_reports_the_same_through_the_cache(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text(tv.BROKEN)
    with cache.using(cache.Cache(tmp_path / "cache")) as store:
        results = []
        for _ in range(2):
            proc_problems = None
            try:
                pipeline.render_files(spec)
            except Exception as exc:  # noqa: BLE001
                proc_problems = getattr(exc, "problems", None)
            results.append(proc_problems)
        assert store.hits >= 1
    assert results[0] is not None and results[0] == results[1] and len(results[0]) == 6


def test_the_fragment_pack_reads_back_what_was_written_and_nothing_else() -> None:
    fragments = {
        "b" * 64: Fragment(((".pet", "Pet", None), ("typing", "Any", "_Any")), (("Owner", "class Owner(BaseModel):\n    pass"),), ("Pet",)),
        "a" * 64: Fragment((), (), ()),
    }
    assert _read_pack(_write_pack(fragments)) == fragments
    for data in (b"", b"{}", b'{"x": [[], [], []]}', b"\x00garbage", marshal.dumps({"k": (1, 2, 3)}), marshal.dumps([1]), marshal.dumps({"k": ((1,), (), ())})):
        assert _read_pack(data) == {}
    assert _read_pack(marshal.dumps({})) == {}


def test_templates_are_compiled_once_and_again_when_they_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.emit import templating

    templates = tmp_path / "templates"
    shutil.copytree(templating.TEMPLATES, templates)
    monkeypatch.setattr(templating, "TEMPLATES", templates)
    compiled: list[str] = []
    compile_ = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        compiled.append(name or "")
        return compile_(self, source, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    with cache.using(cache.Cache(tmp_path / "cache")):
        assert templating.environment().get_template("sdk/errors.py.jinja") and compiled == ["sdk/errors.py.jinja"]
        assert templating.environment().get_template("sdk/errors.py.jinja") and compiled == ["sdk/errors.py.jinja"]
        page = templates / "sdk" / "errors.py.jinja"
        page.write_text(page.read_text() + "# changed\n")
        templating.environment().get_template("sdk/errors.py.jinja")  # its new source, not the cached code
        assert compiled == ["sdk/errors.py.jinja"] * 2
        with cache.disabled():
            templating.environment().get_template("sdk/errors.py.jinja")
        assert len(compiled) == 3


def test_a_whole_models_package_reads_back_from_the_cache_or_not_at_all() -> None:
    from generator.emit.models import ModelModules, _read_models

    package = ModelModules({"pet": "class Pet: ..."}, {"Pet": "pet"}, ["Pet"], [])
    data = marshal.dumps((package.modules, package.names, package.model_names, package.typeddict_names))
    assert _read_models(data) == package
    for bad in (None, b"", b"\x00junk", marshal.dumps([1, 2]), marshal.dumps(({"pet": 1}, {}, [], [])), marshal.dumps(({}, {}, "x", []))):
        assert _read_models(bad) is None


def test_sdks_sharing_the_cache_keep_each_others_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two SDKs generated in turn with one cache: the second does not evict the first's formatted
    files or rendered pages, so the first's next run formats and renders nothing again."""
    from generator import write

    formatted: list[object] = []
    format_tree = write.format_tree
    monkeypatch.setattr(write, "format_tree", lambda *args, **kwargs: formatted.append(args) or format_tree(*args, **kwargs))
    specs = [GOLDEN_SPECS["kitchen_sink"], GOLDEN_SPECS["formats"]]
    with cache.using(cache.Cache(tmp_path / "cache")):
        for spec, package in specs:
            pipeline.generate(spec, tmp_path / package, {"package": package})
        formatted.clear()
        spec, package = specs[0]
        pipeline.generate(spec, tmp_path / package, {"package": package})
        assert formatted == []
        # Nor does where an SDK is written matter (a CI job's checkout, the temporary folder of a check).
        pipeline.generate(spec, tmp_path / "elsewhere" / package, {"package": package})
    assert formatted == []
