"""What the caller sees when the answer is an error or does not match the spec."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pydantic
import pytest
from orq_ai_sdk import Orq, errors, models

from tests.conftest import SPECS

from .conftest import IMAGE_REPLY, assert_nothing_left_open
from .scripted_server import ScriptedServer, Step


def test_4xx_error_body(orq: Orq, server: ScriptedServer) -> None:
    body = {"error": {"message": "model not found", "code": "not_found"}}
    server.reset(Step(400, body, {"x-request-id": "req-7"}))
    with pytest.raises(models.APIError) as info:
        orq.router.images_generate(prompt="a cat", model="nope")
    error = info.value
    assert type(error) is errors.APIError and models.APIError is errors.APIError
    assert error.status_code == 400
    assert json.loads(error.body) == body
    assert error.headers["x-request-id"] == "req-7"
    assert error.raw_response.status_code == 400
    assert str(error).startswith("createImage failed: Status 400: ")
    assert "model not found" in str(error)
    assert len(server.requests) == 1
    assert_nothing_left_open(orq, server)


def test_5xx_error_body_is_truncated_in_the_message(orq: Orq, server: ScriptedServer) -> None:
    long_body = "E" * 5000
    server.reset(Step(500, long_body, {"content-type": "text/plain"}))
    with pytest.raises(models.APIError) as info:
        orq.router.images_generate(prompt="a cat", model="m", retries=None)
    error = info.value
    assert error.status_code == 500
    assert error.body == long_body  # the whole body is kept
    assert "Status 500" in str(error) and len(str(error)) < 600 and str(error).endswith("…")


def test_5xx_after_exhausted_retries_on_a_stream(orq: Orq, server: ScriptedServer) -> None:
    server.reset(Step(503, {"error": "overloaded"}))
    with pytest.raises(models.APIError) as info:
        orq.router.chat.completions.create(
            model="m",
            messages=[{"role": "user", "content": "hi"}],
            stream=True,
            retries=None,
        )
    assert info.value.status_code == 503 and "overloaded" in info.value.body
    assert_nothing_left_open(orq, server)


def test_malformed_json(orq: Orq, server: ScriptedServer) -> None:
    server.reset(Step(200, b'{"created": 1, "data": [', {"content-type": "application/json"}))
    with pytest.raises(models.ResponseValidationError) as info:
        orq.router.images_generate(prompt="a cat", model="m")
    error = info.value
    assert (
        "createImage" in str(error) and "status 200" in str(error) and "Invalid JSON" in str(error)
    )
    assert isinstance(error.cause, pydantic.ValidationError) and error.__cause__ is error.cause
    assert error.body == '{"created": 1, "data": ['
    assert len(server.requests) == 1  # a bad answer is not retried
    assert_nothing_left_open(orq, server)


def test_response_validation_error_names_the_field(orq: Orq, server: ScriptedServer) -> None:
    server.reset(Step(200, {**IMAGE_REPLY, "data": [{"url": 42}]}))
    with pytest.raises(models.ResponseValidationError) as info:
        orq.router.images_generate(prompt="a cat", model="m")
    message = str(info.value)
    assert "data.0.url" in message and "42" in message
    assert info.value.cause is not None
    assert [e["loc"] for e in info.value.cause.errors()] == [("data", 0, "url")]


def test_request_validation_error_sends_nothing(orq: Orq, server: ScriptedServer) -> None:
    with pytest.raises(models.RequestValidationError) as info:
        orq.router.images_generate(prompt="a cat", model="m", n="many")  # type: ignore[arg-type]
    assert "createImage" in str(info.value) and "n:" in str(info.value)
    assert server.requests == []


@pytest.fixture(scope="module")
def kitchen(generated_sdk) -> Iterator[ModuleType]:
    folder: Path = generated_sdk(SPECS / "kitchen_sink.yaml", "ks_runtime_sdk")
    sys.path.insert(0, str(folder / "src"))
    try:
        yield importlib.import_module("ks_runtime_sdk")
    finally:
        sys.path.remove(str(folder / "src"))


def test_typed_error_for_a_documented_error_response(
    kitchen: ModuleType, server: ScriptedServer
) -> None:
    server.reset(Step(404, {"message": "no such pet"}))
    with kitchen.KitchenSink(api_key="k", server_url=server.url, retry_config=None) as client:
        with pytest.raises(kitchen.errors.NotFoundError) as info:
            client.pets.get_pet(pet_id="p9")
        assert isinstance(info.value, kitchen.models.APIError)
        assert info.value.data.message == "no such pet" and info.value.status_code == 404
        # Not the documented shape: a plain APIError, with the body, rather than a decoding crash.
        server.reset(Step(404, "<html>gone</html>", {"content-type": "text/html"}))
        with pytest.raises(kitchen.models.APIError) as plain:
            client.pets.get_pet(pet_id="p9")
        assert type(plain.value) is kitchen.errors.APIError and "gone" in plain.value.body


def test_exact_status_wins_over_a_range(kitchen: ModuleType) -> None:
    from ks_runtime_sdk._client import OperationSpec  # type: ignore[import-not-found]

    spec = OperationSpec(
        "x",
        "GET",
        "/",
        errors=(
            ("4XX", lambda: KeyError),
            ("404", lambda: ValueError),
            ("default", lambda: TypeError),
        ),
    )
    assert spec.error_class(404)() is ValueError
    assert spec.error_class(400)() is KeyError
    assert spec.error_class(503)() is TypeError
