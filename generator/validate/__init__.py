"""Validate a bundled spec: report every problem at once, each located, and repair the harmless ones.

Real specs carry small slips every other generator tolerates, so validation is lenient by default.
Each problem is a `Problem(severity, message, pointer, file, line)`, and its severity follows one rule:

**An error is a problem that leaves the generator without something it builds code from**; it stops
the run (exit 2) after all problems are listed. That is: a document that is not OpenAPI 3.0/3.1; a
problem in the document's structure outside schemas (`info`, `paths`, path items, operations,
parameters, request bodies, responses, components: missing or of the wrong type, e.g. an operation
that is not a mapping, a parameter without `name`/`in`, a non-string `description` or
`operationId`); an unresolvable `$ref` (found by `load`); and, inside a schema, a problem in a keyword that shapes the generated types: `type`, `properties`, `items`,
`required`, `allOf`/`oneOf`/`anyOf`/`not`, `additionalProperties`, `enum` (not a list),
`discriminator`, `$ref`.

**A warning is a problem in a schema keyword that only annotates or constrains values**, which the
generator can repair or ignore (`lint.py` finds them and says which, in the message): a `default` or
`example` of the wrong type or not in the `enum` (dropped), duplicate `enum` values (merged),
wrong-typed `title`/`description`/`minimum`/`maxLength`/`pattern`/`readOnly`... (dropped), keywords
OpenAPI 3.0 does not know such as Swagger 2's `definitions` or 3.1's `examples` (dropped), `nullable`
without `type` or in 3.1, an unknown `format` (ignored: the type alone applies), a `pattern` pydantic
cannot compile (dropped), `required` names that are not properties (dropped). The slips of URLs and
operations that real specs carry are warnings too: a query string in a path key (cut off), a URL
placeholder with no parameter (a required string path parameter), a declared path parameter the URL
does not use (ignored), a duplicate `operationId` (numbered), a parameter declared twice (the last
one is used). The repairs are made
on the loaded document before normalisation, so the SDK takes that reading. With `strict` (the
`--strict` flag, or `strict: true` in `sdkgen.yaml`) every problem is fatal.

Two passes: `lint` (cheap, in-process, finds the warnings and repairs them) and `check_document`
(openapi-spec-validator's meta-schemas, checked with jsonschema-rs first, then described by the
Python engine where they fail; its result is cached by the document's content, see
`generator.cache`; for large specs it runs in a forked process while the later stages go on, see
`Validation`). Neither depends on which process runs the other,
so the problems are the same either way; they are sorted by line and pointer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Self

from generator import cache
from generator.background import YIELDING_NICENESS, Background, can_fork
from generator.errors import Problem, SpecError, SpecProblems
from generator.load import Lines, pointer_str
from generator.validate.lint import Finding, lint

# From this many paths + schemas on, validation runs in a forked process (`Background`: the document
# is not copied) while the rest of the pipeline goes on. With jsonschema-rs checking first
# (`document.py`), validating GitHub's API takes ~0.3 s, and loading the validators ~0.2 s more: off
# the critical path there, and not worth a process for a small spec.
PARALLEL_VALIDATION_THRESHOLD = 1_000
# At most this many warnings are printed, then "... and N more".
WARNINGS_SHOWN = 50

__all__ = ["PARALLEL_VALIDATION_THRESHOLD", "Problem", "SpecProblems", "Validation", "format_warnings", "locate", "validate_spec"]


def check_version(doc: dict[str, Any], path: Path) -> None:
    version = str(doc.get("openapi", ""))
    if not version.startswith(("3.0", "3.1")):
        found = version or ("swagger " + str(doc["swagger"]) if "swagger" in doc else "none")
        raise SpecError(f"only OpenAPI 3.0 and 3.1 are supported (openapi: {found})", where=str(path))


def locate(findings: Iterable[Finding], path: Path) -> list[Problem]:
    """Findings as Problems with lines (the file is composed once, only if there is something to
    say), without repeats, sorted by line, then pointer."""
    found = sorted(set(findings))
    if not found:
        return []
    # Finding lines means composing the file (seconds for a large one): cached by its bytes.
    try:
        key: str | None = cache.key("locate", str(path), path.read_bytes(), found)
    except OSError:
        key = None
    hit = cache.get("validation", key) if key else None
    if hit is not None:
        try:
            return [Problem(*entry) for entry in json.loads(hit)]
        except (ValueError, TypeError):
            pass  # not what we wrote: recomputed
    lines = Lines(path)
    problems = {
        Problem(severity, message, pointer_str(list(at)), str(path), lines.line(list(at)) if at else None)  # type: ignore[arg-type]
        for severity, message, at in found
    }
    located = sorted(problems, key=_order)
    if key:
        cache.put("validation", key, json.dumps([[p.severity, p.message, p.pointer, p.file, p.line] for p in located]).encode())
    return located


def _order(p: Problem) -> tuple[bool, int, str, str, str]:
    return (p.line is None, p.line or 0, p.pointer, p.severity, p.message)


def format_warnings(problems: list[Problem], limit: int = WARNINGS_SHOWN) -> str:
    """The lines `sdkgen` prints on stderr for the warnings of a run that went on ("" for none)."""
    warnings = [p for p in problems if p.severity == "warning"]
    if not warnings:
        return ""
    lines = [f"sdkgen: warning: {p}" for p in warnings[:limit]]
    if len(warnings) > limit:
        lines.append(f"sdkgen: warning: ... and {len(warnings) - limit} more")
    n = len(warnings)
    lines.append(f"sdkgen: warning: {warnings[0].file}: {n} warning{'s' if n != 1 else ''}, repaired or ignored (--strict makes them errors)")
    return "\n".join(lines) + "\n"


class Validation:
    """Validation of the spec as loaded, its repairs applied, the full validator in the background
    for large specs.

    The repairs are made in `__init__` (before the pipeline normalises the document). Nothing is
    written before `wait()` has returned, and a failure elsewhere waits for it too: for an invalid
    spec the validator's problems are the error worth reporting. `wait()` raises `SpecProblems` for
    errors (or any problem, with `strict`) and returns the warnings otherwise.
    """

    def __init__(self, doc: dict[str, Any], spec_path: Path, *, strict: bool = False) -> None:
        check_version(doc, spec_path)
        self.spec_path = spec_path
        self.strict = strict
        self.problems: list[Problem] = []
        self._linted, fixes = lint(doc)
        self._found: list[Finding] | None = None
        self._late: list[Finding] = []  # found by later stages (`add`)
        self._pending: Background[list[Problem]] | None = None
        size = len(doc.get("paths") or {}) + len((doc.get("components") or {}).get("schemas") or {})
        if size >= PARALLEL_VALIDATION_THRESHOLD and can_fork():
            # Forked here, before the repairs and before the pipeline normalises `doc` in place. The
            # fork also hashes the document for the cache (0.15 s on GitHub's spec) and finds the
            # lines of the findings (0.4 s), which the run needs last.
            self._pending = Background(_check_and_locate, doc, self._linted, spec_path, niceness=YIELDING_NICENESS)
        else:
            self._found = _cached_check(doc)  # not worth a process
        for fix in fixes:
            fix()
        if self._found is not None:
            self.wait()

    def wait(self) -> list[Problem]:
        located: list[Problem] = []  # the linter's and the validator's, when the validator ran forked
        if self._pending is not None:
            try:
                located = self._pending.result()
            finally:
                self._pending.cancel()
                self._pending = None
        new = [*self._late] if self._found is None else [*self._linted, *self._found, *self._late]
        self._found, self._late = None, []
        if not new and not located:
            return self.problems
        problems = sorted({*self.problems, *located, *locate(new, self.spec_path)}, key=_order)
        if any(p.severity == "error" for p in problems) or self.strict and problems:
            raise SpecProblems(problems, strict=self.strict)
        self.problems = problems
        return problems

    def add(self, findings: Iterable[Finding]) -> None:
        """Problems a later stage found (the IR builder: pagination that cannot be followed), reported
        with the others by the next `wait()` (which `__exit__` calls), under the same rule."""
        self._late.extend(findings)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.wait()  # on an exception too: a validation error replaces it


def _findings(data: bytes | None) -> list[Finding] | None:
    """Cached findings, as `check_document` returned them (pointers as tuples)."""
    if data is None:
        return None
    try:
        return [(severity, message, tuple(at)) for severity, message, at in json.loads(data)]
    except (ValueError, TypeError):
        return None  # not what we wrote: recomputed


def check_document(doc: dict[str, Any]) -> list[Finding]:
    """`document.check_document`, imported on first use: a cached run does not load the validators."""
    from generator.validate.document import check_document as check

    return check(doc)


def _cached_check(doc: dict[str, Any]) -> list[Finding]:
    """`check_document`'s findings, which depend on the document alone (before its repairs): cached
    by its content."""
    key = cache.key("check_document", doc) if cache.active().enabled else None
    found = _findings(cache.get("validation", key)) if key else None
    if found is None:
        found = check_document(doc)
        if key:
            cache.put("validation", key, json.dumps(found).encode())
    return found


def _check_and_locate(doc: dict[str, Any], linted: list[Finding], spec_path: Path) -> list[Problem]:
    """The linter's findings and `check_document`'s, as located Problems."""
    return locate([*linted, *_cached_check(doc)], spec_path)


def validate_spec(doc: dict[str, Any], path: Path, *, strict: bool = False) -> list[Problem]:
    """Validate and repair `doc` in this process; the warnings, or `SpecProblems`."""
    return Validation(doc, path, strict=strict).wait()
