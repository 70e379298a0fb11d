"""What the generator knows of the runtime, read from its source, matches the runtime itself."""

from __future__ import annotations

import ast
import importlib

from generator.emit import sdk as render
from generator.ir.build import RUNTIME_NAMES
from generator.runtime_files import (
    RUNTIME_DIR,
    RUNTIME_FILES,
    exception_names,
    public_names,
    runtime_names,
    runtime_sources,
)
from tests.conftest import ORQ_SRC


def _module_name(path: str) -> str:
    return "generator.runtime." + path.removesuffix(".py").removesuffix("/__init__").replace(
        "/", "."
    )


def test_every_runtime_module_but_the_stand_ins_is_copied() -> None:
    on_disk = {p.relative_to(RUNTIME_DIR).as_posix() for p in RUNTIME_DIR.rglob("*.py")}
    assert on_disk - set(RUNTIME_FILES) == {"__init__.py", "_settings.py"}
    assert set(RUNTIME_FILES) <= on_disk


def test_the_orq_sdk_carries_the_runtime_byte_for_byte() -> None:
    package = ORQ_SRC / "orq_ai_sdk"
    for path, text in runtime_sources().items():
        assert (package / path).read_bytes() == text.encode("utf-8"), path
    assert (package / "_settings.py").read_bytes() != (RUNTIME_DIR / "_settings.py").read_bytes()


def test_exception_names_are_the_exception_classes_in_order() -> None:
    module = importlib.import_module("generator.runtime._exceptions")
    classes = [
        name
        for name, value in vars(module).items()
        if isinstance(value, type)
        and issubclass(value, BaseException)
        and value.__module__ == module.__name__
    ]
    assert exception_names() == tuple(classes)
    assert exception_names()[:2] == ("SDKError", "APIError")
    assert render.RUNTIME_ERRORS == exception_names()


def test_public_names_are_all_or_the_public_definitions() -> None:
    for path in RUNTIME_FILES:
        module = importlib.import_module(_module_name(path))
        expected = getattr(module, "__all__", None)
        if expected is None:
            expected = [
                n
                for n, v in vars(module).items()
                if not n.startswith("_") and getattr(v, "__module__", None) == module.__name__
            ]
        names = public_names(path)
        assert set(names) >= set(expected), path
        assert all(hasattr(module, name) for name in names), path
    assert {"BaseClient", "OperationSpec", "ClientConfig", "build_model"} <= set(
        runtime_names()["_client.py"]
    )


def test_names_resources_import_from_the_runtime_exist() -> None:
    typing_names = {"Any", "Callable", "IO", "Literal", "Mapping", "Self", "TracebackType"}
    defined = {name for names in runtime_names().values() for name in names}
    assert set(RUNTIME_NAMES) - typing_names <= defined


def test_the_settings_template_and_the_stand_in_define_the_same_names() -> None:
    def names(source: str) -> list[str]:
        tree = ast.parse(source)
        return [
            t.id
            for node in tree.body
            for t in (
                node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            )
            if isinstance(t, ast.Name)
        ]

    generated = (ORQ_SRC / "orq_ai_sdk" / "_settings.py").read_text()
    stand_in = (RUNTIME_DIR / "_settings.py").read_text()
    assert (
        names(generated)
        == names(stand_in)
        == ["PACKAGE", "USER_AGENT", "DEBUG_ENV", "SECURITY_SCHEMES", "SECURITY"]
    )
