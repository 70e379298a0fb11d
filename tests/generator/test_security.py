"""What each operation of the security fixture sends, sync and async, against a recording server on
127.0.0.1 that is also the OAuth token endpoint (it counts token fetches)."""

from __future__ import annotations

import asyncio
import base64
import importlib
import json
import logging
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.conftest import SPECS

CREDENTIALS = {
    "bearer_auth": "b-token",
    "basic_auth": ("user", "p:ss"),
    "header_key": "h-key",
    "query_key": "q-key",
    "cookie_key": "c-key",
    "oauth": ("client id", "s&cret"),
    "oidc": "oidc-token",
}
BASIC = "Basic " + base64.b64encode(b"user:p:ss").decode()


class Server(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    requests: ClassVar[list[dict[str, Any]]] = []
    token_requests: ClassVar[list[dict[str, Any]]] = []
    expires_in: ClassVar[float] = 3600
    refuse: ClassVar[set[str]] = set()  # tokens the API answers 401 to
    lock = threading.Lock()

    def log_message(self, *args: Any) -> None:
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        record = {
            "path": url.path,
            "query": parse_qsl(url.query),
            "headers": {k.lower(): v for k, v in self.headers.items()},
            "body": body,
        }
        if url.path == "/token":
            time.sleep(0.05)  # long enough for concurrent callers to pile up behind one fetch
            with Server.lock:
                Server.token_requests.append(record)
                n = len(Server.token_requests)
            self._send(200, {"access_token": f"tok-{n}", "token_type": "bearer", "expires_in": Server.expires_in})
            return
        Server.requests.append(record)
        if record["headers"].get("authorization", "")[7:] in Server.refuse:
            self._send(401, {"error": "expired"})
        else:
            self._send(200, {"id": "t1"})

    def _send(self, status: int, data: Any) -> None:
        payload = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = _handle


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Server)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="module")
def sdk(generated_sdk, server: str) -> Iterator[ModuleType]:
    folder: Path = generated_sdk(SPECS / "security.yaml", "security_sdk")
    sys.path.insert(0, str(folder / "src"))
    try:
        module = importlib.import_module("security_sdk")
        settings = importlib.import_module("security_sdk._settings")
        oauth = settings.SECURITY_SCHEMES["oauth"]
        settings.SECURITY_SCHEMES["oauth"] = oauth._replace(token_url=server + "/token")
        yield module
    finally:
        sys.path.remove(str(folder / "src"))


@pytest.fixture(autouse=True)
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    Server.requests.clear()
    Server.token_requests.clear()
    Server.expires_in = 3600
    Server.refuse = set()
    for name in ("BEARER_AUTH", "BASIC_AUTH_USERNAME", "BASIC_AUTH_PASSWORD", "HEADER_KEY", "QUERY_KEY"):
        monkeypatch.delenv(f"SECURITY_{name}", raising=False)


def wire(record: dict[str, Any]) -> tuple[str | None, str | None, str | None, list[tuple[str, str]]]:
    h = record["headers"]
    return h.get("authorization"), h.get("x-api-key"), h.get("cookie"), record["query"]


# operation -> (authorization, x-api-key, cookie, query) with every credential configured
EXPECTED = {
    "use_global": ("Bearer b-token", None, None, []),
    "use_basic": (BASIC, None, None, []),
    "use_header_key": (None, "h-key", None, []),
    "use_query_key": (None, None, None, [("api_key", "q-key")]),
    "use_cookie_key": (None, None, "session=c-key", []),
    "use_oauth": ("Bearer tok-1", None, None, []),
    "use_oidc": ("Bearer oidc-token", None, None, []),
    "use_either": (None, "h-key", None, []),  # the first alternative
    "use_both": (None, "h-key", None, [("api_key", "q-key")]),  # every scheme of the entry
    "use_public": (None, None, None, []),  # `security: []`
}


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_each_operation_sends_exactly_its_credentials(sdk: ModuleType, server: str, is_async: bool) -> None:
    async def run_async() -> None:
        async with sdk.Security(server_url=server, **CREDENTIALS) as client:
            for name in EXPECTED:
                await getattr(client, name + "_async")()

    if is_async:
        asyncio.run(run_async())
    else:
        with sdk.Security(server_url=server, **CREDENTIALS) as client:
            for name in EXPECTED:
                getattr(client, name)()
    assert {name: wire(r) for name, r in zip(EXPECTED, Server.requests, strict=True)} == EXPECTED
    token_request = Server.token_requests[0]
    assert parse_qsl(token_request["body"].decode()) == [("grant_type", "client_credentials"), ("scope", "read write")]
    # RFC 6749 §2.3.1: id and secret form-encoded, then HTTP basic
    assert token_request["headers"]["authorization"] == "Basic " + base64.b64encode(b"client%20id:s%26cret").decode()


def test_the_second_alternative_when_the_first_is_not_configured(sdk: ModuleType, server: str) -> None:
    with sdk.Security(server_url=server, basic_auth=("user", "p:ss")) as client:
        client.use_either()
    assert wire(Server.requests[0]) == (BASIC, None, None, [])


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_missing_credentials_fail_before_anything_is_sent(sdk: ModuleType, server: str, is_async: bool) -> None:
    client = sdk.Security(server_url=server, header_key="h-key")
    with pytest.raises(sdk.models.MissingCredentialsError) as info:
        if is_async:
            asyncio.run(client.use_both_async())
        else:
            client.use_both()
    assert "useBoth" in str(info.value) and "`query_key=...`" in str(info.value) and "SECURITY_QUERY_KEY" in str(info.value)
    assert info.value.schemes == ("headerKey", "queryKey")
    with pytest.raises(sdk.models.MissingCredentialsError, match=r"`oauth=\(client_id, client_secret\)`"):
        client.use_oauth()
    assert Server.requests == [] and Server.token_requests == []
    client.use_public()  # needs nothing
    assert len(Server.requests) == 1
    client.close()


def test_credentials_from_the_environment(sdk: ModuleType, server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECURITY_BEARER_AUTH", "env-token")
    monkeypatch.setenv("SECURITY_BASIC_AUTH_USERNAME", "env-user")
    monkeypatch.setenv("SECURITY_BASIC_AUTH_PASSWORD", "env-pass")
    with sdk.Security(server_url=server) as client:
        client.use_global()
        client.use_basic()
    assert [r["headers"]["authorization"] for r in Server.requests] == [
        "Bearer env-token",
        "Basic " + base64.b64encode(b"env-user:env-pass").decode(),
    ]


def test_a_pair_argument_must_be_a_pair(sdk: ModuleType) -> None:
    with pytest.raises(TypeError, match="basic_auth"):
        sdk.Security(basic_auth="user:pass")


def test_one_token_fetch_for_concurrent_threads_and_tasks(sdk: ModuleType, server: str) -> None:
    with sdk.Security(server_url=server, oauth=("id", "secret")) as client:
        threads = [threading.Thread(target=client.use_oauth) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert len(Server.token_requests) == 1 and len(Server.requests) == 8

    async def tasks() -> None:
        async with sdk.Security(server_url=server, oauth=("id", "secret")) as client:
            await asyncio.gather(*(client.use_oauth_async() for _ in range(8)))

    asyncio.run(tasks())
    assert len(Server.token_requests) == 2 and len(Server.requests) == 16
    assert {r["headers"]["authorization"] for r in Server.requests[8:]} == {"Bearer tok-2"}


def test_token_is_fetched_again_after_it_expires(sdk: ModuleType, server: str) -> None:
    Server.expires_in = 1  # counts as expired 0.1 s early
    with sdk.Security(server_url=server, oauth=("id", "secret")) as client:
        client.use_oauth()
        client.use_oauth()
        time.sleep(1.0)
        client.use_oauth()
    assert len(Server.token_requests) == 2
    assert [r["headers"]["authorization"] for r in Server.requests] == ["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_401_refreshes_the_token_once_and_retries(sdk: ModuleType, server: str, is_async: bool) -> None:
    Server.refuse = {"tok-1"}
    outcomes: list[Any] = []

    async def twice_async() -> None:
        async with sdk.Security(server_url=server, oauth=("id", "secret"), retry_config=None) as client:
            outcomes.append(await client.use_oauth_async())
            Server.refuse = {"tok-2", "tok-3"}
            try:
                await client.use_oauth_async()
            except sdk.models.APIError as exc:
                outcomes.append(exc)

    if is_async:
        asyncio.run(twice_async())
    else:
        with sdk.Security(server_url=server, oauth=("id", "secret"), retry_config=None) as client:
            outcomes.append(client.use_oauth())
            Server.refuse = {"tok-2", "tok-3"}
            try:
                client.use_oauth()
            except sdk.models.APIError as exc:
                outcomes.append(exc)
    assert outcomes[0].id == "t1"
    assert outcomes[1].status_code == 401  # refused again: one refresh only, then the 401 is the answer
    sent = [r["headers"]["authorization"] for r in Server.requests]
    assert sent == ["Bearer tok-1", "Bearer tok-2", "Bearer tok-2", "Bearer tok-3"]
    assert len(Server.token_requests) == 3


def test_debug_log_never_shows_a_credential(sdk: ModuleType, server: str, caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("security-test")
    logger.setLevel(logging.DEBUG)
    with (
        caplog.at_level(logging.DEBUG, logger="security-test"),
        sdk.Security(server_url=server, debug_logger=logger, **CREDENTIALS) as client,
    ):
        for name in EXPECTED:
            getattr(client, name)()
    text = caplog.text
    assert "api_key=[REDACTED]" in text and "Request: POST" in text
    for secret in ("b-token", "h-key", "q-key", "c-key", "tok-1", "oidc-token", base64.b64encode(b"user:p:ss").decode()):
        assert secret not in text, secret
