"""Read a spec (YAML or JSON) and bundle its `$ref`s into one self-contained document.

Local refs stay refs (that keeps recursive schemas finite and costs nothing per use); refs into
other files are brought into the root document once each: schemas under `components/schemas`,
anything else inlined where it is used.

The spec is untrusted input. A relative-file `$ref` may only read a regular file inside the spec's
own folder tree (symlinks resolved), or inside an extra folder the config names (`ref_roots`);
absolute paths, URLs, devices, FIFOs and folders are refused. Every file is size-checked before it is
read, YAML aliases and nesting are bounded (the limits below), and errors never quote a file's text.
"""

from __future__ import annotations

import bisect
import copy
import json
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from generator.errors import ConfigError, Problem, SpecError, SpecProblems
from generator.naming import unique

# -- limits (documented in the README, "Untrusted specs") ---------------------------------------------
MAX_FILE_BYTES = 64 * 1024 * 1024  # per file, checked with fstat before reading a byte
# Levels of mapping/sequence nesting, also once external `$ref`s are inlined. Real specs nest ~10-30
# levels; past ~75 nested schemas openapi-spec-validator runs out of Python's stack, so deeper
# documents are refused here, with the place, instead of as a RecursionError in a later stage.
MAX_DEPTH = 64
MAX_ALIASES = 10_000  # uses of YAML aliases (`*name`) per file
MAX_ALIAS_NODES = 1_000_000  # nodes YAML aliases may add to one file once expanded ("billion laughs")
MAX_INLINED_NODES = 1_000_000  # nodes copied in by inlining `$ref`s to other files, over the whole spec
MAX_FILES = 10_000  # files bundled into one spec, the spec itself included

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_QUOTED = re.compile(r"'[^'\n]{2,}'|\"[^\"\n]{2,}\"")


def _show(text: str, limit: int = 120) -> str:
    """A value from the spec as it may appear in a one-line message: quoted, escaped, shortened."""
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _deep_at(path: Path, at: list[str | int] | tuple[str | int, ...]) -> str:
    """Where a document nests too deeply: the file and the JSON pointer, its middle elided."""
    parts = list(at)
    if len(parts) > 12:
        return f"{path}, {pointer_str(parts[:6])}/...({len(parts) - 10} levels).../{pointer_str(parts[-4:])[2:]}"
    return f"{path}, {pointer_str(parts)}"


def _kind(problem: str | None, fallback: str) -> str:
    """The kind of a parser's problem, without the bits of the file's text it may quote (a tag...)."""
    if not problem:
        return fallback
    return _QUOTED.sub("'...'", problem.splitlines()[0])


class _SpecLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """YAML 1.1 reads `2024-01-01` as a date; a spec is JSON data, so keep such scalars as strings.

    The composed node graph is checked before it is built into Python objects (`_check_aliases`).
    """

    file_name = "<spec>"

    def get_single_node(self) -> Any:
        node = super().get_single_node()
        if node is not None:
            _check_aliases(node, self.file_name)
        return node


_SpecLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _node_at(path: str, node: yaml.Node) -> str:
    mark = node.start_mark
    return f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_aliases(root: yaml.Node, path: str) -> None:
    """Refuse alias bombs without expanding them: at most MAX_ALIASES alias uses, adding at most
    MAX_ALIAS_NODES nodes once expanded, and no alias to a node that contains it.

    In the composed graph an alias is a second edge to a node. The expanded size of a node is 1 plus
    its children's; memoised, so this is linear in the file however much the aliases would expand.
    """
    size: dict[int, int] = {}  # id(node) -> expanded size, once all its children are done
    open_: set[int] = set()  # the nodes on the current path
    aliases = added = 0
    stack: list[tuple[yaml.Node, Any]] = [(root, iter(_children(root)))]
    open_.add(id(root))
    while stack:
        node, edges = stack[-1]
        child = next(edges, None)
        if child is None:
            stack.pop()
            open_.discard(id(node))
            size[id(node)] = 1 + sum(size[id(c)] for c in _children(node))
            continue
        key = id(child)
        if key in open_:
            raise SpecError("a YAML alias refers to a node that contains it (a recursive alias)", where=_node_at(path, child))
        if key in size:
            aliases += 1
            added += size[key]
            if aliases > MAX_ALIASES:
                raise SpecError(f"more than {MAX_ALIASES:,} uses of YAML aliases in one file", where=_node_at(path, child))
            if added > MAX_ALIAS_NODES:
                raise SpecError(
                    f"YAML aliases would expand to more than {MAX_ALIAS_NODES:,} extra nodes (an alias bomb)",
                    where=_node_at(path, child),
                )
            continue
        open_.add(key)
        stack.append((child, iter(_children(child))))


def _read_text(path: Path) -> str:
    """The text of a regular file of at most MAX_FILE_BYTES: checked on the open descriptor (no race),
    opened without blocking (a FIFO) and without following a last symlink (the path is resolved)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise SpecError("file not found", where=str(path)) from None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise SpecError(f"cannot read file: {reason}", where=str(path)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SpecError("not a regular file (a spec and the files it refers to must be)", where=str(path))
        if info.st_size > MAX_FILE_BYTES:
            raise SpecError(f"file is larger than the limit of {MAX_FILE_BYTES // 2**20} MiB", where=str(path))
        with os.fdopen(os.dup(fd), "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise SpecError(f"cannot read file: {exc.strerror or type(exc).__name__}", where=str(path)) from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise SpecError(f"file is larger than the limit of {MAX_FILE_BYTES // 2**20} MiB", where=str(path))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SpecError(f"not valid UTF-8 (at byte {exc.start})", where=str(path)) from None


def read_document(path: Path) -> Any:
    """Parse one file; syntax errors name the file, line, column and kind of problem, never its text."""
    text = _read_text(path)
    if path.suffix.lower() == ".json":
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecError(f"JSON syntax error: {exc.msg}", where=f"{path}:{exc.lineno}:{exc.colno}") from None
        except RecursionError:
            raise SpecError(
                f"nests deeper than {MAX_DEPTH} levels", where=_deep_at(path, _json_deep_pointer(text))
            ) from None
    else:
        loader = _SpecLoader(text)
        loader.file_name = str(path)
        try:
            doc = loader.get_single_data()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
            raise SpecError(f"YAML syntax error: {_kind(exc.problem, type(exc).__name__)}", where=where) from None
        except yaml.YAMLError as exc:  # a ReaderError (a control character...): its position, not its text
            position = getattr(exc, "position", None)
            at = f" at character {position}" if isinstance(position, int) else ""
            raise SpecError(f"YAML error: {_kind(getattr(exc, 'reason', None), type(exc).__name__)}{at}", where=str(path)) from None
        except RecursionError:
            raise SpecError(f"nests deeper than {MAX_DEPTH} levels", where=str(path)) from None
        finally:
            loader.dispose()
        return _clean(doc, path)
    # JSON has string keys and shares no objects: copied only where it needs cleaning (rarely).
    return doc if _clean_already(doc) else _clean(doc, path)


def _clean(doc: Any, path: Path) -> Any:
    """A copy of `doc` with string keys (YAML gives `200:` as an int; OpenAPI means the string), lone
    surrogates replaced with U+FFFD (JSON can spell "\\ud800"; nothing downstream can encode it), and
    no nesting deeper than MAX_DEPTH. Iterative: a deep document fails here, not as a RecursionError."""
    out: list[Any] = [None]
    # (value, container to put the copy in, key there, JSON pointer of the value)
    stack: list[tuple[Any, Any, Any, tuple[str | int, ...]]] = [(doc, out, 0, ())]
    while stack:
        value, parent, key, at = stack.pop()
        if isinstance(value, dict):
            if len(at) >= MAX_DEPTH:
                raise SpecError(f"nests deeper than {MAX_DEPTH} levels", where=_deep_at(path, at))
            copy_: Any = {}
            for k, v in value.items():
                name = _text(k if isinstance(k, str) else str(k))
                copy_[name] = None
                stack.append((v, copy_, name, (*at, name)))
        elif isinstance(value, list):
            if len(at) >= MAX_DEPTH:
                raise SpecError(f"nests deeper than {MAX_DEPTH} levels", where=_deep_at(path, at))
            copy_ = [None] * len(value)
            stack.extend((v, copy_, i, (*at, i)) for i, v in enumerate(value))
        elif isinstance(value, str):
            copy_ = _text(value)
        else:
            copy_ = value
        parent[key] = copy_
    return out[0]


def _clean_already(doc: Any) -> bool:
    """Whether `_clean` would leave `doc` as it is: string keys, no lone surrogates, not too deep.
    A walk without the pointers `_clean` keeps for its messages: 0.24 -> 0.09 s on GitHub's spec."""
    if not isinstance(doc, (dict, list)):
        return True  # a plain value: nothing to clean (a spec's caller says what it must be)
    stack: list[tuple[Any, int]] = [(doc, 0)]
    while stack:
        value, depth = stack.pop()
        if depth >= MAX_DEPTH:
            return False
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            if isinstance(key, str) and not key.isascii() and _text(key) is not key:
                return False
            if isinstance(item, (dict, list)):
                stack.append((item, depth + 1))
            elif isinstance(item, str) and not item.isascii() and _text(item) is not item:
                return False
    return True


def _text(value: str) -> str:
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}:,]')


def _json_deep_pointer(text: str) -> list[str | int]:
    """Where a JSON text first nests deeper than MAX_DEPTH (json.loads ran out of stack first)."""
    frames: list[list[Any]] = []  # [kind, key of the value being read]
    last = ""
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            if len(frames) >= MAX_DEPTH:
                break
            frames.append([token, 0 if token == "[" else ""])
        elif token in "]}":
            if frames:
                frames.pop()
        elif token == ":" and frames:
            frames[-1][1] = last
        elif token == "," and frames and frames[-1][0] == "[":
            frames[-1][1] += 1
        elif token.startswith('"'):
            try:
                last = _text(json.loads(token))
            except ValueError:
                last = "?"
    return [key for _, key in frames]


class Lines:
    """Lines of JSON pointers in one YAML/JSON file, for messages. The file is read once, on the
    first question (only runs that report something pay for it), then each pointer is a walk.

    A JSON file is walked in its text (`_JsonIndex`); a YAML file is composed by PyYAML, which
    takes seconds on a spec of many MB (GitHub's: 5 s against 0.3 s for the JSON walk).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._root: yaml.Node | _JsonIndex | None = None
        self._read = False

    def _compose(self) -> yaml.Node | _JsonIndex | None:
        if not self._read:
            self._read = True
            try:
                text = self.path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                return None
            if text.lstrip()[:1] == "{":
                try:
                    index = _JsonIndex(text)
                    index.members(index.start)
                    self._root = index
                    return self._root
                except (ValueError, IndexError):
                    pass  # YAML in JSON's clothing: composed below
            loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader
            try:
                self._root = yaml.compose(text, Loader=loader)
            except yaml.YAMLError:
                self._root = None
        return self._root

    def line(self, pointer: list[str | int] | tuple[str | int, ...]) -> int | None:
        """The 1-based line where `pointer` starts, or None when the file has no such place."""
        node = self._compose()
        if node is None:
            return None
        if isinstance(node, _JsonIndex):
            return node.line(pointer)
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


_SPACE = re.compile(r"[ \t\n\r]*")


class _JsonIndex:
    """Where the values of a JSON text start, found on demand: each object or array on a pointer's
    path is scanned once (its members' values skipped by the C decoder), so locating many pointers
    costs about one decode of the file. A duplicate key is found where `json.loads` takes it (last)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
        self._members: dict[int, dict[str, int] | list[int] | None] = {}
        self._decoder = json.JSONDecoder()
        self._newlines: list[int] | None = None

    def members(self, pos: int) -> dict[str, int] | list[int] | None:
        """The start of each member's value of the object (by key) or array at `pos`; None for a scalar."""
        if pos in self._members:
            return self._members[pos]
        text, space = self.text, _SPACE
        found: dict[str, int] | list[int] | None = None
        opening = text[pos]
        if opening in "{[":
            found = {} if opening == "{" else []
            i = space.match(text, pos + 1).end()  # type: ignore[union-attr]
            closing = "}" if opening == "{" else "]"
            while text[i] != closing:
                if isinstance(found, dict):
                    if text[i] != '"':
                        raise ValueError(f"a key expected at {i}")
                    key, i = json.decoder.scanstring(text, i + 1)
                    i = space.match(text, i).end()  # type: ignore[union-attr]
                    if text[i] != ":":
                        raise ValueError(f"':' expected at {i}")
                    i = space.match(text, i + 1).end()  # type: ignore[union-attr]
                    found[key] = i
                else:
                    found.append(i)
                _, i = self._decoder.raw_decode(text, i)
                i = space.match(text, i).end()  # type: ignore[union-attr]
                if text[i] == ",":
                    i = space.match(text, i + 1).end()  # type: ignore[union-attr]
                elif text[i] != closing:
                    raise ValueError(f"',' expected at {i}")
        self._members[pos] = found
        return found

    def line(self, pointer: list[str | int] | tuple[str | int, ...]) -> int | None:
        pos = self.start
        try:
            for part in pointer:
                found = self.members(pos)
                if isinstance(found, dict) and str(part) in found:
                    pos = found[str(part)]
                elif isinstance(found, list) and str(part).isdigit() and int(part) < len(found):
                    pos = found[int(part)]
                else:
                    return None
        except (ValueError, IndexError):
            return None
        if self._newlines is None:  # one scan, then a binary search per pointer (loket.nl: 1,900 warnings)
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        return bisect.bisect_left(self._newlines, pos) + 1


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
    def __init__(self, root_path: Path, root: dict[str, Any], roots: tuple[Path, ...]) -> None:
        self.root_path = root_path
        self.root = root
        self.roots = [str(root) for root in roots]  # the folder trees relative-file refs may read (resolved)
        self.documents: dict[Path, Any] = {root_path: root}
        self.imported: dict[tuple[Path, str], str] = {}  # (file, fragment) -> local ref
        self.pending: list[tuple[str, Path, list[str | int]]] = []  # imported schemas still to walk
        self.inlined_nodes = 0
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

    def run(self) -> None:
        """Walk the root, then each imported schema in turn (a list, not recursion: a chain of
        thousands of files, each importing a schema from the next, must not exhaust the stack)."""
        self.walk(self.root, self.root_path, [], (), 0)
        while self.pending:
            name, path, at = self.pending.pop(0)
            self.schemas[name] = self.walk(self.schemas[name], path, at, (), 3)

    def walk(self, node: Any, base: Path, at: list[str | int], inlining: tuple, depth: int) -> Any:
        """Rewrite refs in `node` (which lives in file `base`), returning the node to keep. `depth` is
        where `node` ends up in the bundled document: inlined files nest no deeper than MAX_DEPTH."""
        if isinstance(node, dict | list) and depth >= MAX_DEPTH:
            raise SpecError(f"nests deeper than {MAX_DEPTH} levels once its $refs are inlined", where=_deep_at(base, at))
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                return self.ref(node, ref, base, at, inlining, depth)
            for key in list(node):
                node[key] = self.walk(node[key], base, [*at, key], inlining, depth + 1)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                node[i] = self.walk(item, base, [*at, i], inlining, depth + 1)
        return node

    def target_path(self, target_file: str, ref: str, base: Path, where: str) -> Path:
        """The file a relative-file ref names, if it may be read: inside one of `self.roots`."""
        if "\0" in target_file or "%00" in target_file:
            raise SpecError(f"$ref {_show(ref)} is not a usable file name", where=where)
        if _SCHEME.match(target_file):
            if target_file.lower().startswith(("http:", "https:")):
                raise SpecError(f"remote $ref {_show(ref)} is not supported: download it next to the spec", where=where)
            raise SpecError(f"$ref {_show(ref)} is a URL; only paths relative to the spec's folder are allowed", where=where)
        name = unquote(target_file)
        if name.startswith(("/", "\\")) or Path(name).is_absolute():
            raise SpecError(f"$ref {_show(ref)} is an absolute path; only paths relative to the spec's folder are allowed", where=where)
        try:  # os.path on strings: a spec split into thousands of files resolves each of them
            real = os.path.realpath(os.path.join(base.parent, name))
        except (OSError, ValueError):
            real = ""
        if not real or not any(real == root or real.startswith(root + os.sep) for root in self.roots):
            raise SpecError(f"$ref {_show(ref)} is outside the spec's folder (see ref_roots in the README)", where=where)
        return Path(real)

    def ref(self, node: dict[str, Any], ref: str, base: Path, at: list[str | int], inlining: tuple, depth: int) -> Any:
        where = f"{base}, {pointer_str(at)}"
        target_file, _, fragment = ref.partition("#")
        path = self.target_path(target_file, ref, base, where) if target_file else base
        if path == self.root_path and base == self.root_path:
            return node  # a local ref stays a ref; `_check_local_refs` reports all that do not resolve
        if path not in self.documents and len(self.documents) >= MAX_FILES:
            raise SpecError(f"the spec refers to more than {MAX_FILES:,} files, the limit", where=where)
        try:
            parts = _split_pointer(fragment)
        except ValueError:
            raise SpecError(f"$ref {_show(ref)} has a malformed JSON pointer", where=where) from None
        try:
            target = resolve_pointer(self.document(path), parts)
        except KeyError as exc:
            raise SpecError(f"unresolvable $ref {_show(ref)}: no {_show(str(exc.args[0]))} in {path.name}", where=where) from None
        except SpecError as exc:
            raise SpecError(f"unresolvable $ref {_show(ref)}: {exc}", where=where) from None
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
            self.pending.append((name, path, [str(path.name), *parts]))
            return {**{k: v for k, v in node.items() if k != "$ref"}, "$ref": local}
        if key in inlining:
            raise SpecError(f"$ref {_show(ref)} refers to itself through another file (only schemas may recurse)", where=where)
        self.inlined_nodes += _count_nodes(target)
        if self.inlined_nodes > MAX_INLINED_NODES:
            raise SpecError(
                f"inlining $refs to other files copies more than {MAX_INLINED_NODES:,} nodes (a $ref bomb?)", where=where
            )
        return self.walk(copy.deepcopy(target), path, [str(path.name), *parts], (*inlining, key), depth)


def _count_nodes(node: Any) -> int:
    count, stack = 0, [node]
    while stack:
        current = stack.pop()
        count += 1
        if isinstance(current, dict):
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return count


def _looks_like_schema(node: Any) -> bool:
    return isinstance(node, dict) and any(k in node for k in ("type", "properties", "oneOf", "anyOf", "allOf", "enum"))


def load_spec(path: Path, ref_roots: Iterable[str | Path] = ()) -> dict[str, Any]:
    """Read the spec at `path` and every file it refers to; return one bundled document.

    Relative-file refs may read files inside the spec's folder tree and inside each of `ref_roots`
    (folders; relative ones are taken from the current directory).
    """
    path = path.resolve()
    roots = [path.parent]
    for extra in ref_roots:
        folder = Path(extra).resolve()
        if not folder.is_dir():
            raise ConfigError("ref_roots: not a folder", where=str(extra))
        roots.append(folder)
    doc = read_document(path)
    if not isinstance(doc, dict):
        raise SpecError("a spec must be a mapping at the top level", where=str(path))
    # The refs first: a spec in one file (most) needs no bundling, and each distinct ref is resolved
    # once, the places of any that do not resolve found only then (0.6 -> 0.3 s on GitHub's spec, with `_clean_already`).
    refs = _ref_strings(doc)
    if any(not ref.startswith("#") for ref in refs):
        _Bundler(path, doc, tuple(roots)).run()
        refs = _ref_strings(doc)
    # Check local refs last, once the external ones have been brought in.
    if not _resolve_all(doc, refs):
        _check_local_refs(doc, doc, [], path)
    return doc


def _ref_strings(node: Any) -> set[str]:
    """Every distinct string `$ref` under `node`, at any depth."""
    found: set[str] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str):
                found.add(ref)
            stack.extend(v for v in current.values() if isinstance(v, (dict, list)))
        elif isinstance(current, list):
            stack.extend(v for v in current if isinstance(v, (dict, list)))
    return found


def _resolve_all(root: Any, refs: set[str]) -> bool:
    """Whether every local ref of `refs` resolves in `root`."""
    try:
        for ref in refs:
            if ref.startswith("#"):
                resolve_pointer(root, _split_pointer(ref[1:]))
    except (KeyError, ValueError):
        return False
    return True


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
