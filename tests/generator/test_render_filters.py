"""The filters every spec value passes through on its way into generated Python."""

from __future__ import annotations

import ast

import pytest

from generator.emit.templating import docbody, docline, pyrepr, retry_config

HOSTILE = ['"""; import os #', "ends with quote\"", "back\\slash\\", "'''", "\\N{BULLET}", "{{ x }}", "line\nbreak"]


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_text_stays_inside_its_docstring(text: str) -> None:
    for rendered in (f'"""{docline(text)}"""', f'"""\n{docbody(text, 4)}\n"""'):
        tree = ast.parse(f"def f():\n    {rendered}\n")
        fn = tree.body[0]
        assert isinstance(fn, ast.FunctionDef) and len(fn.body) == 1  # a docstring and nothing else
        doc = ast.get_docstring(fn, clean=False) or ""
        assert " ".join(text.split()) in " ".join(doc.split())


@pytest.mark.parametrize("value", HOSTILE + [None, 1.5, True, ["a", {"b": '"'}]])
def test_literals_round_trip(value: object) -> None:
    assert ast.literal_eval(pyrepr(value)) == value


def test_retry_config_expression() -> None:
    assert retry_config(None) == 'RetryConfig(strategy="none")'
    expr = retry_config({"strategy": "backoff", "backoff": {"initialInterval": "7"}, "statusCodes": [429, "5XX", "__import__('os')"]})
    assert "initial_interval=7" in expr
    assert "status_codes=(429, '5XX', )" in expr  # a code that is not a status or pattern is dropped
    assert "__import__" not in expr
