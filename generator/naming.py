"""Turn whatever names a spec uses into valid, readable, stable Python identifiers."""

from __future__ import annotations

import builtins
import functools
import hashlib
import keyword
import re

from generator.runtime_files import exception_names, public_names

# Names a generated identifier must never take: keywords, builtins people shadow by accident,
# and the names generated modules import themselves.
_RESERVED = set(keyword.kwlist) | set(keyword.softkwlist) | {
    "self", "cls", "type", "id", "list", "dict", "str", "int", "float", "bool", "bytes",
    "object", "property", "models", "utils", "httpx", "typing", "UNSET", "Unset",
}
# Capitalised names the model modules may import: every class datamodel-code-generator's pydantic v2,
# TypedDict, enum and type-alias output imports (its `Import` constants; pendulum and msgspec ones
# excepted: sdkgen uses neither) and every class a type of `generator.ir.types` imports (`FORMATS`,
# `IO`). A schema named like one (`UUID`: a string with format uuid) would shadow the import in
# `_models.py`. `tests/generator/test_names.py` checks this list against both sources. Lower-case
# imports (`date`, `datetime`, `time`, `timedelta`, `constr`) never clash: class names start upper-case.
IMPORTED_CLASS_NAMES = frozenset({
    "AliasChoices", "Annotated", "Any", "AnyUrl", "AwareDatetime", "Base64Bytes", "Base64Encoder", "Base64Str",
    "BaseModel", "ClassVar", "ConfigDict", "Decimal", "Dict", "EmailStr", "EncodedBytes", "Enum", "Field",
    "FrozenSet", "FutureDate", "FutureDatetime", "IO", "IPv4Address", "IPv4Network", "IPv6Address", "IPv6Network",
    "IntEnum", "Iterator", "List", "Literal", "MISSING", "Mapping", "MultipleOf", "NaiveDatetime",
    "NegativeFloat", "NegativeInt", "NonNegativeFloat", "NonNegativeInt", "NonPositiveFloat", "NonPositiveInt",
    "NotRequired", "Optional", "PastDate", "PastDatetime", "Path", "PositiveFloat", "PositiveInt", "ReadOnly",
    "Required", "RootModel", "SecretStr", "Sequence", "SerializeAsAny", "Set", "StrEnum", "StrictBool",
    "StrictBytes", "StrictFloat", "StrictInt", "StrictStr", "StringConstraints", "SupportsIndex", "Tuple",
    "TypeAdapter", "TypeAlias", "TypeAliasType", "TypedDict", "ULID", "UUID", "UUID1", "UUID3", "UUID4", "UUID5",
    "Union", "ValidationInfo", "ValidatorFunctionWrapHandler",
})
# Class names a model may not take: what the model modules import (above, and the runtime's base
# model) and what `models` re-exports (the runtime's exceptions), read from the runtime itself.
RESERVED_CLASS_NAMES = {
    *IMPORTED_CLASS_NAMES, "UnsetType",
    *public_names("_base_model.py"), *public_names("_files.py"), *exception_names(),
}

_WORD_SPLIT = re.compile(r"[^0-9a-zA-Z]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@functools.lru_cache(maxsize=65536)  # GitHub's spec asks 100,000 times, for a few thousand names
def words(name: str) -> tuple[str, ...]:
    """Split `fooBar-baz_QUX9` into ('foo', 'Bar', 'baz', 'QUX9')."""
    parts: list[str] = []
    for chunk in _WORD_SPLIT.split(name):
        if chunk:
            parts.extend(p for p in _CAMEL.split(chunk) if p)
    return tuple(parts)


@functools.lru_cache(maxsize=65536)  # a large spec asks for the same property names tens of thousands of times
def bare(name: str) -> str:
    """`name` without case and punctuation: how datamodel-code-generator's class names built from
    a property or schema name compare (`license`, `License`, `license_`)."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


@functools.lru_cache(maxsize=65536)  # 44,000 fields of GitHub's spec, 9,000 distinct names
def snake(name: str) -> str:
    """A snake_case identifier; never empty, never a keyword, never starting with a digit."""
    result = "_".join(w.lower() for w in words(name)) or "field"
    if result[0].isdigit():
        result = "field_" + result
    if result in _RESERVED or keyword.iskeyword(result):
        result += "_"
    return result


# A method or a resource attribute (`client.pets.list()`, `client.models`) keeps a builtin's name and
# `models`/`errors`/`utils`, as hand-written SDKs do; the class that defines it refers to what the name
# shadows in its annotations through `builtins.list` and `_models.Pet` (`qualify` in
# `emit/templating.py`). Only keywords and the names the generated classes use in their own bodies are
# out of reach: the view attributes every resource has, the decorators and view wrappers evaluated
# while the class body runs, the modules the client's `__init__` annotations name, the lower-case
# scalar classes the type imports bring (`datetime`), and `builtins` itself.
MEMBER_RESERVED = frozenset({
    "with_raw_response", "with_streaming_response", "cached_property", "overload", "raw_response",
    "raw_response_async", "streamed_response", "streamed_response_async", "builtins", "httpx", "logging",
    "typing", "datetime", "date", "time", "timedelta",
})
# Names the client class has besides its resources and methods: a top-level group or root operation
# may not take them (`client.close()`).
CLIENT_RESERVED = frozenset({"close", "aclose"})
# The names a member may shadow that a class's annotations can use, and how the class then spells them.
SHADOWABLE = {
    **{n: f"builtins.{n}" for n in dir(builtins) if n[:1].islower() and not keyword.iskeyword(n)},
    "models": "_models",
}


def member_name(name: str, reserved: frozenset[str] = MEMBER_RESERVED) -> str:
    """A method or attribute name of a generated class: like `snake`, but `list`, `type`, `id`,
    `models` stay as they are; keywords and `reserved` get a trailing `_` (`import_`)."""
    result = "_".join(w.lower() for w in words(name)) or "field"
    if result[0].isdigit():
        result = "field_" + result
    if keyword.iskeyword(result) or result in reserved:
        result += "_"
    return result


@functools.lru_cache(maxsize=65536)
def pascal(name: str) -> str:
    """A PascalCase identifier that keeps existing capitals (`createChatCompletion` -> `CreateChatCompletion`)."""
    result = "".join(w[:1].upper() + w[1:] for w in words(name)) or "Model"
    if result[0].isdigit():
        result = "Model" + result
    return result


def class_name(name: str) -> str:
    """A class name for a spec component; avoids the names generated modules import."""
    result = pascal(name)
    if result in RESERVED_CLASS_NAMES or keyword.iskeyword(result):
        result += "Model"
    return result


def unique(name: str, taken: set[str]) -> str:
    """`name`, or `name2`, `name3`... whichever is free; the result is added to `taken`.

    Compared case-insensitively (`taken` holds lower-case names), because model names become
    file names in the docs and some file systems ignore case.
    """
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{name}{n}"
    taken.add(candidate.lower())
    return candidate


# File systems cap a path component at 255 bytes; names from a spec can be longer (a 500-character
# schema name). Names used as file or module names are cut well below that.
MAX_FILE_STEM = 80


def short_name(name: str, limit: int = MAX_FILE_STEM) -> str:
    """`name`, or when longer than `limit` its start and a stable hash of the whole (so two long
    names that share a start stay distinct, and the same name always gives the same result)."""
    if len(name) <= limit:
        return name
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
    return f"{name[: limit - 11]}_{digest}"
