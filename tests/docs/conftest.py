"""Fixtures of the docs tests: the markdown files of an SDK, and a way to run its examples against a
local server that plays the spec."""

from __future__ import annotations

import contextlib
import io
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import yaml

from tests.conftest import ORQ_OUTPUT, ORQ_SPEC, REPO, SPECS
from tests.docs import markdown
from tests.docs.spec_server import SpecServer

HOSTILE_SPEC = SPECS / "hostile_docs.yaml"
SPEC_OF = {
    "orq": ORQ_SPEC,
    "kitchen_sink": SPECS / "kitchen_sink.yaml",
    "hostile_docs": HOSTILE_SPEC,
    "security": SPECS / "security.yaml",
    "params_servers": SPECS / "params_servers.yaml",
    "paged_pets": SPECS / "pagination.yaml",
    "streams": SPECS / "streams.yaml",
    "uploads": SPECS / "uploads.yaml",
    "names": SPECS / "names.yaml",
    "root_names": SPECS / "names_root.yaml",
}
ORQ_SETTINGS = yaml.safe_load((REPO / "spec" / "orq" / "sdkgen.yaml").read_text(encoding="utf-8"))


def markdown_files(sdk: Path) -> list[Path]:
    return [sdk / "README.md", *sorted((sdk / "docs").rglob("*.md"))]


@dataclass
class Example:
    file: Path
    line: int
    code: str

    @property
    def label(self) -> str:
        return f"{self.file.parent.name}/{self.file.name}:{self.line}"


def python_examples(sdk: Path) -> list[Example]:
    out = []
    for path in markdown_files(sdk):
        blocks, _ = markdown.split(path.read_text(encoding="utf-8"))
        out.extend(Example(path, b.line, b.code) for b in blocks if b.lang == "python")
    return out


@contextlib.contextmanager
def redirected(server: SpecServer) -> Iterator[list[str]]:
    """Send every httpx request to `server`, whatever URL the example uses; yields the hosts asked for."""
    target = httpx.URL(server.url)
    hosts: list[str] = []
    sync_send = httpx.HTTPTransport.handle_request
    async_send = httpx.AsyncHTTPTransport.handle_async_request

    def reroute(request: httpx.Request) -> None:
        hosts.append(f"{request.url.scheme}://{request.url.netloc.decode()}")
        request.url = request.url.copy_with(scheme=target.scheme, host=target.host, port=target.port)

    def handle(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        reroute(request)
        return sync_send(self, request)

    async def handle_async(self: httpx.AsyncHTTPTransport, request: httpx.Request) -> httpx.Response:
        reroute(request)
        return await async_send(self, request)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(httpx.HTTPTransport, "handle_request", handle)
        mp.setattr(httpx.AsyncHTTPTransport, "handle_async_request", handle_async)
        yield hosts


def run_example(example: Example) -> str:
    """Execute an example as a script; returns what it printed. Logging is restored afterwards."""
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            exec(compile(example.code, example.label, "exec"), {"__name__": "__main__"})  # noqa: S102
    finally:
        root.setLevel(saved[0])
        root.handlers[:] = saved[1]
    return out.getvalue()


@pytest.fixture(scope="session")
def fixture_sdks(generated_sdk) -> dict[str, Path]:
    """SDKs generated from the fixture specs, importable (their src folders on sys.path)."""
    sdks = {name: generated_sdk(spec) for name, spec in SPEC_OF.items() if name != "orq"}
    for folder in sdks.values():
        if str(folder / "src") not in sys.path:
            sys.path.insert(0, str(folder / "src"))
    return sdks




@pytest.fixture(scope="session")
def sdk_folders(fixture_sdks) -> dict[str, Path]:
    return {"orq": ORQ_OUTPUT, **fixture_sdks}
