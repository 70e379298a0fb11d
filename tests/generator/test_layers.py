"""The generator's modules form layers, one per pipeline stage: each imports only earlier ones.

Every import counts, including those inside functions (a function-level import once hid the cycle
config -> render -> diff -> pipeline -> config).
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "generator"

# Earlier first. A module may import its own layer (inside a subpackage) and any earlier one.
LAYERS: list[set[str]] = [
    {"errors", "naming", "runtime_files", "cache", "background"},
    {"config"},
    {"load"},
    {"validate"},  # a package: validate/walk, lint, document and the Validation that runs them
    {"normalize"},
    {"ir"},
    {"emit"},
    {"write"},
    {"diff"},
    {"report"},
    {"pipeline"},
    {"cli", "__main__"},
]


def _stage(module: str) -> str:
    """`generator.emit.docs` -> `emit`; `generator` itself -> ``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _rank(module: str) -> int:
    stage = _stage(module)
    for i, layer in enumerate(LAYERS):
        if stage in layer:
            return i
    raise AssertionError(f"{module} belongs to no layer: add its stage to LAYERS")


def _module_name(path: Path) -> str:
    rel = path.relative_to(REPO).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, module: str) -> set[str]:
    """Every `generator.*` module `path` imports, anywhere in the file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            # `from generator import pipeline` imports the module `generator.pipeline`.
            found.update(f"{target}.{alias.name}" for alias in node.names if (PACKAGE.parent / f"{target}.{alias.name}".replace(".", "/")).with_suffix(".py").exists())
    return {name for name in found if name.startswith("generator.") and name != "generator"}


def _graph() -> dict[str, set[str]]:
    graph = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "runtime" in path.relative_to(PACKAGE).parts:
            continue
        module = _module_name(path)
        graph[module] = _imports(path, module)
    return graph


def _backward(graph: dict[str, set[str]]) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module, targets in graph.items()
        for target in targets
        if _stage(module) and _rank(target) > _rank(module)
    )


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of `graph` (module -> modules it imports), or None."""
    resolved = {m: {t if t in graph else t.rpartition(".")[0] for t in ts} & set(graph) for m, ts in graph.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> list[str] | None:
        state[module] = 1
        for target in sorted(resolved[module] - {module}):
            if state.get(target) == 1:
                return [*path, module, target]
            if target not in state and (cycle := visit(target, [*path, module])):
                return cycle
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (cycle := visit(module, [])):
            return cycle
    return None


def test_every_import_goes_to_the_same_or_an_earlier_stage() -> None:
    assert _backward(_graph()) == []


def test_no_import_cycle() -> None:
    assert _cycle(_graph()) is None


def test_the_runtime_imports_nothing_of_the_generator() -> None:
    """It is copied into SDKs: only relative imports among its own modules, and third-party ones."""
    for path in sorted((PACKAGE / "runtime").rglob("*.py")) if (PACKAGE / "runtime").is_dir() else []:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        absolute = [
            n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and not n.level and n.module
        ] + [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in absolute if m.split(".")[0] == "generator"], path


def test_the_checks_catch_what_they_should() -> None:
    """The checks themselves, on made-up graphs: the old cycle, and an emitter importing the pipeline."""
    old = {
        "generator.config": {"generator.render"},
        "generator.render": {"generator.diff"},
        "generator.diff": {"generator.pipeline"},
        "generator.pipeline": {"generator.config"},
    }
    assert _cycle(old) == ["generator.config", "generator.render", "generator.diff", "generator.pipeline", "generator.config"]
    assert _cycle({"generator.emit.sdk": {"generator.emit.docs"}, "generator.emit.docs": set()}) is None
    assert _backward({"generator.emit.sdk": {"generator.pipeline", "generator.ir"}}) == [
        "generator.emit.sdk imports generator.pipeline"
    ]
