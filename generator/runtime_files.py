"""The runtime modules (`generator/runtime/`) copied into every SDK, and the names they define.

The generator reads the runtime's source and never imports it: the runtime needs httpx and pydantic
at import time, the generator does not. Names come from parsing the modules with `ast`.
"""

from __future__ import annotations

import ast
import builtins
from functools import cache
from pathlib import Path

RUNTIME_DIR = Path(__file__).resolve().parent / "runtime"

# Copied byte for byte to the same path inside the SDK's package: the relative imports between them
# work only if both layouts match. Not copied: `__init__.py` and `_settings.py` (a stand-in; each
# SDK gets its own from `templates/sdk/settings.py.jinja`).
RUNTIME_FILES = (
    "_auth.py",
    "_base_model.py",
    "_client.py",
    "_deadline.py",
    "_exceptions.py",
    "_files.py",
    "_hooks.py",
    "_pagination.py",
    "_params.py",
    "_response.py",
    "_servers.py",
    "_streaming.py",
    "_types.py",
    "utils/__init__.py",
    "utils/retries.py",
)


def runtime_sources() -> dict[str, str]:
    """The text of each runtime file, by its path inside the SDK's package."""
    return {path: (RUNTIME_DIR / path).read_bytes().decode("utf-8") for path in RUNTIME_FILES}


@cache
def _module(path: str) -> ast.Module:
    return ast.parse((RUNTIME_DIR / path).read_bytes(), filename=path)


def public_names(path: str) -> tuple[str, ...]:
    """A runtime module's public names: its `__all__` if it has one, else what it defines without a `_`."""
    defined: list[str] = []
    for node in _module(path).body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            defined.append(node.name)
        elif isinstance(node, ast.Assign):
            names = [target.id for target in node.targets if isinstance(target, ast.Name)]
            if "__all__" in names:
                return tuple(ast.literal_eval(node.value))
            defined += names
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            defined.append(node.target.id)
    return tuple(name for name in defined if not name.startswith("_"))


def runtime_names() -> dict[str, tuple[str, ...]]:
    """The public names of every runtime module copied into SDKs, by its path inside the package."""
    return {path: public_names(path) for path in RUNTIME_FILES}


def exception_names() -> tuple[str, ...]:
    """The exception classes of `_exceptions.py`, in the order they are defined."""
    found: list[str] = []
    for node in _module("_exceptions.py").body:
        if isinstance(node, ast.ClassDef) and any(_is_exception(base, found) for base in node.bases):
            found.append(node.name)
    return tuple(found)


def _is_exception(base: ast.expr, known: list[str]) -> bool:
    if not isinstance(base, ast.Name):
        return False
    builtin = getattr(builtins, base.id, None)
    return base.id in known or (isinstance(builtin, type) and issubclass(builtin, BaseException))
