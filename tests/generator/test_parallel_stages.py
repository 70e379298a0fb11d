"""Large specs validate and build models in parallel processes: same output, same errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import cache, pipeline, validate
from generator.emit import models
from generator.emit.surface import SURFACE_FILE
from generator.errors import SpecProblems
from generator.write import Ownership, read_tree
from tests.conftest import GOLDEN_SPECS, SPECS


def test_parallel_path_gives_the_same_files(monkeypatch: pytest.MonkeyPatch) -> None:
    _, _, serial = pipeline.render_files(SPECS / "kitchen_sink.yaml")
    monkeypatch.setattr(validate, "PARALLEL_VALIDATION_THRESHOLD", 0)
    monkeypatch.setattr(models, "PARALLEL_THRESHOLD", 0)
    monkeypatch.setattr(pipeline, "PARALLEL_THRESHOLD", 0)
    _, _, parallel = pipeline.render_files(SPECS / "kitchen_sink.yaml")
    assert parallel == serial


@pytest.mark.parametrize("forked", [False, True])
def test_the_sdk_but_its_models_is_handed_over_while_the_models_are_made(monkeypatch: pytest.MonkeyPatch, forked: bool) -> None:
    """`render_files(early=...)`: everything but the models package and the surface snapshot first
    (written while the models are made), then those two alone; together, the files of a run without it."""
    _, settings, whole = pipeline.render_files(SPECS / "kitchen_sink.yaml")
    if forked:
        monkeypatch.setattr(validate, "PARALLEL_VALIDATION_THRESHOLD", 0)
        monkeypatch.setattr(models, "PARALLEL_THRESHOLD", 0)
        monkeypatch.setattr(pipeline, "PARALLEL_THRESHOLD", 0)
    handed: list[dict[str, str]] = []
    _, _, rest = pipeline.render_files(SPECS / "kitchen_sink.yaml", early=lambda api, files, _docs: handed.append(dict(files)))
    [first] = handed
    package = f"src/{settings.package}/models/"
    assert rest and all(rel.startswith(package) or rel == SURFACE_FILE for rel in rest) and SURFACE_FILE in rest
    assert not any(rel.startswith(package) for rel in first)
    assert {**first, **rest} == whole


def test_nothing_is_handed_over_for_an_invalid_spec(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(validate, "PARALLEL_VALIDATION_THRESHOLD", 0)
    monkeypatch.setattr(models, "PARALLEL_THRESHOLD", 0)
    monkeypatch.setattr(pipeline, "PARALLEL_THRESHOLD", 0)
    bad = tmp_path / "bad.yaml"
    bad.write_text((SPECS / "kitchen_sink.yaml").read_text().replace("description: The pet.\n", "description: 42\n", 1))
    handed: list[dict[str, str]] = []
    with pytest.raises(SpecProblems):
        pipeline.render_files(bad, early=lambda api, files, _docs: handed.append(files))
    assert handed == []


def test_parallel_validation_reports_the_validators_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An invalid spec that also breaks a later stage reports the validation error, with its place."""
    monkeypatch.setattr(validate, "PARALLEL_VALIDATION_THRESHOLD", 0)
    text = (SPECS / "kitchen_sink.yaml").read_text()
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("description: The pet.\n", "description: 42\n", 1))
    with pytest.raises(SpecProblems) as info:
        pipeline.render_files(bad)
    assert "invalid OpenAPI spec" in info.value.message
    [problem] = info.value.problems
    assert (problem.severity, problem.file, problem.pointer) == ("error", str(bad), "#/paths/~1pets~1{petId}/get/responses/200/description")
    assert problem.line == text.splitlines().index("          description: The pet.") + 1

    broken = tmp_path / "broken.yaml"
    # A number where a string belongs: invalid, and the normaliser would choke on it as a name.
    broken.write_text(text.replace("operationId: getPet", "operationId: 5", 1))
    with pytest.raises(SpecProblems) as info:
        pipeline.render_files(broken)
    assert "invalid OpenAPI spec" in info.value.message
    assert [p.pointer for p in info.value.problems] == ["#/paths/~1pets~1{petId}/get/operationId"]
    assert info.value.problems[0].line


@pytest.mark.parametrize("cached", [False, True])
def test_docs_written_by_their_own_process_make_the_same_sdk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cached: bool) -> None:
    """`build_into`: the docs' process writes and formats the docs while this one writes the rest;
    the folder holds what a run in one process writes, manifest included, cold and from the cache,
    also where it replaces an SDK (files linked from it)."""
    spec, package = GOLDEN_SPECS["kitchen_sink"]
    store = cache.Cache(tmp_path / "cache", enabled=cached)
    with cache.using(store):
        serial = _built(spec, tmp_path / "serial", package, None)
        monkeypatch.setattr(validate, "PARALLEL_VALIDATION_THRESHOLD", 0)
        monkeypatch.setattr(models, "PARALLEL_THRESHOLD", 0)
        monkeypatch.setattr(pipeline, "PARALLEL_THRESHOLD", 0)
        forked = _built(spec, tmp_path / "forked", package, None)
        again = _built(spec, tmp_path / "again", package, Ownership(tmp_path / "forked"))
    assert any(rel.startswith("docs/models/") for rel in serial)
    assert forked == serial == again


def _built(spec: Path, folder: Path, package: str, previous: Ownership | None) -> dict[str, bytes]:
    folder.mkdir()
    pipeline.build_into(spec, folder, {"package": package}, previous)
    return read_tree(folder)


def test_the_docs_are_made_at_a_lower_priority_than_the_models(monkeypatch: pytest.MonkeyPatch) -> None:
    """The run waits for the models first: the docs' process yields the cores to theirs."""
    import os

    from generator.background import YIELDING_NICENESS

    monkeypatch.setattr(pipeline, "PARALLEL_THRESHOLD", 0)  # a large spec: the docs in a process of their own
    monkeypatch.setattr(pipeline, "_docs", lambda api, settings, write: {"docs/nice.md": str(os.nice(0))})
    _, _, files = pipeline.render_files(SPECS / "kitchen_sink.yaml")
    assert files["docs/nice.md"] == str(min(os.nice(0) + YIELDING_NICENESS, 19))
