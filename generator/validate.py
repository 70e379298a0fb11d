"""Validate a bundled spec with openapi-spec-validator and report the first error with its place.

Large specs are validated in a second process while the later stages go on (`Validation`).
"""

from __future__ import annotations

import os
import pickle
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Self

from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from generator.errors import SpecError
from generator.load import line_of, pointer_str

# Above this many paths + schemas, validation runs in a second process while the rest of the
# pipeline goes on: openapi-spec-validator takes ~25 s on GitHub's API, as long as the models.
PARALLEL_VALIDATION_THRESHOLD = 500


def validate_spec(doc: dict[str, Any], path: Path) -> None:
    """Raise SpecError naming the JSON pointer (and line, where the file has it) of the first problem."""
    version = str(doc.get("openapi", ""))
    if not version.startswith(("3.0", "3.1")):
        found = version or ("swagger " + str(doc["swagger"]) if "swagger" in doc else "none")
        raise SpecError(f"only OpenAPI 3.0 and 3.1 are supported (openapi: {found})", where=str(path))
    from openapi_spec_validator import validate

    try:
        validate(doc, base_uri=path.resolve().as_uri())
    except OpenAPIValidationError as exc:
        parts: list[str | int] = list(getattr(exc, "absolute_path", []) or [])
        line = line_of(path, parts) if parts else None
        loc = f"{path}:{line}" if line else str(path)
        raise SpecError(f"invalid OpenAPI spec: {exc.message}", where=f"{loc}, {pointer_str(parts)}") from None
    except Exception as exc:  # noqa: BLE001 - the validator raises its own types for unsupported versions
        raise SpecError(f"invalid OpenAPI spec: {exc}", where=str(path)) from None


class Validation:
    """openapi-spec-validator on the spec as loaded, in the background for large specs.

    Nothing is written before `wait()` has returned, and a failure elsewhere waits for it too: for an
    invalid spec the validator's message (with its JSON pointer) is the error worth reporting.
    """

    def __init__(self, doc: dict[str, Any], spec_path: Path) -> None:
        size = len(doc.get("paths") or {}) + len((doc.get("components") or {}).get("schemas") or {})
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[None] | None = None
        if size < PARALLEL_VALIDATION_THRESHOLD or (os.cpu_count() or 1) < 2:
            validate_spec(doc, spec_path)  # small: not worth a process
            return
        # Pickled here, not by the pool's feeder thread: the pipeline goes on to normalise `doc` in place.
        frozen = pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)
        self._pool = ProcessPoolExecutor(max_workers=1)
        self._future = self._pool.submit(_validate_pickled, frozen, spec_path)

    def wait(self) -> None:
        if self._future is None or self._pool is None:
            return
        try:
            self._future.result()
        finally:
            self._pool.shutdown(cancel_futures=True)
            self._future = self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.wait()  # on an exception too: a validation error replaces it


def _validate_pickled(frozen: bytes, spec_path: Path) -> None:
    validate_spec(pickle.loads(frozen), spec_path)
