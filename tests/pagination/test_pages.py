"""Paged operations against a real server on 127.0.0.1, sync and async: what each page sends, when the
walk ends, and that nothing more is sent (nor left open) after a `break`."""

from __future__ import annotations

import asyncio
from types import ModuleType
from typing import Any

import pytest

from tests.pagination.server import PageServer
from tests.runtime.conftest import busy_connections


def _ids(items: list[Any]) -> list[int]:
    return [item.id for item in items]


def _targets(server: PageServer) -> list[str]:
    return [seen.target for seen in server.requests]


async def _collect(page: Any) -> list[Any]:
    return [item async for item in page]


# -- full walks: hundreds of pages, the exact request sequence ----------------------------------
def test_offset_walk_sync(client: Any, server: PageServer) -> None:
    page = client.pets.list_pets(limit=2)
    assert type(page).__name__ == "SyncPage"
    assert type(page.result).__name__ == "PetList" and page.result.total == 500
    assert page.http_response.status_code == 200
    assert _ids(list(page)) == list(range(500))
    # 250 full pages, then a short (empty) one ends it: offset moves by the items received
    assert _targets(server) == ["/v1/pets?limit=2"] + [
        f"/v1/pets?offset={2 * i}&limit=2" for i in range(1, 251)
    ]


def test_offset_walk_async(client: Any, server: PageServer) -> None:
    async def main() -> list[Any]:
        page = await client.pets.list_pets_async(limit=2)
        assert type(page).__name__ == "AsyncPage"
        items = await _collect(page)
        await client.aclose()
        return items

    assert _ids(asyncio.run(main())) == list(range(500))
    assert _targets(server) == ["/v1/pets?limit=2"] + [
        f"/v1/pets?offset={2 * i}&limit=2" for i in range(1, 251)
    ]


def test_short_page_ends_the_offset_walk(client: Any, server: PageServer) -> None:
    assert len(list(client.pets.list_pets(offset=490, limit=3))) == 10
    # 490, 493, 496, then 499 answers one pet (< 3): the last page, nothing more is asked
    assert _targets(server) == [f"/v1/pets?offset={n}&limit=3" for n in (490, 493, 496, 499)]


def test_empty_page_ends_an_offset_walk_without_limit(client: Any, server: PageServer) -> None:
    # without a limit argument, only an empty page says the end (the server's default page is 10)
    assert len(list(client.pets.list_pets(offset=480))) == 20
    assert _targets(server) == ["/v1/pets?offset=480", "/v1/pets?offset=490", "/v1/pets?offset=500"]


def test_page_numbers_walk_and_num_pages_end(client: Any, server: PageServer) -> None:
    pages = list(client.pets.list_pages(per_page=5).iter_pages())
    assert len(pages) == 100 and [len(p.items) for p in pages] == [5] * 100
    assert [pet.id for p in pages for pet in p.items] == list(range(500))
    # page 1 is the parameter's default: left out, then 2..100; page 100 of meta.pages=100 ends it
    assert _targets(server) == ["/v1/pets/pages?per_page=5"] + [
        f"/v1/pets/pages?page={n}&per_page=5" for n in range(2, 101)
    ]


def test_cursor_walk_sync_and_async(client: Any, server: PageServer) -> None:
    assert _ids(list(client.pets.list_by_cursor(limit=4))) == list(range(500))
    expected = ["/v1/pets/cursor?limit=4"] + [
        f"/v1/pets/cursor?cursor={4 * i}&limit=4" for i in range(1, 125)
    ]
    assert _targets(server) == expected
    server.requests.clear()

    async def main() -> list[Any]:
        items = await _collect(await client.pets.list_by_cursor_async(limit=4))
        await client.aclose()
        return items

    assert _ids(asyncio.run(main())) == list(range(500))
    assert _targets(server) == expected


@pytest.mark.parametrize("end", [None, "", "absent"])
def test_cursor_end_null_empty_or_absent(client: Any, server: PageServer, end: Any) -> None:
    server.cursor_end = end
    page = client.pets.list_by_cursor(cursor="490", limit=10)
    assert len(page.items) == 10 and not page.has_next() and page.next() is None
    assert len(server.requests) == 1


def test_cursor_in_the_body(client: Any, server: PageServer) -> None:
    assert _ids(list(client.pets.search(query="cats", limit=50))) == list(range(500))
    bodies = [seen.body for seen in server.requests]
    assert bodies == [{"query": "cats", "limit": 50}] + [
        {"query": "cats", "limit": 50, "cursor": str(50 * i)} for i in range(1, 10)
    ]
    assert {seen.method for seen in server.requests} == {"POST"}


def test_next_url_walk_uses_the_url_as_is(client: Any, server: PageServer) -> None:
    assert _ids(list(client.pets.list_by_url(species="cat"))) == list(range(500))
    # the next URL's own query, never the original parameters added again
    assert _targets(server) == ["/v1/pets/url?species=cat"] + [
        f"/v1/pets/url?after={10 * i}&species=cat" for i in range(1, 50)
    ]


@pytest.mark.parametrize("style", ["absolute", "relative", "path"])
def test_link_header_walk(client: Any, server: PageServer, style: str) -> None:
    server.next_style = style
    page = client.pets.list_by_link()
    assert type(page.result).__name__ == "list" and page.items == page.result
    assert _ids(list(page)) == list(range(500))
    assert _targets(server) == ["/v1/pets/linked"] + [
        f"/v1/pets/linked?after={10 * i}" for i in range(1, 50)
    ]


def test_link_walk_async(client: Any, server: PageServer) -> None:
    server.next_style = "relative"

    async def main() -> list[int]:
        first = await client.pets.list_by_link_async(species="dog")
        counts = [len(p.items) async for p in first.iter_pages()]
        await client.aclose()
        return counts

    assert asyncio.run(main()) == [10] * 50
    assert _targets(server)[:2] == [
        "/v1/pets/linked?species=dog",
        "/v1/pets/linked?after=10&species=dog",
    ]
    assert len(server.requests) == 50


# -- laziness: a break sends nothing more and leaves nothing open -------------------------------
def test_break_sends_nothing_more_sync(client: Any, server: PageServer) -> None:
    seen = []
    for pet in client.pets.list_pets(limit=10):
        seen.append(pet.id)
        if len(seen) == 25:
            break
    assert seen == list(range(25))
    assert _targets(server) == [
        "/v1/pets?limit=10",
        "/v1/pets?offset=10&limit=10",
        "/v1/pets?offset=20&limit=10",
    ]
    assert busy_connections(client._config.client) == 0
    client.close()
    assert server.wait_closed() == 0
    assert len(server.requests) == 3 and server.connections == 1


def test_break_sends_nothing_more_async(client: Any, server: PageServer) -> None:
    async def main() -> list[int]:
        seen = []
        async for pet in await client.pets.list_by_cursor_async(limit=10):
            seen.append(pet.id)
            if len(seen) == 15:
                break
        assert busy_connections(client._config.async_client) == 0
        await client.aclose()
        return seen

    assert asyncio.run(main()) == list(range(15))
    assert _targets(server) == ["/v1/pets/cursor?limit=10", "/v1/pets/cursor?cursor=10&limit=10"]
    assert server.wait_closed() == 0


def test_first_page_alone_sends_one_request(client: Any, server: PageServer) -> None:
    page = client.pets.list_pets(limit=10)
    assert _ids(page.items) == list(range(10)) and page.has_next()
    assert len(server.requests) == 1


# -- next() and iter_pages() ------------------------------------------------------------------
def test_next_and_iter_pages_sync(client: Any, server: PageServer) -> None:
    first = client.pets.list_pets(offset=480, limit=10)
    second = first.next()
    assert second is not None and _ids(second.items) == list(range(490, 500))
    third = second.next()
    assert third is not None and third.items == [] and not third.has_next() and third.next() is None
    assert len(server.requests) == 3
    pages = list(client.pets.list_pets(offset=470, limit=10).iter_pages())
    assert [len(p.items) for p in pages] == [10, 10, 10, 0]


def test_next_async(client: Any, server: PageServer) -> None:
    async def main() -> None:
        page = await client.pets.list_pages_async(page=99, per_page=5)
        following = await page.next()
        assert following is not None and _ids(following.items) == list(range(495, 500))
        assert await following.next() is None
        await client.aclose()

    asyncio.run(main())
    assert _targets(server) == [
        "/v1/pets/pages?page=99&per_page=5",
        "/v1/pets/pages?page=100&per_page=5",
    ]


# -- origins ------------------------------------------------------------------------------------
def test_cross_origin_next_link_is_refused(
    sdk: ModuleType, client: Any, server: PageServer
) -> None:
    server.next_style = "cross-origin"
    page = client.pets.list_by_link()
    with pytest.raises(sdk.errors.PaginationError) as info:
        page.next()
    assert info.value.url.startswith(f"http://localhost:{server.port}/")
    assert "another origin" in str(info.value)
    with pytest.raises(sdk.errors.PaginationError):
        list(client.pets.list_by_url())
    assert len(server.requests) == 2  # refused before anything was sent


def test_cross_origin_refused_async(sdk: ModuleType, client: Any, server: PageServer) -> None:
    server.next_style = "cross-origin"

    async def main() -> None:
        page = await client.pets.list_by_url_async()
        with pytest.raises(sdk.errors.PaginationError):
            await page.next()
        await client.aclose()

    asyncio.run(main())
    assert len(server.requests) == 1


# -- every page is an ordinary call: retries, auth --------------------------------------------
def test_a_page_is_retried(sdk: ModuleType, client: Any, server: PageServer) -> None:
    retries = sdk.RetryConfig(
        backoff=sdk.BackoffStrategy(
            initial_interval=1, max_interval=5, exponent=1, max_elapsed_time=5000, jitter=0
        ),
        status_codes=("5XX",),
    )
    server.fail = {1}  # the second page's first attempt answers 503
    assert _ids(list(client.pets.list_pets(limit=100, retries=retries))) == list(range(500))
    targets = _targets(server)
    assert targets[1] == targets[2] == "/v1/pets?offset=100&limit=100"
    assert len(targets) == 7  # 6 pages (the last empty) + the retried attempt

    async def main() -> None:
        server.requests.clear()
        server.fail = {1}
        items = await _collect(await client.pets.list_by_cursor_async(limit=250, retries=retries))
        assert len(items) == 500
        await client.aclose()

    asyncio.run(main())
    assert (
        _targets(server)
        == ["/v1/pets/cursor?limit=250"] + ["/v1/pets/cursor?cursor=250&limit=250"] * 2
    )


def test_auth_and_caller_headers_on_every_page(client: Any, server: PageServer) -> None:
    list(client.pets.list_by_url(http_headers={"X-Trace": "t1"}))
    list(client.pets.search(query="q", limit=100))
    assert len(server.requests) == 55
    assert {seen.headers.get("x-api-key") for seen in server.requests} == {"secret-key"}
    assert {seen.headers.get("x-trace") for seen in server.requests[:50]} == {"t1"}
