"""Responses are read for their types only; requests keep every constraint (fixture `lenient.yaml`).

A scripted server on 127.0.0.1 answers with data that breaks the spec's `pattern`, length, bound,
`multipleOf` and enum rules and carries a discriminator tag the spec does not list: the SDK keeps the
values (sync and async, success and error bodies, stream events). The same violations in a request
raise `RequestValidationError` before anything is sent. `readOnly` properties are not arguments;
`writeOnly` ones are not required in a response.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import SPECS, mypy_cache, run, tool

from .scripted_server import ScriptedServer, Step

# Everything here breaks the spec, but only in what a request must respect.
RESOURCE_REPLY = {
    "data": {"type": "symlink", "id": "s1", "target": "/a/b"},  # a tag the spec does not list
    "related": [
        {"type": "file", "id": "f1", "size": -5},  # minimum: 0
        {"type": "folder", "id": "d1", "count": 99},  # maximum: 10
        {"id": "untagged", "note": "no type at all"},  # no tag
    ],
    "code": "lower-case",  # pattern ^[A-Z]{3}$
}
USER_REPLY = {
    "id": "u1",
    "name": "Far-Too-Long-Name",  # pattern, maxLength 8
    "level": 7,  # integer enum [1, 2, 3]
    "color": "purple",  # string enum [red, green]
    "age": 999,  # maximum 150
    "score": 0.3,  # multipleOf 0.5
    "tags": ["abcd", "e", "f"],  # items maxLength 3, maxItems 2
    "created": "2024-05-06T07:08:09Z",
    # no "password": writeOnly, required in the spec
}
GOOD_USER = {"name": "ann", "password": "secret-pw", "level": 2}


@pytest.fixture(scope="module")
def lenient(generated_sdk) -> Iterator[ModuleType]:
    folder: Path = generated_sdk(SPECS / "lenient.yaml", "lenient_runtime_sdk")
    sys.path.insert(0, str(folder / "src"))
    try:
        yield importlib.import_module("lenient_runtime_sdk")
    finally:
        sys.path.remove(str(folder / "src"))


def client(lenient: ModuleType, server: ScriptedServer) -> Any:
    return lenient.Lenient(server_url=server.url, retry_config=None)


def check_resource_reply(lenient: ModuleType, reply: Any) -> None:
    from lenient_runtime_sdk._base_model import UnknownVariant  # type: ignore[import-not-found]

    models = lenient.models
    assert isinstance(reply.data, UnknownVariant)
    assert reply.data.model_extra == {"type": "symlink", "id": "s1", "target": "/a/b"}
    file, folder, untagged = reply.related
    assert isinstance(file, models.File) and file.size == -5
    assert isinstance(folder, models.Folder) and folder.count == 99
    assert (
        isinstance(untagged, UnknownVariant)
        and untagged.model_dump() == RESOURCE_REPLY["related"][2]
    )
    assert reply.code == "lower-case"
    # The data is kept as it came: it serialises back to what the server sent.
    assert json.loads(reply.model_dump_json(exclude_unset=True)) == RESOURCE_REPLY


def check_user_reply(lenient: ModuleType, user: Any) -> None:
    models = lenient.models
    assert user.id == "u1" and user.name == "Far-Too-Long-Name"
    assert (
        isinstance(user.level, models.Level)
        and user.level.value == 7
        and user.level.name == "UNKNOWN"
    )
    assert user.color.value == "purple"
    assert (user.age, user.score, user.tags) == (999, 0.3, ["abcd", "e", "f"])
    assert user.created.year == 2024
    assert user.password is None


def test_a_response_breaking_every_constraint_is_read(
    lenient: ModuleType, server: ScriptedServer
) -> None:
    server.reset(Step(200, RESOURCE_REPLY))
    with client(lenient, server) as sdk:
        check_resource_reply(lenient, sdk.resources.get_resource(id_="r1"))
        server.reset(Step(200, USER_REPLY))
        check_user_reply(lenient, sdk.users.create_user(**GOOD_USER))
    assert server.requests[-1].json() == {"name": "ann", "password": "secret-pw", "level": 2}


def test_a_response_breaking_every_constraint_is_read_async(
    lenient: ModuleType, server: ScriptedServer
) -> None:
    async def main() -> None:
        async with client(lenient, server) as sdk:
            server.reset(Step(200, RESOURCE_REPLY))
            check_resource_reply(lenient, await sdk.resources.get_resource_async(id_="r1"))
            server.reset(Step(200, USER_REPLY))
            check_user_reply(lenient, await sdk.users.create_user_async(**GOOD_USER))

    asyncio.run(main())
    assert server.requests[-1].json() == {"name": "ann", "password": "secret-pw", "level": 2}


def test_a_known_tag_with_the_wrong_types_still_fails(
    lenient: ModuleType, server: ScriptedServer
) -> None:
    """Lenient is not blind: a `file` without its required `size`, or a size that is not a number, fails."""
    for bad in ({"type": "file", "id": "f"}, {"type": "file", "id": "f", "size": "big"}):
        server.reset(Step(200, {"data": bad}))
        with (
            client(lenient, server) as sdk,
            pytest.raises(lenient.models.ResponseValidationError) as info,
        ):
            sdk.resources.get_resource(id_="r1")
        assert "data.file.size" in str(info.value)


def test_an_error_body_breaking_constraints_is_kept(
    lenient: ModuleType, server: ScriptedServer
) -> None:
    body = {"message": "a message longer than ten characters", "level": 42}
    server.reset(Step(422, body))
    with client(lenient, server) as sdk, pytest.raises(lenient.errors.ProblemError) as info:
        sdk.users.create_user(**GOOD_USER)
    assert info.value.data.message == body["message"] and info.value.data.level.value == 42

    async def main() -> None:
        async with client(lenient, server) as sdk:
            with pytest.raises(lenient.errors.ProblemError) as info:
                await sdk.users.create_user_async(**GOOD_USER)
            assert info.value.data.message == body["message"]

    asyncio.run(main())


TICKS = [
    {"n": 99, "label": "NOT-LOWER", "level": 5},
    {"n": 1, "label": "ok", "resource": {"type": "device", "id": "x"}},
]


def tick_stream() -> Step:
    chunks = [f"data: {json.dumps(t)}\n\n".encode() for t in TICKS]
    return Step(200, b"", {"content-type": "text/event-stream"}, chunks=chunks)


def check_ticks(lenient: ModuleType, ticks: list[Any]) -> None:
    from lenient_runtime_sdk._base_model import UnknownVariant

    assert [(t.n, t.label) for t in ticks] == [(99, "NOT-LOWER"), (1, "ok")]
    assert ticks[0].level.value == 5
    assert (
        isinstance(ticks[1].resource, UnknownVariant)
        and ticks[1].resource.model_extra == TICKS[1]["resource"]
    )


def test_stream_events_breaking_constraints_are_read(
    lenient: ModuleType, server: ScriptedServer
) -> None:
    server.reset(tick_stream())
    with client(lenient, server) as sdk:
        check_ticks(lenient, list(sdk.ticks.list_ticks()))

    async def main() -> None:
        async with client(lenient, server) as sdk:
            check_ticks(lenient, [t async for t in await sdk.ticks.list_ticks_async()])

    asyncio.run(main())
    assert len(server.requests) == 2


REQUEST_VIOLATIONS: dict[str, tuple[dict[str, Any], str]] = {
    "pattern": ({"name": "ANN"}, "name"),
    "minLength": ({"name": "a"}, "name"),
    "maxLength": ({"name": "abcdefghij"}, "name"),
    "minLength of writeOnly": ({"password": "short"}, "password"),
    "minimum": ({"age": -1}, "age"),
    "maximum": ({"age": 151}, "age"),
    "exclusiveMinimum": ({"score": 0}, "score"),
    "multipleOf": ({"score": 0.3}, "score"),
    "item maxLength": ({"tags": ["abcd"]}, "tags.0"),
    "maxItems": ({"tags": ["a", "b", "c"]}, "tags"),
}


@pytest.mark.parametrize("case", REQUEST_VIOLATIONS, ids=list(REQUEST_VIOLATIONS))
def test_a_request_breaking_a_constraint_is_refused_before_sending(
    lenient: ModuleType, server: ScriptedServer, case: str
) -> None:
    change, where = REQUEST_VIOLATIONS[case]
    server.reset(Step(200, USER_REPLY))
    with client(lenient, server) as sdk:
        with pytest.raises(lenient.models.RequestValidationError) as info:
            sdk.users.create_user(**{**GOOD_USER, **change})
        assert f"{where}:" in str(info.value) and "createUser" in str(info.value)

    async def main() -> None:
        async with client(lenient, server) as sdk:
            with pytest.raises(lenient.models.RequestValidationError):
                await sdk.users.create_user_async(**{**GOOD_USER, **change})

    asyncio.run(main())
    assert server.requests == []


def test_a_model_built_by_hand_keeps_the_constraints(lenient: ModuleType) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="string_too_long"):
        lenient.models.User(name="abcdefghij", level=1)
    with pytest.raises(ValidationError, match="union_tag_invalid"):
        lenient.models.ResourceResponse.model_validate(RESOURCE_REPLY)


def test_read_only_is_not_an_argument_and_not_required(
    lenient: ModuleType, server: ScriptedServer
) -> None:
    parameters = inspect.signature(lenient.resources.users.Users.create_user).parameters
    assert not {"id", "id_"} & set(parameters)
    assert (
        parameters["password"].default is inspect.Parameter.empty
    )  # writeOnly: still required to send
    server.reset(Step(200, USER_REPLY))
    with client(lenient, server) as sdk:
        with pytest.raises(TypeError):
            sdk.users.create_user(id_="u9", **GOOD_USER)
        # A whole model without its readOnly `id` validates (it is not required in the model).
        assert lenient.models.User(**GOOD_USER).id is None
    assert len(server.requests) == 0


USER_CODE = """
from datetime import datetime

from lenient_runtime_sdk import Lenient, models
from lenient_runtime_sdk._base_model import UnknownVariant

def use(client: Lenient) -> None:
    reply = client.resources.get_resource(id_="r")
    data = reply.data
    if isinstance(data, UnknownVariant):
        print(data.model_extra)
    elif isinstance(data, models.File):
        print(data.size)
    else:
        print(data.count)
    user = client.users.create_user(name="ann", password="pw-secret", level=models.Level.INTEGER_1)
    user_id: str | None = user.id
    print(user_id)
    # A formatted field keeps its class for mypy (a malformed value from a server is a `str` at run time).
    created: datetime | None = user.created
    print(created)
"""
USER_MISTAKES = {
    "the readOnly id as an argument": 'client.users.create_user(id_="x", name="a", password="p", level=1)',
    "a variant read without checking for UnknownVariant": 'print(client.resources.get_resource(id_="r").data.id)',
    "a readOnly id taken as always there": 'x: str = client.users.create_user(name="a", password="p", level=1).id',
}


def test_mypy_agrees(lenient: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MYPYPATH", str(Path(lenient.__file__).parents[1]))
    program = tmp_path / "good.py"
    program.write_text(USER_CODE)
    cache = mypy_cache()
    proc = run([tool("mypy"), "--strict", "--cache-dir", cache, str(program)], cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    body = "\n".join(f"    {line}  # {name}" for name, line in USER_MISTAKES.items())
    program = tmp_path / "bad.py"
    program.write_text(
        f"from lenient_runtime_sdk import Lenient\n\ndef use(client: Lenient) -> None:\n{body}\n"
    )
    proc = run([tool("mypy"), "--strict", "--cache-dir", cache, str(program)], cwd=tmp_path)
    for line_no, name in enumerate(USER_MISTAKES, start=4):
        assert f"bad.py:{line_no}:" in proc.stdout, f"mypy missed: {name}\n{proc.stdout}"


# -- formats: a string that does not parse as its format is kept as sent, in responses only ----------
BAD_FORMATS = {
    "created": "yesterday",  # date-time
    "birthday": "1990-02-31",  # date (no such day)
    "uid": "not-a-uuid",  # uuid
    "address": "300.1.2.3",  # ipv4
    "history": ["2024-05-06T07:08:09Z", "soon"],  # list of date-time
    "seen": {"home": "2024-01-02", "work": "last week"},  # map of date
}
GOOD_FORMATS = {
    "created": "2024-05-06T07:08:09Z",
    "birthday": "1990-02-28",
    "uid": "12345678-1234-5678-1234-567812345678",
    "address": "10.1.2.3",
    "history": ["2024-05-06T07:08:09Z"],
    "seen": {"home": "2024-01-02"},
}


def check_formats(user: Any, bad: bool) -> None:
    from datetime import date, datetime
    from ipaddress import IPv4Address
    from uuid import UUID

    if bad:
        assert (user.created, user.birthday, user.uid, user.address) == (
            "yesterday",
            "1990-02-31",
            "not-a-uuid",
            "300.1.2.3",
        )
        assert user.history == [datetime.fromisoformat("2024-05-06T07:08:09+00:00"), "soon"]
        assert user.seen == {"home": date(2024, 1, 2), "work": "last week"}
        # Kept as sent: it serialises back to what the server sent.
        dumped = json.loads(user.model_dump_json(exclude_unset=True))
        assert {k: dumped[k] for k in BAD_FORMATS} == {
            **BAD_FORMATS,
            "history": ["2024-05-06T07:08:09Z", "soon"],
        }
    else:
        assert isinstance(user.created, datetime) and user.created.tzinfo is not None
        assert user.birthday == date(1990, 2, 28)
        assert user.uid == UUID(GOOD_FORMATS["uid"])
        assert user.address == IPv4Address("10.1.2.3")
        assert user.history == [datetime.fromisoformat("2024-05-06T07:08:09+00:00")]
        assert user.seen == {"home": date(2024, 1, 2)}


@pytest.mark.parametrize("bad", [True, False], ids=["malformed", "valid"])
def test_formats_in_a_response(lenient: ModuleType, server: ScriptedServer, bad: bool) -> None:
    reply = {**USER_REPLY, **(BAD_FORMATS if bad else GOOD_FORMATS)}
    server.reset(Step(200, reply))
    with client(lenient, server) as sdk:
        check_formats(sdk.users.create_user(**GOOD_USER), bad)

    async def main() -> None:
        async with client(lenient, server) as sdk:
            check_formats(await sdk.users.create_user_async(**GOOD_USER), bad)

    asyncio.run(main())
    assert [r.json() for r in server.requests] == [GOOD_USER, GOOD_USER]


def test_formats_in_a_discriminated_member_and_an_inline_response(
    lenient: ModuleType, server: ScriptedServer
) -> None:
    from datetime import datetime

    reply = {
        "data": {"type": "file", "id": "f1", "size": 1, "modified": "a while ago"},
        "related": [{"type": "file", "id": "f2", "size": 2, "modified": "2024-05-06T07:08:09Z"}],
    }
    times = ["2024-05-06T07:08:09Z", "not a time"]
    server.reset(Step(200, reply), Step(200, times))
    with client(lenient, server) as sdk:
        got = sdk.resources.get_resource(id_="r1")
        assert isinstance(got.data, lenient.models.File) and got.data.modified == "a while ago"
        assert isinstance(got.related[0].modified, datetime)
        assert sdk.clock.get_clock() == [datetime.fromisoformat("2024-05-06T07:08:09+00:00"), "not a time"]

    async def main() -> None:
        async with client(lenient, server) as sdk:
            server.reset(Step(200, times))
            assert (await sdk.clock.get_clock_async())[1] == "not a time"

    asyncio.run(main())
    assert [r.target for r in server.requests] == ["/clock"]


def test_a_malformed_format_in_an_error_body_and_stream_events(
    lenient: ModuleType, server: ScriptedServer
) -> None:
    from datetime import datetime

    server.reset(Step(422, {"message": "bad", "at": "half past"}))
    with client(lenient, server) as sdk, pytest.raises(lenient.errors.ProblemError) as info:
        sdk.users.create_user(**GOOD_USER)
    assert info.value.data.at == "half past"

    ticks = [{"n": 1, "label": "a", "at": "never"}, {"n": 2, "label": "b", "at": "2024-05-06T07:08:09Z"}]
    chunks = [f"data: {json.dumps(t)}\n\n".encode() for t in ticks]
    server.reset(Step(200, b"", {"content-type": "text/event-stream"}, chunks=chunks))

    def check(events: list[Any]) -> None:
        assert events[0].at == "never" and isinstance(events[1].at, datetime)

    with client(lenient, server) as sdk:
        check(list(sdk.ticks.list_ticks()))

    async def main() -> None:
        async with client(lenient, server) as sdk:
            with pytest.raises(lenient.errors.ProblemError) as info:
                server.reset(Step(422, {"message": "bad", "at": "half past"}))
                await sdk.users.create_user_async(**GOOD_USER)
            assert info.value.data.at == "half past"
            server.reset(Step(200, b"", {"content-type": "text/event-stream"}, chunks=chunks))
            check([t async for t in await sdk.ticks.list_ticks_async()])

    asyncio.run(main())


@pytest.mark.parametrize("field", list(BAD_FORMATS))
def test_a_malformed_format_in_a_request_is_refused_before_sending(
    lenient: ModuleType, server: ScriptedServer, field: str
) -> None:
    server.reset(Step(200, USER_REPLY))
    with client(lenient, server) as sdk:
        with pytest.raises(lenient.models.RequestValidationError) as info:
            sdk.users.create_user(**GOOD_USER, **{field: BAD_FORMATS[field]})
        message = str(info.value)
        assert "createUser" in message and field in message
        assert ".str:" not in message  # pydantic's error for the format, not the lenient union's

    async def main() -> None:
        async with client(lenient, server) as sdk:
            with pytest.raises(lenient.models.RequestValidationError):
                await sdk.users.create_user_async(**GOOD_USER, **{field: BAD_FORMATS[field]})

    asyncio.run(main())
    assert server.requests == []


def test_valid_formats_in_a_request_are_sent_typed(lenient: ModuleType, server: ScriptedServer) -> None:
    server.reset(Step(200, USER_REPLY))
    with client(lenient, server) as sdk:
        sdk.users.create_user(**GOOD_USER, **GOOD_FORMATS)
    sent = server.requests[0].json()
    assert {k: sent[k] for k in GOOD_FORMATS} == GOOD_FORMATS


def test_formats_by_hand_and_with_the_response_context(lenient: ModuleType) -> None:
    from lenient_runtime_sdk._types import RESPONSE  # type: ignore[import-not-found]
    from pydantic import ValidationError

    User = lenient.models.User
    with pytest.raises(ValidationError) as info:
        User(**GOOD_USER, uid="nope")
    assert [e["type"] for e in info.value.errors()] == ["uuid_parsing"]  # pydantic's own error, no union
    with pytest.raises(ValidationError, match="datetime"):
        User.model_validate({**GOOD_USER, "history": ["soon"]})
    kept = User.model_validate({**GOOD_USER, **BAD_FORMATS}, context=RESPONSE)
    check_formats(kept, bad=True)
    typed = User.model_validate({**GOOD_USER, **GOOD_FORMATS}, context=RESPONSE)
    check_formats(typed, bad=False)
    # Types are still checked in a response: a number is no date, and not a string either.
    with pytest.raises(ValidationError):
        User.model_validate_json(json.dumps({**USER_REPLY, "birthday": [1]}))
    # The JSON schema is the format's own, as a request must send it.
    schema = User.model_json_schema()["properties"]["uid"]
    assert schema["anyOf"] == [{"format": "uuid", "type": "string"}, {"type": "null"}]
    assert User.model_json_schema()["properties"]["address"]["anyOf"][0] == {"format": "ipv4", "type": "string"}
