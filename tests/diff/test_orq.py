"""The change report between the two Orq spec versions lists what the seeds show, classified."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diff import Change, Report, compare
from generator.emit.surface import SURFACE_FILE, dump_surface
from generator.report import render
from tests.conftest import ORQ_OUTPUT, ORQ_PREVIOUS_SPEC, ORQ_SPEC

SEEDS = Path("/work/shared/seeds")
ROUTING_FIELDS = ["fallbacks", "retry", "cache", "load_balancer", "timeout", "variables", "name"]


@pytest.fixture(scope="module")
def report(surface) -> Report:
    return compare(surface(ORQ_PREVIOUS_SPEC), surface(ORQ_SPEC))


def _find(report: Report, kind: str, target: str, member: str = "") -> Change:
    found = [c for c in report.changes if (c.kind, c.target, c.member) == (kind, target, member)]
    assert len(found) == 1, f"expected one {kind} of {target} {member}, got {found}"
    return found[0]


def test_chat_method_moved_not_removed_and_added(report: Report) -> None:
    moved = _find(report, "method_moved", "router.chat.completions.create")
    assert (moved.old, moved.new, moved.level) == ("router.chat_completions", "router.chat.completions.create", "major")
    assert ("same operation id", "createChatCompletion") in moved.notes
    assert ("endpoint was", "POST /v2/gateway/chat/completions") in moved.notes
    assert ("now", "POST /v2/router/chat/completions") in moved.notes
    paths = {c.target for c in report.changes if c.kind in ("method_added", "method_removed")}
    assert "router.chat_completions" not in paths and "router.chat.completions.create" not in paths


def test_the_only_breaking_change_is_the_move(report: Report) -> None:
    assert [(c.kind, c.target) for c in report.breaking] == [("method_moved", "router.chat.completions.create")]
    assert report.bump == "major"


def test_new_top_level_routing_fields_are_optional_additions(report: Report) -> None:
    for name in ROUTING_FIELDS:
        change = _find(report, "param_added", "router.chat.completions.create", name)
        assert change.level == "minor" and change.new["required"] is False, change
    added = {c.member for c in report.changes if c.kind == "param_added"}
    assert added == set(ROUTING_FIELDS)


def test_deprecations(report: Report) -> None:
    assert _find(report, "param_deprecated", "router.chat.completions.create", "orq").level == "minor"
    assert _find(report, "model_deprecated", "CreateChatCompletionOrq").level == "minor"
    for field in ("contact", "inputs"):
        change = _find(report, "field_deprecated", "CreateChatCompletionOrq", field)
        assert (change.level, change.side) == ("minor", "request")


def test_new_completions_method_and_untouched_images(report: Report) -> None:
    added = _find(report, "method_added", "router.completions.create")
    assert (added.level, added.new) == ("minor", "POST /v2/router/completions")
    assert not [c for c in report.changes if c.target == "router.images_generate"]
    new_models = {c.target for c in report.changes if c.kind == "model_added"}
    assert {"CreateCompletionRequestBody", "CreateCompletionResponseBody", "CreateChatCompletionFallbacks"} <= new_models
    assert all(c.level == "minor" for c in report.changes if c.kind == "model_added")


def test_call_paths_match_the_seeds(report: Report) -> None:
    """The old call path is the one the older SDK reference (seed 004) documents; the new one the
    newer reference (seed 000)."""
    moved = _find(report, "method_moved", "router.chat.completions.create")
    assert f"orq.{moved.old}(" in (SEEDS / "004_9e06578596410561.txt").read_text(encoding="utf-8")
    assert f"orq.{moved.new}(" in (SEEDS / "000_5f1475dda8de2efb.txt").read_text(encoding="utf-8")


def test_text_and_markdown_reports(report: Report) -> None:
    text = render(report, "text", "previous", "current")
    assert "Version bump: major (1 breaking, " in text
    assert "Method router.chat_completions moved to router.chat.completions.create" in text
    assert "router.chat.completions.create: new optional argument load_balancer" in text
    md = render(report, "markdown", "previous", "current")
    assert md.startswith("## SDK changes of `Orq API`")
    assert "**Version bump: major**" in md
    assert "### Breaking changes (major)\n\n- Method `router.chat_completions` moved to `router.chat.completions.create`" in md
    assert "- `router.chat.completions.create`: argument `orq` deprecated." in md


def test_committed_snapshot_is_the_current_surface(surface) -> None:
    committed = (ORQ_OUTPUT / SURFACE_FILE).read_text(encoding="utf-8")
    assert committed == dump_surface(surface(ORQ_SPEC))
