"""A scripted HTTP/1.1 server on 127.0.0.1 for the runtime tests.

Each request takes the next step of a script (a status, headers and body; a connection reset; a
slow answer). The server records every request with its arrival time and counts connections, so
tests can assert attempts, delays and that nothing was left open. HTTP parsing is h11's (httpx's
own dependency); the socket loop is ours because http.server cannot reset a connection or count
open sockets.
"""

from __future__ import annotations

import itertools
import json
import select
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import h11


@dataclass
class Step:
    status: int = 200
    body: bytes | str | Any = b"{}"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    reset: bool = False  # drop the connection with a TCP reset instead of answering
    chunks: list[bytes] | None = None  # a chunked body (for event streams)
    chunk_delay: float = 0.0  # seconds to wait before each chunk: a server that trickles its body

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


@dataclass
class Seen:
    at: float
    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class ScriptedServer:
    """Serves `script` in order; once it runs out, repeats the last step."""

    def __init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.script: list[Step] = [Step()]
        self.requests: list[Seen] = []
        self.connections_opened = 0
        self.open_connections = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, name="scripted-server", daemon=True)
        self._accept.start()

    # -- test API ----------------------------------------------------------------------------
    def reset(self, *steps: Step) -> None:
        with self._lock:
            self.script = list(steps) or [Step()]
            self.requests = []
            self.connections_opened = 0

    def arrival_gaps(self) -> list[float]:
        """Seconds between consecutive requests."""
        times = [r.at for r in self.requests]
        return [b - a for a, b in itertools.pairwise(times)]

    def wait_closed(self, timeout: float = 3.0) -> int:
        """Wait (bounded) until the clients closed every connection; returns how many are still open."""
        deadline = time.monotonic() + timeout
        while self.open_connections and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.open_connections

    def close(self) -> None:
        self._stop.set()
        self._accept.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)
        self._sock.close()

    # -- serving -----------------------------------------------------------------------------
    def _next_step(self, seen: Seen) -> Step:
        with self._lock:
            index = len(self.requests)
            self.requests.append(seen)
            return self.script[min(index, len(self.script) - 1)]

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections_opened += 1
                self.open_connections += 1
            thread = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(0.2)
        parser = h11.Connection(h11.SERVER)
        try:
            while not self._stop.is_set():
                event = parser.next_event()
                if event is h11.NEED_DATA:
                    try:
                        data = conn.recv(65536)
                    except TimeoutError:
                        continue
                    parser.receive_data(data)
                    if not data:
                        return
                    continue
                if isinstance(event, h11.ConnectionClosed):
                    return
                if isinstance(event, h11.Request):
                    if not self._answer(conn, parser, event):
                        return
                    if parser.our_state is h11.MUST_CLOSE:
                        return
                    parser.start_next_cycle()
        except (OSError, h11.ProtocolError):
            return
        finally:
            conn.close()
            with self._lock:
                self.open_connections -= 1

    def _wait_while_open(self, conn: socket.socket, seconds: float) -> bool:
        """Wait before answering; False as soon as the client hangs up (or the server stops)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not self._stop.is_set():
            ready, _, _ = select.select([conn], [], [], 0.02)
            if ready and not conn.recv(1, socket.MSG_PEEK):
                return False
        return not self._stop.is_set()

    def _answer(self, conn: socket.socket, parser: h11.Connection, request: h11.Request) -> bool:
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
        if step.reset:
            # SO_LINGER 0: close() sends a TCP RST, as a crashed proxy would.
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        out_headers = [("content-type", "application/json"), *step.headers.items()]
        if step.chunks is None:
            payload = step.payload()
            out_headers.append(("content-length", str(len(payload))))
            conn.sendall(parser.send(h11.Response(status_code=step.status, headers=out_headers)))
            conn.sendall(parser.send(h11.Data(data=payload)))
        else:
            out_headers.append(("transfer-encoding", "chunked"))
            conn.sendall(parser.send(h11.Response(status_code=step.status, headers=out_headers)))
            for chunk in step.chunks:
                if step.chunk_delay and not self._wait_while_open(conn, step.chunk_delay):
                    return False
                conn.sendall(parser.send(h11.Data(data=chunk)))
        conn.sendall(parser.send(h11.EndOfMessage()))
        return True
