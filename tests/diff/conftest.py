"""Fixtures of the `sdkgen diff` tests: surfaces loaded once per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import load_surface
from tests.conftest import REPO

DIFF_FIXTURES = REPO / "tests" / "fixtures" / "diff"

_surfaces: dict[Path, dict[str, Any]] = {}


@pytest.fixture(scope="session")
def surface():
    """`surface(path)` -> the public surface of a spec, loaded once per session."""

    def load(path: Path) -> dict[str, Any]:
        if path not in _surfaces:
            _surfaces[path] = load_surface(path)
        return _surfaces[path]

    return load
