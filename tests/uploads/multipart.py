"""A strict reader of `multipart/form-data` bodies, for asserting what went over the wire."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Part:
    name: str
    filename: str | None
    content_type: str | None
    data: bytes


def boundary_of(content_type: str) -> str:
    match = re.fullmatch(r"multipart/form-data; boundary=([0-9A-Za-z'()+_,./:=?-]+)", content_type)
    assert match, content_type
    return match.group(1)


def parse(content_type: str, body: bytes) -> list[Part]:
    """The parts of a body, checking the framing exactly (RFC 7578): delimiters, CRLFs, the closing one."""
    delimiter = b"--" + boundary_of(content_type).encode()
    assert body.startswith(delimiter + b"\r\n"), body[:100]
    assert body.endswith(delimiter + b"--\r\n"), body[-100:]
    chunks = body[: -len(delimiter + b"--\r\n")].split(b"\r\n" + delimiter + b"\r\n")
    chunks[0] = chunks[0][len(delimiter + b"\r\n") :]
    assert chunks[-1].endswith(b"\r\n")
    chunks[-1] = chunks[-1][:-2]
    parts = []
    for chunk in chunks:
        head, sep, data = chunk.partition(b"\r\n\r\n")
        assert sep, chunk[:200]
        headers = dict(line.split(": ", 1) for line in head.decode().split("\r\n"))
        disposition = headers["Content-Disposition"]
        name = re.search(r'; name="([^"]*)"', disposition)
        filename = re.search(r'; filename="([^"]*)"', disposition)
        assert name, disposition
        parts.append(Part(name.group(1), filename.group(1) if filename else None, headers.get("Content-Type"), data))
    return parts
