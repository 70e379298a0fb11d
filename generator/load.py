"""Read a spec (YAML or JSON) and bundle its `$ref`s into one self-contained document.

Local refs stay refs (that keeps recursive schemas finite and costs nothing per use); refs into
other files are brought into the root document once each: schemas under `components/schemas`,
anything else inlined where it is used.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from generator.errors import Problem, SpecError, SpecProblems
from generator.naming import unique


class _SpecLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """YAML 1.1 reads `2024-01-01` as a date; a spec is JSON data, so keep such scalars as strings."""


_SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_document(path: Path) -> Any:
    """Parse one file; syntax errors name the file, line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError("file not found", where=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"cannot read file: {exc}", where=str(path)) from None
    if path.suffix.lower() == ".json":
        try:
            return _stringify_keys(json.loads(text))
        except json.JSONDecodeError as exc:
            raise SpecError(f"JSON syntax error: {exc.msg}", where=f"{path}:{exc.lineno}:{exc.colno}") from None
    try:
        return _stringify_keys(yaml.load(text, Loader=_SpecLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise SpecError(f"YAML syntax error: {exc.problem or exc}", where=where) from None
    except yaml.YAMLError as exc:
        raise SpecError(f"YAML error: {exc}", where=str(path)) from None


class Lines:
    """Lines of JSON pointers in one YAML/JSON file, for messages. The file is composed once, on the
    first question (only runs that report something pay for it), then each pointer is a walk."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._root: yaml.Node | None = None
        self._read = False

    def _compose(self) -> yaml.Node | None:
        if not self._read:
            self._read = True
            loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
            try:
                self._root = yaml.compose(self.path.read_text(encoding="utf-8"), Loader=loader)
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                self._root = None
        return self._root

    def line(self, pointer: list[str | int] | tuple[str | int, ...]) -> int | None:
        """The 1-based line where `pointer` starts, or None when the file has no such place."""
        node = self._compose()
        if node is None:
            return None
        for part in pointer:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if str(k.value) == str(part)), None)
            elif isinstance(node, yaml.SequenceNode) and str(part).isdigit() and int(part) < len(node.value):
                node = node.value[int(part)]
            else:
                return None
            if node is None:
                return None
        return node.start_mark.line + 1


def line_of(path: Path, pointer: list[str | int]) -> int | None:
    """The 1-based line where `pointer` starts in a YAML/JSON file, for error messages only."""
    return Lines(path).line(pointer)


def pointer_str(parts: list[str | int]) -> str:
    return "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _split_pointer(fragment: str) -> list[str]:
    if fragment in ("", "/"):
        return []
    if not fragment.startswith("/"):
        raise ValueError(fragment)
    return [unquote(p).replace("~1", "/").replace("~0", "~") for p in fragment[1:].split("/")]


def resolve_pointer(doc: Any, parts: list[str]) -> Any:
    node = doc
    for part in parts:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise KeyError(part)
    return node


def follow_refs(doc: Any, node: Any) -> Any:
    """Follow local `$ref`s (to a parameter, body, response...) until a node that is not a ref.

    The bundled document's refs were all checked at load time; a cycle of plain refs stops after
    a bounded number of steps instead of looping.
    """
    for _ in range(50):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#")):
            break
        try:
            node = resolve_pointer(doc, _split_pointer(node["$ref"][1:]))
        except (KeyError, ValueError):
            return {}
    return node


class _Bundler:
    def __init__(self, root_path: Path, root: dict[str, Any]) -> None:
        self.root_path = root_path
        self.root = root
        self.documents: dict[Path, Any] = {root_path: root}
        self.imported: dict[tuple[Path, str], str] = {}  # (file, fragment) -> local ref
        self._schemas: dict[str, Any] | None = None
        self.taken: set[str] = set()

    @property
    def schemas(self) -> dict[str, Any]:
        """`components/schemas` of the root, where external schemas are brought in (made on first use)."""
        if self._schemas is None:
            components = self.root.setdefault("components", {})
            schemas = components.setdefault("schemas", {}) if isinstance(components, dict) else None
            if not isinstance(schemas, dict):
                raise SpecError("components/schemas must be a mapping", where=f"{self.root_path}, #/components/schemas")
            self._schemas = schemas
            self.taken = {str(name).lower() for name in schemas}
        return self._schemas

    def document(self, path: Path) -> Any:
        if path not in self.documents:
            self.documents[path] = read_document(path)
        return self.documents[path]

    def walk(self, node: Any, base: Path, at: list[str | int], inlining: tuple[tuple[Path, str], ...] = ()) -> Any:
        """Rewrite refs in `node` (which lives in file `base`), returning the node to keep."""
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                return self.ref(node, ref, base, at, inlining)
            for key in list(node):
                node[key] = self.walk(node[key], base, [*at, key], inlining)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                node[i] = self.walk(item, base, [*at, i], inlining)
        return node

    def ref(self, node: dict[str, Any], ref: str, base: Path, at: list[str | int], inlining: tuple) -> Any:
        where = f"{base}, {pointer_str(at)}"
        target_file, _, fragment = ref.partition("#")
        if "://" in target_file:
            raise SpecError(f"remote $ref {ref!r} is not supported: download it next to the spec", where=where)
        path = (base.parent / unquote(target_file)).resolve() if target_file else base
        if path == self.root_path and base == self.root_path:
            return node  # a local ref stays a ref; `_check_local_refs` reports all that do not resolve
        try:
            parts = _split_pointer(fragment)
        except ValueError:
            raise SpecError(f"$ref {ref!r} has a malformed JSON pointer", where=where) from None
        try:
            target = resolve_pointer(self.document(path), parts)
        except KeyError as exc:
            raise SpecError(f"unresolvable $ref {ref!r}: no {exc.args[0]!r} in {path.name}", where=where) from None
        except SpecError as exc:
            raise SpecError(f"unresolvable $ref {ref!r}: {exc}", where=where) from None
        if path == self.root_path:
            return node  # local refs stay refs; their targets are walked where they live
        key = (path, fragment)
        if key in self.imported:
            return {**node, "$ref": self.imported[key]}
        is_schema = len(parts) >= 2 and parts[-2] == "schemas" or not parts and _looks_like_schema(target)
        if is_schema:
            schemas = self.schemas
            name = unique(parts[-1] if parts else path.stem, self.taken)
            local = f"#/components/schemas/{name}"
            self.imported[key] = local
            schemas[name] = copy.deepcopy(target)
            self.schemas[name] = self.walk(self.schemas[name], path, [str(path.name), *parts])
            return {**{k: v for k, v in node.items() if k != "$ref"}, "$ref": local}
        if key in inlining:
            raise SpecError(f"$ref {ref!r} refers to itself through another file (only schemas may recurse)", where=where)
        inlined = self.walk(copy.deepcopy(target), path, [str(path.name), *parts], (*inlining, key))
        return inlined


def _looks_like_schema(node: Any) -> bool:
    return isinstance(node, dict) and any(k in node for k in ("type", "properties", "oneOf", "anyOf", "allOf", "enum"))


def load_spec(path: Path) -> dict[str, Any]:
    """Read the spec at `path` and every file it refers to; return one bundled document."""
    path = path.resolve()
    doc = read_document(path)
    if not isinstance(doc, dict):
        raise SpecError("a spec must be a mapping at the top level", where=str(path))
    bundler = _Bundler(path, doc)
    bundler.walk(doc, path, [])
    # Check local refs last, once the external ones have been brought in.
    _check_local_refs(doc, doc, [], path)
    return doc


def _stringify_keys(node: Any) -> Any:
    """YAML gives `200:` as an int key; OpenAPI means the string."""
    if isinstance(node, dict):
        return {str(k) if not isinstance(k, str) else k: _stringify_keys(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_stringify_keys(v) for v in node]
    return node


def _check_local_refs(root: Any, node: Any, at: list[str | int], path: Path) -> None:
    """Every local `$ref` must resolve; all that do not are reported at once, each with its place."""
    stack: list[tuple[Any, list[str | int]]] = [(node, at)]
    broken: list[tuple[list[str | int], str]] = []
    while stack:
        current, where = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str) and ref.startswith("#"):
                try:
                    resolve_pointer(root, _split_pointer(ref[1:]))
                except (KeyError, ValueError):
                    broken.append((where, ref))
            stack.extend((v, [*where, k]) for k, v in current.items())
        elif isinstance(current, list):
            stack.extend((v, [*where, i]) for i, v in enumerate(current))
    if broken:
        lines = Lines(path)
        problems = [
            Problem("error", f"unresolvable $ref {ref!r}", pointer_str(where), str(path), lines.line(where))
            for where, ref in broken
        ]
        raise SpecProblems(sorted(problems, key=lambda p: (p.line or 0, p.pointer)))
