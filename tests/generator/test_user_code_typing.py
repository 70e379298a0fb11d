"""User code type-checks against the generated SDK: dicts (TypedDicts) and models are both accepted,
and mistakes are caught by mypy before anything runs."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ORQ_SRC, SPECS, mypy_cache, run, tool

GOOD = """
from orq_ai_sdk import Orq, UNSET, models

def use(orq: Orq) -> None:
    as_dicts = orq.router.completions.create(
        model="m",
        prompt="p",
        retry={"count": 3, "on_codes": [429]},
        cache={"type": "exact_match", "ttl": 60},
        echo=None,
        temperature=UNSET,
    )
    as_models = orq.router.completions.create(
        model="m",
        prompt="p",
        retry=models.CreateCompletionRetry(count=3, on_codes=[429]),
    )
    body: models.CreateCompletionResponseBody = as_dicts
    body = as_models
    image: models.CreateImageResponseBody = orq.router.images_generate(prompt="a cat", model="openai/dall-e-3")
    print(body.id, image)
"""

BAD = {
    "wrong scalar type": 'orq.router.completions.create(model=1, prompt="p")',
    "misspelled TypedDict key": 'orq.router.completions.create(model="m", prompt="p", retry={"cont": 3, "on_codes": []})',
    "missing required argument": 'orq.router.completions.create(model="m")',
    "unknown argument": 'orq.router.completions.create(model="m", prompt="p", temprature=1.0)',
    "None for a non-nullable field": 'orq.router.completions.create(model="m", prompt="p", user=None)',
}


def _mypy(tmp_path: Path, source: str) -> tuple[int, str]:
    program = tmp_path / "user_program.py"
    program.write_text(source)
    proc = run([tool("mypy"), "--strict", "--cache-dir", mypy_cache(), str(program)], cwd=tmp_path)
    return proc.returncode, proc.stdout + proc.stderr


def test_dicts_and_models_both_type_check(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MYPYPATH", str(ORQ_SRC))
    code, out = _mypy(tmp_path, GOOD)
    assert code == 0, out


def test_mistakes_are_type_errors(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MYPYPATH", str(ORQ_SRC))
    body = "\n".join(f"    {call}  # {name}" for name, call in BAD.items())
    code, out = _mypy(tmp_path, f"from orq_ai_sdk import Orq\n\ndef use(orq: Orq) -> None:\n{body}\n")
    assert code == 1
    for line_no, name in enumerate(BAD, start=4):
        assert f"user_program.py:{line_no}:" in out, f"mypy missed: {name}\n{out}"


FORMATS_GOOD = """
from datetime import date, datetime, timezone
from uuid import uuid4
from formats_sdk import Formats

def use(client: Formats) -> None:
    hook = client.hooks.merge(url="u", created_at=datetime(2024, 1, 2, tzinfo=timezone.utc))
    when: datetime | None = hook.created_at
    client.hooks.merge_async2(since=datetime.now(), hook_id=uuid4(), x_day=date.today())
    print(when)
"""


def test_datetime_arguments_type_check(tmp_path: Path, monkeypatch, generated_sdk) -> None:
    """A `date-time` field's flattened argument is a `datetime`, like the model field behind it."""
    folder = generated_sdk(SPECS / "formats.yaml", "formats_sdk")
    monkeypatch.setenv("MYPYPATH", str(folder / "src"))
    code, out = _mypy(tmp_path, FORMATS_GOOD)
    assert code == 0, out
    code, out = _mypy(tmp_path, FORMATS_GOOD.replace("created_at=datetime(2024, 1, 2, tzinfo=timezone.utc)", 'created_at="2024"'))
    assert code == 1 and 'Argument "created_at"' in out, out
