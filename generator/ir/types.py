"""Types in the IR: a small tree of frozen dataclasses, rendered for each use by its own method.

Every stage asks the tree what it needs (`annotation()` for code the SDK returns, `input_annotation()`
for what callers may pass, `docs()` for the reference, `surface()` for `sdkgen diff`, `models()` and
`imports()` for what a module must import) instead of parsing a type back out of a string.

Scalars follow datamodel-code-generator's mapping of `type`/`format` (with the options of
`generator.emit.models`), so a method argument has the type of the model field behind it;
`tests/generator/test_types.py` compares the two for every format datamodel-code-generator knows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

Link = Callable[[str], str]  # model name -> its docs text (a link)
Text = Callable[[str], str]  # plain docs text -> escaped docs text


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class PyClass:
    """A Python class a scalar becomes, and the module to import it from ("" for builtins)."""

    name: str
    module: str = ""


# The Python class of each spec type without a format (or with a format that changes nothing).
_DEFAULTS = {
    "string": PyClass("str"),
    "integer": PyClass("int"),
    "number": PyClass("float"),
    "boolean": PyClass("bool"),
    "null": PyClass("None"),
    "any": PyClass("Any", "typing"),
}

_DATETIME, _DATE, _TIME = PyClass("datetime", "datetime"), PyClass("date", "datetime"), PyClass("time", "datetime")
_TIMEDELTA, _UUID, _DECIMAL = PyClass("timedelta", "datetime"), PyClass("UUID", "uuid"), PyClass("Decimal", "decimal")

# Formats datamodel-code-generator maps to another class than the type's default, by (type, format).
# Pydantic's constrained aliases (`NaiveDatetime`, `UUID4`, `Base64Str`) are listed as the class they
# constrain: that is what callers pass and what mypy sees. `email` and `uri` are absent on purpose:
# `generator.emit.models` keeps them `str`.
FORMATS: dict[tuple[str, str], PyClass] = {
    ("integer", "date-time"): _DATETIME,
    ("number", "date-time"): _DATETIME,
    ("number", "decimal"): _DECIMAL,
    ("number", "time"): _TIME,
    ("number", "time-delta"): _TIMEDELTA,
    ("number", "unixtime"): PyClass("int"),
    ("string", "binary"): PyClass("bytes"),
    ("string", "date"): _DATE,
    ("string", "date-time"): _DATETIME,
    ("string", "date-time-local"): _DATETIME,
    ("string", "timestamp with time zone"): _DATETIME,
    ("string", "time"): _TIME,
    ("string", "time-local"): _TIME,
    ("string", "duration"): _TIMEDELTA,
    ("string", "decimal"): _DECIMAL,
    ("string", "integer"): PyClass("int"),
    ("string", "unixtime"): PyClass("int"),
    ("string", "path"): PyClass("Path", "pathlib"),
    ("string", "password"): PyClass("SecretStr", "pydantic"),
    ("string", "ipv4"): PyClass("IPv4Address", "ipaddress"),
    ("string", "ipv6"): PyClass("IPv6Address", "ipaddress"),
    ("string", "ipv4-network"): PyClass("IPv4Network", "ipaddress"),
    ("string", "ipv6-network"): PyClass("IPv6Network", "ipaddress"),
    ("string", "ulid"): PyClass("ULID", "ulid"),
    **{("string", uuid): _UUID for uuid in ("uuid", "uuid1", "uuid2", "uuid3", "uuid4", "uuid5")},
}

# What callers may pass where the SDK's own type is narrower: plain text for a secret (pydantic wraps it).
_INPUT_EXTRA = {("string", "password"): "str"}
# Binary data to send: bytes, a binary file, a path or a (filename, content[, content_type]) tuple,
# the runtime's `_files.FileInput` (which the models' binary fields have too).
FILE_INPUT = PyClass("FileInput", "._files")  # relative to the package: `type_imports` places it


class TypeNode:
    """The interface every type node implements; see the module docstring."""

    def annotation(self) -> str:
        raise NotImplementedError

    def input_annotation(self) -> str:
        raise NotImplementedError

    def docs(self, link: Link, text: Text = _same) -> str:
        raise NotImplementedError

    def surface(self) -> str:
        raise NotImplementedError

    def children(self) -> tuple[TypeNode, ...]:
        return ()

    def models(self) -> tuple[str, ...]:
        """Model names the type mentions, in order of appearance, each once."""
        return tuple(dict.fromkeys(m for child in self.children() for m in child.models()))

    def imports(self) -> tuple[PyClass, ...]:
        """Classes from other modules that `annotation()`/`input_annotation()` name, each once."""
        return tuple(dict.fromkeys(c for child in self.children() for c in child.imports()))

    # -- predicates ----------------------------------------------------------------------------
    @property
    def nullable(self) -> bool:
        return False

    def non_null(self) -> TypeNode:
        """The type without the `None` that nullability adds."""
        return self

    def single_model(self) -> str | None:
        """The model name when the type is exactly one model (not a list of it, not nullable)."""
        return None

    def is_kind(self, kind: str) -> bool:
        """Whether the non-null type is the scalar `kind` ("string", "boolean"...), any format."""
        node = self.non_null()
        return isinstance(node, Scalar) and node.kind == kind


@dataclass(frozen=True)
class Scalar(TypeNode):
    """A JSON scalar by its spec type ("string", "integer", "number", "boolean", "null", "any") and
    the format, kept only when it changes the Python class (see `scalar`)."""

    kind: str
    format: str = ""

    @property
    def py(self) -> PyClass:
        return FORMATS.get((self.kind, self.format)) or _DEFAULTS[self.kind]

    def annotation(self) -> str:
        return self.py.name

    def input_annotation(self) -> str:
        if self.is_binary:
            return FILE_INPUT.name
        extra = _INPUT_EXTRA.get((self.kind, self.format))
        return f"{self.py.name} | {extra}" if extra else self.py.name

    @property
    def is_binary(self) -> bool:
        return (self.kind, self.format) == ("string", "binary")

    def docs(self, link: Link, text: Text = _same) -> str:
        return text(self.py.name)

    def surface(self) -> str:
        return self.format or self.kind

    def imports(self) -> tuple[PyClass, ...]:
        own = (self.py,) if self.py.module else ()
        return own + ((FILE_INPUT,) if self.is_binary else ())


def scalar(kind: str, fmt: Any = None) -> Scalar:
    """The scalar of a spec type and format; formats that keep the type's class are dropped."""
    key = (kind, fmt if isinstance(fmt, str) else "")
    return Scalar(kind, key[1] if key in FORMATS else "")


ANY = Scalar("any")
NONE = Scalar("null")
TEXT = Scalar("string")
BINARY = Scalar("string", "binary")


@dataclass(frozen=True)
class ModelRef(TypeNode):
    """A generated model (class, enum or alias) by name."""

    name: str

    def annotation(self) -> str:
        return f"models.{self.name}"

    def input_annotation(self) -> str:
        return f"models.{self.name} | models.{self.name}TypedDict"

    def docs(self, link: Link, text: Text = _same) -> str:
        return link(self.name)

    def surface(self) -> str:
        return f"models.{self.name}"

    def models(self) -> tuple[str, ...]:
        return (self.name,)

    def single_model(self) -> str | None:
        return self.name


@dataclass(frozen=True)
class LiteralOf(TypeNode):
    """A `const` or an enum of values without a model of its own."""

    values: tuple[Any, ...]

    def annotation(self) -> str:
        return "Literal[" + ", ".join(repr(v) for v in self.values) + "]"

    def input_annotation(self) -> str:
        return self.annotation()

    def docs(self, link: Link, text: Text = _same) -> str:
        return text(self.annotation())

    def surface(self) -> str:
        return self.annotation()

    def imports(self) -> tuple[PyClass, ...]:
        return (PyClass("Literal", "typing"),)


@dataclass(frozen=True)
class ListOf(TypeNode):
    item: TypeNode

    def children(self) -> tuple[TypeNode, ...]:
        return (self.item,)

    def annotation(self) -> str:
        return f"list[{self.item.annotation()}]"

    def input_annotation(self) -> str:
        return f"list[{self.item.input_annotation()}]"

    def docs(self, link: Link, text: Text = _same) -> str:
        return f"{text('list[')}{self.item.docs(link, text)}{text(']')}"

    def surface(self) -> str:
        return f"list[{self.item.surface()}]"


@dataclass(frozen=True)
class MapOf(TypeNode):
    """A JSON object with string keys and values of one type."""

    value: TypeNode

    def children(self) -> tuple[TypeNode, ...]:
        return (self.value,)

    def annotation(self) -> str:
        return f"dict[str, {self.value.annotation()}]"

    def input_annotation(self) -> str:
        return f"dict[str, {self.value.input_annotation()}]"

    def docs(self, link: Link, text: Text = _same) -> str:
        return f"{text('dict[str, ')}{self.value.docs(link, text)}{text(']')}"

    def surface(self) -> str:
        return f"dict[str, {self.value.surface()}]"


def _join(parts: Iterable[str], sep: str = " | ") -> str:
    return sep.join(dict.fromkeys(parts))  # members that render alike are written once


@dataclass(frozen=True)
class UnionOf(TypeNode):
    """Two or more types; build with `union_of`, which flattens and deduplicates."""

    members: tuple[TypeNode, ...]

    def children(self) -> tuple[TypeNode, ...]:
        return self.members

    def annotation(self) -> str:
        return _join(m.annotation() for m in self.members)

    def input_annotation(self) -> str:
        return _join(m.input_annotation() for m in self.members)

    def docs(self, link: Link, text: Text = _same) -> str:
        return _join((m.docs(link, text) for m in self.members), text(" | "))

    def surface(self) -> str:
        return _join(m.surface() for m in self.members)


def union_of(members: Iterable[TypeNode]) -> TypeNode:
    """One type for several: nested unions flattened, duplicates dropped, a single member as itself."""
    flat: list[TypeNode] = []
    for m in members:
        flat.extend(m.members if isinstance(m, UnionOf) else (m,))
    unique = tuple(dict.fromkeys(flat))
    if not unique:
        return NONE
    return unique[0] if len(unique) == 1 else UnionOf(unique)


@dataclass(frozen=True)
class Nullable(TypeNode):
    """A type that may also be `None` (JSON null); build with `nullable`."""

    inner: TypeNode

    def children(self) -> tuple[TypeNode, ...]:
        return (self.inner,)

    def annotation(self) -> str:
        return f"{self.inner.annotation()} | None"

    def input_annotation(self) -> str:
        return f"{self.inner.input_annotation()} | None"

    def docs(self, link: Link, text: Text = _same) -> str:
        return f"{self.inner.docs(link, text)}{text(' | None')}"

    def surface(self) -> str:
        return f"{self.inner.surface()} | null"

    @property
    def nullable(self) -> bool:
        return True

    def non_null(self) -> TypeNode:
        return self.inner


def nullable(inner: TypeNode) -> TypeNode:
    """`inner | None`; `Any` and `None` already include it, and a nullable type stays as it is."""
    if inner in (ANY, NONE) or isinstance(inner, Nullable):
        return inner
    return Nullable(inner)
