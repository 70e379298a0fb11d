"""Model code for the common shapes of schema, written directly instead of by datamodel-code-generator.

datamodel-code-generator costs 6-11 ms per schema (GitHub's 7,000 schemas: about 50 s of the run's
68 s), most of it in parsing and planning that the common shapes do not need. Here a group whose
schemas are all plain objects, enums and aliases of the shapes below is written in one pass over
the schemas, as the same `Fragment` that datamodel-code-generator's run and our edits of it
(`models._lenient`) give, byte for byte: `tests/generator/test_native_models.py` compares the two
on every fixture spec, and `benchmarks/bench_native_models.py` over real specs. A schema outside the
known shapes raises `Unsupported`, and its group goes to datamodel-code-generator as before.

Names and literals come from datamodel-code-generator's own helpers (its field-name resolvers,
`represent_python_value`, `format_docstring`), so the two cannot drift apart on them.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from datamodel_code_generator import PythonVersion
from datamodel_code_generator._python_syntax import format_docstring
from datamodel_code_generator._regex_syntax import needs_python_engine
from datamodel_code_generator._target_unicode import is_python_name
from datamodel_code_generator.model.field_name import PydanticFieldNameResolver
from datamodel_code_generator.python_literal import represent_python_value
from datamodel_code_generator.reference import EnumFieldNameResolver, FieldNameResolver

from generator.emit.model_modules import REF, Fragment, fragment_of, property_names
from generator.naming import bare


class Unsupported(Exception):
    """A schema whose code datamodel-code-generator writes: outside the shapes this module knows."""


_TARGET = PythonVersion.PY_310
_PYDANTIC_FIELDS = PydanticFieldNameResolver(snake_case_field=True, target_python_version=_TARGET)
_TYPEDDICT_FIELDS = FieldNameResolver(snake_case_field=False, target_python_version=_TARGET)
_ENUM_MEMBERS = EnumFieldNameResolver(capitalise_enum_members=True, use_subclass_enum=True, target_python_version=_TARGET)

# Keys that change nothing in the code written for a schema, and the extensions that do.
# (`externalDocs`, `xml` and `content*` are written into `json_schema_extra` there.)
_INERT = frozenset({"title", "example", "examples", "readOnly", "writeOnly"})
_READ_EXTENSIONS = ("x-python", "x-enum", "x-is-", "x-avro", "x-xsd", "x-datamodel", "x-propertyNames", "x-www")

_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
# The classes of the formats written natively (`Annotated[cls, Formatted()]` in a model).
_FORMAT_CLASSES = {"date-time": "datetime", "date": "date", "uuid": "UUID"}
# Formats of a string that keep it `str`: the ones `models._run` maps to a string.
_PLAIN_FORMATS = frozenset({"email", "idn-email", "uri", "uri-reference", "iri", "iri-reference", "uri-template"})
_NUMBER_FORMATS = {"integer": frozenset({"int32", "int64"}), "number": frozenset({"float", "double"})}
# Field(...) keyword for each constraint keyword of a schema, by the kind of value.
_STRING_CONSTRAINTS = {"minLength": "min_length", "maxLength": "max_length", "pattern": "pattern"}
_NUMBER_CONSTRAINTS = {"minimum": "ge", "maximum": "le", "exclusiveMinimum": "gt", "exclusiveMaximum": "lt", "multipleOf": "multiple_of"}
_ARRAY_CONSTRAINTS = {"minItems": "min_length", "maxItems": "max_length"}
_CONSTRAINT_ARGS = frozenset({"gt", "ge", "lt", "le", "multiple_of", "min_length", "max_length", "pattern"})
# A name in an annotation's text, or a string (group 1 is None), which holds no names.
_NAME = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|([A-Za-z_]\w*)")


@functools.lru_cache(maxsize=65536)
def _free_field_name(resolver: FieldNameResolver, prop: str) -> tuple[str, Any]:
    return resolver.get_valid_field_name_and_alias(prop)


def _field_name(resolver: FieldNameResolver, prop: str, taken: set[str]) -> tuple[str, Any]:
    """`resolver.get_valid_field_name_and_alias(prop, excludes=taken)`, memoised: it tries the same
    names in the same order with or without `excludes`, so where its first choice is not taken that
    is the answer (GitHub's spec asks 85,000 times for a few thousand names)."""
    name, alias = _free_field_name(resolver, prop)
    return (name, alias) if name not in taken else resolver.get_valid_field_name_and_alias(prop, excludes=taken)


def _unknown(schema: dict[str, Any], known: frozenset[str] | set[str]) -> list[str]:
    """The keys of `schema` that may change its code and that the caller does not handle."""
    return sorted(k for k in schema if k not in known and k not in _INERT and not (k.startswith("x-") and not k.startswith(_READ_EXTENSIONS)))


def _imports(package: str) -> dict[str, tuple[str, str, str | None]]:
    base = f"{package}._base_model"
    return {
        "Annotated": ("typing", "Annotated", None),
        "Any": ("typing", "Any", None),
        "Literal": ("typing", "Literal", None),
        "TypeAlias": ("typing", "TypeAlias", None),
        "TypedDict": ("typing", "TypedDict", None),
        "NotRequired": ("typing_extensions", "NotRequired", None),
        "TypeAliasType": ("typing_extensions", "TypeAliasType", None),
        "Field": ("pydantic", "Field", None),
        "ConfigDict": ("pydantic", "ConfigDict", None),
        "datetime": ("datetime", "datetime", None),
        "date": ("datetime", "date", None),
        "UUID": ("uuid", "UUID", None),
        **{name: (base, name, None) for name in ("BaseModel", "OpenEnum", "Constraints", "Formatted")},
    }


class _Facts:
    """What writing any one group needs to know of the whole spec. The same for both kinds, whose
    schemas differ only in their `required` lists: found once for the two (GitHub's spec: 0.1 s a kind)."""

    def __init__(self, schemas: dict[str, Any]) -> None:
        self.schemas = schemas
        self._field_names: set[str] | None = None
        # `X2` where the union `X` has an inline member: datamodel-code-generator names that member
        # `X2` too, and the one it writes under the name is not the schema's (found on ghes-2.21).
        self.shadowed = {
            f"{name}{i}"
            for name, schema in schemas.items()
            if isinstance(schema, dict)
            for key in ("oneOf", "anyOf", "allOf")
            if isinstance(schema.get(key), list) and any(not (isinstance(m, dict) and set(m) == {"$ref"}) for m in schema[key])
            for i in range(1, len(schema[key]) + 2)
        }
        # Names datamodel-code-generator gives the inline schemas of properties (after the property: a
        # `$ref` with siblings, an enum...), which take a schema's name in its run (just-eat.co.uk).
        self.inline: set[str] = set()
        for schema in schemas.values():
            props = schema.get("properties") if isinstance(schema, dict) else None
            for prop, sub in props.items() if isinstance(props, dict) else ():
                if isinstance(sub, dict) and not ("$ref" in sub and set(sub) <= {"$ref", "description"}) and not _plain(sub):
                    self.inline.update((bare(prop), bare(prop) + "item"))
        # Members of a discriminated union: datamodel-code-generator narrows their discriminating
        # property to a `Literal` of their tag.
        self.tagged: set[str] = set()
        for schema in schemas.values():
            if isinstance(schema, dict) and isinstance(schema.get("discriminator"), dict):
                mapping = schema["discriminator"].get("mapping")
                refs = [*(mapping.values() if isinstance(mapping, dict) else ())]
                refs += [m.get("$ref") for key in ("oneOf", "anyOf") for m in schema.get(key) or () if isinstance(m, dict)]
                self.tagged.update(ref.rsplit("/", 1)[-1] for ref in refs if isinstance(ref, str))

    @property
    def field_names(self) -> set[str]:
        """The field name of every model's every property, found on first use (`_Writer.imported`)."""
        if self._field_names is None:
            self._field_names = field_names(self.schemas)
        return self._field_names


class _Writer:
    """Writes the definitions of one kind ("pydantic" or "typeddict") for the groups of one spec."""

    def __init__(self, kind: str, schemas: dict[str, Any], package: str, facts: _Facts) -> None:
        self.kind = kind
        self.schemas = schemas
        self.suffix = "TypedDict" if kind == "typeddict" else ""
        self.defined = {name + self.suffix for name in schemas}
        self.imports = _imports(package)
        self.facts = facts
        self.shadowed, self.inline, self.tagged = facts.shadowed, facts.inline, facts.tagged
        # The names the definition being written uses, and those evaluated when it runs (bases,
        # defaults): `model_modules._uses` of its syntax tree, kept while writing instead.
        self.every: set[str] = set()
        self.eager: set[str] = set()
        self.group: set[str] = set()
        # Definitions a schema needs besides its own (the class of a nullable enum): name -> (text, names it uses).
        self.extra: dict[str, tuple[str, set[str]]] = {}

    # -- types ---------------------------------------------------------------------------------------
    def imported(self, cls: str) -> str:
        """The name `datetime`'s class `cls` is used by: `cls_aliased` where a field of any model is
        named `cls`, as datamodel-code-generator imports it then (`date as date_aliased`)."""
        if cls not in self.facts.field_names:
            return cls
        self.imports[cls + "_aliased"] = ("datetime", cls, cls + "_aliased")
        return cls + "_aliased"

    def target(self, ref: Any) -> tuple[str, dict[str, Any]]:
        if not isinstance(ref, str) or not ref.startswith(REF) or ref[len(REF):] not in self.schemas:
            raise Unsupported("a $ref outside components/schemas")
        schema = self.schemas[ref[len(REF):]]
        if not isinstance(schema, dict):
            raise Unsupported("a schema that is not an object")
        return ref[len(REF):], schema

    def scalar(self, schema: dict[str, Any], kind: str) -> str:
        fmt = schema.get("format")
        if kind == "string":
            if fmt is None or fmt in _PLAIN_FORMATS:
                return "str"
            if fmt in _FORMAT_CLASSES:
                if self.kind == "typeddict":  # TypedDicts carry the wire's string
                    return "str"
                cls = _FORMAT_CLASSES[fmt]
                cls = self.imported(cls) if cls != "UUID" else cls
                self.every.update(("Annotated", cls, "Formatted"))
                return f"Annotated[{cls}, Formatted()]"
            raise Unsupported(f"string format {fmt}")
        if fmt is not None and fmt not in _NUMBER_FORMATS.get(kind, ()):
            raise Unsupported(f"{kind} format {fmt}")
        return _SCALARS[kind]

    def type_of(self, schema: Any) -> tuple[str, bool, bool]:
        """The type a property or alias schema is written as, whether it is nullable, and whether
        that comes from the schema itself (not from the one a `$ref` names)."""
        if not isinstance(schema, dict):
            raise Unsupported("a schema that is not an object")
        if "$ref" in schema:
            if any(k not in ("$ref", "description") and not (k.startswith("x-") and not k.startswith(_READ_EXTENSIONS)) for k in schema):
                raise Unsupported("a $ref with siblings")
            name, target = self.target(schema["$ref"])
            if bare(name).rstrip("0123456789") in self.inline:
                raise Unsupported("a reference to a schema named like an inline one")  # may name a copy there
            if "discriminator" in target and not ("oneOf" in target or "anyOf" in target):
                raise Unsupported("a reference to a discriminated base")  # the union of its subclasses there
            if self.kind == "typeddict" and isinstance(target.get("type"), list) and "null" in target["type"]:
                raise Unsupported("a reference to a schema of type null")  # not `| None` there, as in the model
            self.every.add(name + self.suffix)
            # A TypedDict adds None for OpenAPI 3.0's flag only (an enum with null holds it already).
            nullable = target.get("nullable") is True if self.kind == "typeddict" else _nullable(target)
            return name + self.suffix, nullable, False
        schema = _free_form(schema)
        extra = _unknown(schema, {"type", "format", "description", "nullable", "deprecated", "default", "items", "enum", "additionalProperties", *_STRING_CONSTRAINTS, *_NUMBER_CONSTRAINTS, *_ARRAY_CONSTRAINTS})
        if extra:
            raise Unsupported(f"a property with {extra}")
        types = schema.get("type")
        nullable = _nullable(schema)
        if isinstance(types, list):
            rest = [t for t in types if t != "null"]
            if len(rest) != 1:
                raise Unsupported("several types")
            types = rest[0]
        if "enum" in schema:
            values = [v for v in schema["enum"] if v is not None] if isinstance(schema["enum"], list) else []
            if len(values) != 1 or not isinstance(values[0], str) or types != "string" or nullable:
                raise Unsupported("an inline enum")  # a nullable one becomes a class of its own
            self.every.add("Literal")
            return f"Literal[{represent_python_value(values[0])}]", nullable, schema.get("nullable") is True
        if types in _SCALARS:
            if "items" in schema or "additionalProperties" in schema:
                raise Unsupported("a scalar with items")
            return self.scalar(schema, types), nullable, schema.get("nullable") is True
        if types == "array":
            items = _free_form(schema.get("items"))
            if not isinstance(items, dict) or items.get("type") == "array":
                raise Unsupported("array of arrays")  # a class of its own there
            if "$ref" not in items and set(items) - {"type", "format", "example", "examples", "description"}:
                raise Unsupported("items with keywords")  # an alias of its own there
            inner, inner_null, _ = self.type_of(items)
            if inner_null and "$ref" not in items:
                raise Unsupported("nullable items")
            return f"list[{inner}{' | None' if inner_null else ''}]", nullable, schema.get("nullable") is True
        if types == "object" and "items" not in schema:  # (`additionalProperties` without `type: object` is `Any` there)
            values = schema.get("additionalProperties", True)
            if values is True or values == {}:
                self.every.add("Any")
                return "dict[str, Any]", nullable, schema.get("nullable") is True
            if not isinstance(values, dict) or ("$ref" not in values and set(values) - {"type", "format"}):
                raise Unsupported("additional properties with keywords")  # an alias of its own there
            inner, inner_null, _ = self.type_of(values)
            if inner_null:
                raise Unsupported("nullable values")
            return f"dict[str, {inner}]", nullable, schema.get("nullable") is True
        if types is None and not (set(schema) - {"description", "nullable"}):
            self.every.add("Any")
            return "Any", nullable, schema.get("nullable") is True
        raise Unsupported(f"type {types!r}")

    # -- definitions ---------------------------------------------------------------------------------
    def definition(self, name: str) -> str:
        schema = self.schemas[name]
        if not isinstance(schema, dict):
            raise Unsupported("a schema that is not an object")
        if name in self.tagged:
            raise Unsupported("a member of a discriminated union")
        if name in self.shadowed or bare(name).rstrip("0123456789") in self.inline:
            raise Unsupported("a name datamodel-code-generator gives an inline member of a union")
        if isinstance(schema.get("properties"), dict) and schema["properties"]:
            return self.model(name, schema)
        if "enum" in schema:
            return self.enum(name, schema)
        if "allOf" in schema:
            return self.subclass(name, schema)
        return self.alias(name, schema)

    def subclass(self, name: str, schema: dict[str, Any]) -> str:
        """`allOf` of models and nothing else: a class of those bases."""
        parts = schema["allOf"]
        if set(schema) - {"allOf", "description"} or not isinstance(parts, list) or len(parts) < 2:
            raise Unsupported("an allOf with other keywords")
        bases: list[str] = []
        seen: list[str] = []
        for part in parts:
            if not isinstance(part, dict) or set(part) != {"$ref"}:
                raise Unsupported("an allOf of other than references")
            base, target = self.target(part["$ref"])
            if not (isinstance(target.get("properties"), dict) and target["properties"]) or set(target) & {"allOf", "anyOf", "oneOf", "nullable"}:
                raise Unsupported("an allOf of other than models")
            bases.append(base + self.suffix)
            seen += list(target["properties"])
        if len(set(seen)) != len(seen):
            raise Unsupported("an allOf of models that share a property")  # merged into one class there
        if len(set(bases)) != len(bases) or self.group & set(bases):
            raise Unsupported("an allOf that repeats a base")
        self.eager.update(bases)
        description = schema.get("description")
        body = format_docstring(description, 4) if isinstance(description, str) and description.strip() else "pass"
        return f"class {name}{self.suffix}({', '.join(bases)}):\n    {body}"

    def alias(self, name: str, schema: dict[str, Any]) -> str:
        """A scalar, a list, or a union of those and of other groups' classes, under a name of its own."""
        if _unknown(schema, {"type", "format", "description", "anyOf", "oneOf", "nullable", "items"}) or schema.get("nullable") is False:
            raise Unsupported("an alias with other keywords")
        branches = schema.get("anyOf", schema.get("oneOf"))
        if branches is not None:
            if set(schema) & {"format", "items"} or schema.get("type", "object") != "object" or schema.get("nullable", True) is not True or not isinstance(branches, list) or not branches:
                raise Unsupported("a union with other keywords")
            hints = []
            with_null = schema.get("nullable") is True
            for branch in branches:
                if not isinstance(branch, dict) or _unknown(branch, {"type", "format", "items", "$ref", "description", "example", "examples"}) or set(branch) & (_INERT - {"example", "examples"}):
                    raise Unsupported("a union member with keywords")
                hint, nullable, _ = self.type_of(branch)
                if (nullable and "$ref" not in branch) or (branch.get("type") == "object" and set(branch) != {"type"}):
                    raise Unsupported("a union member that is nullable")
                with_null = with_null or nullable  # a nullable model among the members: `A | B | None` there
                hints.append(hint)
            if len(set(hints)) != len(hints):
                raise Unsupported("a union that repeats a type")
            hint = " | ".join(hints) + (" | None" if with_null else "")
        elif schema.get("type") in _SCALARS or schema.get("type") == "array":
            hint, nullable, own = self.type_of(schema)
            if nullable and not own:
                raise Unsupported("an alias of a nullable type")
            if nullable and (self.kind == "typeddict" or schema["type"] != "array"):
                hint += " | None"
            elif nullable:  # OpenAPI 3.0's `nullable: true` on a list
                self.every.update(("Annotated", "Field"))
                hint = f"Annotated[{hint} | None, Field(...)]"
        else:
            raise Unsupported("not an object with properties")
        if self.group & self.every:
            raise Unsupported("an alias that names its own group")  # written quoted there
        if self.kind == "pydantic" and "title" in schema:
            if "Field(" in hint:
                raise Unsupported("a title with other field arguments")
            self.every.update(("Annotated", "Field"))
            hint = f"Annotated[{hint}, Field(title={represent_python_value(schema['title'])})]"
        description = schema.get("description")
        doc = "\n" + format_docstring(description, 0) if isinstance(description, str) and description.strip() else ""
        if self.kind == "typeddict":
            self.every.add("TypeAlias")
            return f"{name}TypedDict: TypeAlias = {hint}{doc}"
        self.every.add("TypeAliasType")
        return f'{name} = TypeAliasType("{name}", {hint}){doc}'

    def enum(self, name: str, schema: dict[str, Any]) -> str:
        if _unknown(schema, {"type", "enum", "description", "nullable", "default", "deprecated"}):
            raise Unsupported("an enum with other keywords")
        values = schema["enum"]
        with_null = isinstance(values, list) and None in values
        values = [v for v in values if v is not None] if with_null else values
        if schema.get("type", "string") != "string" or not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            raise Unsupported("an enum that is not of strings")
        if any(represent_python_value(v) != f"'{v}'" for v in values):
            raise Unsupported("an enum value that needs escapes")  # written with other quotes there
        if len(set(values)) != len(values) or len(values) < 2:  # one value: a `Literal` alias there
            raise Unsupported("an enum with repeated values")
        description = schema.get("description")
        doc = isinstance(description, str) and description.strip()
        if self.kind == "typeddict":
            self.every.update(("TypeAlias", "Literal"))
            text = f"{name}TypedDict: TypeAlias = Literal[{', '.join(represent_python_value(v) for v in values)}]"
            if _nullable(schema):
                text += " | None"
            return text + ("\n" + format_docstring(description, 0) if doc else "")
        self.eager.add("OpenEnum")
        # With `null` among its values: a class `<name>Enum` of the others, and `<name>` its alias with None.
        enum_name = f"{name}Enum" if with_null else name
        if with_null and (enum_name in self.defined or "type" not in schema):
            raise Unsupported("an enum with null whose class name is taken")
        lines = [f"class {enum_name}({'str, ' if 'type' in schema else ''}OpenEnum):"]
        if doc:
            lines.append("    " + format_docstring(description, 4))
        for value, member in _members(values).items():
            lines.append(f"    {member} = {represent_python_value(value)}")
        if not with_null:
            return "\n".join(lines)
        self.extra[enum_name] = ("\n".join(lines), {"OpenEnum"})
        self.eager, self.every = {"TypeAliasType", enum_name}, {"TypeAliasType", enum_name}
        return f'{name} = TypeAliasType("{name}", {enum_name} | None)' + ("\n" + format_docstring(description, 0) if doc else "")

    def model(self, name: str, schema: dict[str, Any]) -> str:
        # `format` and `minimum` mean nothing on an object (loket.nl has thousands): ignored there too.
        extra = _unknown(schema, {"type", "properties", "required", "description", "nullable", "additionalProperties", "format", "minimum"})
        if extra:
            raise Unsupported(f"an object with {extra}")
        if schema.get("type", "object") != "object":
            raise Unsupported("properties on a non-object")
        required = schema.get("required") or []
        if self.kind == "typeddict" and not all(is_python_name(prop, _TARGET) for prop in schema["properties"]):
            return self.functional_typeddict(name, schema["properties"], required)
        base = "TypedDict" if self.kind == "typeddict" else "BaseModel"
        self.eager.add(base)
        lines = [f"class {name}{self.suffix}({base}):"]
        description = schema.get("description")
        if isinstance(description, str) and description.strip():
            lines.append("    " + format_docstring(description, 4))
        extra_keys = schema.get("additionalProperties")
        if extra_keys not in (None, True, False):
            raise Unsupported("additional properties of a schema")
        if extra_keys is not None and self.kind == "pydantic":
            self.eager.add("ConfigDict")
            lines += ["    model_config = ConfigDict(", f"        extra={'allow' if extra_keys else 'forbid'!r},", "    )"]
        taken: set[str] = set()
        annotations: list[str] = []
        for prop, sub in schema["properties"].items():
            field = self.field(prop, sub, prop in required, taken)
            annotations.append(field[0].split(": ", 1)[1])
            lines += field
        # A field named like a type its class's annotations use (`list: list[str]`) is renamed there.
        used = {m.group(1) for text in annotations for m in _NAME.finditer(text) if m.group(1)}
        if taken & used:
            raise Unsupported("a field named like a type its class uses")
        return "\n".join(lines)

    def functional_typeddict(self, name: str, properties: dict[str, Any], required: list[Any]) -> str:
        """A TypedDict with keys that are no names: `X = TypedDict("X", {...})`, without docstrings."""
        self.every.add("TypedDict")
        lines = [f"{name}TypedDict = TypedDict('{name}TypedDict', {{"]
        for prop, sub in properties.items():
            if not prop.isprintable() or "'" in prop or "\\" in prop:
                raise Unsupported("a key that needs escapes")
            hint, nullable, _ = self.type_of(sub)
            if nullable:
                hint += " | None"
            if prop not in required:
                self.every.add("NotRequired")
                hint = f"NotRequired[{hint}]"
            lines.append(f"    '{prop}': {hint},")
        if self.defined & self.every:
            # Written quoted there when its run defines the class later, which depends on the run.
            raise Unsupported("a functional TypedDict that names a class")
        return "\n".join(lines) + "})"

    def field(self, prop: str, schema: Any, required: bool, taken: set[str]) -> list[str]:
        hint, nullable, own = self.type_of(schema)
        if self.kind == "typeddict":
            # A key that is a name but not a field name (`_links`) is renamed (`field_links`), as there.
            name, _ = _field_name(_TYPEDDICT_FIELDS, prop, taken)
            taken.add(name)
            if nullable:
                hint += " | None"
            if not required:
                self.every.add("NotRequired")
            line = f"    {name}: {hint if required else f'NotRequired[{hint}]'}"
        else:
            name, alias = _field_name(_PYDANTIC_FIELDS, prop, taken)
            taken.add(name)
            args: dict[str, Any] = {}
            if alias is not None:
                args["alias"] = alias
            if "examples" in schema:
                args["examples"] = schema["examples"]
            elif "example" in schema:
                args["examples"] = [schema["example"]]
            if schema.get("deprecated") is True:
                args["deprecated"] = True
            if "title" in schema and "$ref" not in schema:
                args["title"] = schema["title"]
            if isinstance(schema, dict):
                schema = _applicable(schema)
                _check_constraints(schema)
                pattern = schema.get("pattern")
                if pattern is not None and (not isinstance(pattern, str) or needs_python_engine(pattern, row="adapter") or not pattern.isprintable()):
                    raise Unsupported("a pattern for Python's engine")  # the model's config selects it there
            for table in (_STRING_CONSTRAINTS, _NUMBER_CONSTRAINTS, _ARRAY_CONSTRAINTS):
                for key, arg in table.items():
                    if key in schema and not isinstance(schema[key], bool):
                        args[arg] = _bound(schema, schema[key]) if table is _NUMBER_CONSTRAINTS else schema[key]
            # OpenAPI 3.0: `exclusiveMinimum: true` makes `minimum` exclusive.
            for flag, inclusive, exclusive in (("exclusiveMinimum", "ge", "gt"), ("exclusiveMaximum", "le", "lt")):
                if schema.get(flag) is True and inclusive in args:
                    args[exclusive] = args.pop(inclusive)
            default = None
            if "$ref" in schema and "default" in self.target(schema["$ref"])[1] and not required:
                default = self.default(schema, self.target(schema["$ref"])[1]["default"])
                hint += " | None"
            elif "default" in schema and not required:
                default = self.default(schema, schema["default"])
                if nullable:
                    hint += " | None"
            elif nullable or (not required and schema.get("nullable") is not False):
                hint += " | None"  # (with `nullable: false`, an optional field has no None in its type there)
            if required and nullable and own and not args and default is None:
                self.every.update(("Annotated", "Field"))
                line = f"    {name}: Annotated[{hint}, Field(...)]"
            else:
                line = f"    {name}: {_annotated(hint, args, self.every)}"
            if default is not None:
                line += f" = {default}"
            elif not required:
                line += " = None"
        out = [line]
        description = schema.get("description") if isinstance(schema, dict) else None
        if isinstance(description, str) and description.strip():
            out.append("    " + format_docstring(description, 4))
        return out

    def default(self, schema: dict[str, Any], value: Any) -> str:
        if "$ref" in schema:
            name, target = self.target(schema["$ref"])
            values = target.get("enum")
            if "properties" in target or not isinstance(values, list) or value not in values or not isinstance(value, str):
                raise Unsupported("a default of a $ref")
            self.eager.add(name)
            return f"{name}.{_members([v for v in values if isinstance(v, str)])[value]}"
        if isinstance(value, bool) and schema.get("type") == "boolean":
            return repr(value)
        if isinstance(value, str) and schema.get("type") == "string" and "enum" not in schema:
            return represent_python_value(value)
        raise Unsupported("a default")


def _free_form(schema: Any) -> Any:
    """An object with an empty `properties` (loket.nl: `items: {properties: {}}`) as one without:
    `dict[str, Any]` there."""
    if isinstance(schema, dict) and schema.get("properties") == {} and schema.get("type", "object") == "object" and "additionalProperties" not in schema:
        return {k: v for k, v in schema.items() if k != "properties"} | {"type": "object"}
    return schema


def field_names(schemas: dict[str, Any]) -> set[str]:
    """The field name of every property of `schemas`, at any depth."""
    return {_free_field_name(_PYDANTIC_FIELDS, prop)[0] for prop in property_names(schemas.values())}


# Constraints datamodel-code-generator drops, by the type they are on (loket.nl: `minimum: 0` on a
# list, a `pattern` on a number or on a uuid). The other constraints for another type stay its own.
# So are a formatted string's string constraints, for the formats written natively.
_DROPPED = {"array": _NUMBER_CONSTRAINTS, "integer": _STRING_CONSTRAINTS, "number": _STRING_CONSTRAINTS}


def _applicable(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` without the constraints datamodel-code-generator drops."""
    kind = schema.get("type")
    dropped = _DROPPED.get(kind) if isinstance(kind, str) else None
    if kind == "string" and isinstance(schema.get("format"), str) and schema["format"] in _FORMAT_CLASSES:
        dropped = _STRING_CONSTRAINTS
    if dropped and any(key in schema for key in dropped):
        return {k: v for k, v in schema.items() if k not in dropped}
    return schema


def _check_constraints(schema: dict[str, Any]) -> None:
    """Constraints only where they constrain: on the type they are for, and on a string without a
    format (one of a `date-time` is dropped there)."""
    kind = schema.get("type")
    for table, types in ((_STRING_CONSTRAINTS, ("string",)), (_NUMBER_CONSTRAINTS, ("integer", "number")), (_ARRAY_CONSTRAINTS, ("array",))):
        if any(key in schema for key in table) and (kind not in types or (kind == "string" and schema.get("format") not in (None, *_PLAIN_FORMATS))):
            raise Unsupported("a constraint for another type")


def _plain(schema: dict[str, Any]) -> bool:
    """A property schema that needs no class: a scalar or a list of scalars or references, no enum."""
    values = schema.get("enum")
    literal = isinstance(values, list) and len(values) == 1 and isinstance(values[0], str) and not _nullable(schema)
    if ("enum" in schema and not literal) or any(k in schema for k in ("properties", "oneOf", "anyOf", "allOf", "$ref")):
        return False
    items = schema.get("items")
    return not isinstance(items, dict) or ("$ref" in items and len(items) == 1) or _plain(items)


def _bound(schema: dict[str, Any], value: Any) -> Any:
    """A numeric constraint as written: a float for a `number`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or isinstance(schema.get("type"), list):
        raise Unsupported("a numeric constraint")
    if schema.get("type") == "number":
        return float(value)
    if schema.get("type") == "integer" and isinstance(value, int):
        return value
    raise Unsupported("a numeric constraint")


def _members(values: list[str]) -> dict[str, str]:
    """The member name of each value of a string enum."""
    taken: set[str] = set()
    out: dict[str, str] = {}
    for value in values:
        out[value] = member = _ENUM_MEMBERS.get_valid_name(value, excludes=taken)
        taken.add(member)
    return out


def _nullable(schema: dict[str, Any]) -> bool:
    types = schema.get("type")
    return schema.get("nullable") is True or (isinstance(types, list) and "null" in types) or (isinstance(schema.get("enum"), list) and None in schema["enum"])


def _annotated(hint: str, args: dict[str, Any], used: set[str]) -> str:
    """`Annotated[hint, Field(...)]` as datamodel-code-generator writes it (arguments sorted as text),
    with the constraints moved to `Constraints(...)` as `models.request_only_constraints` moves them."""
    if not args:
        return hint
    texts = sorted(f"{k}={represent_python_value(v)}" for k, v in args.items())
    checks = [t for t in texts if t.split("=", 1)[0] in _CONSTRAINT_ARGS]
    rest = [t for t in texts if t.split("=", 1)[0] not in _CONSTRAINT_ARGS]
    used.update(["Annotated", *(["Field"] if rest else []), *(["Constraints"] if checks else [])])
    metas = ([f"Field({', '.join(rest)})"] if rest else []) + ([f"Constraints({', '.join(checks)})"] if checks else [])
    return f"Annotated[{hint}, {', '.join(metas)}]"


# The writer of the last (kind, spec) asked for: building one walks every schema. Keyed by the dict's
# id, which no other dict can take while the writer holds it.
_WRITERS: dict[tuple[str, int, str], _Writer] = {}
_FACTS: dict[int, tuple[dict[str, Any], _Facts]] = {}


def _writer(kind: str, schemas: dict[str, Any], package: str, base: dict[str, Any] | None) -> _Writer:
    key = (kind, id(schemas), package)
    if key not in _WRITERS:
        _WRITERS.clear()
        base = schemas if base is None else base
        known = _FACTS.get(id(base))
        if known is None or known[0] is not base:
            _FACTS.clear()
            known = _FACTS[id(base)] = (base, _Facts(base))
        _WRITERS[key] = _Writer(kind, schemas, package, known[1])
    return _WRITERS[key]


def fragment(kind: str, group: tuple[str, ...], schemas: dict[str, Any], package: str, base: dict[str, Any] | None = None) -> Fragment:
    """The `Fragment` of `kind` ("pydantic" or "typeddict") for `group`, as `models.run_groups` gives
    it; `schemas`: the components as prepared for that kind; `base`: the components both kinds were
    prepared from (which differ from `schemas` at most in `required`), to share what is found of the
    whole spec. Raises `Unsupported` for a group with a schema outside the shapes written here."""
    writer = _writer(kind, schemas, package, base)
    texts: dict[str, str] = {}
    uses: dict[str, tuple[set[str], set[str]]] = {}
    writer.group = {name + writer.suffix for name in group}
    writer.extra = {}
    for name in group:
        writer.every, writer.eager = set(), set()
        # As `model_modules.split_module` cuts a generated module into lines: every line break
        # Python knows (`\r\n`, `\r`, `\x0c`...) in a description becomes `\n`.
        text = "\n".join(writer.definition(name).splitlines()).rstrip()
        texts[name + writer.suffix] = text
        every = writer.every | writer.eager
        uses[name + writer.suffix] = (writer.eager if text.startswith("class ") else every, every)
    for name, (text, used) in writer.extra.items():
        texts[name] = "\n".join(text.splitlines())
        uses[name] = (used, used)
    evaluated = {name for name, text in texts.items() if not text.startswith("class ")}
    return fragment_of(sorted(texts), texts, uses, writer.imports, writer.defined, evaluated)
