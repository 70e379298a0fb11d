"""`with_raw_response` / `with_streaming_response` against a real server on 127.0.0.1, sync and async."""

from __future__ import annotations

import asyncio
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.runtime.conftest import busy_connections
from tests.runtime.scripted_server import Step

from .conftest import ResponseServer, json_step

PET = {"id": 1, "name": "Rex"}
FAST = {"retries": None}


def test_raw_response_has_status_headers_and_the_parsed_result(
    client: Any, server: ResponseServer, sdk: ModuleType
) -> None:
    server.reset(json_step(PET, **{"X-Request-Id": "req-1", "Link": '</pets?page=2>; rel="next"'}))
    response = client.pets.with_raw_response.get(pet_id=1)
    assert isinstance(response, sdk.APIResponse)
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "req-1"
    assert response.headers["link"] == '</pets?page=2>; rel="next"'
    assert isinstance(response.http_response, httpx.Response)
    pet = response.parse()
    assert pet == sdk.models.Pet(id=1, name="Rex")
    assert response.parse() is pet  # computed once
    seen = server.requests[0]
    assert (seen.method, seen.target) == ("GET", "/pets/1")
    assert seen.headers["x-api-key"] == "k" and seen.headers["accept"] == "application/json"
    # the plain call answers the same, and nothing of the view is left behind
    assert client.pets.get(pet_id=1) == pet


def test_raw_response_async(client: Any, server: ResponseServer, sdk: ModuleType) -> None:
    server.reset(json_step(PET, **{"X-Request-Id": "req-2"}))

    async def run() -> Any:
        response = await client.pets.with_raw_response.get_async(pet_id=7)
        assert isinstance(response, sdk.AsyncAPIResponse)
        assert response.status_code == 200 and response.headers["x-request-id"] == "req-2"
        pet = await response.parse()
        assert await response.parse() is pet
        assert await client.pets.get_async(pet_id=7) == pet  # the plain twin after the view
        await client.aclose()
        return pet

    assert asyncio.run(run()) == sdk.models.Pet(id=1, name="Rex")
    assert [r.target for r in server.requests] == ["/pets/7", "/pets/7"]


def test_views_of_child_groups_and_of_the_client(
    client: Any, server: ResponseServer, sdk: ModuleType
) -> None:
    server.reset(
        Step(body=b"\x89PNG...", headers={"content-type": "image/png"}),
        Step(body="ok", headers={"content-type": "text/plain"}),
    )
    photo = client.pets.with_raw_response.photos.get(pet_id=3)
    assert client.pets.with_raw_response.photos is client.pets.photos.with_raw_response
    assert photo.parse() == b"\x89PNG..."
    health = client.with_raw_response.health()
    assert health.status_code == 200 and health.parse() == "ok"
    assert [r.target for r in server.requests] == ["/pets/3/photo", "/health"]


def test_errors_raise_from_the_views_with_the_raw_response(
    client: Any, server: ResponseServer, sdk: ModuleType
) -> None:
    server.reset(json_step({"message": "no pet"}, status=404, **{"X-Request-Id": "req-404"}))
    with pytest.raises(sdk.errors.APIError) as raised:
        client.pets.with_raw_response.get(pet_id=9)
    assert (
        raised.value.status_code == 404
        and raised.value.raw_response.headers["x-request-id"] == "req-404"
    )
    with (
        pytest.raises(sdk.errors.APIError) as raised,
        client.files.with_streaming_response.download(file_id="f"),
    ):
        pass
    assert raised.value.status_code == 404 and "no pet" in raised.value.body
    assert busy_connections(client._config.client) == 0


def test_retries_apply_before_the_view_returns(sdk: ModuleType, server: ResponseServer) -> None:
    retry = sdk.RetryConfig(
        backoff=sdk.BackoffStrategy(
            initial_interval=1, max_interval=5, exponent=1, max_elapsed_time=5000, jitter=0
        ),
        status_codes=("5XX",),
    )
    server.reset(
        json_step({"message": "busy"}, status=503), json_step(PET, **{"X-Request-Id": "second"})
    )
    with sdk.Responses(api_key="k", server_url=server.url, retry_config=retry) as client:
        response = client.pets.with_raw_response.get(pet_id=1)
        assert response.headers["x-request-id"] == "second" and len(server.requests) == 2
        server.reset(
            json_step({"message": "busy"}, status=503),
            Step(body=b"abc", headers={"content-type": "application/octet-stream"}),
        )
        with client.files.with_streaming_response.download(file_id="f") as streamed:
            assert streamed.status_code == 200 and streamed.read() == b"abc"
        assert len(server.requests) == 2


def test_the_view_does_not_leak_into_calls_made_while_answering(
    sdk: ModuleType, server: ResponseServer
) -> None:
    """A hook that calls the API during a raw call gets a plain result: the view is for its own call only."""
    inner: list[Any] = []
    hooks = sdk.Hooks()
    client = sdk.Responses(api_key="k", server_url=server.url, hooks=hooks)

    def after_success(context: Any, response: httpx.Response) -> None:
        if context.operation_id == "getPet":
            inner.append(client.pets.describe(pet_id=2))

    hooks.register_after_success(after_success)
    server.reset(json_step(PET), Step(body="a good dog", headers={"content-type": "text/plain"}))
    response = client.pets.with_raw_response.get(pet_id=1)
    assert inner == ["a good dog"]  # str, not an APIResponse
    assert response.parse() == sdk.models.Pet(**PET)
    # an argument error before the request leaves nothing behind either
    with pytest.raises(sdk.errors.RequestValidationError):
        client.pets.with_raw_response.update(pet_id=1, id_="not a number", name="x")
    server.reset(json_step(PET))
    assert client.pets.get(pet_id=1) == sdk.models.Pet(**PET)
    client.close()


def test_streaming_response_leaves_the_body_unread_until_asked(
    client: Any, server: ResponseServer
) -> None:
    server.reset(
        Step(
            chunks=[b"line one\n", b"line two\n", b"end"],
            headers={"content-type": "text/plain", "X-Request-Id": "s1"},
        )
    )
    with client.files.with_streaming_response.download(file_id="f1") as response:
        assert response.status_code == 200 and response.headers["x-request-id"] == "s1"
        assert not response.http_response.is_stream_consumed
        assert list(response.iter_lines()) == ["line one", "line two", "end"]
    assert response.http_response.is_closed
    assert busy_connections(client._config.client) == 0
    server.reset(json_step(PET))
    with client.pets.with_streaming_response.get(pet_id=1) as response:
        assert response.parse().name == "Rex"


def test_streaming_response_async(client: Any, server: ResponseServer, sdk: ModuleType) -> None:
    async def run() -> None:
        server.reset(
            Step(chunks=[b"ab", b"cd"], headers={"content-type": "application/octet-stream"})
        )
        async with client.files.with_streaming_response.download_async(file_id="f1") as response:
            assert isinstance(response, sdk.AsyncAPIResponse)
            assert [piece async for piece in response.iter_bytes()] in (
                [b"ab", b"cd"],
                [b"abcd"],
            )
        assert response.http_response.is_closed
        server.reset(json_step(PET))
        async with client.pets.with_streaming_response.get_async(pet_id=1) as streamed:
            assert (await streamed.parse()).name == "Rex"
        assert busy_connections(client._config.async_client) == 0
        await client.aclose()

    asyncio.run(run())


def test_the_timeout_bounds_the_headers_not_the_streamed_body(
    client: Any, server: ResponseServer, sdk: ModuleType
) -> None:
    server.reset(Step(delay=1.0, body=b"late"))
    with (
        pytest.raises(sdk.errors.APITimeoutError),
        client.files.with_streaming_response.download(file_id="f", timeout_ms=200, retries=None),
    ):
        pass
    # headers at once, then a body that takes longer than the timeout in total (each piece in time)
    server.reset(
        Step(
            chunks=[b"x"] * 6,
            chunk_delay=0.08,
            headers={"content-type": "application/octet-stream"},
        )
    )
    with client.files.with_streaming_response.download(file_id="f", timeout_ms=300) as response:
        assert response.read() == b"x" * 6
    # the plain call reads the whole body within the timeout
    server.reset(
        Step(
            chunks=[b"x"] * 6,
            chunk_delay=0.08,
            headers={"content-type": "application/octet-stream"},
        )
    )
    with pytest.raises(sdk.errors.APITimeoutError):
        client.files.download(file_id="f", timeout_ms=300, retries=None)
