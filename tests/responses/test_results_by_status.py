"""Several success responses: the result is chosen by the answer's status and content type, sync and async."""

from __future__ import annotations

import asyncio
from types import ModuleType
from typing import Any

import pytest

from tests.runtime.scripted_server import Step

from .conftest import ResponseServer, json_step

PET = {"id": 1, "name": "Rex"}
JOB = {"job_id": "j1", "state": "queued"}


def _both(client: Any, call: str, **kwargs: Any) -> tuple[Any, Any]:
    """The sync and the async result of one operation (the server answers both the same)."""
    resource, name = call.rsplit(".", 1)
    target = client
    for part in resource.split("."):
        target = getattr(target, part)
    sync = getattr(target, name)(**kwargs)

    async def run() -> Any:
        try:
            return await getattr(target, name + "_async")(**kwargs)
        finally:
            await client.aclose()  # its connections belong to this event loop

    return sync, asyncio.run(run())


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        (json_step(PET), ("Pet", PET)),
        (json_step(JOB, status=202), ("Job", JOB)),
        (Step(status=204), (None, None)),
    ],
    ids=["200-pet", "202-job", "204-none"],
)
def test_update_returns_pet_job_or_none_by_status(
    client: Any,
    server: ResponseServer,
    sdk: ModuleType,
    step: Step,
    expected: tuple[str | None, Any],
) -> None:
    server.reset(step)
    for result in _both(client, "pets.update", pet_id=1, id_=1, name="Rex"):
        model, data = expected
        if model is None:
            assert result is None
        else:
            assert type(result) is getattr(sdk.models, model)
            assert result.model_dump(mode="json") == data
    assert [(r.method, r.target, r.json()) for r in server.requests] == [
        ("PUT", "/pets/1", PET)
    ] * 2
    assert all(r.headers["accept"] == "application/json" for r in server.requests)


def test_the_content_type_picks_among_the_responses_of_one_status(
    client: Any, server: ResponseServer, sdk: ModuleType
) -> None:
    server.reset(Step(body=b"\x89PNG\r\n", headers={"content-type": "image/png"}))
    assert _both(client, "pets.photos.get", pet_id=1) == (b"\x89PNG\r\n", b"\x89PNG\r\n")
    server.reset(json_step(PET, **{"content-type": "application/json; charset=utf-8"}))
    sync, async_result = _both(client, "pets.photos.get", pet_id=1)
    assert sync == async_result == sdk.models.Pet(**PET)
    # the request says what it accepts: every declared type
    assert {r.headers["accept"] for r in server.requests} == {"image/png, application/json"}


def test_an_exact_status_wins_over_its_range(
    client: Any, server: ResponseServer, sdk: ModuleType
) -> None:
    server.reset(json_step({"rows": 3}))
    assert _both(client, "reports.get", report_id="r1") == (sdk.models.Report(rows=3),) * 2
    server.reset(Step(status=203, body="still running", headers={"content-type": "text/plain"}))
    assert _both(client, "reports.get", report_id="r1") == ("still running", "still running")


def test_declared_text_and_binary_and_no_content(client: Any, server: ResponseServer) -> None:
    server.reset(Step(body="a good dog", headers={"content-type": "text/plain; charset=utf-8"}))
    assert _both(client, "pets.describe", pet_id=1) == ("a good dog", "a good dog")
    server.reset(Step(body=b"\x00\x01", headers={"content-type": "application/octet-stream"}))
    assert _both(client, "files.download", file_id="f") == (b"\x00\x01", b"\x00\x01")
    server.reset(Step(status=204))
    assert _both(client, "pets.delete", pet_id=1) == (None, None)


def test_the_raw_view_parses_by_status_too(
    client: Any, server: ResponseServer, sdk: ModuleType
) -> None:
    server.reset(json_step(JOB, status=202))
    response = client.pets.with_raw_response.update(pet_id=1, id_=1, name="Rex")
    assert response.status_code == 202 and response.parse() == sdk.models.Job(**JOB)
    server.reset(Step(status=204))
    with client.pets.with_streaming_response.update(pet_id=1, id_=1, name="Rex") as streamed:
        assert streamed.status_code == 204 and streamed.parse() is None


def test_a_body_that_fits_no_declared_response_is_a_validation_error(
    client: Any, server: ResponseServer, sdk: ModuleType
) -> None:
    server.reset(json_step({"unexpected": True}, status=202))
    with pytest.raises(sdk.errors.ResponseValidationError) as raised:
        client.pets.update(pet_id=1, id_=1, name="Rex")
    assert raised.value.status_code == 202
