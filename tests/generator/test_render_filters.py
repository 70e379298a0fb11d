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
def test_spec_values_become_one_inert_literal(value: object) -> None:
    """Pasted into code as `x = <literal>`, a spec value is one assignment of a plain literal: no call,
    name or attribute anywhere in it, whatever quotes or code the value holds."""
    tree = ast.parse(f"x = {pyrepr(value)}\n")
    assert len(tree.body) == 1 and isinstance(tree.body[0], ast.Assign)
    kinds = {type(node) for node in ast.walk(tree.body[0].value)}
    assert kinds <= {ast.Constant, ast.List, ast.Dict, ast.UnaryOp, ast.USub, ast.Load}
    assert ast.literal_eval(tree.body[0].value) == value


def test_literal_spellings() -> None:
    assert pyrepr("it's") == '"it\'s"'
    assert pyrepr('say "hi"') == "'say \"hi\"'"
    assert pyrepr("a\nb") == "'a\\nb'"
    assert pyrepr({"k": [1, None]}) == "{'k': [1, None]}"


def test_retry_config_expression() -> None:
    assert retry_config(None) == 'RetryConfig(strategy="none")'
    expr = retry_config({"strategy": "backoff", "backoff": {"initialInterval": "7"}, "statusCodes": [429, "5XX", "__import__('os')"]})
    assert "initial_interval=7" in expr
    assert "status_codes=(429, '5XX', )" in expr  # a code that is not a status or pattern is dropped
    assert "__import__" not in expr
