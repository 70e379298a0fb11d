"""Shared test fixtures: paths, the committed Orq SDK on sys.path, and SDKs generated from fixture specs."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SPECS = REPO / "tests" / "fixtures" / "specs"
ORQ_OUTPUT = REPO / "generated" / "orq"
ORQ_SRC = ORQ_OUTPUT / "src"
ORQ_SPEC = REPO / "spec" / "orq" / "openapi.yaml"
ORQ_PREVIOUS_SPEC = REPO / "spec" / "orq" / "openapi.previous.yaml"

# Every fixture spec, with the package name its SDK gets in the tests (shared, so that each is
# generated once per session): golden files (test_golden.py), ruff/mypy/import (test_fixture_specs.py).
GOLDEN_SPECS: dict[str, tuple[Path, str]] = {
    "formats": (SPECS / "formats.yaml", "formats_sdk"),
    "hostile": (SPECS / "hostile.yaml", "hostile_sdk"),
    "hostile_docs": (SPECS / "hostile_docs.yaml", "hostile_docs_sdk"),
    "kitchen_sink": (SPECS / "kitchen_sink.yaml", "kitchen_sink_sdk"),
    "legacy_30": (SPECS / "legacy_30.json", "legacy_thirty_sdk"),
    "params_servers": (SPECS / "params_servers.yaml", "params_servers_sdk"),
    "real_world_slips": (SPECS / "real_world_slips.yaml", "slips_sdk"),
    "security": (SPECS / "security.yaml", "security_sdk"),
    "deprecations": (SPECS / "deprecations.yaml", "deprecations_sdk"),
    "pagination": (SPECS / "pagination.yaml", "pagination_sdk"),
    "lenient": (SPECS / "lenient.yaml", "lenient_sdk"),
    "responses": (SPECS / "responses.yaml", "responses_sdk"),
    "streams": (SPECS / "streams.yaml", "streams_sdk"),
    "uploads": (SPECS / "uploads.yaml", "uploads_sdk"),
    "names": (SPECS / "names.yaml", "names_sdk"),
    "names_root": (SPECS / "names_root.yaml", "names_root_sdk"),
    "native_shapes": (SPECS / "native_shapes.yaml", "native_shapes_sdk"),
}

# The generator's cache (generator/cache.py): one empty folder per test session, never the user's,
# so that no entry from another version of the code can reach a test.
if "SDKGEN_CACHE_DIR" not in os.environ:
    os.environ["SDKGEN_CACHE_DIR"] = tempfile.mkdtemp(prefix="sdkgen-test-cache-")
    atexit.register(shutil.rmtree, os.environ["SDKGEN_CACHE_DIR"], True)

if str(ORQ_SRC) not in sys.path:
    # The committed SDK is imported straight from its source folder (the snapshot test guarantees it
    # is what the generator writes); `test_install` checks the installed package separately.
    sys.path.insert(0, str(ORQ_SRC))

_generated: dict[tuple[str, str | None], Path] = {}


def generate_sdk(spec: Path, root: Path, package: str | None = None) -> Path:
    """Generate an SDK from `spec` into a new folder under `root`; returns the SDK folder."""
    from generator.pipeline import generate

    out = root / (spec.stem + (f"-{package}" if package else ""))
    generate(spec, out, {"package": package} if package else None)
    return out


@pytest.fixture(scope="session")
def generated_sdk(tmp_path_factory: pytest.TempPathFactory):
    """`generated_sdk(spec_path, package=None)` -> SDK folder, generated once per session."""

    def make(spec: Path, package: str | None = None) -> Path:
        key = (str(spec), package)
        if key not in _generated:
            _generated[key] = generate_sdk(spec, tmp_path_factory.mktemp("sdk"), package)
        return _generated[key]

    return make


def run(cmd: list[str], cwd: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)


_MYPY_CACHE: list[str] = []


def mypy_cache() -> str:
    """One mypy cache for the whole test session: the libraries every SDK imports (pydantic, httpx)
    are analysed once instead of once per SDK (about 4 s each). mypy checks every cached module
    against its source (path and hash), so SDKs and programs that share a module name stay apart."""
    if not _MYPY_CACHE:
        import atexit
        import shutil
        import tempfile

        _MYPY_CACHE.append(tempfile.mkdtemp(prefix="sdkgen-tests-mypy-"))
        atexit.register(shutil.rmtree, _MYPY_CACHE[0], True)
    return _MYPY_CACHE[0]


def tool(name: str) -> str:
    """A console script of this environment (ruff, mypy, sdkgen)."""
    path = Path(sys.executable).parent / name
    return str(path) if path.exists() else name


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/fixtures/expected/ from the current generator")
