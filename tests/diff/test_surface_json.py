"""`dump_surface` writes exactly what `json.dumps(indent=2, sort_keys=True, ensure_ascii=False,
default=str)` writes: its own encoder is only a faster way to the same bytes."""

from __future__ import annotations

import datetime
import enum
import json
from typing import Any

import pytest

from generator.emit.surface import dump_surface


def _reference(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"


class Color(enum.IntEnum):
    RED = 1


class Name(str):
    pass


CASES: list[Any] = [
    {},
    {"a": []},
    {"a": {}, "b": [[]], "c": [{}]},
    {"z": 1, "a": "x", "m": None, "t": True, "f": False, "n": -3, "x": 1.5, "e": 1e300, "tiny": 5e-324},
    {"unicode": "żółw \u2028 \U0001f600 \x00 \" \\ \n\t", "ключ": ["é", "\u00a0"]},
    {"nested": {"deep": [1, [2, [3, {"k": ["v", True, None, 0.1]}]]]}},
    {"tuple": (1, "two", (3,)), "date": datetime.date(2024, 1, 2), "set": {1}},
    {"enum": Color.RED, "sub": Name("s"), Name("key"): 1, "bool_int": [True, 1, False, 0]},
    {"nan": float("nan"), "inf": [float("inf"), float("-inf")]},
    {"int keys": {2: "b", 1: "a"}},
    {"none key": {None: 1}},
    [{"list": "at the top"}, 3],
]


@pytest.mark.parametrize("value", CASES, ids=range(len(CASES)))
def test_the_surface_is_written_as_json_dumps_writes_it(value: Any) -> None:
    assert dump_surface(value) == _reference(value)


def test_keys_json_cannot_sort_fail_as_in_json() -> None:
    value = {"mixed": {1: "a", "b": 2}}
    with pytest.raises(TypeError):
        _reference(value)
    with pytest.raises(TypeError):
        dump_surface(value)
