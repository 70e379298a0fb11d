"""What the generated SDK puts on the wire, and what it makes of each kind of answer (kitchen-sink fixture)."""

from __future__ import annotations

import importlib
import json
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlsplit
from uuid import UUID

import pytest

from tests.conftest import SPECS

PET = {"id": "p1", "name": "Rex", "kind": "dog", "status": "available", "children": [{"id": "c", "name": "Kid"}]}


class Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    requests: ClassVar[list[dict[str, Any]]] = []
    answers: ClassVar[dict[tuple[str, str], tuple[int, str, bytes]]] = {}

    def log_message(self, *args: Any) -> None:
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        Recorder.requests.append(
            {"method": self.command, "path": url.path, "query": parse_qsl(url.query, keep_blank_values=True),
             "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
        )
        status, ctype, payload = Recorder.answers.get((self.command, url.path), (200, "application/json", json.dumps(PET).encode()))
        self.send_response(status)
        self.send_header("content-type", ctype)
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = _handle


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="module")
def sdk(generated_sdk) -> Iterator[ModuleType]:
    folder: Path = generated_sdk(SPECS / "kitchen_sink.yaml", "kitchen_sink_sdk")
    sys.path.insert(0, str(folder / "src"))
    try:
        yield importlib.import_module("kitchen_sink_sdk")
    finally:
        sys.path.remove(str(folder / "src"))


@pytest.fixture
def client(sdk: ModuleType, server: str) -> Iterator[Any]:
    Recorder.requests.clear()
    Recorder.answers.clear()
    with sdk.KitchenSink(api_key="secret", server_url=server, retry_config=None) as c:
        yield c


def test_path_query_and_header_parameters(client: Any) -> None:
    pet = client.pets.get_pet(pet_id="a b/c", include=["owner", "kids"], x_request_id="r-1", in_=3)
    req = Recorder.requests[-1]
    assert req["method"] == "GET"
    assert req["path"] == "/pets/a%20b%2Fc"  # path parameters are percent-encoded, slash included
    assert req["query"] == [("include", "owner"), ("include", "kids"), ("in", "3")]  # wire name `in`, exploded list
    assert req["headers"]["x-request-id"] == "r-1"
    assert req["headers"]["x-api-key"] == "secret"  # the spec's apiKey header scheme
    assert req["headers"]["user-agent"].startswith("kitchen-sink-sdk/0.1.0")
    assert type(pet).__name__ == "Pet" and pet.children[0].name == "Kid"


def test_unset_parameters_are_left_out_and_deep_objects_are_bracketed(client: Any) -> None:
    Recorder.answers[("GET", "/pets")] = (200, "application/json", json.dumps([PET]).encode())
    pets = client.pets.list_pets(filter={"name": "rex"})
    req = Recorder.requests[-1]
    assert req["query"] == [("filter[name]", "rex")]  # `limit` (default 20) is the server's to apply
    assert [p.name for p in pets] == ["Rex"]


def test_json_body_unset_omitted_none_sent_as_null_and_aliases(client: Any, sdk: ModuleType) -> None:
    client.pets.create_pet(name='quote " name', animal={"type": "cat", "meows": True}, nickname=None, class_="x")
    body = json.loads(Recorder.requests[-1]["body"])
    assert body == {"name": 'quote " name', "animal": {"type": "cat", "meows": True}, "nickname": None, "class": "x"}
    assert Recorder.requests[-1]["headers"]["content-type"] == "application/json"
    # A model instance works as well as a dict; the discriminator picks the right class.
    client.pets.create_pet(name="n", animal=sdk.models.Dog(type="dog", barks=3))
    assert json.loads(Recorder.requests[-1]["body"]) == {"name": "n", "animal": {"type": "dog", "barks": 3}}


def test_invalid_arguments_fail_before_sending_with_the_field_named(client: Any, sdk: ModuleType) -> None:
    with pytest.raises(sdk.errors.RequestValidationError) as info:
        client.pets.create_pet(name="n", animal={"type": "cow"})
    assert "createPet" in str(info.value) and "animal" in str(info.value)
    assert Recorder.requests == []


def test_multipart_form_and_binary(client: Any) -> None:
    Recorder.answers[("PUT", "/pets/p1/photo")] = (200, "application/json", b'{"url": "u"}')
    result = client.pets.upload_photo(pet_id="p1", file=b"\x89PNG bytes", caption="hi")
    req = Recorder.requests[-1]
    assert req["headers"]["content-type"].startswith("multipart/form-data; boundary=")
    assert b"\x89PNG bytes" in req["body"] and b'name="caption"' in req["body"] and b"hi" in req["body"]
    assert result.url == "u"

    Recorder.answers[("GET", "/pets/p1/photo")] = (200, "image/png", b"\x89PNG\x00data")
    assert client.pets.download_photo(pet_id="p1") == b"\x89PNG\x00data"


def test_form_urlencoded_body_and_text_response(client: Any) -> None:
    Recorder.answers[("POST", "/login")] = (200, "text/plain", "tøken".encode())
    assert client.login(username="u", password="p&q") == "tøken"
    req = Recorder.requests[-1]
    assert req["headers"]["content-type"] == "application/x-www-form-urlencoded"
    assert sorted(parse_qsl(req["body"].decode())) == [("password", "p&q"), ("username", "u")]


def test_documented_error_becomes_a_typed_exception(client: Any, sdk: ModuleType) -> None:
    Recorder.answers[("GET", "/pets/nope")] = (404, "application/json", b'{"message": "no such pet"}')
    with pytest.raises(sdk.errors.NotFoundError) as info:
        client.pets.get_pet(pet_id="nope")
    assert info.value.data.message == "no such pet"
    assert info.value.status_code == 404
    assert isinstance(info.value, sdk.models.APIError)


def test_undocumented_error_is_an_api_error_with_status_and_body(client: Any, sdk: ModuleType) -> None:
    Recorder.answers[("DELETE", "/pets/x")] = (409, "application/json", b'{"detail": "conflict"}')
    with pytest.raises(sdk.models.APIError) as info:
        client.pets.delete_pet(pet_id="x")
    assert info.value.status_code == 409 and "conflict" in info.value.body and "409" in str(info.value)


def test_response_enums_tolerate_new_values(client: Any, sdk: ModuleType) -> None:
    Recorder.answers[("GET", "/pets/new")] = (200, "application/json", json.dumps({**PET, "kind": "axolotl", "status": "adopted"}).encode())
    pet = client.pets.get_pet(pet_id="new")
    assert pet.kind.value == "axolotl" and pet.kind.name == "UNKNOWN"
    assert pet.status == "adopted"
    assert sdk.models.Kind("hot-dog") is sdk.models.Kind.HOT_DOG


def test_response_that_breaks_the_spec_names_the_field(client: Any, sdk: ModuleType) -> None:
    Recorder.answers[("GET", "/pets/bad")] = (200, "application/json", b'{"id": "x"}')
    with pytest.raises(sdk.errors.ResponseValidationError) as info:
        client.pets.get_pet(pet_id="bad")
    assert "getPet" in str(info.value) and "name" in str(info.value)


async def _async_round_trip(sdk: ModuleType, server: str) -> Any:
    async with sdk.KitchenSink(api_key="k", server_url=server) as c:
        return await c.pets.get_pet_async(pet_id="p1", include=["a"])


def test_async_twin(sdk: ModuleType, server: str) -> None:
    import asyncio

    Recorder.requests.clear()
    pet = asyncio.run(_async_round_trip(sdk, server))
    assert pet.name == "Rex"
    assert Recorder.requests[-1]["query"] == [("include", "a")]


# -- formats: `datetime`, `date` and `UUID` arguments (formats fixture) ----------------------------------
@pytest.fixture(scope="module")
def formats_sdk(generated_sdk) -> Iterator[ModuleType]:
    folder: Path = generated_sdk(SPECS / "formats.yaml", "formats_sdk")
    sys.path.insert(0, str(folder / "src"))
    try:
        yield importlib.import_module("formats_sdk")
    finally:
        sys.path.remove(str(folder / "src"))


@pytest.fixture
def formats_client(formats_sdk: ModuleType, server: str) -> Iterator[Any]:
    Recorder.requests.clear()
    Recorder.answers.clear()
    with formats_sdk.Formats(server_url=server, retry_config=None) as c:
        yield c


def test_datetime_argument_goes_out_as_iso_8601_in_a_json_body(formats_client: Any) -> None:
    Recorder.answers[("POST", "/hooks")] = (200, "application/json", b'{"url": "u", "created_at": "2024-01-02T03:04:05Z"}')
    hook = formats_client.hooks.merge(url="u", created_at=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert json.loads(Recorder.requests[-1]["body"])["created_at"] == "2024-01-02T03:04:05Z"
    assert hook.created_at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_datetime_date_and_uuid_arguments_go_out_as_iso_8601_in_query_and_headers(formats_client: Any) -> None:
    Recorder.answers[("POST", "/hooks/async")] = (204, "application/json", b"")
    hook_id = UUID("12345678-1234-5678-1234-567812345678")
    formats_client.hooks.merge_async2(since=datetime(2024, 1, 2, 3, 4, 5, 600000), hook_id=hook_id, x_day=date(2024, 1, 2))
    req = Recorder.requests[-1]
    assert req["query"] == [("since", "2024-01-02T03:04:05.600000"), ("hook_id", "12345678-1234-5678-1234-567812345678")]
    assert req["headers"]["x-day"] == "2024-01-02"
