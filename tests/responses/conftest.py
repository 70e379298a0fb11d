"""Fixtures of the response tests: the SDK of `responses.yaml`, generated once, and a scripted server on 127.0.0.1."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import h11
import pytest

from tests.conftest import SPECS
from tests.runtime.scripted_server import ScriptedServer, Step

PACKAGE = "responses_sdk"


class Repeat:
    """A body of `count` copies of `piece`, made as it is sent (re-iterable: a step may be served twice)."""

    def __init__(self, piece: bytes, count: int) -> None:
        self.piece, self.count = piece, count

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(self.count):
            yield self.piece

    def __len__(self) -> int:
        return self.count


class ResponseServer(ScriptedServer):
    """`ScriptedServer` whose steps choose their own content type (JSON unless told), and may have no body."""

    def _answer(self, conn: Any, parser: h11.Connection, request: h11.Request) -> bool:
        import time

        from tests.runtime.scripted_server import Seen

        body = b""
        while True:
            event = parser.next_event()
            if event is h11.NEED_DATA:
                parser.receive_data(conn.recv(65536))
                continue
            if isinstance(event, h11.Data):
                body += bytes(event.data)
            if isinstance(event, h11.EndOfMessage):
                break
        headers = {k.decode().lower(): v.decode() for k, v in request.headers}
        step = self._next_step(
            Seen(time.monotonic(), request.method.decode(), request.target.decode(), headers, body)
        )
        if step.delay and not self._wait_while_open(conn, step.delay):
            return False
        out = dict(step.headers)
        if step.status in (204, 304):
            conn.sendall(
                parser.send(h11.Response(status_code=step.status, headers=list(out.items())))
            )
        elif step.chunks is None:
            payload = step.payload()
            out.setdefault("content-type", "application/json")
            out["content-length"] = str(len(payload))
            conn.sendall(
                parser.send(h11.Response(status_code=step.status, headers=list(out.items())))
            )
            conn.sendall(parser.send(h11.Data(data=payload)))
        else:
            out.setdefault("content-type", "application/json")
            out["transfer-encoding"] = "chunked"
            conn.sendall(
                parser.send(h11.Response(status_code=step.status, headers=list(out.items())))
            )
            chunks: Iterable[bytes] = step.chunks
            for chunk in chunks:
                if step.chunk_delay and not self._wait_while_open(conn, step.chunk_delay):
                    return False
                conn.sendall(parser.send(h11.Data(data=chunk)))
        conn.sendall(parser.send(h11.EndOfMessage()))
        return True


def json_step(body: Any, status: int = 200, **headers: str) -> Step:
    return Step(status=status, body=body, headers=dict(headers))


@pytest.fixture(scope="session")
def sdk(generated_sdk: Any) -> Iterator[ModuleType]:
    folder: Path = generated_sdk(SPECS / "responses.yaml", PACKAGE)
    sys.path.insert(0, str(folder / "src"))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder / "src"))


@pytest.fixture
def server() -> Iterator[ResponseServer]:
    srv = ResponseServer()
    yield srv
    srv.close()


@pytest.fixture
def client(sdk: ModuleType, server: ResponseServer) -> Iterator[Any]:
    c = sdk.Responses(api_key="k", server_url=server.url)
    yield c
    c.close()
