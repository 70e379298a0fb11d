"""Hooks in registration order, and the messages of the runtime's exceptions."""

from __future__ import annotations

from typing import Any

import httpx
import pydantic
import pytest

from generator.runtime import _client
from generator.runtime._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    RequestValidationError,
    TypedAPIError,
    describe_validation_error,
)
from generator.runtime._hooks import HookContext, Hooks
from generator.runtime._types import UNSET

CONTEXT = HookContext("op", "http://h")
REQUEST = httpx.Request("GET", "http://h/x")


def test_hooks_chain_replacements_and_none_keeps_the_value() -> None:
    hooks = Hooks()
    calls: list[str] = []

    def tag(name: str) -> Any:
        def hook(context: HookContext, request: httpx.Request) -> httpx.Request | None:
            calls.append(f"{name}:{request.url.path}")
            return httpx.Request("GET", f"http://h/{name}") if name != "keep" else None

        return hook

    for name in ("first", "keep", "second"):
        hooks.register_before_request(tag(name))
    result = hooks.before_request(CONTEXT, REQUEST)
    assert calls == ["first:/x", "keep:/first", "second:/first"]
    assert result.url.path == "/second"


def test_after_hooks_see_the_response_and_the_error() -> None:
    hooks = Hooks()
    seen: list[Any] = []
    response = httpx.Response(500, request=REQUEST)
    hooks.register_after_success(lambda context, r: None)
    hooks.register_after_error(
        lambda context, r, error: seen.append((context.operation_id, r, error))
    )
    assert hooks.after_success(CONTEXT, response) is response
    error = ValueError("x")
    hooks.after_error(CONTEXT, None, error)
    assert seen == [("op", None, error)]
    assert Hooks().before_request(CONTEXT, REQUEST) is REQUEST


def error_response(body: str, status: int = 404) -> httpx.Response:
    return httpx.Response(status, text=body, request=REQUEST)


def test_api_error_message_previews_the_body() -> None:
    error = APIError("getPet failed", error_response("not here"))
    assert str(error) == error.message == "getPet failed: Status 404: not here"
    assert (error.status_code, error.body) == (404, "not here")
    assert str(APIError("", error_response(""))) == "Status 404"
    assert (
        str(APIError("op failed", error_response("x"), body="given"))
        == "op failed: Status 404: given"
    )
    long = APIError("op failed", error_response("y" * 600))
    assert str(long) == "op failed: Status 404: " + "y" * 500 + "…" and len(long.body) == 600


def test_typed_error_is_named_after_its_class() -> None:
    class PetMissing(TypedAPIError):
        pass

    error = PetMissing({"code": 1}, error_response("{}"))
    assert str(error) == "PetMissing: Status 404: {}" and error.data == {"code": 1}
    assert TypedAPIError.data_type() is None


def test_unread_streamed_body_gives_an_empty_body() -> None:
    response = httpx.Response(500, stream=httpx.ByteStream(b"late"), request=REQUEST)
    assert APIError("op failed", response).body == ""


class Order(pydantic.BaseModel):
    qty: int
    lines: list[int]


def test_validation_errors_list_each_field_on_its_own_line() -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        Order.model_validate({"qty": "many", "lines": [1, "x" * 100]})
    text = describe_validation_error(info.value, "createOrder: invalid arguments")
    lines = text.splitlines()
    assert lines[0] == "createOrder: invalid arguments:"
    assert (
        lines[1]
        == "  qty: Input should be a valid integer, unable to parse string as an integer (got 'many')"
    )
    assert lines[2].startswith("  lines.1: Input should be a valid integer") and lines[2].endswith(
        "xxx...)"
    )
    assert len(lines[2].split("(got ")[1]) == 81  # the input cut to 80 characters, and the ")"


def test_validation_errors_beyond_ten_are_counted() -> None:
    with pytest.raises(pydantic.ValidationError) as info:
        pydantic.TypeAdapter(list[int]).validate_python(["a"] * 13)
    lines = describe_validation_error(info.value, "what").splitlines()
    assert len(lines) == 12 and lines[-1] == "  … and 3 more"
    assert (
        lines[1]
        == "  0: Input should be a valid integer, unable to parse string as an integer (got 'a')"
    )


def test_request_validation_error_from_build_model() -> None:
    with pytest.raises(RequestValidationError) as info:
        _client.build_model(Order, {"qty": 1, "lines": UNSET}, "createOrder")  # UNSET: left out
    assert (
        str(info.value)
        == "createOrder: invalid arguments:\n  lines: Field required (got {'qty': 1})"
    )
    assert isinstance(info.value, ValueError) and info.value.__cause__ is None
    assert isinstance(info.value.cause, pydantic.ValidationError)


def test_transport_errors_say_what_failed_and_how_often(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_client, "monotonic", lambda: 12.5)
    request = httpx.Request("POST", "http://h/chat", extensions={"timeout": {"read": 0.25}})
    timeout = _client._transport_error(httpx.ReadTimeout("t"), request, 10.0, 3)
    assert isinstance(timeout, APITimeoutError)
    assert str(timeout) == (
        "POST http://h/chat took longer than the 250 ms timeout (ReadTimeout; gave up after 2500 ms, 3 attempts)"
    )
    assert (timeout.timeout_ms, timeout.elapsed_ms, timeout.attempts, timeout.url) == (
        250,
        2500,
        3,
        "http://h/chat",
    )
    failed = _client._transport_error(
        httpx.ConnectError(""), httpx.Request("GET", "http://h/"), 12.0, 1
    )
    assert type(failed) is APIConnectionError
    assert (
        str(failed)
        == "GET http://h/ failed: ConnectError: connection error (gave up after 500 ms, 1 attempt)"
    )
