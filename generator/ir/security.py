"""The spec's security schemes and requirements, as the client takes and sends them.

Each scheme becomes one constructor argument named after its key; a spec with a single apiKey or
bearer scheme keeps the historical `api_key` argument and `api_key_env` variable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.errors import ConfigError
from generator.ir.nodes import Requirement, SchemeKind, SecurityScheme
from generator.naming import snake, unique

# Constructor arguments a scheme's argument may not take.
CLIENT_ARGUMENTS = {"self", "server_url", "retry_config", "timeout_ms", "client", "async_client", "hooks", "debug_logger"}
# Environment variable suffixes of the pairs' two halves.
PAIR_SUFFIXES: dict[str, tuple[str, str]] = {"basic": ("USERNAME", "PASSWORD"), "clientCredentials": ("CLIENT_ID", "CLIENT_SECRET")}


def scheme_kind(scheme: Mapping[str, Any]) -> SchemeKind | None:
    """How the client sends a scheme, or None for schemes it cannot send (mutualTLS, http digest...)."""
    kind = scheme.get("type")
    if kind == "apiKey" and scheme.get("in") in ("header", "query", "cookie"):
        return "apiKey"
    if kind == "http":
        return {"bearer": "bearer", "basic": "basic"}.get(str(scheme.get("scheme", "")).lower())  # type: ignore[return-value]
    if kind == "oauth2":
        flows = scheme.get("flows")
        cc = flows.get("clientCredentials") if isinstance(flows, dict) else None
        return "clientCredentials" if isinstance(cc, dict) and cc.get("tokenUrl") else "bearer"
    if kind == "openIdConnect":
        return "bearer"
    return None


def security_schemes(
    doc: dict[str, Any],
    deref: Callable[[Any], Any],
    *,
    api_key_env: str,
    env_prefix: str,
    auth_env: Mapping[str, tuple[str, ...]],
) -> list[SecurityScheme]:
    """Every scheme of `components/securitySchemes` the client can send, in the spec's order."""
    raw = (doc.get("components") or {}).get("securitySchemes") or {}
    found: list[tuple[str, dict[str, Any], SchemeKind]] = []
    for key, node in raw.items():
        scheme = deref(node)
        kind = scheme_kind(scheme) if isinstance(scheme, dict) else None
        if kind is not None:
            found.append((str(key), scheme, kind))
    single = len(found) == 1 and found[0][2] in ("apiKey", "bearer")
    taken = set(CLIENT_ARGUMENTS)
    out = []
    for key, scheme, kind in found:
        argument = "api_key" if single else unique(snake(key), taken)
        if single:
            default: tuple[str, ...] = (api_key_env,)
        elif kind in PAIR_SUFFIXES:
            default = tuple(f"{env_prefix}_{snake(key).upper()}_{suffix}" for suffix in PAIR_SUFFIXES[kind])
        else:
            default = (f"{env_prefix}_{snake(key).upper()}",)
        configured = auth_env.get(key)
        if configured is not None and len(configured) != len(default):
            raise ConfigError(f"auth_env: scheme {key!r} needs {len(default)} variable name(s)", where="config")
        cc = ((scheme.get("flows") or {}).get("clientCredentials") or {}) if kind == "clientCredentials" else {}
        out.append(
            SecurityScheme(
                key=key,
                kind=kind,
                argument=argument,
                env=configured or default,
                location=str(scheme.get("in", "")) if kind == "apiKey" else "",
                parameter=str(scheme.get("name", "")) if kind == "apiKey" else "",
                token_url=str(cc.get("tokenUrl", "")),
                description=str(scheme.get("description") or "").strip(),
            )
        )
    return out


def requirement(value: Any, known: set[str]) -> list[Requirement]:
    """A `security` list as alternatives of (scheme, scopes); schemes the client cannot send are left out.

    An empty alternative (`{}`) means the operation may also be called without credentials.
    """
    if not isinstance(value, list):
        return []
    out: list[Requirement] = []
    for entry in value:
        if not isinstance(entry, dict):
            continue
        needed = [(str(k), [str(s) for s in v] if isinstance(v, list) else []) for k, v in entry.items()]
        if all(name in known for name, _ in needed):
            out.append(needed)
    return out
