"""The Jinja2 environment every emitter renders with, and the filters that carry spec values into files.

Templates ship inside the package (`generator/templates/`), so an installed generator finds them.
Everything from the spec goes through one of these filters on its way into a file: `repr` for Python
literals, escaped docstring text, JSON strings for TOML.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from generator import cache
from generator.naming import SHADOWABLE

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def pyrepr(value: Any) -> str:
    """A Python literal for JSON data; `repr` escapes every string safely."""
    return repr(value)


def security_literal(requirement: list[list[tuple[str, list[str]]]]) -> str:
    """A security requirement as the runtime's `Requirement`: alternatives of (scheme, scopes) tuples."""
    return repr(tuple(tuple((key, tuple(scopes)) for key, scopes in alternative) for alternative in requirement))


def _escape_doc(text: str) -> str:
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return text[:-1] + '\\"' if text.endswith('"') else text


def docline(text: Any) -> str:
    """One line of docstring text."""
    return _escape_doc(" ".join(str(text or "").split()))


def docbody(text: Any, indent: int, first: bool = True) -> str:
    """A docstring paragraph block, indented; blank lines kept, trailing spaces dropped."""
    lines = [line.rstrip() for line in _escape_doc(str(text or "").strip()).splitlines()]
    pad = " " * indent
    out = [(pad if (i or first) and line else "") + line for i, line in enumerate(lines)]
    return "\n".join(out)


def tomlstr(value: Any) -> str:
    return json.dumps(str(value))


# The longest interval or timeout a spec may set, in milliseconds (one day).
_MAX_MS = 86_400_000


def _number(value: Any, default: float, low: float, high: float) -> float:
    """A number of an `x-speakeasy-retries` setting, or `default` when it is not one sdkgen can use:
    not a number (a string, a bool), NaN, infinite, or out of [low, high]. Not an error: the SDK
    gets the default policy, the same on every run (no warning, so output stays deterministic).
    A number written as a string (`"7"`) is read as that number."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return default
    return value if low <= value <= high else default


def retry_policy(spec: dict[str, Any] | None) -> dict[str, Any]:
    """The retry policy an SDK gets from Speakeasy's `x-speakeasy-retries`; numbers are coerced, codes checked.

    One source for the client's `DEFAULT_RETRY_CONFIG` (`retry_config`) and the README's defaults.
    """
    if not spec:
        # No retry policy in the spec: calls are not retried unless the user asks (a POST may not be
        # safe to repeat), as in Speakeasy's SDKs.
        return {"strategy": "none"}
    backoff = spec.get("backoff") if isinstance(spec.get("backoff"), dict) else {}
    return {
        "strategy": "none" if spec.get("strategy") == "none" else "backoff",
        "initial_interval": int(_number(backoff.get("initialInterval"), 500, 1, _MAX_MS)),
        "max_interval": int(_number(backoff.get("maxInterval"), 60000, 1, _MAX_MS)),
        "exponent": float(_number(backoff.get("exponent"), 1.5, 1, 10)),
        "max_elapsed_time": int(_number(backoff.get("maxElapsedTime"), 3600000, 0, _MAX_MS)),
        "retry_connection_errors": spec.get("retryConnectionErrors") is not False,
        "status_codes": [
            c for c in spec.get("statusCodes") or []
            if isinstance(c, int) or (isinstance(c, str) and re.fullmatch(r"[1-5](XX|xx|\d\d)", c))
        ],
    }


def retry_config(spec: dict[str, Any] | None) -> str:
    """The `RetryConfig(...)` expression of `retry_policy(spec)`."""
    p = retry_policy(spec)
    if p["strategy"] == "none" and len(p) == 1:
        return 'RetryConfig(strategy="none")'
    return (
        f"RetryConfig(strategy={p['strategy']!r}, backoff=BackoffStrategy("
        f"initial_interval={p['initial_interval']}, "
        f"max_interval={p['max_interval']}, "
        f"exponent={p['exponent']!r}, "
        f"max_elapsed_time={p['max_elapsed_time']}), "
        f"retry_connection_errors={p['retry_connection_errors']!r}, "
        f"status_codes=({''.join(repr(c) + ', ' for c in p['status_codes'])}))"
    )


# A quoted string (left as it is: `Literal['list']`) or a name not reached through a dot.
_ANNOTATION_TOKEN = re.compile(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(?<![\w.])([A-Za-z_]\w*)""")


def qualify(annotation: Any, shadowed: Any = ()) -> str:
    """An annotation as a class whose members shadow `shadowed` (a method `list`, a resource
    `models`) must spell it: `builtins.list[_models.Pet]`. Unchanged when nothing is shadowed."""
    text = str(annotation)
    if not shadowed:
        return text

    def replace(m: re.Match[str]) -> str:
        name = m.group(2)
        return SHADOWABLE[name] if name is not None and name in shadowed else m.group(0)

    return _ANNOTATION_TOKEN.sub(replace, text)


def templates_digest() -> str:
    """A hash of the templates as they are now, for cache keys of rendered text. The generator's
    version covers the templates it ships; this also covers a templates folder swapped in (tests)."""
    digest = hashlib.sha256(str(TEMPLATES).encode())
    for path in sorted(TEMPLATES.rglob("*.jinja")):
        digest.update(path.relative_to(TEMPLATES).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


class _CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled by an earlier run, from the cache (`generator.cache`): compiling them
    took 0.35 s of each run's main process on GitHub's spec, and 0.25 s of the docs' process.
    Jinja checks each against its template's source before use."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = cache.get("templates", cache.key("template", bucket.key))
        if data is not None:
            bucket.bytecode_from_string(data)  # a stale or foreign one is dropped by Jinja's checks

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        cache.put("templates", cache.key("template", bucket.key), bucket.bytecode_to_string())


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # we emit Python and Markdown; every spec value passes a filter
        bytecode_cache=_CompiledTemplates() if cache.active().enabled else None,
    )
    env.filters.update(
        pyrepr=pyrepr,
        docline=docline,
        docbody=docbody,
        tomlstr=tomlstr,
        retry_config=retry_config,
        security_literal=security_literal,
        retry_policy=retry_policy,
        qualify=qualify,
    )
    return env
