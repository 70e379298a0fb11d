"""One fixture spec pair per kind of change: each gives exactly the expected change and bump.

`tests/fixtures/diff/base.yaml` is a small spec; every other file there is the base with one change.
A pair is (base, variant) or, read backwards, (variant, base): an addition read backwards is a removal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diff import KINDS, compare
from tests.conftest import SPECS
from tests.diff.conftest import DIFF_FIXTURES

# (variant, direction, [(kind, level, target, member)], bump). "fwd": base -> variant; "rev": variant -> base;
# another variant's name: that variant -> this one.
CASES = [
    ("method_added", "fwd", [("method_added", "minor", "pets.list", "")], "minor"),
    ("method_added", "rev", [("method_removed", "major", "pets.list", "")], "major"),
    ("method_moved", "fwd", [("method_moved", "major", "animals.create", "")], "major"),
    ("method_moved_same_endpoint", "fwd", [("method_moved", "major", "pets.add", "")], "major"),
    ("method_endpoint_changed", "fwd", [("method_endpoint_changed", "patch", "pets.get", "")], "patch"),
    ("method_deprecated", "fwd", [("method_deprecated", "minor", "pets.get", "")], "minor"),
    ("method_deprecated", "rev", [("method_undeprecated", "patch", "pets.get", "")], "patch"),
    ("response_type_changed", "fwd", [("response_type_changed", "major", "pets.get", "")], "major"),
    ("stream_added", "fwd", [("stream_added", "minor", "pets.create", "")], "minor"),
    ("stream_added", "rev", [("stream_removed", "major", "pets.create", "")], "major"),
    ("stream_type_changed", "stream_added", [("stream_type_changed", "major", "pets.create", "")], "major"),
    ("param_added_optional", "fwd", [("param_added", "minor", "pets.get", "limit")], "minor"),
    ("param_added_optional", "rev", [("param_removed", "major", "pets.get", "limit")], "major"),
    ("param_added_required", "fwd", [("param_added", "major", "pets.get", "x_request_id")], "major"),
    ("param_required", "fwd", [("param_required", "major", "pets.get", "expand")], "major"),
    ("param_required", "rev", [("param_optional", "minor", "pets.get", "expand")], "minor"),
    ("param_nullable", "fwd", [("param_nullable", "minor", "pets.create", "tag")], "minor"),
    ("param_nullable", "rev", [("param_not_nullable", "major", "pets.create", "tag")], "major"),
    ("param_type_changed", "fwd", [("param_type_changed", "major", "pets.get", "expand")], "major"),
    ("param_deprecated", "fwd", [("param_deprecated", "minor", "pets.get", "expand")], "minor"),
    ("param_deprecated", "rev", [("param_undeprecated", "patch", "pets.get", "expand")], "patch"),
    ("param_wire_changed", "fwd", [("param_wire_changed", "patch", "pets.get", "expand")], "patch"),
    ("model_added", "fwd", [("model_added", "minor", "Collar", "")], "minor"),
    ("model_added", "rev", [("model_removed", "major", "Collar", "")], "major"),
    ("model_kind_changed", "fwd", [("model_kind_changed", "major", "Colour", "")], "major"),
    ("model_deprecated", "fwd", [("model_deprecated", "minor", "Pet", "")], "minor"),
    ("model_deprecated", "rev", [("model_undeprecated", "patch", "Pet", "")], "patch"),
    # Response fields are read by callers: gaining one is fine, losing one or it becoming optional or
    # nullable is not. Request fields are written by callers: the other way round.
    ("response_field_added", "fwd", [("field_added", "minor", "Pet", "weight")], "minor"),
    ("response_field_added", "rev", [("field_removed", "major", "Pet", "weight")], "major"),
    ("request_field_added_optional", "fwd", [("field_added", "minor", "Owner", "address")], "minor"),
    ("request_field_added_optional", "rev", [("field_removed", "major", "Owner", "address")], "major"),
    ("request_field_added_required", "fwd", [("field_added", "major", "Owner", "name")], "major"),
    ("response_field_optional", "fwd", [("field_optional", "major", "Pet", "name")], "major"),
    ("response_field_optional", "rev", [("field_required", "minor", "Pet", "name")], "minor"),
    ("request_field_optional", "fwd", [("field_optional", "minor", "Owner", "email")], "minor"),
    ("request_field_optional", "rev", [("field_required", "major", "Owner", "email")], "major"),
    ("response_field_nullable", "fwd", [("field_nullable", "major", "Pet", "age")], "major"),
    ("response_field_nullable", "rev", [("field_not_nullable", "minor", "Pet", "age")], "minor"),
    ("request_field_nullable", "fwd", [("field_nullable", "minor", "Owner", "phone")], "minor"),
    ("request_field_nullable", "rev", [("field_not_nullable", "major", "Owner", "phone")], "major"),
    ("field_type_changed", "fwd", [("field_type_changed", "major", "Pet", "age")], "major"),
    # A format that changes the Python class (`datetime`, not `str`) changes the type.
    ("field_format_changed", "fwd", [("field_type_changed", "major", "Pet", "born")], "major"),
    ("field_format_changed", "rev", [("field_type_changed", "major", "Pet", "born")], "major"),
    ("field_deprecated", "fwd", [("field_deprecated", "minor", "Pet", "tag")], "minor"),
    ("field_deprecated", "rev", [("field_undeprecated", "patch", "Pet", "tag")], "patch"),
    ("field_wire_changed", "fwd", [("field_wire_changed", "patch", "Ball", "colour")], "patch"),
    # Enums are open in the SDK (unknown values are kept), so a new value is minor on either side;
    # a removed value removes the enum member callers may name.
    ("enum_value_added", "fwd", [("enum_value_added", "minor", "PetStatus", "pending")], "minor"),
    ("enum_value_added", "rev", [("enum_value_removed", "major", "PetStatus", "pending")], "major"),
    ("request_union_member_added", "fwd", [("union_member_added", "minor", "ToyInput", "models.Stick")], "minor"),
    ("request_union_member_added", "rev", [("union_member_removed", "major", "ToyInput", "models.Stick")], "major"),
    ("response_union_member_added", "fwd", [("union_member_added", "minor", "Toy", "models.Stick")], "minor"),
    ("response_union_member_added", "rev", [("union_member_removed", "minor", "Toy", "models.Stick")], "minor"),
    ("alias_type_changed", "fwd", [("alias_type_changed", "major", "PetId", "")], "major"),
    ("doc_only", "fwd", [], "none"),
    ("doc_only", "rev", [], "none"),
]


@pytest.mark.parametrize(("variant", "direction", "expected", "bump"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_fixture_pair(surface, variant: str, direction: str, expected: list[tuple[str, str, str, str]], bump: str) -> None:
    base, changed = surface(DIFF_FIXTURES / "base.yaml"), surface(DIFF_FIXTURES / f"{variant}.yaml")
    if direction not in ("fwd", "rev"):
        base = surface(DIFF_FIXTURES / f"{direction}.yaml")
    report = compare(base, changed) if direction != "rev" else compare(changed, base)
    assert [(c.kind, c.level, c.target, c.member) for c in report.changes] == expected
    assert report.bump == bump
    assert bool(report.breaking) == (bump == "major")


def test_every_kind_has_a_fixture_pair() -> None:
    covered = {kind for _, _, expected, _ in CASES for kind, *_ in expected}
    assert covered == set(KINDS)


def test_every_variant_file_is_used() -> None:
    files = {p.stem for p in DIFF_FIXTURES.glob("*.yaml")} - {"base"}
    assert files == {c[0] for c in CASES}


def test_format_change_is_a_type_change_in_the_spec_words(surface) -> None:
    changes = compare(surface(DIFF_FIXTURES / "base.yaml"), surface(DIFF_FIXTURES / "field_format_changed.yaml")).changes
    assert [(c.old, c.new) for c in changes] == [("date-time", "string")]


def test_date_time_argument_of_the_formats_fixture(surface, tmp_path: Path) -> None:
    """`created_at` of the formats fixture made a plain string, then back: the flattened body argument
    changes type from `string` to `date-time`."""
    formats = SPECS / "formats.yaml"
    text = formats.read_text(encoding="utf-8")
    plain = "created_at: {type: string}"
    assert text.count("created_at: {type: string, format: date-time}") == 1
    copy = tmp_path / "formats_plain.yaml"
    copy.write_text(text.replace("created_at: {type: string, format: date-time}", plain), encoding="utf-8")
    report = compare(surface(copy), surface(formats))
    assert [(c.kind, c.level, c.target, c.member, c.old, c.new) for c in report.changes] == [
        ("param_type_changed", "major", "hooks.merge", "created_at", "string", "date-time"),
    ]


def test_moved_method_keeps_its_argument_changes(surface) -> None:
    """A method found under a new call path is still compared argument by argument."""
    old = surface(DIFF_FIXTURES / "base.yaml")
    new = {**old, "operations": dict(old["operations"])}
    moved = dict(new["operations"].pop("pets.get"))
    moved["params"] = {k: v for k, v in moved["params"].items() if k != "expand"}
    new["operations"]["pets.fetch"] = moved
    changes = [(c.kind, c.target, c.member, c.old) for c in compare(old, new).changes]
    assert changes == [("method_moved", "pets.fetch", "", "pets.get"), ("param_removed", "pets.fetch", "expand", "string")]
