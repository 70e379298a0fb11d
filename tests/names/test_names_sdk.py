"""`client.pets.list()`, `client.models.list()`: methods and resources named like builtins and like the
SDK's `models` module keep their names, and work, sync and async, plain and through the views, against
a server on 127.0.0.1. Keywords (`import_`) and the names the classes use (`with_raw_response_`) get a `_`."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import GOLDEN_SPECS, mypy_cache, tool
from tests.responses.conftest import ResponseServer, json_step
from tests.runtime.scripted_server import Step

PET = {"id": 1, "name": "Rex", "tags": ["good"]}
MODEL = {"id": "m1", "owned_by": "me"}


def _load(generated_sdk: Any, key: str) -> Iterator[ModuleType]:
    spec, package = GOLDEN_SPECS[key]
    folder: Path = generated_sdk(spec, package)
    sys.path.insert(0, str(folder / "src"))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(folder / "src"))


@pytest.fixture(scope="module")
def sdk(generated_sdk: Any) -> Iterator[ModuleType]:
    yield from _load(generated_sdk, "names")


@pytest.fixture(scope="module")
def root_sdk(generated_sdk: Any) -> Iterator[ModuleType]:
    yield from _load(generated_sdk, "names_root")


@pytest.fixture
def server() -> Iterator[ResponseServer]:
    srv = ResponseServer()
    yield srv
    srv.close()


@pytest.fixture
def client(sdk: ModuleType, server: ResponseServer) -> Iterator[Any]:
    c = sdk.Names(server_url=server.url)
    yield c
    c.close()


def _sent(server: ResponseServer) -> list[tuple[str, str]]:
    """Every request since the test started, across the `_next` scripts."""
    return [(r.method, r.target) for r in (*getattr(server, "earlier", []), *server.requests)]


def _next(server: ResponseServer, *steps: Step) -> None:
    """A new script, keeping the requests seen so far (`reset` forgets them)."""
    server.earlier = [*getattr(server, "earlier", []), *server.requests]  # type: ignore[attr-defined]
    server.reset(*steps)


def test_builtin_names_and_models_stay_as_they_are(client: Any, server: ResponseServer, sdk: ModuleType) -> None:
    pets = client.pets
    for name in ("list", "dict", "type", "id", "str", "models", "import_", "with_raw_response_"):
        assert inspect.iscoroutinefunction(getattr(pets, name + "_async")), name
        assert callable(getattr(pets, name)), name
    assert not hasattr(pets, "list_") and not hasattr(client, "models_") and not hasattr(pets, "import")
    _next(server, json_step([PET]))
    assert client.pets.list(filter="Re") == [sdk.models.Pet(**PET)]
    _next(server, json_step([MODEL]))
    assert client.models.list() == [sdk.models.AiModel(**MODEL)]
    _next(server, json_step(MODEL))
    assert client.models.retrieve(model_id="m1") == sdk.models.AiModel(**MODEL)
    _next(server, json_step([MODEL]))
    assert client.catalog.models.list() == [sdk.models.AiModel(**MODEL)]
    assert client.catalog.search(q="m") == [sdk.models.AiModel(**MODEL)]
    _next(server, json_step([PET]))
    assert client.list.get(list_id="l1") == [sdk.models.Pet(**PET)]
    _next(server, json_step(PET))
    assert client.pets.dict(id_=1, name="Rex", labels={"a": "b"}) == sdk.models.Pet(**PET)
    _next(server, json_step(PET))
    assert client.pets.id(id_=3) == sdk.models.Pet(**PET)
    assert client.pets.with_raw_response_() == sdk.models.Pet(**PET)  # the method, not the view
    _next(server, json_step(["cat", "dog"]))
    assert client.pets.type() == ["cat", "dog"]
    _next(server, Step(body=b"Rex", headers={"content-type": "text/plain"}))
    assert client.pets.str() == "Rex"
    _next(server, Step(status=204, body=b""))
    assert client.pets.import_(request=[PET]) is None
    _next(server, json_step([MODEL]))
    assert client.status() == [sdk.models.AiModel(**MODEL)]
    assert _sent(server) == [
        ("GET", "/pets?filter=Re"), ("GET", "/models"), ("GET", "/models/m1"), ("GET", "/catalog/models"),
        ("GET", "/catalog/search?q=m"), ("GET", "/lists/l1"), ("POST", "/pets"), ("GET", "/pets/by-id/3"),
        ("GET", "/pets/raw"), ("GET", "/pets/kinds"), ("GET", "/pets/name"), ("POST", "/pets/import"), ("GET", "/status"),
    ]
    assert server.earlier[6].json() == {"id": 1, "name": "Rex", "labels": {"a": "b"}}  # type: ignore[attr-defined]
    assert server.earlier[11].json() == [PET]  # type: ignore[attr-defined]


def test_the_async_twins(client: Any, server: ResponseServer, sdk: ModuleType) -> None:
    async def run() -> list[Any]:
        out = [
            await client.pets.list_async(),
            await client.models.list_async(),
            await client.catalog.models.list_async(),
            await client.pets.models_async(),
        ]
        await client.aclose()
        return out

    _next(server, json_step([PET]), json_step([MODEL]), json_step([MODEL]), json_step([MODEL]))
    pet, model = sdk.models.Pet(**PET), sdk.models.AiModel(**MODEL)
    assert asyncio.run(run()) == [[pet], [model], [model], [model]]
    assert _sent(server) == [("GET", "/pets"), ("GET", "/models"), ("GET", "/catalog/models"), ("GET", "/pets/models")]


def test_the_views_have_the_same_names(client: Any, server: ResponseServer, sdk: ModuleType) -> None:
    _next(server, json_step([PET], **{"X-Request-Id": "r1"}))
    response = client.pets.with_raw_response.list()
    assert isinstance(response, sdk.APIResponse) and response.headers["x-request-id"] == "r1"
    assert response.parse() == [sdk.models.Pet(**PET)]
    _next(server, json_step([MODEL]))
    assert client.models.with_raw_response.list().parse() == [sdk.models.AiModel(**MODEL)]
    assert client.catalog.with_raw_response.models.list().parse() == [sdk.models.AiModel(**MODEL)]
    _next(server, json_step(PET))
    assert client.pets.with_raw_response.with_raw_response_().parse() == sdk.models.Pet(**PET)
    _next(server, json_step([MODEL]))
    assert client.with_raw_response.status().status_code == 200
    _next(server, json_step(["cat"]))
    with client.pets.with_streaming_response.type() as streamed:
        assert json.loads(streamed.read()) == ["cat"]

    async def run() -> Any:
        raw = await client.models.with_raw_response.list_async()
        parsed = await raw.parse()
        await client.aclose()
        return parsed

    _next(server, json_step([MODEL]))
    assert asyncio.run(run()) == [sdk.models.AiModel(**MODEL)]
    assert _sent(server) == [
        ("GET", "/pets"), ("GET", "/models"), ("GET", "/catalog/models"), ("GET", "/pets/raw"), ("GET", "/status"),
        ("GET", "/pets/kinds"), ("GET", "/models"),
    ]


def test_root_methods_named_like_models_and_list(root_sdk: ModuleType, server: ResponseServer) -> None:
    client = root_sdk.RootNames(server_url=server.url)
    model = root_sdk.models.AiModel(**MODEL)
    _next(server, json_step([MODEL]))
    assert client.models() == [model]
    _next(server, json_step(["a", "b"]))
    assert client.list(limit=2) == ["a", "b"]
    assert client.aclose_.list() == ["a", "b"]  # the resource named `aclose`
    _next(server, json_step(MODEL))
    assert client.type(id_="m1") == model
    _next(server, json_step([MODEL]))
    assert client.with_raw_response.models().parse() == [model]
    _next(server, Step(status=204, body=b""))
    assert client.close_() is None  # the operation `close`
    assert _sent(server) == [
        ("GET", "/models"), ("GET", "/lists?limit=2"), ("GET", "/doors"), ("GET", "/models/m1"), ("GET", "/models"),
        ("POST", "/close"),
    ]
    http = client._config.client
    client.close()  # still the client's own: it closes the HTTP client it opened
    assert http.is_closed and client._config.client is None

    async def run() -> Any:
        _next(server, json_step([MODEL]))
        out = await client.models_async(), await client.with_raw_response.list_async()
        await client.aclose()  # the client's own
        return out

    models, raw = asyncio.run(run())
    assert models == [model] and raw.status_code == 200


USER_PROGRAM = """
from names_sdk import Names, models

def use(names: Names) -> None:
    reveal_type(names.pets.list(filter="x"))
    reveal_type(names.models.list())
    reveal_type(names.catalog.models.list())
    reveal_type(names.pets.dict(id_=1, name="Rex", labels={"a": "b"}))
    reveal_type(names.pets.with_raw_response.list().parse())
    reveal_type(names.pets.type())
    reveal_type(names.status())
    pets: list[models.Pet] = names.pets.list()
    print(pets)

async def use_async(names: Names) -> None:
    reveal_type(await names.models.list_async())
"""


def test_user_code_sees_the_types_under_the_plain_names(generated_sdk: Any, tmp_path: Path) -> None:
    """A program using `names.pets.list()` type-checks, and sees `list[Pet]`, not the method `list`."""
    spec, package = GOLDEN_SPECS["names"]
    folder: Path = generated_sdk(spec, package)
    (tmp_path / "user_program.py").write_text(USER_PROGRAM)
    proc = subprocess.run(
        [tool("mypy"), "--strict", "--cache-dir", mypy_cache(), "user_program.py"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
        env={**os.environ, "MYPYPATH": str(folder / "src")},
    )
    revealed = [line.split("Revealed type is ", 1)[1].strip('"') for line in proc.stdout.splitlines() if "Revealed type" in line]
    assert revealed == [
        "list[names_sdk.models.pet.Pet]",
        "list[names_sdk.models.ai_model.AiModel]",
        "list[names_sdk.models.ai_model.AiModel]",
        "names_sdk.models.pet.Pet",
        "list[names_sdk.models.pet.Pet]",
        "list[str]",
        "list[names_sdk.models.ai_model.AiModel]",
        "list[names_sdk.models.ai_model.AiModel]",
    ], proc.stdout
    assert "error:" not in proc.stdout.replace("note:", ""), proc.stdout
