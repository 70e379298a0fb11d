"""The base classes of every generated model."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any

import pydantic
from pydantic_core import PydanticCustomError, PydanticKnownError, SchemaValidator, ValidationError

from ._types import RESPONSE

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationInfo
    from pydantic_core import CoreSchema


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


class Constraints:
    """The spec's value constraints (`pattern`, lengths, bounds, `multipleOf`) of one field or type.

    Models enforce them when they are built from Python values, keyword arguments or by hand, so a
    request breaking them fails before anything is sent; data read from a server (JSON, or Python
    values validated with the `RESPONSE` context) is checked for its types only, so a server that
    sends a longer name than the spec allows does not make a successful call fail. The checks and
    their error messages are pydantic's own.
    """

    __slots__ = ("_validators", "constraints")

    def __init__(self, **constraints: Any) -> None:
        self.constraints = constraints
        self._validators: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"Constraints({', '.join(f'{k}={v!r}' for k, v in self.constraints.items())})"

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        plain = handler(source)
        # JSON is what servers send: read for its type only, with no Python call per value. Python
        # values (arguments, models built by hand) are checked, unless validated as a response.
        return core_schema.json_or_python_schema(
            json_schema=plain, python_schema=core_schema.with_info_after_validator_function(self._check, plain)
        )

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        json_schema: dict[str, Any] = handler(schema)
        target = handler.resolve_ref_schema(json_schema)
        for key, value in self.constraints.items():
            target[_JSON_SCHEMA_KEYS.get(key, key)] = value
        return json_schema

    def _check(self, value: Any, info: ValidationInfo) -> Any:
        if info.context is RESPONSE or value is None:
            return value
        kind = _kind(value)
        if kind is None:
            return value
        validator = self._validators.get(kind)
        if validator is None:
            validator = self._validators[kind] = _constraint_validator(kind, self.constraints)
        if validator is not False:
            from pydantic_core import PydanticKnownError, ValidationError

            try:
                validator.validate_python(value)
            except ValidationError as exc:
                error = exc.errors()[0]
                raise PydanticKnownError(error["type"], error.get("ctx")) from None  # type: ignore[arg-type]
        return value


_JSON_SCHEMA_KEYS = {
    "ge": "minimum",
    "le": "maximum",
    "gt": "exclusiveMinimum",
    "lt": "exclusiveMaximum",
    "multiple_of": "multipleOf",
    "min_length": "minLength",
    "max_length": "maxLength",
}
_KEYS = {
    "str": ("pattern", "min_length", "max_length"),
    "int": ("ge", "gt", "le", "lt", "multiple_of"),
    "float": ("ge", "gt", "le", "lt", "multiple_of"),
    "list": ("min_length", "max_length"),
    "dict": ("min_length", "max_length"),
}


def _kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "str"
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "list"
    if isinstance(value, dict):
        return "dict"
    return None


def _constraint_validator(kind: str, constraints: Mapping[str, Any]) -> Any:
    """A pydantic-core validator of the constraints that apply to a value of this kind, or False."""
    from pydantic_core import SchemaError, SchemaValidator, core_schema

    given = {k: v for k, v in constraints.items() if k in _KEYS[kind]}
    if not given:
        return False
    if kind == "str":
        try:
            return SchemaValidator(core_schema.str_schema(**given))
        except SchemaError:  # a lookaround: Python's `re` compiles what the Rust engine refuses
            return SchemaValidator(core_schema.str_schema(**given, regex_engine="python-re"))
    if kind == "int" and all(isinstance(v, int) for v in given.values()):
        return SchemaValidator(core_schema.int_schema(**given))
    if kind in ("int", "float"):
        return SchemaValidator(core_schema.float_schema(**given))
    if kind == "list":
        return _Sized(core_schema.list_schema(core_schema.any_schema(), **given))
    return SchemaValidator(core_schema.dict_schema(**given))


class _Sized:
    """A list-length validator that takes any sized collection (a set or a tuple, as a list)."""

    __slots__ = ("_validator",)

    def __init__(self, schema: CoreSchema) -> None:
        from pydantic_core import SchemaValidator

        self._validator = SchemaValidator(schema)

    def validate_python(self, value: Any) -> Any:
        return self._validator.validate_python(list(value))


class Formatted:
    """A string `format` (`date-time`, `date`, `uuid`, `ipv4`...) read leniently from servers.

    Generated as `Annotated[datetime, Formatted()]` wherever a model field holds a formatted value
    (inside lists, maps and unions too). Data read from a server (JSON, or Python values validated
    with the `RESPONSE` context) becomes the format's class when it parses, and otherwise stays the
    `str` the server sent: a malformed timestamp does not make a successful call fail. So although
    the annotation (and mypy) says `datetime`, a field read from a response may hold a `str` when
    the server broke its own spec; check `isinstance(value, str)` where that matters. Requests and
    models built from Python values are validated as before: a string that does not parse fails,
    with pydantic's own error, before anything is sent.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return "Formatted()"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Formatted)

    def __hash__(self) -> int:
        return hash(Formatted)

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        typed = handler(source)
        # The format's class first, else the string as sent: JSON needs no Python call per value.
        lenient = core_schema.union_schema([typed, core_schema.str_schema()], mode="left_to_right")
        return core_schema.json_or_python_schema(
            json_schema=lenient,
            python_schema=core_schema.with_info_wrap_validator_function(_FormatCheck(typed), lenient),
        )

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        # The schema of what a request must send: the format's own, without the lenient `str`.
        json_schema: dict[str, Any] = handler(schema)
        choices = json_schema.get("anyOf")
        if isinstance(choices, list) and len(choices) == 2 and choices[1] == {"type": "string"}:
            return choices[0]  # type: ignore[no-any-return]
        return json_schema


class _FormatCheck:
    """The Python-input side of `Formatted`: lenient in the `RESPONSE` context, strict otherwise."""

    __slots__ = ("_strict", "_typed")

    def __init__(self, typed: CoreSchema) -> None:
        self._typed = typed
        self._strict: SchemaValidator | None = None

    def __call__(self, value: Any, validate: Any, info: ValidationInfo) -> Any:
        if info.context is RESPONSE:
            return validate(value)
        try:
            result = validate(value)
            if not isinstance(result, str):
                return result
        except ValidationError:
            pass
        # The format's class did not take it: fail with its own error, as a plain field does.
        if self._strict is None:
            self._strict = SchemaValidator(self._typed)
        try:
            return self._strict.validate_python(value)
        except ValidationError as exc:
            error = exc.errors()[0]
        try:
            known = PydanticKnownError(error["type"], error.get("ctx"))  # type: ignore[arg-type]
        except KeyError:  # a custom error (the `ipaddress` types'): its message as it is
            raise PydanticCustomError(error["type"], error["msg"]) from None
        raise known from None


def read_type(tp: Any) -> Any:
    """A response type with every formatted class in it (`datetime`, `UUID`...) read as `Formatted`.

    For the types an operation returns outside the models (`list[datetime]`, `dict[str, UUID]`), whose
    fields already carry `Formatted`; anything else, models included, is returned as it is.
    """
    import typing

    origin = typing.get_origin(tp)
    if origin is None:
        return typing.Annotated[tp, Formatted()] if isinstance(tp, type) and tp in _format_classes() else tp
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        if any(isinstance(meta, Formatted) for meta in tp.__metadata__):
            return tp
        if args[0] in _format_classes():  # pydantic's `UUID4`, `AwareDatetime`: the whole alias
            return typing.Annotated[tp, Formatted()]
        inner = read_type(args[0])
        if inner is args[0]:
            return tp
        params = (inner, *tp.__metadata__)
        annotated: Any = typing.Annotated
        return annotated[params]
    if origin is typing.Literal or not args:
        return tp
    new = tuple(read_type(arg) if arg is not Ellipsis else arg for arg in args)
    if all(a is b for a, b in zip(new, args)):
        return tp
    import types

    if origin is typing.Union or origin is types.UnionType:
        return typing.Union[new]  # noqa: UP007 - built from a tuple
    return origin[new] if len(new) > 1 else origin[new[0]]


@functools.cache
def _format_classes() -> frozenset[type]:
    import datetime
    import decimal
    import ipaddress
    import uuid

    return frozenset(
        {
            datetime.datetime,
            datetime.date,
            datetime.time,
            datetime.timedelta,
            uuid.UUID,
            decimal.Decimal,
            ipaddress.IPv4Address,
            ipaddress.IPv6Address,
            ipaddress.IPv4Network,
            ipaddress.IPv6Network,
        }
    )


class UnknownVariant(BaseModel):
    """A member of a discriminated union that the spec does not list, as a server sent it.

    A response whose discriminator tag (`"type": "symlink"`) names no member the SDK knows, or that
    has no tag, is read as this rather than failing: every field the server sent is kept, in
    `model_extra` (and `model_dump()`). Requests never accept it: the spec's members only.
    """


class OpenUnion:
    """A discriminated union that reads unknown tags in responses as `UnknownVariant`.

    Generated as `Annotated[A | B | UnknownVariant, OpenUnion("type")]` for the unions a response can
    contain: `A | B` are validated as pydantic's tagged union on the `type` property; only when the
    tag is missing or unknown and the data comes from a server (the `RESPONSE` context) is the value
    kept as an `UnknownVariant`; a request gets pydantic's own error.
    """

    __slots__ = ("discriminator",)

    def __init__(self, discriminator: str) -> None:
        self.discriminator = discriminator

    def __repr__(self) -> str:
        return f"OpenUnion({self.discriminator!r})"

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from functools import reduce
        from operator import or_
        from typing import Annotated, get_args

        from pydantic_core import core_schema

        members = [m for m in get_args(source) if m is not UnknownVariant]
        union = reduce(or_, members) if len(members) > 1 else members[0]
        tagged = handler.generate_schema(Annotated[union, pydantic.Field(discriminator=self.discriminator)])
        return core_schema.with_info_wrap_validator_function(
            _open_union,
            tagged,
            serialization=core_schema.wrap_serializer_function_ser_schema(
                _serialize_open, schema=tagged, info_arg=True
            ),
        )


_UNKNOWN_TAG = frozenset({"union_tag_invalid", "union_tag_not_found"})


def _open_union(value: Any, validate: Any, info: ValidationInfo) -> Any:
    try:
        return validate(value)
    except ValueError as exc:
        from pydantic_core import ValidationError

        if not (isinstance(exc, ValidationError) and info.context is RESPONSE and isinstance(value, dict)):
            raise
        errors = exc.errors()
        if len(errors) != 1 or errors[0]["type"] not in _UNKNOWN_TAG or errors[0]["loc"]:
            raise
        return UnknownVariant.model_validate(value)


def _serialize_open(value: Any, serialize: Any, info: Any) -> Any:
    if isinstance(value, UnknownVariant):
        return value.model_dump(mode="json" if info.mode_is_json() else "python")
    return serialize(value)
