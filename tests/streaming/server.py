"""A real HTTP/1.1 server on 127.0.0.1 that streams server-sent events, for the streaming tests and benchmark.

The scenario is the first segment of the request path: the SDK is pointed at
`http://127.0.0.1:PORT/<scenario>` with `server_url=`, and posts to `<scenario>/v2/router/...`.
Responses are written byte by byte as the scenario says (chunked transfer encoding by default), so the
tests control line ends, pauses and where the connection breaks. The server records, per connection,
how many events it wrote and whether the client went away before the end.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Self

CHAT_PATH = "/v2/router/chat/completions"
COMPLETIONS_PATH = "/v2/router/completions"


def chat_chunk(i: int, content: str | None = None, **extra: object) -> dict[str, object]:
    """One OpenAI-style chat completion chunk."""
    delta: dict[str, object] = {"content": content if content is not None else f"tok{i} "}
    chunk: dict[str, object] = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1700000000,
        "model": "openai/gpt-4o-mini",
        "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
    }
    chunk.update(extra)
    return chunk


def completion_chunk(i: int) -> dict[str, object]:
    """One legacy completion chunk."""
    return {
        "id": "cmpl-1",
        "object": "text_completion",
        "created": 1700000000,
        "model": "XC90",
        "choices": [{"index": 0, "text": f"t{i} ", "finish_reason": None}],
    }


def sse(data: object, eol: str = "\n", **fields: object) -> bytes:
    """One event: `fields` (event, id, retry) then `data` (a JSON value or a string) and a blank line."""
    lines = [f"{k}: {v}" for k, v in fields.items()]
    text = data if isinstance(data, str) else json.dumps(data, separators=(",", ":"))
    lines += [f"data: {part}" for part in text.split("\n")]
    return (eol.join(lines) + eol + eol).encode()


DONE = b"data: [DONE]\n\n"


@dataclass
class Connection:
    path: str = ""
    # which TCP connection carried the request (keep-alive reuse shows as equal)
    socket_index: int = 0
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    events_written: int = 0
    pieces_written: int = 0  # body pieces sent (any format)
    client_gone: bool = False  # the client closed the connection before the server finished
    finished: bool = False  # the handler returned (response written, or client gone)


@dataclass
class Plan:
    """What to send: an iterator of byte pieces. A piece `None` means: cut the connection here."""

    pieces: Iterator[bytes | None]
    chunked: bool = True
    status: int = 200
    content_type: str = "text/event-stream"
    delay: float = 0.0  # seconds between pieces


class SSEServer:
    """`with SSEServer({"name": plan_factory}) as server:` ... `server.url("name")`."""

    def __init__(self, scenarios: dict[str, Callable[[Connection], Plan]]) -> None:
        self.scenarios = scenarios
        self.connections: list[Connection] = []
        self._sockets = 0
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, daemon=True)

    def url(self, scenario: str) -> str:
        return f"http://127.0.0.1:{self.port}/{scenario}"

    def __enter__(self) -> Self:
        self._acceptor.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._acceptor.join(5)
        for t in self._threads:
            t.join(5)
        self._sock.close()

    def wait_finished(self, count: int, timeout: float = 10.0) -> list[Connection]:
        """The first `count` connections, once their handlers have returned (bounded wait)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = [c for c in self.connections if c.finished]
            if len(done) >= count:
                return done
            time.sleep(0.01)
        raise AssertionError(
            f"only {sum(c.finished for c in self.connections)} of {count} connections finished"
        )

    # -- internals -----------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._sockets += 1
            t = threading.Thread(target=self._serve, args=(conn, self._sockets), daemon=True)
            self._threads.append(t)
            t.start()

    def _serve(self, conn: socket.socket, index: int) -> None:
        conn.settimeout(10)
        buf = b""
        try:
            while not self._stop.is_set():  # keep-alive: one request after another
                record = Connection(socket_index=index)
                while b"\r\n\r\n" not in buf:
                    data = conn.recv(65536)
                    if not data:
                        return
                    buf += data
                head, buf = buf.split(b"\r\n\r\n", 1)
                request_line, *header_lines = head.decode("latin-1").split("\r\n")
                record.path = request_line.split(" ")[1]
                record.headers = {
                    k.strip().lower(): v.strip() for k, v in (h.split(":", 1) for h in header_lines)
                }
                length = int(record.headers.get("content-length", "0"))
                while len(buf) < length:
                    data = conn.recv(65536)
                    if not data:
                        return
                    buf += data
                record.body, buf = buf[:length], buf[length:]
                self.connections.append(record)
                try:
                    keep = self._respond(conn, record)
                finally:
                    record.finished = True
                if not keep:
                    return
        except (TimeoutError, OSError):
            return
        finally:
            conn.close()

    def _respond(self, conn: socket.socket, record: Connection) -> bool:
        scenario = record.path.strip("/").split("/")[0]
        plan = self.scenarios[scenario](record)
        reason = {200: "OK", 400: "Bad Request", 500: "Internal Server Error"}.get(
            plan.status, "Status"
        )
        head = f"HTTP/1.1 {plan.status} {reason}\r\ncontent-type: {plan.content_type}\r\n"
        head += "transfer-encoding: chunked\r\n" if plan.chunked else "connection: close\r\n"
        try:
            conn.sendall((head + "\r\n").encode())
            for piece in plan.pieces:
                if piece is None:  # cut the connection in the middle of the body
                    conn.shutdown(socket.SHUT_RDWR)
                    return False
                if plan.delay:
                    time.sleep(plan.delay)
                conn.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if plan.chunked else piece)
                record.events_written += piece.count(b"\n\n") + piece.count(b"\r\n\r\n")
                record.pieces_written += 1
            if plan.chunked:
                conn.sendall(b"0\r\n\r\n")
                return True
            return False
        except OSError:  # BrokenPipe / ConnectionReset: the client closed its end
            record.client_gone = True
            return False
