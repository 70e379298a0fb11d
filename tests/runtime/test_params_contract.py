"""Prism, started from the params_servers fixture spec, validates every parameter style the SDK sends.

Prism deserialises each parameter by its style and location and checks it against its schema; a
request it cannot read as the spec says is answered with an error and an `sl-violations` header.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.conftest import SPECS
from tests.generator.test_params_servers import CASES, call

from .prism import prism_mock

SPEC = SPECS / "params_servers.yaml"


@pytest.fixture(scope="module")
def prism_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with prism_mock(SPEC, tmp_path_factory.mktemp("prism")) as url:
        yield url


@pytest.fixture(scope="module")
def sdk(generated_sdk) -> Iterator[ModuleType]:
    folder: Path = generated_sdk(SPEC, "params_servers_sdk")
    sys.path.insert(0, str(folder / "src"))
    try:
        yield importlib.import_module("params_servers_sdk")
    finally:
        sys.path.remove(str(folder / "src"))


# Path arrays and objects are left out: Prism 5.14.2 crashes on them (`value.split is not a function`
# in its simple-style deserialiser) before validating anything; the recording-server test covers them.
OPERATIONS: dict[str, tuple[str, dict[str, Any]]] = {
    **{name: (dotted, arguments) for name, (dotted, arguments, _, _) in CASES.items() if not name.startswith("path_")},
    "get_report": ("reports.get_report", {}),
    "create_upload": ("reports.create_upload", {}),
}


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_prism_reads_every_parameter_as_the_spec_says(sdk: ModuleType, prism_url: str, operation: str, is_async: bool) -> None:
    dotted, arguments = OPERATIONS[operation]
    responses: list[httpx.Response] = []
    hooks = {"response": [responses.append]}
    options: dict[str, Any] = {"server_url": prism_url, "retry_config": None}
    if is_async:
        async def run() -> Any:
            http = httpx.AsyncClient(event_hooks={"response": [_async(responses.append)]})
            async with http, sdk.ParamsServers(async_client=http, **options) as client:
                return await call_async(client, dotted, arguments)

        result = asyncio.run(run())
    else:
        with httpx.Client(event_hooks=hooks) as http, sdk.ParamsServers(client=http, **options) as client:
            result = call(client, dotted, arguments, False)
    (response,) = responses
    assert "sl-violations" not in response.headers, response.headers["sl-violations"]
    assert response.status_code == 200
    assert isinstance(result.ok, bool)


def _async(function: Any) -> Any:
    async def hook(value: Any) -> None:
        function(value)

    return hook


async def call_async(client: Any, dotted: str, arguments: dict[str, Any]) -> Any:
    *groups, name = dotted.split(".")
    target = client
    for part in groups:
        target = getattr(target, part)
    return await getattr(target, name + "_async")(**arguments)
