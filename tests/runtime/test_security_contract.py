"""Prism, started from the security fixture spec, checks the credentials the SDK sends.

Prism 5.14.2 validates each operation's security requirement: a request without the credentials of
any of its alternatives is answered 401. Raw requests without credentials prove that Prism enforces
the spec's requirements; the SDK's calls, with every credential configured, pass.

The spec's `tokenUrl` (https://auth.security.test/token) does not exist: the SDK is generated from a
copy of the spec whose `tokenUrl` points at a tiny token server on 127.0.0.1, so that `use_oauth`
gets a real token before Prism sees its bearer header.
"""

from __future__ import annotations

import asyncio
import base64
import importlib
import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import yaml

from tests.conftest import SPECS

from .prism import prism_mock

SPEC = SPECS / "security.yaml"
PACKAGE = "security_contract_sdk"
CREDENTIALS: dict[str, Any] = {
    "bearer_auth": "bearer-token",
    "basic_auth": ("user", "pass word"),
    "header_key": "header-key",
    "query_key": "query-key",
    "cookie_key": "cookie-key",
    "oauth": ("client-id", "client-secret"),
    "oidc": "oidc-token",
}
TOKEN = "issued-access-token"


class TokenServer:
    """An OAuth2 token endpoint: checks the client-credentials grant, answers with TOKEN."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0)).decode()
                form = {k: v[0] for k, v in parse_qs(body).items()}
                kind, _, value = (self.headers.get("authorization") or "").partition(" ")
                client = base64.b64decode(value).decode() if kind.lower() == "basic" else ""
                server.requests.append({"path": self.path, "form": form, "client": client})
                ok = self.path == "/token" and form.get("grant_type") == "client_credentials" and client == "client-id:client-secret"
                payload = json.dumps({"access_token": TOKEN, "token_type": "Bearer", "expires_in": 3600} if ok else {"error": "invalid_client"}).encode()
                self.send_response(200 if ok else 401)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/token"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture(scope="module")
def token_server() -> Iterator[TokenServer]:
    server = TokenServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def local_spec(tmp_path_factory: pytest.TempPathFactory, token_server: TokenServer) -> Path:
    """The security spec with its clientCredentials `tokenUrl` pointing at the local token server."""
    doc = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    flow = doc["components"]["securitySchemes"]["oauth"]["flows"]["clientCredentials"]
    assert flow["tokenUrl"] == "https://auth.security.test/token"
    flow["tokenUrl"] = token_server.url
    path = tmp_path_factory.mktemp("security-spec") / "security.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def prism_url(tmp_path_factory: pytest.TempPathFactory, local_spec: Path) -> Iterator[str]:
    with prism_mock(local_spec, tmp_path_factory.mktemp("prism")) as url:
        yield url


@pytest.fixture(scope="module")
def sdk(generated_sdk, local_spec: Path) -> Iterator[ModuleType]:
    folder: Path = generated_sdk(local_spec, PACKAGE)
    sys.path.insert(0, str(folder / "src"))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder / "src"))


def _cookies(request: httpx.Request) -> dict[str, str]:
    return dict(p.strip().split("=", 1) for p in request.headers.get("cookie", "").split(";") if "=" in p)


def _basic(request: httpx.Request) -> str:
    kind, _, value = request.headers.get("authorization", "").partition(" ")
    return base64.b64decode(value).decode() if kind == "Basic" else ""


# Every operation of the spec (all are called), its method and path, and what the SDK must send for it.
OPERATIONS: dict[str, tuple[str, str, Any]] = {
    "use_global": ("GET", "/global", lambda r: r.headers.get("authorization") == "Bearer bearer-token"),
    "use_basic": ("GET", "/basic", lambda r: _basic(r) in ("user:pass word", "user:pass%20word")),
    "use_header_key": ("GET", "/header", lambda r: r.headers.get("x-api-key") == "header-key"),
    "use_query_key": ("GET", "/query", lambda r: r.url.params.get("api_key") == "query-key"),
    "use_cookie_key": ("GET", "/cookie", lambda r: _cookies(r).get("session") == "cookie-key"),
    "use_oauth": ("POST", "/oauth", lambda r: r.headers.get("authorization") == f"Bearer {TOKEN}"),
    "use_oidc": ("GET", "/oidc", lambda r: r.headers.get("authorization") == "Bearer oidc-token"),
    # the first alternative whose credentials are given: the header key
    "use_either": ("GET", "/either", lambda r: r.headers.get("x-api-key") == "header-key" and "authorization" not in r.headers),
    "use_both": ("GET", "/both", lambda r: r.headers.get("x-api-key") == "header-key" and r.url.params.get("api_key") == "query-key"),
    "use_public": ("GET", "/public", lambda r: not {"authorization", "x-api-key", "cookie"} & set(r.headers) and not r.url.params),
}


def test_every_operation_of_the_spec_is_covered() -> None:
    doc = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    spec_ops = {(method.upper(), path) for path, item in doc["paths"].items() for method in item}
    assert {(m, p) for m, p, _ in OPERATIONS.values()} == spec_ops


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_prism_accepts_the_credentials_the_sdk_sends(
    sdk: ModuleType, prism_url: str, token_server: TokenServer, operation: str, is_async: bool
) -> None:
    method, path, sent_right = OPERATIONS[operation]
    sent: list[httpx.Request] = []
    received: list[httpx.Response] = []
    tokens_before = len(token_server.requests)
    options: dict[str, Any] = {**CREDENTIALS, "server_url": prism_url, "retry_config": None}
    if is_async:
        async def on_request(request: httpx.Request) -> None:
            sent.append(request)

        async def on_response(response: httpx.Response) -> None:
            received.append(response)

        async def run() -> Any:
            http = httpx.AsyncClient(event_hooks={"request": [on_request], "response": [on_response]})
            async with http, sdk.Security(async_client=http, **options) as client:
                return await getattr(client, operation + "_async")()

        result = asyncio.run(run())
    else:
        hooks = {"request": [sent.append], "response": [received.append]}
        with httpx.Client(event_hooks=hooks) as http, sdk.Security(client=http, **options) as client:
            result = getattr(client, operation)()
    api = [(req, res) for req, res in zip(sent, received, strict=True) if str(req.url).startswith(prism_url)]
    assert len(api) == 1, [str(r.url) for r in sent]
    request, response = api[0]
    assert (request.method, request.url.path) == (method, path)
    assert sent_right(request), f"{operation} sent {dict(request.headers)} {request.url}"
    assert "sl-violations" not in response.headers, response.headers["sl-violations"]
    assert response.status_code == 200
    assert isinstance(result.id, str)
    new_tokens = token_server.requests[tokens_before:]
    if operation == "use_oauth":
        # one token fetched by the client, with the operation's scopes, before the call
        assert len(new_tokens) == 1 and str(sent[0].url) == token_server.url
        assert new_tokens[0]["form"] == {"grant_type": "client_credentials", "scope": "read write"}
    else:
        assert new_tokens == []


# What Prism answers a request without any credentials: 401 wherever the spec requires some.
WITHOUT_CREDENTIALS = {op: 200 if op == "use_public" else 401 for op in OPERATIONS}


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_prism_enforces_the_spec_requirement_without_credentials(prism_url: str, operation: str) -> None:
    method, path, _ = OPERATIONS[operation]
    response = httpx.request(method, prism_url + path)
    assert response.status_code == WITHOUT_CREDENTIALS[operation], response.text


@pytest.mark.parametrize(
    ("path", "headers", "params", "status"),
    [
        ("/both", {"x-api-key": "k"}, {}, 401),  # an AND-combination needs both keys
        ("/both", {"x-api-key": "k"}, {"api_key": "q"}, 200),
        ("/either", {"authorization": "Basic " + base64.b64encode(b"u:p").decode()}, {}, 200),  # the other alternative
        ("/header", {"authorization": "Bearer t"}, {}, 401),  # the global scheme does not apply here
        ("/cookie", {"cookie": "session=c"}, {}, 200),
    ],
)
def test_prism_checks_alternatives_and_combinations(prism_url: str, path: str, headers: dict[str, str], params: dict[str, str], status: int) -> None:
    assert httpx.get(prism_url + path, headers=headers, params=params).status_code == status
