"""The base classes of every generated model."""

from __future__ import annotations

from enum import Enum
from typing import Any

import pydantic


class BaseModel(pydantic.BaseModel):
    """A model of the API's data.

    Fields are set by their Python name or their wire name; `model_fields_set` remembers which
    were given, so that a field left out is omitted from the request while `None` is sent as `null`.
    Fields the server adds later are kept (`extra="allow"`), so an older SDK does not drop them.
    """

    model_config = pydantic.ConfigDict(
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        extra="allow",
        defer_build=True,
        protected_namespaces=(),
    )


class OpenEnum(Enum):
    """An enum that accepts values it does not list.

    A server that starts sending a new value must not break SDKs already deployed: an unknown value
    becomes a member-like instance whose `.value` is what the server sent and whose name is
    `UNKNOWN`, rather than a validation error.
    """

    @classmethod
    def _missing_(cls, value: Any) -> Any:
        member_type: Any = getattr(cls, "_member_type_", object)
        if member_type is object or not isinstance(value, member_type):
            return None
        pseudo = member_type.__new__(cls, value)
        pseudo._name_ = "UNKNOWN"
        pseudo._value_ = value
        return pseudo
