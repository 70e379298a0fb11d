"""Sentinels and aliases shared by the generated code."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal, TypeAlias, TypeVar

__all__ = ["UNSET", "OptionalNullable", "Unset"]

T = TypeVar("T")


class Unset:
    """The type of `UNSET`: "not given", as opposed to `None`, which is sent as JSON `null`."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Final = Unset()

#: An argument that may be left out (`UNSET`) or sent as `null` (`None`).
OptionalNullable: TypeAlias = T | None | Unset

#: The pydantic validation `context` of everything read from a server (responses, error bodies,
#: stream events): the models' `Constraints` are skipped under it (`_base_model.py`).
RESPONSE: Final[Mapping[str, str]] = MappingProxyType({"sdkgen": "response"})
