"""The Orq SDK's deprecated body field `orq` warns when passed, and only then (scripted server)."""

from __future__ import annotations

import re
import warnings

import pytest
from orq_ai_sdk import Orq

from .conftest import CHAT_REPLY
from .scripted_server import ScriptedServer, Step

MESSAGES = [{"role": "user", "content": "Hi"}]


def test_passing_orq_warns_at_the_callers_line(orq: Orq, server: ScriptedServer) -> None:
    server.reset(Step(200, CHAT_REPLY))
    message = "router.chat.completions.create(orq=...): `orq` is deprecated."
    with pytest.warns(DeprecationWarning, match=f"^{re.escape(message)}$") as record:
        orq.router.chat.completions.create(model="m", messages=MESSAGES, orq={"name": "trace"})
    (warning,) = record.list
    assert warning.filename == __file__
    assert server.requests[-1].json()["orq"] == {"name": "trace"}


def test_without_orq_nothing_warns(orq: Orq, server: ScriptedServer) -> None:
    server.reset(Step(200, CHAT_REPLY))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reply = orq.router.chat.completions.create(model="m", messages=MESSAGES)
    assert reply.choices[0].message.content == "Hello!"
