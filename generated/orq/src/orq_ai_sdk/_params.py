"""Parameter serialisation as OpenAPI 3 describes it (`style`, `explode`, `allowReserved`).

Each function gives the exact text of one parameter in its location, following the spec's style
table (https://spec.openapis.org/oas/v3.1.0#style-examples) and RFC 6570's percent-encoding: every
character but the unreserved ones is encoded, the reserved ones too unless `allowReserved` is set
(query parameters only; in a path, `/` is always encoded). A value of None or UNSET is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple
from urllib.parse import quote

from ._types import Unset

# RFC 3986 reserved characters: kept as they are by `allowReserved`.
_RESERVED = ":/?#[]@!$&'()*+,;="


class ParamStyle(NamedTuple):
    """How one parameter is serialised, when it is not its location's default (`simple`/`form`, exploded for `form`)."""

    style: str
    explode: bool
    allow_reserved: bool = False


# The default of each location, as OpenAPI defines it.
DEFAULT_STYLES: dict[str, ParamStyle] = {
    "path": ParamStyle("simple", False),
    "query": ParamStyle("form", True),
    "header": ParamStyle("simple", False),
    "cookie": ParamStyle("form", True),
}


def is_missing(value: Any) -> bool:
    return value is None or isinstance(value, Unset)


def plain(value: Any) -> Any:
    """A scalar as text, a list of texts, or a dict of texts, from models, enums, dates and plain data."""
    from ._client import to_jsonable

    value = to_jsonable(value)
    if isinstance(value, list):
        return [_text(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _text(v) for k, v in value.items() if not is_missing(v)}
    return _text(value)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        import json

        return json.dumps(value, separators=(",", ":"))
    return str(value)


def _encoder(allow_reserved: bool) -> Callable[[str], str]:
    safe = _RESERVED if allow_reserved else ""
    return lambda text: quote(text, safe=safe)


def path_value(name: str, value: Any, style: ParamStyle = DEFAULT_STYLES["path"]) -> str:
    """What replaces `{name}` in the path: `simple` (`blue,black`), `label` (`.blue.black`) or `matrix` (`;color=blue`)."""
    enc = _encoder(False)
    data = plain(value)
    kind, explode = style.style, style.explode
    if kind == "label":
        return "." + (".".join(_items(data, enc, explode)) if data != "" else "")
    if kind == "matrix":
        if isinstance(data, list) and explode:
            return "".join(f";{name}={enc(v)}" for v in data)
        if isinstance(data, dict) and explode:
            return "".join(f";{enc(k)}={enc(v)}" for k, v in data.items())
        joined = ",".join(_items(data, enc, False))
        return f";{name}=" + joined if joined != "" else f";{name}"
    return ",".join(_items(data, enc, explode))


def header_value(value: Any, style: ParamStyle = DEFAULT_STYLES["header"]) -> str:
    """A header's value (`simple`): `blue,black`, `R,100,G,200`, or `R=100,G=200` exploded; not percent-encoded."""
    return ",".join(_items(plain(value), str, style.explode))


def query_parts(name: str, value: Any, style: ParamStyle = DEFAULT_STYLES["query"]) -> list[str]:
    """The `key=value` pieces of one query parameter, encoded, to be joined with `&`."""
    if is_missing(value):
        return []
    data = plain(value)
    enc = _encoder(style.allow_reserved)
    key = quote(name, safe="")
    kind, explode = style.style, style.explode
    if kind == "deepObject" and isinstance(data, dict):
        return [f"{key}[{enc(k)}]={enc(v)}" for k, v in data.items()]
    if isinstance(data, (list, dict)) and not data:
        return []  # an empty list or object is undefined in RFC 6570: nothing is sent
    if kind in ("spaceDelimited", "pipeDelimited") and isinstance(data, (list, dict)):
        return [f"{key}=" + ("%20" if kind == "spaceDelimited" else "|").join(_items(data, enc, False))]
    if explode and isinstance(data, list):
        return [f"{key}={enc(v)}" for v in data]
    if explode and isinstance(data, dict):
        return [f"{enc(k)}={enc(v)}" for k, v in data.items()]
    return [f"{key}={','.join(_items(data, enc, False))}"]


def query_string(query: Mapping[str, Any], styles: Mapping[tuple[str, str], ParamStyle]) -> str:
    """The whole query string (no `?`) of the parameters, each in its style."""
    parts: list[str] = []
    for name, value in query.items():
        parts.extend(query_parts(name, value, styles.get(("query", name), DEFAULT_STYLES["query"])))
    return "&".join(parts)


def cookie_header(cookies: Mapping[str, Any], styles: Mapping[tuple[str, str], ParamStyle]) -> str | None:
    """The `Cookie` header of the cookie parameters (`form`), or None when none is set."""
    pairs: list[str] = []
    for name, value in cookies.items():
        if is_missing(value):
            continue
        data = plain(value)
        style = styles.get(("cookie", name), DEFAULT_STYLES["cookie"])
        if style.explode and isinstance(data, list):
            pairs.extend(f"{name}={quote(v, safe='')}" for v in data)
        elif style.explode and isinstance(data, dict):
            pairs.extend(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in data.items())
        else:
            pairs.append(f"{name}={','.join(_items(data, _encoder(False), False))}")
    return "; ".join(pairs) or None


def _items(data: Any, enc: Callable[[str], str], explode: bool) -> list[str]:
    """The encoded pieces of a value: a scalar alone, a list's items, a dict's `k=v` (exploded) or `k`, `v` apart."""
    if isinstance(data, list):
        return [enc(v) for v in data]
    if isinstance(data, dict):
        if explode:
            return [f"{enc(k)}={enc(v)}" for k, v in data.items()]
        return [piece for k, v in data.items() for piece in (enc(k), enc(v))]
    return [enc(data)]
