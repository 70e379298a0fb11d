"""The call loop of `BaseClient`, sync and async twins alike, on httpx's mock transport: attempts,
waits, hooks, decoded answers and the exceptions raised."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pydantic
import pytest

from generator.runtime import _client
from generator.runtime._client import BaseClient, ClientConfig, OperationSpec
from generator.runtime._exceptions import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    ResponseValidationError,
    TypedAPIError,
)
from generator.runtime._hooks import HookContext, Hooks
from generator.runtime._types import UNSET
from generator.runtime.utils.retries import BackoffStrategy, RetryConfig

RETRIES = RetryConfig(
    backoff=BackoffStrategy(
        initial_interval=10, max_interval=200, exponent=2, max_elapsed_time=60_000, jitter=0
    ),
    status_codes=(429, "5XX"),
)


class Reply(pydantic.BaseModel):
    ok: bool


class Problem(pydantic.BaseModel):
    code: str


class NotFound(TypedAPIError):
    data: Problem

    @staticmethod
    def data_type() -> Any:
        return Problem


GET_REPLY = OperationSpec(
    "getReply", "GET", "/reply", response_kind="json", response_type=lambda: Reply
)
Script = list[Callable[[httpx.Request], httpx.Response]]


def status(
    code: int, body: Any = None, **headers: str
) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(code, json=body, headers=headers)


class Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body sent in pieces, sync or async (a `content=` body would be read before the SDK sees it)."""

    def __init__(self, pieces: list[bytes]) -> None:
        self.pieces = pieces

    def __iter__(self) -> Iterator[bytes]:
        yield from self.pieces

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self.pieces:
            yield piece


def broken(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("refused", request=request)


class Harness:
    """A `BaseClient` over a scripted mock transport, run sync or async, recording waits and requests."""

    def __init__(self, is_async: bool, monkeypatch: pytest.MonkeyPatch) -> None:
        self.is_async = is_async
        self.script: Script = []
        self.requests: list[httpx.Request] = []
        self.waits: list[float] = []
        self.hooks = Hooks()
        monkeypatch.setattr(_client, "sleep", self.waits.append)
        monkeypatch.setattr(_client, "async_sleep", self._async_wait)
        transport = httpx.MockTransport(self._answer)
        self.config = ClientConfig(
            server_url="http://api.test",
            credentials={"bearer": "key"},
            retry_config=RETRIES,
            timeout_ms=None,
            client=None if is_async else httpx.Client(transport=transport),
            async_client=httpx.AsyncClient(transport=transport) if is_async else None,
            owns_client=False,
            owns_async_client=False,
            hooks=self.hooks,
            logger=None,
        )
        self.client = BaseClient(self.config)

    async def _async_wait(self, seconds: float) -> None:
        self.waits.append(seconds)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.script.pop(0)(request)

    def call(self, spec: OperationSpec = GET_REPLY, **options: Any) -> Any:
        arguments: dict[str, Any] = {
            "retries": UNSET,
            "server_url": None,
            "timeout_ms": None,
            "http_headers": None,
        }
        arguments.update(options)
        if self.is_async:
            return asyncio.run(self.client._call_async(spec, **arguments))
        return self.client._call(spec, **arguments)


@pytest.fixture(params=[False, True], ids=["sync", "async"])
def harness(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Harness]:
    yield Harness(request.param, monkeypatch)


def test_retries_with_backoff_then_decodes_the_answer(harness: Harness) -> None:
    harness.script = [
        status(503),
        status(429, {}, **{"retry-after-ms": "50"}),
        broken,
        status(200, {"ok": True}),
    ]
    assert harness.call() == Reply(ok=True)
    assert harness.waits == [0.01, 0.05, 0.04]  # 10 ms, the server's 50 ms, 10 * 2 ** 2 ms
    assert len(harness.requests) == 4


def test_final_error_answer_raises_the_documented_error(harness: Harness) -> None:
    spec = OperationSpec(
        "getReply", "GET", "/reply", errors=(("404", lambda: NotFound), ("4XX", lambda: APIError))
    )
    harness.script = [status(404, {"code": "gone"})]
    with pytest.raises(NotFound) as info:
        harness.call(spec)
    assert info.value.data == Problem(code="gone") and info.value.status_code == 404
    assert str(info.value) == 'NotFound: Status 404: {"code":"gone"}'
    harness.script = [status(404, {"unexpected": 1})]  # not the documented shape: a plain APIError
    with pytest.raises(APIError) as plain:
        harness.call(spec)
    assert (
        type(plain.value) is APIError
        and str(plain.value) == 'getReply failed: Status 404: {"unexpected":1}'
    )


def test_retries_none_sends_once(harness: Harness) -> None:
    harness.script = [status(503, "busy")]
    with pytest.raises(APIError) as info:
        harness.call(retries=None)
    assert info.value.status_code == 503 and harness.waits == [] and len(harness.requests) == 1


def test_connection_failures_end_in_api_connection_error(harness: Harness) -> None:
    harness.script = [broken, broken]
    with pytest.raises(APIConnectionError) as info:
        # waits of 10 then 20 ms: the second would pass max_elapsed_time
        once = RetryConfig(
            backoff=BackoffStrategy(initial_interval=10, exponent=2, max_elapsed_time=15, jitter=0)
        )
        harness.call(retries=once, server_url="http://other.test")
    error = info.value
    assert not isinstance(error, APITimeoutError)
    assert (
        error.attempts == 2 and error.url == "http://other.test/reply" and harness.waits == [0.01]
    )
    assert str(error).startswith(
        "GET http://other.test/reply failed: ConnectError: refused (gave up after "
    )
    assert str(error).endswith(" ms, 2 attempts)")


def test_timeouts_say_which_limit(harness: Harness) -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    harness.script = [slow]
    with pytest.raises(APITimeoutError) as info:
        harness.call(retries=None, timeout_ms=250)
    assert info.value.timeout_ms == 250 and info.value.attempts == 1
    assert "took longer than the 250 ms timeout (ReadTimeout; gave up after" in str(info.value)


def test_hooks_run_once_per_call(harness: Harness) -> None:
    seen: list[tuple[str, Any]] = []

    def before(context: HookContext, request: httpx.Request) -> httpx.Request:
        seen.append(("before", context))
        request.headers["x-hooked"] = "1"
        return request

    def after_success(context: HookContext, response: httpx.Response) -> httpx.Response:
        seen.append(("success", response.status_code))
        return httpx.Response(200, json={"ok": False}, request=response.request)

    harness.hooks.register_before_request(before)
    harness.hooks.register_after_success(after_success)
    harness.hooks.register_after_error(
        lambda context, response, error: seen.append(("error", type(error).__name__))
    )
    harness.script = [status(500), status(200, {"ok": True})]
    assert harness.call() == Reply(ok=False)  # the hook's replacement answer
    assert seen == [("before", HookContext("getReply", "http://api.test")), ("success", 200)]
    assert all(
        r.headers["x-hooked"] == "1" for r in harness.requests
    )  # retries resend the hooked request
    seen.clear()
    harness.script = [status(400)]
    with pytest.raises(APIError):
        harness.call()
    assert seen[1:] == [("error", "APIError")]


def test_invalid_answer_names_the_operation_and_field(harness: Harness) -> None:
    harness.script = [status(200, {"ok": "maybe"})]
    with pytest.raises(ResponseValidationError) as info:
        harness.call()
    message = str(info.value)
    assert message.startswith(
        "getReply: the response (status 200) does not match the spec:\n  ok: "
    )
    assert info.value.body == '{"ok":"maybe"}'


@pytest.mark.parametrize(
    ("kind", "body", "expected"),
    [("text", "hello", "hello"), ("binary", "hello", b'"hello"'), ("empty", "x", None)],
)
def test_answers_by_response_kind(harness: Harness, kind: Any, body: str, expected: Any) -> None:
    spec = OperationSpec("op", "GET", "/", response_kind=kind, response_type=lambda: str)
    harness.script = [status(200, body)]
    assert harness.call(spec) == (json.dumps(body) if kind == "text" else expected)


def test_debug_log_of_attempts_and_retries(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    harness.config.logger = logging.getLogger("unit_test_calls")
    harness.script = [status(503), status(200, {"ok": True})]
    with caplog.at_level(logging.DEBUG, logger="unit_test_calls"):
        harness.call()
    lines = [r.getMessage() for r in caplog.records]
    assert (
        lines[0].startswith("Request: GET http://api.test/reply headers={")
        and "'[REDACTED]'" in lines[0]
    )
    assert lines[1].startswith("Response: 503 GET http://api.test/reply")
    assert lines[2] == "Retrying getReply in 10 ms (attempt 1 failed: status 503)"
    assert lines[3].startswith("Request (attempt 2): GET")
    assert len(lines) == 5


def test_operation_error_class_prefers_exact_then_range_then_default() -> None:
    def error(name: str) -> Callable[[], type[APIError]]:
        return lambda: type(name, (APIError,), {})

    spec = OperationSpec(
        "op", "GET", "/", errors=(("default", error("D")), ("4xx", error("R")), ("404", error("E")))
    )
    found = {code: spec.error_class(code) for code in (404, 418, 500)}
    assert {code: f().__name__ if f else None for code, f in found.items()} == {
        404: "E",
        418: "R",
        500: "D",
    }
    assert OperationSpec("op", "GET", "/").error_class(404) is None


def test_streamed_calls_return_a_stream_or_read_the_error(harness: Harness) -> None:
    class Chunk(pydantic.BaseModel):
        n: int

    spec = OperationSpec(
        "chat", "POST", "/chat", stream_type=lambda: Chunk, sentinel="[DONE]", envelope=True
    )
    sse = b'data: {"n": 1}\n\ndata: {"n": 2}\n\ndata: [DONE]\n\n'
    harness.script = [
        lambda r: httpx.Response(
            200, stream=Body([sse[:20], sse[20:]]), headers={"content-type": "text/event-stream"}
        )
    ]
    stream = harness.call(spec, stream=True)
    if harness.is_async:

        async def read_all() -> list[Any]:
            return [chunk async for chunk in stream]

        chunks = asyncio.run(read_all())
    else:
        chunks = list(stream)
    assert chunks == [Chunk(n=1), Chunk(n=2)] and stream.done
    assert harness.requests[0].headers["accept"] == "text/event-stream"
    harness.script = [status(500, "boom")]
    with pytest.raises(APIError) as info:
        harness.call(spec, stream=True, retries=None)
    assert info.value.body == '"boom"' and str(info.value) == 'chat failed: Status 500: "boom"'


@pytest.mark.parametrize(
    ("status", "expected"),
    [(200, "exact"), (201, "range"), (404, "default"), (204, "range")],
)
def test_results_by_status_match_lower_case_ranges_and_default(status: int, expected: str) -> None:
    """Specs write `2xx` and `default`: the result for a status is picked by the same rule as errors."""
    results: Any = (
        ("200", "application/json", "json", "exact"),
        ("2xx", "application/json", "json", "range"),
        ("default", "application/json", "json", "default"),
    )
    response = httpx.Response(status, headers={"content-type": "application/json"}, content=b"{}")
    _, index = _client.pick_result(results, response)
    assert results[index][3] == expected


def test_error_class_matches_lower_case_ranges_and_default() -> None:
    spec = OperationSpec("op", "GET", "/", errors=(("4xx", lambda: TypedAPIError), ("default", lambda: APIError)))
    found_4xx, found_default = spec.error_class(404), spec.error_class(503)
    assert found_4xx is not None and found_4xx() is TypedAPIError
    assert found_default is not None and found_default() is APIError
