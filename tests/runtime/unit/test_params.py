"""Parameter serialisation (`_params.py`): the OpenAPI 3.1 style table, percent-encoding, models and cookies."""

from __future__ import annotations

import enum

import pydantic
import pytest

from generator.runtime._params import (
    ParamStyle,
    cookie_header,
    header_value,
    path_value,
    query_parts,
    query_string,
)
from generator.runtime._types import UNSET

# https://spec.openapis.org/oas/v3.1.0#style-examples: a parameter `color` that is "" (empty), "blue"
# (string), ["blue", "black", "brown"] (array) or {"R": 100, "G": 200, "B": 150} (object).
VALUES = {"empty": "", "string": "blue", "array": ["blue", "black", "brown"], "object": {"R": 100, "G": 200, "B": 150}}
STYLE_TABLE = [  # style, explode, empty, string, array, object (None: n/a in the table)
    ("matrix", False, ";color", ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"),
    ("matrix", True, ";color", ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"),
    ("label", False, ".", ".blue", ".blue.black.brown", ".R.100.G.200.B.150"),
    ("label", True, ".", ".blue", ".blue.black.brown", ".R=100.G=200.B=150"),
    ("form", False, "color=", "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"),
    ("form", True, "color=", "color=blue", "color=blue&color=black&color=brown", "R=100&G=200&B=150"),
    ("simple", False, None, "blue", "blue,black,brown", "R,100,G,200,B,150"),
    ("simple", True, None, "blue", "blue,black,brown", "R=100,G=200,B=150"),
    ("spaceDelimited", False, None, None, "blue%20black%20brown", "R%20100%20G%20200%20B%20150"),
    ("pipeDelimited", False, None, None, "blue|black|brown", "R|100|G|200|B|150"),
    ("deepObject", True, None, None, None, "color[R]=100&color[G]=200&color[B]=150"),
]
CASES = [
    pytest.param(style, explode, kind, expected, id=f"{style}-{'explode' if explode else 'no_explode'}-{kind}")
    for style, explode, *row in STYLE_TABLE
    for kind, expected in zip(VALUES, row, strict=True)
    if expected is not None
]


def serialise(style: str, explode: bool, value: object) -> str:
    """The parameter as its location writes it: path styles in the path, the others in the query."""
    param = ParamStyle(style, explode)
    if style in ("matrix", "label", "simple"):
        return path_value("color", value, param)
    sent = "&".join(query_parts("color", value, param))
    # the table shows only the value of the delimited styles; the query has `color=` before it
    if style in ("spaceDelimited", "pipeDelimited"):
        assert sent.startswith("color=")
        return sent.removeprefix("color=")
    return sent


@pytest.mark.parametrize(("style", "explode", "kind", "expected"), CASES)
def test_openapi_style_table(style: str, explode: bool, kind: str, expected: str) -> None:
    assert serialise(style, explode, VALUES[kind]) == expected


@pytest.mark.parametrize("explode", [False, True])
def test_simple_headers_follow_the_table_unencoded(explode: bool) -> None:
    assert header_value(VALUES["array"], ParamStyle("simple", explode)) == "blue,black,brown"
    assert header_value(VALUES["object"], ParamStyle("simple", explode)) == ("R=100,G=200,B=150" if explode else "R,100,G,200,B,150")
    assert header_value("a b/c", ParamStyle("simple", explode)) == "a b/c"


class Colour(pydantic.BaseModel):
    r: int = pydantic.Field(alias="R")
    g: int | None = pydantic.Field(default=None, alias="G")


class Shade(enum.Enum):
    DARK = "dark"


def test_models_are_objects_by_wire_name_with_only_the_fields_set() -> None:
    assert query_parts("color", Colour(R=1), ParamStyle("deepObject", True)) == ["color[R]=1"]
    assert path_value("color", Colour(R=1, G=2), ParamStyle("matrix", True)) == ";R=1;G=2"
    assert query_parts("shade", [Shade.DARK, True], ParamStyle("form", False)) == ["shade=dark,true"]


def test_reserved_characters_are_encoded_unless_allowed() -> None:
    value = "a/b?c=d&e, f"
    assert query_parts("q", value) == ["q=a%2Fb%3Fc%3Dd%26e%2C%20f"]
    assert query_parts("q", value, ParamStyle("form", True, allow_reserved=True)) == ["q=a/b?c=d&e,%20f"]
    # the separators stay, the commas inside a value are encoded
    assert query_parts("q", ["a,b", "c"], ParamStyle("form", False)) == ["q=a%2Cb,c"]
    # in a path segment `/` is encoded whatever the style
    assert path_value("id", "a b/c") == "a%20b%2Fc"
    assert path_value("id", ["x/y", "z"], ParamStyle("label", False)) == ".x%2Fy.z"


def test_missing_values_and_empty_collections_send_nothing() -> None:
    assert query_string({"a": None, "b": UNSET, "c": [], "d": {}, "e": 0, "f": False}, {}) == "e=0&f=false"


def test_query_string_uses_each_parameters_style() -> None:
    styles = {("query", "ids"): ParamStyle("form", False), ("query", "f"): ParamStyle("deepObject", True)}
    query = {"ids": [1, 2], "f": {"a": "x y"}, "tags": ["p", "q"], "obj": {"k": "v"}}
    assert query_string(query, styles) == "ids=1,2&f[a]=x%20y&tags=p&tags=q&k=v"


def test_cookies_are_form_style_pairs_of_one_header() -> None:
    styles = {("cookie", "ids"): ParamStyle("form", False)}
    cookies = {"session": "a b;c", "ids": [1, 2], "tags": ["x", "y"], "prefs": {"theme": "dark"}, "gone": None}
    assert cookie_header(cookies, styles) == "session=a%20b%3Bc; ids=1,2; tags=x; tags=y; theme=dark"
    assert cookie_header({"gone": UNSET}, {}) is None
