"""Where the SDKs of this repository come from: `spec/<api>/sdkgen.yaml`, or defaults from a spec."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import ConfigError, UsageError
from generator.naming import pascal, snake


@dataclass(frozen=True)
class SdkSettings:
    """What the config (or defaults derived from the spec) says about the SDK to emit."""

    package: str
    distribution: str
    client_class: str
    version: str
    env_var: str
    debug_env: str
    client_var: str  # the variable name examples use for the client
    env_prefix: str = "API"  # the start of the default environment variable names
    auth_env: dict[str, tuple[str, ...]] = field(default_factory=dict)  # scheme key -> variable(s)
    idempotency_header: str | None = None  # a header that gets a fresh key per call of a non-GET operation

    @property
    def user_agent(self) -> str:
        return f"{self.distribution}/{self.version} python"


@dataclass(frozen=True)
class Target:
    """One configured SDK: its spec, its output folder, and the raw settings of its `sdkgen.yaml`."""

    spec: Path
    output: Path
    raw: dict[str, Any]


def settings_from(raw: dict[str, Any], doc: dict[str, Any]) -> SdkSettings:
    """Fill what the config leaves out from the spec's title."""
    title = str((doc.get("info") or {}).get("title") or "api")
    stem = snake(title.replace("API", "").replace("Api", "")) or "api"
    package = str(raw.get("package") or f"{stem}_sdk")
    if not package.isidentifier():
        raise ConfigError(f"package name {package!r} is not a valid Python identifier", where="config")
    client_class = str(raw.get("client_class") or pascal(stem))
    if not client_class.isidentifier():
        raise ConfigError(f"client class {client_class!r} is not a valid Python identifier", where="config")
    env_var = str(raw.get("api_key_env") or f"{stem.upper()}_API_KEY")
    return SdkSettings(
        package=package,
        distribution=str(raw.get("distribution") or package.replace("_", "-")),
        client_class=client_class,
        version=str(raw.get("sdk_version") or "0.1.0"),
        env_var=env_var,
        debug_env=str(raw.get("debug_env") or f"{stem.upper()}_DEBUG"),
        client_var=str(raw.get("client_var") or snake(client_class)),
        env_prefix=stem.upper(),
        auth_env=_auth_env(raw.get("auth_env")),
        idempotency_header=_header_name(raw.get("idempotency_header"), "idempotency_header"),
    )


def _header_name(value: Any, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", value):
        raise ConfigError(f"{key} must be an HTTP header name, not {value!r}", where="config")
    return value


def _auth_env(value: Any) -> dict[str, tuple[str, ...]]:
    """`auth_env:` in sdkgen.yaml: a scheme key -> its environment variable, or `[ID_VAR, SECRET_VAR]`
    for the pairs (http basic, oauth2 clientCredentials)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError("auth_env must map security scheme names to a variable name or a list of two", where="config")
    out: dict[str, tuple[str, ...]] = {}
    for key, names in value.items():
        names = [names] if isinstance(names, str) else names
        if not isinstance(names, list) or not 1 <= len(names) <= 2 or not all(isinstance(n, str) and n for n in names):
            raise ConfigError(f"auth_env: {key!r} needs a variable name or a list of two", where="config")
        out[str(key)] = tuple(names)
    return out


def find_configs(root: Path) -> list[tuple[Path, dict[str, Any]]]:
    """Every `spec/*/sdkgen.yaml` under the repository root, sorted."""
    configs = []
    for path in sorted((root / "spec").glob("*/sdkgen.yaml")):
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ConfigError(f"config is not valid YAML: {exc}", where=str(path)) from None
        if not isinstance(raw, dict) or "spec" not in raw or "output" not in raw:
            raise ConfigError("config needs at least `spec:` and `output:`", where=str(path))
        configs.append((path, raw))
    return configs


def repo_root(start: Path) -> Path:
    """The nearest folder at or above `start` that has a `spec/` folder with an sdkgen.yaml."""
    for folder in (start, *start.parents):
        if any((folder / "spec").glob("*/sdkgen.yaml")):
            return folder
    raise UsageError("no spec/*/sdkgen.yaml found here or above; pass a spec: sdkgen generate SPEC -o OUT", where=str(start))


def targets(root: Path) -> list[Target]:
    """Each configured SDK under `root`; paths in a config are relative to the config file."""
    out = []
    for config_path, raw in find_configs(root):
        base = config_path.parent
        if "ref_roots" in raw:
            raw = {**raw, "ref_roots": _ref_roots(raw["ref_roots"], base, config_path)}
        out.append(Target((base / str(raw["spec"])).resolve(), (base / str(raw["output"])).resolve(), raw))
    return out


def _ref_roots(value: Any, base: Path, config_path: Path) -> list[str]:
    """`ref_roots:` (extra folder trees a spec's relative-file `$ref`s may read), made absolute."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError("ref_roots must be a list of folder paths", where=str(config_path))
    folders = [(base / item).resolve() for item in value]
    for item, folder in zip(value, folders, strict=True):
        if not folder.is_dir():
            raise ConfigError(f"ref_roots: {item!r} is not a folder", where=str(config_path))
    return [str(folder) for folder in folders]
