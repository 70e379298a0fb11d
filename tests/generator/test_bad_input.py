"""Bad input: a clear error naming the place, exit code 2, and the previous output left intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.write import read_tree as _tree
from tests.conftest import SPECS, run, tool

GOOD = (SPECS / "kitchen_sink.yaml").read_text()


@pytest.fixture(scope="module")
def previous_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("prev") / "sdk"
    proc = run([tool("sdkgen"), "generate", str(SPECS / "kitchen_sink.yaml"), "-o", str(out)])
    assert proc.returncode == 0, proc.stderr
    return out


CASES = {
    "missing file": (None, "file not found"),
    "yaml syntax": ("openapi: 3.1.0\ninfo: {title: x\n  version: 1\n", "YAML syntax error"),
    "json syntax": ('{"openapi": "3.1.0",\n "info": }', "JSON syntax error"),
    "not openapi 3": ("swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\n", "only OpenAPI 3.0 and 3.1"),
    "invalid spec": (GOOD.replace("description: The pet.\n", "description: 42\n", 1), "invalid OpenAPI spec"),
    "bad local ref": (GOOD.replace("'#/components/schemas/Address'", "'#/components/schemas/Adress'", 1), "unresolvable $ref"),
    "bad file ref": (GOOD.replace("'#/components/schemas/Address'", "'missing.yaml#/Address'", 1), "missing.yaml"),
    "json not a mapping": ("42\n", "a spec must be a mapping at the top level"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_cleanly_and_keeps_the_previous_output(case: str, tmp_path: Path, previous_output: Path) -> None:
    text, expected = CASES[case]
    suffix = ".json" if case.startswith("json") else ".yaml"
    spec = tmp_path / f"spec{suffix}"
    if text is not None:
        spec.write_text(text)
    before = _tree(previous_output)
    proc = run([tool("sdkgen"), "generate", str(spec), "-o", str(previous_output)])
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert expected in proc.stderr
    assert str(spec) in proc.stderr  # the message names the file
    assert "Traceback" not in proc.stderr
    assert _tree(previous_output) == before  # nothing half-written
    assert not [p for p in previous_output.parent.iterdir() if p.name.startswith(".sdk")]  # no staging left


def test_errors_name_the_line_and_json_pointer(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(GOOD.replace("description: The pet.\n", "description: 42\n", 1))
    proc = run([tool("sdkgen"), "generate", str(spec), "-o", str(tmp_path / "out")])
    line = GOOD.splitlines().index("          description: The pet.") + 1
    assert f"{spec}:{line}" in proc.stderr
    assert "#/paths/~1pets~1{petId}/get/responses/200/description" in proc.stderr

    spec.write_text("openapi: 3.1.0\ninfo:\n  title: [unclosed\n")
    proc = run([tool("sdkgen"), "generate", str(spec), "-o", str(tmp_path / "out")])
    assert f"{spec}:4" in proc.stderr or f"{spec}:3" in proc.stderr

    spec.write_text(GOOD.replace("'#/components/schemas/Address'", "'#/components/schemas/Adress'", 1))
    proc = run([tool("sdkgen"), "generate", str(spec), "-o", str(tmp_path / "out")])
    assert "#/components/schemas/Pet/properties/owner/properties/address/allOf/0" in proc.stderr


def test_refuses_to_overwrite_a_folder_it_did_not_generate(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("precious")
    proc = run([tool("sdkgen"), "generate", str(SPECS / "kitchen_sink.yaml"), "-o", str(out)])
    assert proc.returncode == 5  # OutputError
    assert "refusing to overwrite" in proc.stderr
    assert (out / "notes.txt").read_text() == "precious"
