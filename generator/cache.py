"""A content-addressed cache of what a run computed, so that regenerating after a small spec change
redoes only the work whose inputs changed.

Every entry is found by a SHA-256 of its inputs AND of the generator's own version (the package
version plus a hash of the generator's source files and templates, and the pinned tools whose
output we keep: datamodel-code-generator, ruff): a changed generator never reuses stale output, and
output is byte-identical with and without the cache (`sdkgen generate --no-cache` for a cold run).

Where: `$SDKGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/sdkgen`, else `~/.cache/sdkgen`. The folder is
safe to delete at any time and is never part of a repository. Entries are written atomically (a
temporary file renamed into place), so concurrent runs share it safely; an entry that does not read
back whole (a truncated or corrupted file) is ignored and recomputed. The folder is kept under
`MAX_BYTES` (`$SDKGEN_CACHE_MAX_MB`): when a run's writes take it over, the least recently used
entries are deleted down to 3/4 of the bound.

The API is three calls, `key(*parts) -> str`, `get(kind, key) -> bytes | None` and
`put(kind, key, data)`, on the active cache (`active()`; `disabled()` / `using(cache)` switch it for
a block, which is how `--no-cache` works). `kind` names a kind of entry (a folder): "validation",
"models" (the whole package), "model_fragments" (the last run's code per group of schemas, by group key),
"format", "rendered". Many small entries that a run reads together (a formatted file each, a rendered
page each) go in a `Pack`: one read instead of thousands.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import marshal
import os
import tempfile
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

ENV_DIR = "SDKGEN_CACHE_DIR"
ENV_MAX_MB = "SDKGEN_CACHE_MAX_MB"
ENV_DISABLE = "SDKGEN_NO_CACHE"
MAX_BYTES = 2 * 1024**3
_MAGIC = b"sdkgen-cache-1\n"
_PACKAGE = Path(__file__).resolve().parent
_TOOLS = ("sdkgen", "datamodel-code-generator", "ruff", "pydantic", "jsonschema-rs", "openapi-spec-validator", "jinja2")

__all__ = ["Cache", "Marshalled", "Pack", "active", "default_dir", "disabled", "generator_version", "get", "key", "keys", "marshalled", "put", "using"]


def default_dir() -> Path:
    """`$SDKGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/sdkgen`, else `~/.cache/sdkgen`."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "sdkgen"
    return Path.home() / ".cache" / "sdkgen"


@functools.cache
def generator_version() -> str:
    """A hash of everything that decides what the generator writes: its package and tool versions
    and the bytes of its own source files and templates (the runtime copied into SDKs included)."""
    digest = hashlib.sha256()
    for tool in _TOOLS:
        try:
            version = metadata.version(tool)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{tool}=={version}\n".encode())
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and p.suffix in (".py", ".jinja", ".json", ".yaml", ".toml", ".typed")):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _default(value: Any) -> Any:
    """Values JSON does not have (YAML dates, bytes, sets) by type and repr: never equal to a string."""
    if isinstance(value, (set, frozenset)):
        return {"\0set": sorted(map(repr, value))}
    return {"\0" + type(value).__qualname__: repr(value)}


class Marshalled(bytes):
    """Data as `marshalled` encoded it: hashed by `key` exactly as the data itself would be, for a
    caller that needs the encoding for something else too."""


def marshalled(data: Any) -> Marshalled | None:
    """`data` as `key` encodes it (marshal's version 2), or None where it takes JSON instead."""
    try:
        return Marshalled(marshal.dumps(data, 2))
    except ValueError:
        return None


def _encode(part: Any) -> bytes:
    if isinstance(part, Marshalled):
        return b"m" + part
    if isinstance(part, bytes):
        return b"b" + part
    if isinstance(part, str):
        return b"s" + part.encode("utf-8", "surrogatepass")
    # Key order is kept (it shows in the output). marshal's version 2, which writes every object
    # in full (later versions refer back to objects seen twice, depending on their reference
    # counts): equal content, equal bytes, even when one copy shares objects the other repeats;
    # 3.5x faster than JSON (GitHub's spec: 0.10 -> 0.03 s). JSON for what marshal cannot write
    # (YAML dates, subclasses of str...): the same content always takes the same one of the two.
    try:
        return b"m" + marshal.dumps(part, 2)
    except ValueError:
        return b"j" + json.dumps(part, default=_default, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")


class Cache:
    """A cache folder. `enabled=False` makes every `get` miss and every `put` a no-op."""

    def __init__(self, root: Path | None = None, *, enabled: bool = True, max_bytes: int | None = None) -> None:
        self.root = root if root is not None else default_dir()
        self.enabled = enabled
        if max_bytes is None:
            mb = os.environ.get(ENV_MAX_MB, "")
            max_bytes = int(mb) * 1024**2 if mb.isdigit() else MAX_BYTES
        self.max_bytes = max_bytes
        self._written = 0
        self._size: int | None = None
        self.hits = self.misses = 0

    def key(self, *parts: Any) -> str:
        """The SHA-256 (hex) of `parts` and of the generator's version. Parts are str, bytes or
        JSON-like data; each is length-prefixed, so ("ab", "c") and ("a", "bc") differ."""
        return self.keys(*parts)()

    def keys(self, *first: Any) -> Callable[..., str]:
        """`lambda *rest: key(*first, *rest)`, with `first` hashed once: for the thousands of keys
        that share their leading parts (each formatted file's: the SDK's ruff settings...)."""
        digest = hashlib.sha256(generator_version().encode())
        for part in first:
            data = _encode(part)
            digest.update(len(data).to_bytes(8, "big") + data)

        def rest(*parts: Any) -> str:
            copy = digest.copy()
            for part in parts:
                data = _encode(part)
                copy.update(len(data).to_bytes(8, "big") + data)
            return copy.hexdigest()

        return rest

    def _path(self, kind: str, key: str) -> Path:
        if not kind.isidentifier() or not all(c in "0123456789abcdef" for c in key) or len(key) < 8:
            raise ValueError(f"bad cache kind or key: {kind!r}, {key!r}")
        return self.root / kind / key[:2] / key

    def get(self, kind: str, key: str) -> bytes | None:
        """The data stored under (`kind`, `key`), or None: absent, disabled, unreadable or corrupt."""
        if not self.enabled:
            return None
        path = self._path(kind, key)
        try:
            raw = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        head = len(_MAGIC) + 32
        if raw[: len(_MAGIC)] != _MAGIC or hashlib.sha256(raw[head:]).digest() != raw[len(_MAGIC) : head]:
            self.misses += 1  # a torn or tampered entry: recomputed, and replaced by the next put
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept longest when the folder is trimmed
        self.hits += 1
        return raw[head:]

    def put(self, kind: str, key: str, data: bytes) -> None:
        """Store `data` under (`kind`, `key`), atomically; a cache that cannot be written is skipped."""
        if not self.enabled:
            return
        path = self._path(kind, key)
        entry = _MAGIC + hashlib.sha256(data).digest() + data
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(entry)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return  # a read-only or full disk: the run goes on uncached
        self._written += len(entry)
        if self._size is None:
            self._size = self.size()
        if self._size + self._written > self.max_bytes:
            self.trim()

    def size(self) -> int:
        total = 0
        for entry in self._entries():
            with contextlib.suppress(OSError):
                total += entry.stat().st_size
        return total

    def _entries(self) -> Iterator[Path]:
        if self.root.is_dir():
            for kind in self.root.iterdir():
                if kind.is_dir():
                    yield from (p for p in kind.glob("*/*") if p.is_file())

    def trim(self, target: int | None = None) -> None:
        """Delete the least recently used entries until the folder holds at most `target` bytes
        (3/4 of the bound by default)."""
        target = self.max_bytes * 3 // 4 if target is None else target
        entries = []
        for path in self._entries():
            with contextlib.suppress(OSError):
                st = path.stat()
                entries.append((st.st_mtime, path.as_posix(), st.st_size))
        total = sum(size for _, _, size in entries)
        for _, name, size in sorted(entries):
            if total <= target:
                break
            with contextlib.suppress(OSError):
                os.unlink(name)
                total -= size
        self._size, self._written = total, 0

    def clear(self) -> None:
        self.trim(0)


_active: Cache | None = None


def active() -> Cache:
    """The cache runs use: the default folder, or none when `$SDKGEN_NO_CACHE` is set."""
    global _active
    if _active is None:
        _active = Cache(enabled=not os.environ.get(ENV_DISABLE))
    return _active


@contextlib.contextmanager
def using(cache: Cache) -> Iterator[Cache]:
    """Make `cache` the active one for a block."""
    global _active
    previous, _active = _active, cache
    try:
        yield cache
    finally:
        _active = previous


def disabled() -> contextlib.AbstractContextManager[Cache]:
    """No cache for a block: every step recomputed (`--no-cache`)."""
    return using(Cache(enabled=False))


def key(*parts: Any) -> str:
    return active().key(*parts)


def keys(*first: Any) -> Callable[..., str]:
    return active().keys(*first)


def get(kind: str, key: str) -> bytes | None:
    return active().get(kind, key)


def put(kind: str, key: str, data: bytes) -> None:
    active().put(kind, key, data)


class Pack:
    """Many small entries of one kind (formatted files, rendered pages), found by their own keys,
    stored as one cache entry: the ones the last run used. A run reads the pack once (`get`), adds
    what it computed (`add`) and stores the pack once (`save`), keeping only what it used: entries
    of older versions of the spec drop out."""

    def __init__(self, kind: str, *parts: Any) -> None:
        self.kind = kind
        self.enabled = active().enabled
        self.key = key(kind, "pack", *parts)
        self._known = _unpack(get(kind, self.key)) if self.enabled else {}
        self._used: dict[str, bytes] = {}
        self._added = False

    def get(self, entry: str) -> bytes | None:
        data = self._known.get(entry)
        if data is not None:
            self._used[entry] = data
        return data

    def add(self, entry: str, data: bytes) -> None:
        self._used[entry] = data
        self._added = True

    def text(self, entry: str | None, render: Callable[[], str]) -> str:
        """The text stored under `entry`, or `render()`'s, stored under it; `render()` alone for no
        entry (the caller makes no key when the cache is off)."""
        if entry is None or not self.enabled:
            return render()
        data = self.get(entry)
        if data is not None:
            return data.decode("utf-8", "surrogatepass")
        text = render()
        self.add(entry, text.encode("utf-8", "surrogatepass"))
        return text

    def save(self) -> None:
        """Store the entries used by this run, if it added any."""
        if self._added and self.enabled:
            put(self.kind, self.key, b"".join(b"%s %d\n" % (k.encode(), len(v)) + v for k, v in sorted(self._used.items())))


def _unpack(pack: bytes | None) -> dict[str, bytes]:
    """The entries of a pack by key (each "key size\\n" then its bytes); {} when unreadable."""
    out: dict[str, bytes] = {}
    at = 0
    while pack is not None and at < len(pack):
        end = pack.find(b"\n", at)
        entry, _, size = pack[at:end].partition(b" ")
        if end < 0 or not size.isdigit():
            return {}
        at = end + 1 + int(size)
        out[entry.decode()] = pack[end + 1 : at]
    return out
