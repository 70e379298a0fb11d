"""openapi-spec-validator's checks, every error collected, each at the deepest useful pointer.

Two passes: the OpenAPI meta-schema over the whole document (the document's structure: `info`,
`paths`, operations, parameters, responses...), and the JSON Schema meta-schema of the spec's
dialect over each schema; for large specs they run in a second process, so they never change the
document.

Fast path: the same meta-schemas (the ones openapi-spec-validator and openapi-schema-validator
ship) are first checked with jsonschema-rs, which only says whether a part is valid. Only the parts
it finds invalid (the path items and components with an error, the schemas with an error) go
through the Python `jsonschema` validators, which describe the errors: so the messages, pointers and
leniency are the Python path's, and a valid spec never pays for it. Measured on GitHub's API
(13 MB, ~3,000 schemas): ~12 s of CPU with `jsonschema` alone, ~0.3 s with jsonschema-rs first
(`jsonschema` reports errors in a form we build the messages from; jsonschema-rs does not give the
`oneOf` branch errors `_deepest` needs, hence the two engines).
"""

from __future__ import annotations

import functools
import reprlib
import warnings
from typing import Any

import jsonschema_rs
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.validators import validator_for

from generator.validate.lint import LINTED, Finding
from generator.validate.walk import Parts, keyword_at, schema_roots

_repr = reprlib.Repr()
_repr.maxstring, _repr.maxother, _repr.maxdict, _repr.maxlist = 40, 40, 3, 3


def _message(error: ValidationError) -> str:
    """jsonschema's message, without the repr of a whole subtree (`{...huge...} is not valid...`)."""
    if error.validator in ("oneOf", "anyOf"):
        return f"matches none of the allowed forms ({error.validator})"
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        extra = sorted(k for k in error.instance if k not in allowed and not str(k).startswith("x-"))
        if extra:
            return f"unexpected field{'s' if len(extra) > 1 else ''} {', '.join(map(repr, extra))}"
    message = error.message
    if len(message) > 160:
        message = message.replace(repr(error.instance), _repr.repr(error.instance))
    return message if len(message) <= 160 else message[:157] + "..."


def _deepest(error: ValidationError) -> ValidationError:
    """The most specific error under a oneOf/anyOf failure: what is wrong, not "matches none".

    The alternative the instance came closest to is the one whose errors lie deepest (then: fewest
    errors); a `$ref`-only alternative (OpenAPI's "Schema or Reference") is not a candidate when the
    instance has no `$ref`.
    """
    while error.validator in ("oneOf", "anyOf") and error.context:
        branches: dict[int, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
        candidates = [
            errs for errs in branches.values()
            if not all(e.validator == "required" and "'$ref'" in e.message for e in errs)
        ] or list(branches.values())
        chosen = max(candidates, key=lambda errs: (max(len(e.absolute_path) for e in errs), -len(errs)))
        error = best_match(chosen) or chosen[0]
    return error


# The parts of a document that are validated independently of each other (the OpenAPI meta-schema
# has no constraint between two path items or two components): top-level key -> depth of an entry.
_UNITS = {"paths": 1, "webhooks": 1, "components": 2}


def _doc_validators(doc: dict[str, Any]) -> tuple[Any, Any]:
    """(the Python validator openapi-spec-validator uses for `doc`'s version, a jsonschema-rs one for
    the same meta-schema). Built here, not taken from openapi-spec-validator: with jsonschema-rs
    installed it would switch its own to jsonschema-rs, whose errors we cannot describe."""
    from openapi_spec_validator.schemas.backend.jsonschema import create_validator
    from openapi_spec_validator.shortcuts import get_validator_cls

    schema = dict(get_validator_cls(doc).schema_validator.schema)
    name = str(schema.get("$id") or schema.get("id"))
    if name not in _PYTHON:
        _PYTHON[name] = create_validator(schema)
        _FAST[name] = _rs_validator(schema, None)
    return _PYTHON[name], _FAST[name]


_PYTHON: dict[str, Any] = {}
_FAST: dict[str, Any] = {}


def _rs_validator(schema: dict[str, Any], checker: Any) -> Any:
    """A jsonschema-rs validator of `schema`, offline (every resource is local). With a `checker`
    (jsonschema's `FormatChecker`), the formats it asserts are asserted with it, so that both
    engines agree on them; without one, formats are not asserted (as in the Python validator)."""
    options: dict[str, Any] = {"validate_formats": False}
    if checker is not None:
        options = {
            "validate_formats": True,
            "formats": {name: functools.partial(_conforms, checker, name) for name in checker.checkers},
        }
    return jsonschema_rs.validator_for(schema, registry=_registry(), offline=True, **options)


def _conforms(checker: Any, name: str, value: Any) -> bool:
    return bool(checker.conforms(value, name))


@functools.cache
def _registry() -> Any:
    """The OpenAPI 3.1 dialect meta-schemas openapi-schema-validator ships, for jsonschema-rs (the
    JSON Schema drafts' own are built into it)."""
    from openapi_schema_validator import validators

    uris = ("https://spec.openapis.org/oas/3.1/dialect/base", "https://spec.openapis.org/oas/3.1/meta/base")
    return jsonschema_rs.Registry([(uri, validators.OPENAPI_SPECIFICATIONS.contents(uri)) for uri in uris])


def _rs_errors(validator: Any, instance: Any) -> list[tuple[str | int, ...]] | None:
    """The instance paths of jsonschema-rs's errors ([] for a valid instance), or None when it cannot
    read the instance (a value JSON does not have): then the Python validator decides."""
    try:
        if validator.is_valid(instance):
            return []
        return [tuple(error.instance_path) for error in validator.iter_errors(instance)]
    except Exception:  # noqa: BLE001 - jsonschema-rs refuses values it cannot convert
        return None


def _failing_part(doc: dict[str, Any], errors: list[tuple[str | int, ...]]) -> dict[str, Any]:
    """`doc` with only the path items and components that have an error (errors above them keep
    their whole container): validating it gives the errors of the whole document."""
    keep: set[tuple[str | int, ...]] = set()  # entries, or whole containers
    for at in errors:
        depth = _UNITS.get(str(at[0])) if at else None
        if depth is None:
            continue  # outside the bulky sections, which are kept whole anyway
        keep.add(at[: depth + 1] if len(at) > depth else at)
    if any(len(at) == 1 for at in keep):  # an error on the section itself: keep it whole
        whole = {at[0] for at in keep if len(at) == 1}
    else:
        whole = set()
    part = dict(doc)
    for top, depth in _UNITS.items():
        section = doc.get(top)
        if top in whole or not isinstance(section, dict):
            continue
        if depth == 1:
            part[top] = {k: v for k, v in section.items() if (top, k) in keep}
            continue
        pruned: dict[str, Any] = {}
        for name, entries in section.items():
            if (top, name) in keep or not isinstance(entries, dict):
                pruned[name] = entries
            else:
                pruned[name] = {k: v for k, v in entries.items() if (top, name, k) in keep}
        part[top] = pruned
    return part


def _document_findings(doc: dict[str, Any], roots: set[Parts], fast_path: bool) -> list[Finding]:
    findings: list[Finding] = []
    python, fast = _doc_validators(doc)
    errors = _rs_errors(fast, doc) if fast_path else None
    if errors == []:
        return []
    instance = doc if errors is None else _failing_part(doc, errors)
    for error in python.iter_errors(instance):
        deep = _deepest(error)
        if any(at[: len(root)] == root for at in (tuple(error.absolute_path), tuple(deep.absolute_path)) for root in roots):
            continue  # inside a schema: the schema pass below says it at the keyword
        findings.append(("error", _message(deep), tuple(deep.absolute_path)))
    return findings


def _schema_findings(doc: dict[str, Any], roots: list[tuple[Parts, Any]], fast_path: bool) -> list[Finding]:
    v31 = str(doc.get("openapi", "")).startswith("3.1")
    if v31:
        from openapi_schema_validator import OAS31Validator as Dialect
    else:
        from openapi_schema_validator import OAS30Validator as Dialect  # type: ignore[assignment]
    from openapi_schema_validator import validators

    # The checker of `Dialect.check_schema` (same registry of OpenAPI meta-schemas), keeping every
    # error rather than raising the first.
    meta = validator_for(Dialect.META_SCHEMA, default=Dialect)(
        Dialect.META_SCHEMA, format_checker=Dialect.FORMAT_CHECKER, registry=validators.OPENAPI_SPECIFICATIONS
    )
    name = "meta " + str(Dialect.META_SCHEMA.get("$id") or Dialect.META_SCHEMA.get("id"))
    if name not in _FAST:
        _FAST[name] = _rs_validator(Dialect.META_SCHEMA, Dialect.FORMAT_CHECKER)
    fast = _FAST[name]
    findings: list[Finding] = []
    seen: set[int] = set()
    for root_at, root in roots:
        if id(root) in seen:
            continue
        seen.add(id(root))
        if not isinstance(root, (dict, bool)):
            findings.append(("error", f"a schema must be a mapping, not {_repr.repr(root)}", root_at))
            continue
        if fast_path and _rs_errors(fast, root) == []:
            continue  # valid: the Python validator would find nothing
        for error in meta.iter_errors(root):
            deep = _deepest(error)
            relative = tuple(deep.absolute_path)
            _, keyword = keyword_at(relative)
            if keyword in LINTED or keyword == "enum" and deep.validator == "uniqueItems":
                continue  # the linter reported (and repaired) it
            findings.append(("error", _message(deep), (*root_at, *relative)))
    return findings


def check_document(doc: dict[str, Any], *, fast_path: bool = True) -> list[Finding]:
    """Every error the validator finds that `lint` does not report as a warning, located.

    `fast_path=False`: the Python validators over everything, as before jsonschema-rs (the same
    findings, slower; the tests compare the two)."""
    try:
        with warnings.catch_warnings():
            # Python's `re` warns about spec patterns it reads differently (FutureWarning: nested set);
            # what matters to the SDK is whether pydantic compiles them, which `lint` checks.
            warnings.simplefilter("ignore")
            roots = schema_roots(doc)
            return [*_document_findings(doc, {at for at, _ in roots}, fast_path), *_schema_findings(doc, roots, fast_path)]
    except RecursionError:
        return [("error", "the spec nests too deeply to validate", ())]
    except Exception as exc:  # noqa: BLE001 - the validator's own failures on very odd input
        return [("error", f"openapi-spec-validator failed: {type(exc).__name__}: {exc}", ())]
