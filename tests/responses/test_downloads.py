"""A 100 MB download streamed to a file and through `iter_bytes()` with bounded memory; nothing left open."""

from __future__ import annotations

import asyncio
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.runtime.conftest import busy_connections
from tests.runtime.scripted_server import Step

from .conftest import Repeat, ResponseServer

PIECE = bytes(range(256)) * 256  # 64 KiB
SIZE = 100 * 1024 * 1024
LIMIT = 16 * 1024 * 1024  # peak Python memory allowed while 100 MB pass through: far below the size


def _big() -> Step:
    body: Any = Repeat(PIECE, SIZE // len(PIECE))
    return Step(chunks=body, headers={"content-type": "application/octet-stream"})


def _peak(run: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _check_file(path: Path) -> None:
    assert path.stat().st_size == SIZE
    with path.open("rb") as f:
        assert f.read(len(PIECE)) == PIECE
        f.seek(-len(PIECE), 2)
        assert f.read() == PIECE


def test_write_to_file_sync(client: Any, server: ResponseServer, tmp_path: Path) -> None:
    server.reset(_big())
    target = tmp_path / "big.bin"

    def run() -> None:
        with client.files.with_streaming_response.download(file_id="big") as response:
            response.write_to_file(target)

    assert _peak(run) < LIMIT
    _check_file(target)
    assert busy_connections(client._config.client) == 0


def test_write_to_file_async(client: Any, server: ResponseServer, tmp_path: Path) -> None:
    server.reset(_big())
    target = tmp_path / "big.bin"

    async def download() -> None:
        async with client.files.with_streaming_response.download_async(file_id="big") as response:
            await response.write_to_file(target)
        assert busy_connections(client._config.async_client) == 0
        await client.aclose()

    assert _peak(lambda: asyncio.run(download())) < LIMIT
    _check_file(target)


def test_iter_bytes_sync_and_async(client: Any, server: ResponseServer) -> None:
    server.reset(_big())

    def run() -> int:
        total = 0
        with client.files.with_streaming_response.download(file_id="big") as response:
            for piece in response.iter_bytes():
                total += len(piece)
        return total

    totals: list[int] = []
    assert _peak(lambda: totals.append(run())) < LIMIT

    async def run_async() -> None:
        total = 0
        async with client.files.with_streaming_response.download_async(file_id="big") as response:
            async for piece in response.iter_bytes(65536):
                total += len(piece)
        totals.append(total)
        await client.aclose()

    assert _peak(lambda: asyncio.run(run_async())) < LIMIT
    assert totals == [SIZE, SIZE]
    assert [r.target for r in server.requests] == ["/files/big"] * 2


def test_an_exception_inside_the_block_closes_the_connection(
    client: Any, server: ResponseServer, sdk: ModuleType
) -> None:
    server.reset(_big())
    with (
        pytest.raises(RuntimeError, match="stop"),
        client.files.with_streaming_response.download(file_id="big") as response,
    ):
        next(iter(response.iter_bytes()))
        raise RuntimeError("stop")
    assert response.http_response.is_closed
    assert busy_connections(client._config.client) == 0
    client.close()
    # the server saw the socket closed: the 100 MB were not all sent
    assert server.wait_closed() == 0

    async def run() -> None:
        async_client = sdk.Responses(api_key="k", server_url=server.url)
        with pytest.raises(RuntimeError, match="stop"):
            async with async_client.files.with_streaming_response.download_async(
                file_id="big"
            ) as streamed:
                async for _ in streamed.iter_bytes():
                    raise RuntimeError("stop")
        assert streamed.http_response.is_closed
        assert busy_connections(async_client._config.async_client) == 0
        await async_client.aclose()

    asyncio.run(run())
    assert server.wait_closed() == 0
