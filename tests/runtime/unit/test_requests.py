"""Building requests: the credentials given, parameter and body encoding, redaction, logging."""

from __future__ import annotations

import datetime
import enum
import json
import logging
from typing import Any

import httpx
import pydantic
import pytest

from generator.runtime import _client, _settings
from generator.runtime._auth import Credentials, SecurityScheme
from generator.runtime._client import OperationSpec, encode_body, redact
from generator.runtime._params import query_string
from generator.runtime._types import UNSET
from tests.uploads.multipart import parse


class Color(enum.Enum):
    RED = "red"


class Pet(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(validate_by_name=True)

    pet_name: str = pydantic.Field(alias="petName")
    age: int | None = None


@pytest.fixture
def auth(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """`auth(scheme)`: the settings of an API with this one security scheme."""

    def configure(scheme: SecurityScheme) -> None:
        monkeypatch.setattr(_settings, "SECURITY_SCHEMES", {"only": scheme})

    return configure


def test_redaction_hides_credentials_and_the_keys_own_header(auth: Any) -> None:
    headers = httpx.Headers(
        {"Authorization": "Bearer s", "X-Secret": "s", "Cookie": "c=1", "Accept": "x"}
    )
    auth(SecurityScheme("apiKey", "api_key", location="header", parameter="X-Secret"))
    assert redact(headers) == {
        "authorization": "[REDACTED]",
        "x-secret": "[REDACTED]",
        "cookie": "[REDACTED]",
        "accept": "x",
    }
    auth(SecurityScheme("bearer", "api_key"))
    assert redact(headers)["x-secret"] == "s"


def test_query_encoding_follows_form_explode_and_deep_object() -> None:
    when = datetime.datetime(2024, 5, 1, 12, 30, tzinfo=datetime.UTC)
    query = {
        "ids": [1, 2],
        "filter": {"a": True, "b": None},
        "flag": False,
        "color": Color.RED,
        "since": when,
        "skipped": UNSET,
        "none": None,
        "text": "a b",
    }
    # form, exploded (OpenAPI's default): an object's properties become parameters of their own
    assert query_string(query, {}) == (
        "ids=1&ids=2&a=true&flag=false&color=red&since=2024-05-01T12%3A30%3A00%2B00%3A00&text=a%20b"
    )


def test_json_body_from_a_model_sends_only_the_fields_given_by_wire_name() -> None:
    out = encode_body("application/json", Pet(pet_name="Rex"))
    assert out == {"content": b'{"petName":"Rex"}', "headers": {"content-type": "application/json"}}


def test_json_body_from_plain_data_is_compact_and_drops_unset() -> None:
    out = encode_body("application/vnd.api+json", {"a": [1, Color.RED], "b": UNSET, "c": None})
    assert json.loads(out["content"]) == {"a": [1, "red"], "c": None}
    assert b" " not in out["content"] and out["headers"] == {
        "content-type": "application/vnd.api+json"
    }


def _sent(out: dict[str, Any]) -> tuple[dict[str, str], bytes]:
    return out["headers"], b"".join(out["stream"])


def test_multipart_body_separates_files_from_fields() -> None:
    headers, body = _sent(
        encode_body(
            "multipart/form-data",
            {"file": b"\x00\x01", "meta": {"k": 1}, "tags": ["x", True], "n": None},
        )
    )
    parts = [(p.name, p.filename, p.content_type, p.data) for p in parse(headers["content-type"], body)]
    assert parts == [
        ("meta", None, None, b'{"k":1}'),
        ("tags", None, None, b"x"),
        ("tags", None, None, b"true"),
        ("file", "file", "application/octet-stream", b"\x00\x01"),
    ]
    assert headers["content-length"] == str(len(body))
    headers, body = _sent(encode_body("multipart/form-data", {"a": 1}))
    assert [(p.name, p.data) for p in parse(headers["content-type"], body)] == [("a", b"1")]


def test_form_body_and_raw_bodies() -> None:
    assert encode_body("application/x-www-form-urlencoded", Pet(pet_name="Rex", age=3)) == {
        "data": {"petName": "Rex", "age": "3"}
    }
    headers, body = _sent(encode_body("application/octet-stream", b"raw"))
    assert (headers, body) == ({"content-type": "application/octet-stream", "content-length": "3"}, b"raw")
    assert encode_body("text/plain", 42) == {
        "content": b"42",
        "headers": {"content-type": "text/plain"},
    }
    assert encode_body("application/json", None) == encode_body("application/json", UNSET) == {}
    assert encode_body(None, {"a": 1}) == {}


def test_build_request_puts_everything_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_settings, "USER_AGENT", "test-agent/1")
    spec = OperationSpec(
        "getPet",
        "POST",
        "/pets/{id}",
        response_kind="json",
        request_content_type="application/json",
    )
    with httpx.Client() as client:
        request = _client.build_request(
            client,
            spec,
            auth=Credentials(query={"key": "k"}, cookies={"sid": "c"}),
            path_params={"id": "a/b c"},
            query={"tags": ["x", "y"]},
            headers={"X-Trace": [1, 2], "X-Skip": UNSET, "Accept": "overridden below"},
            body={"name": "Rex"},
            streaming=False,
            base_url="https://api.test/v1/",
            timeout_ms=1500,
            http_headers={"ACCEPT": "application/x-custom"},
        )
    assert str(request.url) == "https://api.test/v1/pets/a%2Fb%20c?tags=x&tags=y&key=k"
    assert request.headers["user-agent"] == "test-agent/1" and request.headers["cookie"] == "sid=c"
    assert request.headers["x-trace"] == "1,2" and "x-skip" not in request.headers
    assert request.headers["accept"] == "application/x-custom"  # the caller's header wins
    assert (
        request.headers["content-type"] == "application/json"
        and request.content == b'{"name":"Rex"}'
    )
    assert request.extensions["timeout"] == {"connect": 1.5, "read": 1.5, "write": 1.5, "pool": 1.5}


def test_streaming_requests_ask_for_event_streams() -> None:
    spec = OperationSpec("chat", "GET", "/chat", response_kind="json")
    with httpx.Client() as client:
        request = _client.build_request(
            client, spec, auth=Credentials({"authorization": "Bearer k"}), path_params=None, query=None, headers={"x-n": {"a": 1}}, body=None,
            streaming=True, base_url="http://h", timeout_ms=None, http_headers=None,
        )  # fmt: skip
    assert request.headers["accept"] == "text/event-stream"
    assert request.headers["authorization"] == "Bearer k" and request.headers["x-n"] == "a,1"
    assert request.extensions["timeout"] == {
        "connect": None,
        "read": None,
        "write": None,
        "pool": None,
    }


def test_debug_logger_follows_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_settings, "DEBUG_ENV", "UNIT_TEST_RUNTIME_DEBUG")
    monkeypatch.setattr(_settings, "PACKAGE", "unit_test_runtime_logger")
    monkeypatch.delenv("UNIT_TEST_RUNTIME_DEBUG", raising=False)
    assert _client.default_logger() is None
    monkeypatch.setenv("UNIT_TEST_RUNTIME_DEBUG", "True")
    logger = _client.default_logger()
    assert (
        logger is not None
        and logger.name == "unit_test_runtime_logger"
        and logger.level == logging.DEBUG
    )
    assert len(logger.handlers) == 1
    assert _client.default_logger() is logger and len(logger.handlers) == 1  # not a second handler
    logger.handlers.clear()


def test_a_path_with_fixed_query_parameters_gets_the_others_after_an_ampersand() -> None:
    spec = OperationSpec("listJobsAfterId", "GET", "/jobs?op=LISTAFTERID")
    with httpx.Client() as client:
        request = _client.build_request(
            client, spec, auth=None, path_params=None, query={"after": "a b"}, headers=None, body=None,
            streaming=False, base_url="https://api.example.com/", timeout_ms=None, http_headers=None,
        )
        bare = _client.build_request(
            client, spec, auth=None, path_params=None, query=None, headers=None, body=None,
            streaming=False, base_url="https://api.example.com", timeout_ms=None, http_headers=None,
        )
    assert str(request.url) == "https://api.example.com/jobs?op=LISTAFTERID&after=a%20b"
    assert str(bare.url) == "https://api.example.com/jobs?op=LISTAFTERID"
