"""openapi-spec-validator's checks, every error collected, each at the deepest useful pointer.

Two passes: the OpenAPI meta-schema over the whole document (the document's structure: `info`,
`paths`, operations, parameters, responses...), and the JSON Schema meta-schema of the spec's
dialect over each schema. The slow part of validation (~25 s on GitHub's API): for large specs it
runs in a second process, so it never changes the document.
"""

from __future__ import annotations

import reprlib
import warnings
from typing import Any

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


def _document_findings(doc: dict[str, Any], roots: set[Parts]) -> list[Finding]:
    from openapi_spec_validator.shortcuts import get_validator_cls

    findings: list[Finding] = []
    spec_validator = get_validator_cls(doc)
    for error in spec_validator.schema_validator.iter_errors(doc):
        deep = _deepest(error)
        if any(at[: len(root)] == root for at in (tuple(error.absolute_path), tuple(deep.absolute_path)) for root in roots):
            continue  # inside a schema: the schema pass below says it at the keyword
        findings.append(("error", _message(deep), tuple(deep.absolute_path)))
    return findings


def _schema_findings(doc: dict[str, Any], roots: list[tuple[Parts, Any]]) -> list[Finding]:
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
    findings: list[Finding] = []
    seen: set[int] = set()
    for root_at, root in roots:
        if id(root) in seen:
            continue
        seen.add(id(root))
        if not isinstance(root, (dict, bool)):
            findings.append(("error", f"a schema must be a mapping, not {_repr.repr(root)}", root_at))
            continue
        for error in meta.iter_errors(root):
            deep = _deepest(error)
            relative = tuple(deep.absolute_path)
            _, keyword = keyword_at(relative)
            if keyword in LINTED or keyword == "enum" and deep.validator == "uniqueItems":
                continue  # the linter reported (and repaired) it
            findings.append(("error", _message(deep), (*root_at, *relative)))
    return findings


def check_document(doc: dict[str, Any]) -> list[Finding]:
    """Every error the validator finds that `lint` does not report as a warning, located."""
    try:
        with warnings.catch_warnings():
            # Python's `re` warns about spec patterns it reads differently (FutureWarning: nested set);
            # what matters to the SDK is whether pydantic compiles them, which `lint` checks.
            warnings.simplefilter("ignore")
            roots = schema_roots(doc)
            return [*_document_findings(doc, {at for at, _ in roots}), *_schema_findings(doc, roots)]
    except RecursionError:
        return [("error", "the spec nests too deeply to validate", ())]
    except Exception as exc:  # noqa: BLE001 - the validator's own failures on very odd input
        return [("error", f"openapi-spec-validator failed: {type(exc).__name__}: {exc}", ())]
