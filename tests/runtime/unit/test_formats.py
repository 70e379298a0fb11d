"""`Formatted` and `read_type` (runtime `_base_model.py`): formats are lenient in responses only."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any, Optional

import pydantic
import pytest

from generator.runtime._base_model import Formatted, read_type
from generator.runtime._types import RESPONSE


class Event(pydantic.BaseModel):
    at: Annotated[datetime, Formatted()] | None = None
    days: list[Annotated[date, Formatted()]] = []
    wait: Annotated[timedelta, Formatted()] | None = None
    price: Annotated[Decimal, Formatted()] | None = None
    uid: Annotated[pydantic.UUID4, Formatted()] | None = None


BAD = {"at": "noon-ish", "days": ["2024-01-01", "someday"], "wait": "a bit", "price": "cheap", "uid": "nope"}


def test_json_keeps_what_does_not_parse_and_types_what_does() -> None:
    event = Event.model_validate_json(json.dumps(BAD))
    assert (event.at, event.days, event.wait, event.price, event.uid) == (
        "noon-ish", [date(2024, 1, 1), "someday"], "a bit", "cheap", "nope",
    )
    assert json.loads(event.model_dump_json()) == BAD
    good = Event.model_validate_json('{"wait": "PT5S", "price": "1.50", "uid": "2b4f3d1e-8c5a-4f7e-9b1c-0d2e3f4a5b6c"}')
    assert (good.wait, good.price, good.uid.version) == (timedelta(seconds=5), Decimal("1.50"), 4)


def test_python_input_is_strict_unless_validated_as_a_response() -> None:
    for field, value in BAD.items():
        with pytest.raises(pydantic.ValidationError) as info:
            Event.model_validate({field: value})
        assert len(info.value.errors()) == 1 and ".str" not in str(info.value)
    assert Event.model_validate(BAD, context=RESPONSE).days == [date(2024, 1, 1), "someday"]
    # A UUID of another version still fails: the alias's own check applies to requests.
    with pytest.raises(pydantic.ValidationError, match="UUID version 4"):
        Event(uid="2b4f3d1e-8c5a-1f7e-9b1c-0d2e3f4a5b6c")


def test_types_are_still_checked_in_a_response() -> None:
    with pytest.raises(pydantic.ValidationError):
        Event.model_validate_json('{"at": {"not": "a time"}}')
    with pytest.raises(pydantic.ValidationError):
        Event.model_validate({"days": [3.5j]}, context=RESPONSE)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (int, int),
        (datetime, Annotated[datetime, Formatted()]),
        (list[datetime], list[Annotated[datetime, Formatted()]]),
        (dict[str, Optional[date]], dict[str, Optional[Annotated[date, Formatted()]]]),  # noqa: UP045
        (Annotated[list[date], "meta"], Annotated[list[Annotated[date, Formatted()]], "meta"]),
        (tuple[date, ...], tuple[Annotated[date, Formatted()], ...]),
    ],
)
def test_read_type_wraps_every_formatted_class(given: Any, expected: Any) -> None:
    assert read_type(given) == expected


def test_read_type_leaves_models_and_annotated_ones_alone() -> None:
    assert read_type(Event) is Event
    already = Annotated[datetime, Formatted()]
    assert read_type(already) is already
    kept = pydantic.TypeAdapter(read_type(list[datetime])).validate_json('["2024-01-01T00:00:00", "x"]')
    assert kept == [datetime(2024, 1, 1), "x"]
