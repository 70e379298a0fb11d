"""Parameter styles and server selection of a generated SDK (params_servers fixture), on the wire.

The SDK sends to a recording server on 127.0.0.1, reached through the spec's second server
(`http://{host}:{port}/v1`), so choosing the server is tested along with what is sent.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import httpx
import pytest

from tests.conftest import SPECS


class Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    requests: ClassVar[list[dict[str, Any]]] = []

    def log_message(self, *args: Any) -> None:
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        if length:
            self.rfile.read(length)
        Recorder.requests.append({"line": self.requestline, "headers": {k.lower(): v for k, v in self.headers.items()}})
        payload = b'{"ok": true}'
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = _handle


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv.server_port
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="module")
def sdk(generated_sdk) -> Iterator[ModuleType]:
    folder: Path = generated_sdk(SPECS / "params_servers.yaml", "params_servers_sdk")
    sys.path.insert(0, str(folder / "src"))
    try:
        yield importlib.import_module("params_servers_sdk")
    finally:
        sys.path.remove(str(folder / "src"))


POINT = {"x": 1, "y": 2}
# operation -> (arguments, the request line, the headers that must be there)
CASES: dict[str, tuple[str, dict[str, Any], str, dict[str, str]]] = {
    "path_arrays": (
        "paths.path_arrays",
        {"simple": ["a b", "c/d"], "label": ["x", "y"], "matrix": [1, 2]},
        "GET /v1/arrays/a%20b,c%2Fd/.x.y/;matrix=1;matrix=2 HTTP/1.1",
        {},
    ),
    "path_objects": (
        "paths.path_objects",
        {"simple": POINT, "label": POINT, "matrix": POINT},
        "GET /v1/objects/x=1,y=2/.x.1.y.2/;matrix=x,1,y,2 HTTP/1.1",
        {},
    ),
    "query_styles": (
        "query.query_styles",
        {
            "tags": ["a", "b c"], "ids": [1, 2], "point": POINT, "spaced": ["s", "t"], "piped": ["p", "q"],
            "filter": {"name": "Rex", "kind": "dog"}, "next": "/pets?page=2", "q": "/pets?page=2",
        },
        (
            "GET /v1/query?tags=a&tags=b%20c&ids=1,2&point=x,1,y,2&spaced=s%20t&piped=p|q"
            "&filter[name]=Rex&filter[kind]=dog&next=/pets?page=2&q=%2Fpets%3Fpage%3D2 HTTP/1.1"
        ),
        {},
    ),
    "header_styles": (
        "headers.header_styles",
        {"x_ids": [1, 2], "x_point": POINT, "session": "s 1;x", "flavours": ["mint", "lime"]},
        "GET /v1/headers HTTP/1.1",
        {"x-ids": "1,2", "x-point": "x=1,y=2", "cookie": "session=s%201%3Bx; flavours=mint,lime"},
    ),
}


def call(client: Any, dotted: str, arguments: dict[str, Any], is_async: bool) -> Any:
    target = client
    for part in dotted.split("."):
        target = getattr(target, part + ("_async" if is_async and part == dotted.rsplit(".", 1)[1] else ""))
    return asyncio.run(target(**arguments)) if is_async else target(**arguments)


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("case", list(CASES))
def test_each_style_and_location_is_sent_as_openapi_says(sdk: ModuleType, port: int, case: str, is_async: bool) -> None:
    dotted, arguments, line, headers = CASES[case]
    Recorder.requests.clear()
    with sdk.ParamsServers(server_idx=1, host="127.0.0.1", port=str(port)) as client:
        assert call(client, dotted, arguments, is_async).ok is True
    (sent,) = Recorder.requests
    assert sent["line"] == line
    for name, value in headers.items():
        assert sent["headers"].get(name) == value, name
    if "cookie" not in headers:
        assert "cookie" not in sent["headers"]


def test_a_models_fields_are_sent_by_wire_name(sdk: ModuleType, port: int) -> None:
    Recorder.requests.clear()
    with sdk.ParamsServers(server_url=f"http://127.0.0.1:{port}/v1") as client:
        client.query.query_styles(tags=["a"], point=sdk.models.Point(x=3, y=4))
    assert Recorder.requests[0]["line"] == "GET /v1/query?tags=a&point=x,3,y,4 HTTP/1.1"


# -- server selection ------------------------------------------------------------------------------
def sent_urls(sdk: ModuleType, **options: Any) -> list[str]:
    """The URLs of `get_report`, `create_upload` and `query_styles` (with a call's `server_url` on the last)."""
    urls: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        urls.append(str(request.url))
        return httpx.Response(200, json={"ok": True})

    with sdk.ParamsServers(client=httpx.Client(transport=httpx.MockTransport(answer)), **options) as client:
        client.query.query_styles(tags=["a"])
        client.reports.get_report()
        client.reports.create_upload()
        client.reports.get_report(server_url="https://call.example.com")
    return urls


def test_the_first_server_with_its_defaults_and_operations_own_servers(sdk: ModuleType) -> None:
    assert sent_urls(sdk) == [
        "https://eu.example.com/v1/query?tags=a",
        "https://reports.example.com/v1/reports",  # the path's server
        "https://z1.uploads.example.com/v1/uploads",  # the operation's server, its variable at its default
        "https://call.example.com/reports",  # a call's server_url always wins
    ]


def test_server_idx_and_variables_choose_the_server(sdk: ModuleType) -> None:
    assert sent_urls(sdk, region="us")[0] == "https://us.example.com/v1/query?tags=a"
    assert sent_urls(sdk, server_idx=1, port="9000")[:2] == [
        "http://localhost:9000/v1/query?tags=a",
        "https://reports.example.com/v1/reports",
    ]


def test_the_clients_server_url_wins_over_operations_servers(sdk: ModuleType) -> None:
    assert sent_urls(sdk, server_url="https://mine.example.com") == [
        "https://mine.example.com/query?tags=a",
        "https://mine.example.com/reports",
        "https://mine.example.com/uploads",
        "https://call.example.com/reports",
    ]


def test_an_enum_variable_rejects_other_values_at_construction(sdk: ModuleType) -> None:
    with pytest.raises(ValueError, match=r"'region' must be one of 'eu', 'us', not 'mars'"):
        sdk.ParamsServers(region="mars")
    with pytest.raises(ValueError, match=r"server_idx must be between 0 and 1"):
        sdk.ParamsServers(server_idx=2)


NO_SERVERS = """\
openapi: 3.1.0
info: {title: Serverless, version: "1"}
paths:
  /ping:
    get:
      operationId: ping
      responses:
        "200": {description: OK, content: {application/json: {schema: {type: object, properties: {ok: {type: boolean}}}}}}
"""


def test_a_spec_without_servers_needs_server_url(generated_sdk, tmp_path_factory: pytest.TempPathFactory, port: int) -> None:
    spec = tmp_path_factory.mktemp("spec") / "serverless.yaml"
    spec.write_text(NO_SERVERS, encoding="utf-8")
    folder: Path = generated_sdk(spec, "serverless_sdk")
    sys.path.insert(0, str(folder / "src"))
    try:
        module = importlib.import_module("serverless_sdk")
        with pytest.raises(ValueError, match="the spec lists no server: pass server_url="):
            module.Serverless()
        Recorder.requests.clear()
        with module.Serverless(server_url=f"http://127.0.0.1:{port}") as client:
            client.ping()
        assert Recorder.requests[0]["line"] == "GET /ping HTTP/1.1"
        readme = (folder / "README.md").read_text(encoding="utf-8")
        assert "The spec lists no server: pass the API's base URL as `server_url`" in readme
    finally:
        sys.path.remove(str(folder / "src"))
