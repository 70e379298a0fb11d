"""Choosing the server: a URL template of the spec (`https://{region}.example.com`) filled with its variables.

Variables are substituted as RFC 6570 simple expansion does: every character but the unreserved ones
is percent-encoded. An enum variable accepts only its listed values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple
from urllib.parse import quote

_VARIABLE = re.compile(r"\{([^{}]+)\}")


class ServerVariable(NamedTuple):
    """A variable of a server URL: its default, and the values it allows (empty: any)."""

    default: str
    allowed: tuple[str, ...] = ()


def expand_server(template: str, variables: Mapping[str, ServerVariable], values: Mapping[str, str | None]) -> str:
    """The URL of a server template, with each variable's value (its default when None); raises
    ValueError for a value an enum variable does not allow."""

    def value_of(match: re.Match[str]) -> str:
        name = match.group(1)
        variable = variables.get(name, ServerVariable(""))
        value = values.get(name)
        if value is None:
            value = variable.default
        elif variable.allowed and value not in variable.allowed:
            allowed = ", ".join(repr(v) for v in variable.allowed)
            raise ValueError(f"server variable {name!r} must be one of {allowed}, not {value!r}")
        return quote(str(value), safe="")

    return _VARIABLE.sub(value_of, template)


def select_server(
    servers: Sequence[str],
    server_idx: int,
    variables: Sequence[Mapping[str, ServerVariable]] = (),
    values: Mapping[str, str | None] | None = None,
) -> str:
    """The URL of `servers[server_idx]` with its variables; raises ValueError when there is none."""
    if not servers:
        raise ValueError("the spec lists no server: pass server_url= (the API's base URL)")
    if isinstance(server_idx, bool) or not 0 <= server_idx < len(servers):
        raise ValueError(
            f"server_idx must be between 0 and {len(servers) - 1} (the spec lists {len(servers)}), not {server_idx!r}"
        )
    own = variables[server_idx] if server_idx < len(variables) else {}
    return expand_server(servers[server_idx], own, values or {})
