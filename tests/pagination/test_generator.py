"""The generator's side of pagination: invalid configurations are located warnings (errors with
--strict), never tracebacks; and mypy types a paged method's items as the item model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import SpecProblems
from generator.pipeline import generate
from tests.conftest import mypy_cache, run, tool
from tests.pagination.conftest import PACKAGE

BASE: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Tiny", "version": "1"},
    "paths": {
        "/things": {
            "get": {
                "operationId": "listThings",
                "parameters": [{"name": "cursor", "in": "query", "schema": {"type": "string"}}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "things": {"type": "array", "items": {"type": "string"}},
                                        "next": {"type": "string"},
                                    },
                                }
                            }
                        },
                    }
                },
            }
        }
    },
}


def _spec(tmp_path: Path, extension: Any) -> Path:
    doc = yaml.safe_load(yaml.safe_dump(BASE))
    if extension is not None:
        doc["paths"]["/things"]["get"]["x-speakeasy-pagination"] = extension
    path = tmp_path / "tiny.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    return path


def _sdkgen(*args: str) -> Any:
    return run([sys.executable, "-m", "generator", *args], cwd=Path(__file__).resolve().parents[2])


GOOD = {
    "type": "cursor",
    "inputs": [{"name": "cursor", "in": "parameters", "type": "cursor"}],
    "outputs": {"results": "$.things", "nextCursor": "$.next"},
}


@pytest.mark.parametrize(
    ("extension", "message"),
    [
        ("cursor", "must be a mapping"),
        ({**GOOD, "type": "pages"}, "type 'pages' is not one of offsetLimit, cursor, url, link"),
        (
            {**GOOD, "inputs": [{"name": "after", "in": "parameters", "type": "cursor"}]},
            "input 'after' is not a query, header or path parameter",
        ),
        (
            {**GOOD, "outputs": {"results": "$..things[*]", "nextCursor": "$.next"}},
            "is not a simple JSONPath",
        ),
        ({**GOOD, "outputs": {"results": "$.things"}}, "outputs.nextCursor is missing"),
        (
            {"type": "offsetLimit", "outputs": {"results": "$.things"}},
            "inputs name no offset or page argument",
        ),
    ],
)
def test_invalid_extension_is_a_located_warning_then_an_error_with_strict(
    tmp_path: Path, extension: Any, message: str
) -> None:
    spec = _spec(tmp_path, extension)
    proc = _sdkgen("generate", str(spec), "-o", str(tmp_path / "out"), "--package", "tiny_sdk")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    line = next(line for line in proc.stderr.splitlines() if "x-speakeasy-pagination" in line)
    assert (
        line.startswith(f"sdkgen: warning: {spec}:")
        and "#/paths/~1things/get/x-speakeasy-pagination" in line
    )
    assert message in line and line.endswith("the operation is not paged")
    # not paged: the method returns the bare response
    resource = (tmp_path / "out" / "src" / "tiny_sdk" / "sdk.py").read_text()
    assert "SyncPage" not in resource and "pagination=" not in resource
    strict = _sdkgen(
        "generate", str(spec), "-o", str(tmp_path / "strict"), "--package", "tiny_sdk", "--strict"
    )
    assert strict.returncode == 2 and "Traceback" not in strict.stderr
    assert f"sdkgen: error: {spec}:" in strict.stderr and message in strict.stderr


def test_valid_extension_pages_with_the_item_type(tmp_path: Path) -> None:
    proc = _sdkgen(
        "generate", str(_spec(tmp_path, GOOD)), "-o", str(tmp_path / "out"), "--package", "tiny_sdk"
    )
    assert proc.returncode == 0 and "warning" not in proc.stderr, proc.stderr
    code = (tmp_path / "out" / "src" / "tiny_sdk" / "sdk.py").read_text()
    assert "-> SyncPage[models.ListThingsResponseBody, str]:" in code
    assert "-> AsyncPage[models.ListThingsResponseBody, str]:" in code


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            {"listThings": {"type": "link", "results": 3}},
            "sdkgen.yaml pagination.listThings: outputs.results is missing",
        ),
        (
            {"listThing": {"type": "link"}},
            "sdkgen.yaml pagination.listThing: no operation has this operationId",
        ),
        (["listThings"], "sdkgen.yaml pagination: must map operationIds"),
    ],
)
def test_invalid_config_is_a_warning_then_an_error_with_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], config: Any, message: str
) -> None:
    spec = _spec(tmp_path, None)
    generate(spec, tmp_path / "out", {"package": "tiny_sdk", "pagination": config})
    assert message in capsys.readouterr().err
    with pytest.raises(SpecProblems) as info:
        generate(
            spec, tmp_path / "strict", {"package": "tiny_sdk", "pagination": config, "strict": True}
        )
    assert message in str(info.value)


def test_config_marks_a_link_paged_operation(tmp_path: Path) -> None:
    generate(
        _spec(tmp_path, None),
        tmp_path / "out",
        {"package": "tiny_sdk", "pagination": {"listThings": {"type": "link"}}},
    )
    code = (tmp_path / "out" / "src" / "tiny_sdk" / "sdk.py").read_text()
    assert 'Paging(\n        kind="link",\n    )' in code
    assert (
        "SyncPage[models.ListThingsResponseBody, Any]" in code
    )  # `$` is an object here: items untyped


TYPED = """
from paged_sdk import AsyncPage, PagedPets, SyncPage, models


def walk(client: PagedPets) -> None:
    for pet in client.pets.list_pets():
        reveal_type(pet)
    page = client.pets.list_by_cursor(limit=3)
    reveal_type(page.result)
    following = page.next()
    if following is not None:
        items: list[models.Pet] = following.items
    linked: SyncPage[list[models.Pet], models.Pet] = client.pets.list_by_link()
    for p in client.pets.search(query="q").iter_pages():
        reveal_type(p.items)


async def walk_async(client: PagedPets) -> None:
    page = await client.pets.list_pets_async()
    async for pet in page:
        reveal_type(pet)
    nxt: AsyncPage[models.PetList, models.Pet] | None = await page.next()
    async for p in page.iter_pages():
        reveal_type(p)
"""


def test_mypy_types_the_items(paged_sdk_folder: Path, tmp_path: Path) -> None:
    program = tmp_path / "use_pages.py"
    program.write_text(TYPED)
    env = {**os.environ, "MYPYPATH": str(paged_sdk_folder / "src")}
    proc = subprocess.run(
        [tool("mypy"), "--strict", "--cache-dir", mypy_cache(), str(program)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    notes = [
        line.split(": note: ", 1)[1] for line in proc.stdout.splitlines() if "Revealed type" in line
    ]
    assert notes == [
        f'Revealed type is "{PACKAGE}.models.pet.Pet"',
        f'Revealed type is "{PACKAGE}.models.pet_cursor_list.PetCursorList"',
        f'Revealed type is "list[{PACKAGE}.models.pet.Pet]"',
        f'Revealed type is "{PACKAGE}.models.pet.Pet"',
        f'Revealed type is "{PACKAGE}._pagination.AsyncPage[{PACKAGE}.models.pet_list.PetList, {PACKAGE}.models.pet.Pet]"',
    ], proc.stdout
    assert "error" not in proc.stdout.replace("Revealed", ""), proc.stdout
