"""A real HTTP/1.1 server on 127.0.0.1 that serves the pages of `tests/fixtures/specs/pagination.yaml`.

500 pets (`{"id": i, "name": "pet-i"}`), paged every way the fixture spec declares. It records every
request (method, path with query, headers, JSON body) and counts connections (opened, still open), so
the tests assert exactly what went over the wire. `fail` makes chosen requests answer 503 once;
`next_style` chooses how the url/link pages point to the next one (absolute, relative, cross-origin).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

PETS = [{"id": i, "name": f"pet-{i}"} for i in range(500)]


@dataclass
class Seen:
    method: str
    target: str  # path and query, as sent
    headers: dict[str, str]
    body: Any

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.target).query)


class PageServer:
    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.fail: set[int] = set()  # request numbers (0-based) answered 503 (each once)
        self.next_style = "absolute"  # url/link pages: absolute, relative, path, cross-origin
        self.cursor_end: Any = (
            None  # what the last cursor page carries as its next cursor: None, "", or "absent"
        )
        self.connections = 0
        self.open_connections = 0
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # headers and body leave in two writes: without this, each answer waits for a delayed ACK
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                with owner._lock:
                    owner.connections += 1
                    owner.open_connections += 1

            def finish(self) -> None:
                try:
                    super().finish()
                finally:
                    with owner._lock:
                        owner.open_connections -= 1

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                owner._answer(self, None)

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                owner._answer(self, json.loads(self.rfile.read(length) or b"null"))

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def wait_closed(self, timeout: float = 5.0) -> int:
        """Connections still open once every one closed or `timeout` seconds passed."""
        end = time.monotonic() + timeout
        while self.open_connections and time.monotonic() < end:
            time.sleep(0.01)
        return self.open_connections

    # -- answers -------------------------------------------------------------------------------
    def _answer(self, handler: BaseHTTPRequestHandler, body: Any) -> None:
        seen = Seen(
            handler.command, handler.path, {k.lower(): v for k, v in handler.headers.items()}, body
        )
        with self._lock:
            number = len(self.requests)
            self.requests.append(seen)
        if number in self.fail:
            self.fail.discard(number)
            self._send(handler, 503, {"message": "try again"})
            return
        path, q = urlsplit(handler.path).path, seen.query

        def arg(name: str, default: int) -> int:
            return int(q[name][0]) if name in q else default

        headers: dict[str, str] = {}
        if path == "/v1/pets":
            offset, limit = arg("offset", 0), arg("limit", 10)
            payload: Any = {"data": PETS[offset : offset + limit], "total": len(PETS)}
        elif path == "/v1/pets/pages":
            page, per_page = arg("page", 1), arg("per_page", 10)
            pages = -(-len(PETS) // per_page)
            payload = {
                "items": PETS[(page - 1) * per_page : page * per_page],
                "meta": {"pages": pages},
            }
        elif path == "/v1/pets/cursor":
            start, limit = arg("cursor", 0), arg("limit", 10)
            payload = self._cursor_page(start, limit, "data", "next_cursor")
        elif path == "/v1/pets/search":
            start, limit = int(body.get("cursor") or 0), int(body.get("limit") or 10)
            page = self._cursor_page(start, limit, "results", "cursor")
            payload = {
                "results": page["results"],
                "next": {k: v for k, v in page.items() if k == "cursor"},
            }
        elif path in ("/v1/pets/url", "/v1/pets/linked"):
            after, limit = arg("after", 0), 10
            items = PETS[after : after + limit]
            following = f"{path}?after={after + limit}" + (
                f"&species={q['species'][0]}" if "species" in q else ""
            )
            nxt = self._next_link(following) if after + limit < len(PETS) else None
            if path == "/v1/pets/url":
                payload = {"data": items, "links": {"next": nxt}}
            else:
                payload = items
                if nxt is not None:
                    headers["link"] = f'<{nxt}>; rel="next", <{path}?after=0>; rel="first"'
        else:
            self._send(handler, 404, {"message": "no such path"})
            return
        self._send(handler, 200, payload, headers)

    def _cursor_page(self, start: int, limit: int, key: str, cursor_key: str) -> dict[str, Any]:
        page: dict[str, Any] = {key: PETS[start : start + limit]}
        if start + limit < len(PETS):
            page[cursor_key] = str(start + limit)
        elif self.cursor_end != "absent":
            page[cursor_key] = self.cursor_end
        return page

    def _next_link(self, following: str) -> str:
        if self.next_style == "relative":  # relative to the page's URL: `url?after=10`
            return following.rsplit("/", 1)[1]
        if self.next_style == "path":
            return following
        if self.next_style == "cross-origin":
            return f"http://localhost:{self.port}{following}"
        return f"http://127.0.0.1:{self.port}{following}"

    @staticmethod
    def _send(
        handler: BaseHTTPRequestHandler,
        status: int,
        payload: Any,
        headers: dict[str, str] | None = None,
    ) -> None:
        data = json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(data)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)
