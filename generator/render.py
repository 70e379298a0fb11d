"""Render the SDK's files from the IR with the Jinja2 templates in `templates/`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from generator.diff import SURFACE_FILE, surface_json
from generator.docs import render_docs
from generator.ir import Api
from generator.runtime_files import exception_names, runtime_sources

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


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

    @property
    def user_agent(self) -> str:
        return f"{self.distribution}/{self.version} python"


# -- filters: everything from the spec goes through one of these on its way into a file ------------
def pyrepr(value: Any) -> str:
    """A Python literal for JSON data; `repr` escapes every string safely."""
    return repr(value)


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


def retry_config(spec: dict[str, Any] | None) -> str:
    """A `RetryConfig(...)` expression from Speakeasy's `x-speakeasy-retries`; numbers are coerced, codes checked."""
    if not spec:
        # No retry policy in the spec: calls are not retried unless the user asks (a POST may not be
        # safe to repeat), as in Speakeasy's SDKs.
        return 'RetryConfig(strategy="none")'
    backoff = spec.get("backoff") if isinstance(spec.get("backoff"), dict) else {}
    codes = [c for c in spec.get("statusCodes") or [] if isinstance(c, int) or (isinstance(c, str) and re.fullmatch(r"[1-5](XX|xx|\d\d)", c))]
    strategy = "none" if spec.get("strategy") == "none" else "backoff"
    return (
        f"RetryConfig(strategy={strategy!r}, backoff=BackoffStrategy("
        f"initial_interval={int(backoff.get('initialInterval', 500))}, "
        f"max_interval={int(backoff.get('maxInterval', 60000))}, "
        f"exponent={float(backoff.get('exponent', 1.5))!r}, "
        f"max_elapsed_time={int(backoff.get('maxElapsedTime', 3600000))}), "
        f"retry_connection_errors={bool(spec.get('retryConnectionErrors', True))!r}, "
        f"status_codes=({''.join(repr(c) + ', ' for c in codes)}))"
    )


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # we emit Python and Markdown; every spec value passes a filter
    )
    env.filters.update(pyrepr=pyrepr, docline=docline, docbody=docbody, tomlstr=tomlstr, retry_config=retry_config)
    return env


# The exception classes of the runtime's `_exceptions.py`; `errors.py` adds the typed ones of the spec.
RUNTIME_ERRORS = exception_names()


def render_sdk(api: Api, sdk: SdkSettings, models_code: tuple[str, str], model_names: tuple[list[str], list[str]]) -> dict[str, str]:
    """Every file of the SDK, by path relative to the output folder."""
    env = environment()
    # The error classes `errors.py` defines, which `models` re-exports too.
    error_names = [*RUNTIME_ERRORS, *sorted(api.error_classes)]
    ctx = {"api": api, "sdk": sdk, "client_var": sdk.client_var, "error_names": error_names, "runtime_errors": RUNTIME_ERRORS}
    src = f"src/{sdk.package}"
    files: dict[str, str] = {}
    files.update({f"{src}/{path}": text for path, text in runtime_sources().items()})  # copied unchanged
    files[f"{src}/_settings.py"] = env.get_template("sdk/settings.py.jinja").render(**ctx)
    files[f"{src}/errors.py"] = env.get_template("sdk/errors.py.jinja").render(**ctx)
    files[f"{src}/py.typed"] = ""
    files[f"{src}/_version.py"] = f'__version__ = {sdk.version!r}\n'
    files[f"{src}/__init__.py"] = env.get_template("sdk/package_init.py.jinja").render(**ctx)
    files[f"{src}/sdk.py"] = env.get_template("sdk/client.py.jinja").render(**ctx)
    resource = env.get_template("sdk/resource.py.jinja")
    groups = [g for g in api.root.walk() if g.path]
    files[f"{src}/resources/__init__.py"] = '"""The resource classes behind the client\'s attributes."""\n'
    for group in groups:
        files[f"{src}/resources/{group.module}.py"] = resource.render(group=group, **ctx)
    pydantic_code, typeddict_code = models_code
    files[f"{src}/models/_models.py"] = pydantic_code
    files[f"{src}/models/_typeddicts.py"] = typeddict_code
    files[f"{src}/models/__init__.py"] = env.get_template("sdk/models_init.py.jinja").render(
        model_names=model_names[0], typeddict_names=model_names[1], **ctx
    )
    files["pyproject.toml"] = env.get_template("sdk/pyproject.toml.jinja").render(**ctx)
    files.update(render_docs(api, sdk, env))  # README.md, docs/sdks/*, docs/models/*
    # The public surface, for `sdkgen diff` and the change report of the next `sdkgen generate`.
    files[SURFACE_FILE] = surface_json(api)
    return files
