"""Deprecated operations, parameters and body fields warn when used, against a real server, sync and async
(deprecations fixture); arguments not passed cost nothing and warn nothing."""

from __future__ import annotations

import asyncio
import importlib
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import SPECS
from tests.runtime.scripted_server import ScriptedServer, Step

WIDGET = {"id": "w1", "name": "Gear"}
THIS_FILE = str(Path(__file__))


@pytest.fixture(scope="module")
def sdk(generated_sdk: Any) -> Iterator[ModuleType]:
    folder: Path = generated_sdk(SPECS / "deprecations.yaml", "deprecations_sdk")
    sys.path.insert(0, str(folder / "src"))
    try:
        yield importlib.import_module("deprecations_sdk")
    finally:
        sys.path.remove(str(folder / "src"))


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    srv = ScriptedServer()
    srv.reset(Step(200, WIDGET))
    yield srv
    srv.close()


@pytest.fixture
def client(sdk: ModuleType, server: ScriptedServer) -> Iterator[Any]:
    with sdk.Deprecations(server_url=server.url, retry_config=None) as c:
        yield c


def only_warning(record: pytest.WarningsRecorder) -> warnings.WarningMessage:
    (warning,) = record.list
    assert warning.category is DeprecationWarning
    assert warning.filename == THIS_FILE  # stacklevel points at the caller's line
    return warning


def test_deprecated_operation_names_its_replacement(client: Any, server: ScriptedServer) -> None:
    with pytest.warns(DeprecationWarning) as record:
        widget = client.widgets.fetch_widget(id_="w1")
    message = "widgets.fetch_widget() is deprecated; use `widgets.get_widget` instead."
    assert str(only_warning(record).message) == message
    assert widget.id == "w1" and server.requests[-1].target == "/widget-by-id/w1"  # still sent


def test_deprecated_operation_without_replacement(client: Any, server: ScriptedServer) -> None:
    server.reset(Step(204, b""))
    with pytest.warns(DeprecationWarning) as record:
        client.widgets.purge_widgets()
    assert str(only_warning(record).message) == "widgets.purge_widgets() is deprecated."


def test_deprecated_parameters_warn_only_when_passed(client: Any, server: ScriptedServer) -> None:
    server.reset(Step(200, [WIDGET]))
    with pytest.warns(DeprecationWarning) as record:
        client.widgets.list_widgets(page=2)
    assert str(only_warning(record).message) == (
        "widgets.list_widgets(page=...): `page` is deprecated; use `cursor` instead."
    )
    assert server.requests[-1].target == "/widgets?page=2"
    with pytest.warns(DeprecationWarning) as record:
        client.widgets.list_widgets(x_legacy_mode=True)
    assert str(only_warning(record).message) == (
        "widgets.list_widgets(x_legacy_mode=...): `x_legacy_mode` is deprecated."
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning fails the call
        client.widgets.list_widgets(cursor="c")
    assert server.requests[-1].target == "/widgets?cursor=c"


def test_deprecated_body_fields_warn_only_when_passed(client: Any, server: ScriptedServer) -> None:
    with pytest.warns(DeprecationWarning) as record:
        client.widgets.create_widget(name="Gear", colour="red")
    assert str(only_warning(record).message) == (
        "widgets.create_widget(colour=...): `colour` is deprecated; use `color` instead."
    )
    assert server.requests[-1].json() == {"name": "Gear", "colour": "red"}
    with pytest.warns(DeprecationWarning) as record:
        client.widgets.create_widget(name="Gear", size=3)
    assert (
        str(only_warning(record).message)
        == "widgets.create_widget(size=...): `size` is deprecated."
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        client.widgets.create_widget(name="Gear", color="red")


def test_async_methods_warn_at_the_awaiting_line(client: Any) -> None:
    async def main() -> None:
        await client.widgets.fetch_widget_async(id_="w1")
        await client.widgets.create_widget_async(name="Gear", colour="red")
        await client.aclose()

    with pytest.warns(DeprecationWarning) as record:
        asyncio.run(main())
    assert [str(w.message) for w in record.list] == [
        "widgets.fetch_widget_async() is deprecated; use `widgets.get_widget` instead.",
        "widgets.create_widget_async(colour=...): `colour` is deprecated; use `color` instead.",
    ]
    assert all(w.filename == THIS_FILE for w in record.list)


def test_one_warning_per_call_site_under_the_default_filter(client: Any) -> None:
    with warnings.catch_warnings(record=True) as caught:
        # Python's filter for code run as __main__: once per location.
        warnings.simplefilter("default")
        for _ in range(3):
            client.widgets.fetch_widget(id_="w1")
        client.widgets.fetch_widget(id_="w1")  # another line: warns again
    assert [w.lineno for w in caught] == sorted({w.lineno for w in caught}) and len(caught) == 2
