"""Fixtures of the pagination tests: the fixture spec's SDK (its Link-paged operation marked in the
config, as sdkgen.yaml would), a page server on 127.0.0.1, and a client pointed at it."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import SPECS
from tests.pagination.server import PageServer

SPEC = SPECS / "pagination.yaml"
PACKAGE = "paged_sdk"
# What `spec/<api>/sdkgen.yaml` would say: `listPetsByLink` is paged by its `Link: rel="next"` header.
CONFIG: dict[str, Any] = {
    "package": PACKAGE,
    "pagination": {"listPetsByLink": {"type": "link", "results": "$"}},
}


@pytest.fixture(scope="session")
def paged_sdk_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.pipeline import generate

    out = tmp_path_factory.mktemp("paged") / "sdk"
    generate(SPEC, out, CONFIG)
    return out


@pytest.fixture(scope="session")
def sdk(paged_sdk_folder: Path) -> Iterator[ModuleType]:
    src = str(paged_sdk_folder / "src")
    sys.path.insert(0, src)
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(src)


@pytest.fixture
def server() -> Iterator[PageServer]:
    srv = PageServer()
    yield srv
    srv.close()


@pytest.fixture
def client(sdk: ModuleType, server: PageServer) -> Iterator[Any]:
    c = sdk.PagedPets(api_key="secret-key", server_url=server.url, retry_config=None)
    yield c
    c.close()
