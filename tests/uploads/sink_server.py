"""An HTTP server on 127.0.0.1 that reads request bodies in chunks and keeps only their digest.

For uploads too large to hold: each request is recorded with its headers, its length, its SHA-256
and its first and last bytes (to check the multipart framing around the file), never the body.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
from dataclasses import dataclass

import h11

_KEEP = 4096


@dataclass
class Received:
    headers: dict[str, str]
    length: int
    sha256: str
    head: bytes
    tail: bytes


class SinkServer:
    def __init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self.statuses: list[int] = []  # answered in order, then 200
        self.received: list[Received] = []
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, daemon=True)
        self._accept.start()

    def close(self) -> None:
        self._stop.set()
        self._accept.join(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        parser = h11.Connection(h11.SERVER)
        try:
            while not self._stop.is_set():
                event = parser.next_event()
                if event is h11.NEED_DATA:
                    data = conn.recv(65536)
                    parser.receive_data(data)
                    if not data:
                        return
                    continue
                if isinstance(event, h11.ConnectionClosed):
                    return
                if isinstance(event, h11.Request):
                    self._answer(conn, parser, event)
                    if parser.our_state is h11.MUST_CLOSE:
                        return
                    parser.start_next_cycle()
        except (OSError, h11.ProtocolError):
            return
        finally:
            conn.close()

    def _answer(self, conn: socket.socket, parser: h11.Connection, request: h11.Request) -> None:
        digest = hashlib.sha256()
        length = 0
        head = b""
        tail = b""
        while True:
            event = parser.next_event()
            if event is h11.NEED_DATA:
                parser.receive_data(conn.recv(65536))
                continue
            if isinstance(event, h11.Data):
                data = bytes(event.data)
                digest.update(data)
                length += len(data)
                if len(head) < _KEEP:
                    head += data[: _KEEP - len(head)]
                tail = (tail + data)[-_KEEP:]
            if isinstance(event, h11.EndOfMessage):
                break
        headers = {k.decode().lower(): v.decode() for k, v in request.headers}
        self.received.append(Received(headers, length, digest.hexdigest(), head, tail))
        status = self.statuses.pop(0) if self.statuses else 200
        payload = json.dumps({"id": "d1", "filename": "big", "size": length}).encode()
        out = [("content-type", "application/json"), ("content-length", str(len(payload)))]
        conn.sendall(parser.send(h11.Response(status_code=status, headers=out)))
        conn.sendall(parser.send(h11.Data(data=payload)))
        conn.sendall(parser.send(h11.EndOfMessage()))
