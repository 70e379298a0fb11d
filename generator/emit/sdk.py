"""Render the SDK's package files from the IR: client, resources, models package, runtime, pyproject."""

from __future__ import annotations

import functools
import pickle
from dataclasses import dataclass
from typing import Any

from generator import cache
from generator.config import SdkSettings
from generator.emit.docs import render_docs
from generator.emit.models import ModelModules
from generator.emit.templating import environment, templates_digest
from generator.ir import Api, Operation, Requirement, TypeNode
from generator.runtime_files import exception_names, runtime_sources

# The exception classes of the runtime's `_exceptions.py`; `errors.py` adds the typed ones of the spec.
RUNTIME_ERRORS = exception_names()


def _types_of(op: Operation) -> list[TypeNode]:
    """Every type an operation's method and its `OperationSpec` name."""
    types = [f.type for f in op.all_fields] + [r.type for r in (*op.responses, *op.errors) if r.type is not None]
    if op.body is not None:
        types.append(op.body.type)
    if op.stream is not None:
        types.append(op.stream.chunk)
    return types


def type_imports(operations: list[Operation], subpackage: bool = True) -> list[str]:
    """`from datetime import datetime`-style lines for the classes the operations' types name.

    Real imports, not under TYPE_CHECKING: `OperationSpec` evaluates response types at run time.
    `typing` is left out: the templates import what they use from it themselves. The SDK's own
    modules (`._files`) are imported relative to a module of `resources/` unless `subpackage` is false.
    """
    by_module: dict[str, set[str]] = {}
    for op in operations:
        for t in _types_of(op):
            for cls in t.imports():
                if cls.module != "typing":
                    module = "." + cls.module if subpackage and cls.module.startswith(".") else cls.module
                    by_module.setdefault(module, set()).add(cls.name)
    return [f"from {module} import {', '.join(sorted(names))}" for module, names in sorted(by_module.items())]


def _context(api: Api, sdk: SdkSettings) -> dict[str, object]:
    # The error classes `errors.py` defines, which `models` re-exports too.
    error_names = [*RUNTIME_ERRORS, *sorted(api.error_classes)]
    return {
        "api": api, "sdk": sdk, "client_var": sdk.client_var, "error_names": error_names,
        "runtime_errors": RUNTIME_ERRORS, "type_imports": type_imports,
    }


def render_sdk(api: Api, sdk: SdkSettings, models: ModelModules) -> dict[str, str]:
    """Every file of the SDK, by path relative to the output folder."""
    return {**render_package_files(api, sdk), **render_docs_files(api, sdk), **render_model_files(api, sdk, models)}


def render_docs_files(api: Api, sdk: SdkSettings) -> dict[str, str]:
    """README.md, docs/sdks/* and docs/models/*: the IR alone decides them."""
    return render_docs(api, sdk, environment())


def render_package_files(api: Api, sdk: SdkSettings) -> dict[str, str]:
    """The package but its models (`render_model_files`), and pyproject.toml: the IR alone decides
    them, so they can be rendered while the models are still being written."""
    env = environment()
    ctx = _context(api, sdk)
    src = f"src/{sdk.package}"
    files: dict[str, str] = {}
    files.update({f"{src}/{path}": text for path, text in runtime_sources().items()})  # copied unchanged
    files[f"{src}/_settings.py"] = env.get_template("sdk/settings.py.jinja").render(**ctx)
    files[f"{src}/errors.py"] = env.get_template("sdk/errors.py.jinja").render(**ctx)
    files[f"{src}/py.typed"] = ""
    files[f"{src}/_version.py"] = f'__version__ = {sdk.version!r}\n'
    files[f"{src}/__init__.py"] = env.get_template("sdk/package_init.py.jinja").render(**ctx)
    files[f"{src}/sdk.py"] = env.get_template("sdk/client.py.jinja").render(**ctx)
    files[f"{src}/resources/__init__.py"] = '"""The resource classes behind the client\'s attributes."""\n'
    files.update(_resources(api, sdk, env, ctx))
    files["pyproject.toml"] = env.get_template("sdk/pyproject.toml.jinja").render(**ctx)
    return files


@dataclass(frozen=True)
class _ResourceApi:
    """All a resource module reads of the `Api`: rendered with this in its place (a template that
    read more would fail, `StrictUndefined`), its text is a function of its group and the settings."""

    security: list[Requirement]


def _resources(api: Api, sdk: SdkSettings, env: Any, ctx: dict[str, Any]) -> dict[str, str]:
    """resources/<group>.py for each group of operations, each reused from the cache when the
    pickle of everything its template reads is unchanged: after an edit of one operation only its
    group's module is rendered again (GitHub's 47 modules take 0.6 s)."""
    resource = env.get_template("sdk/resource.py.jinja")
    ctx = {**ctx, "api": _ResourceApi(api.security)}
    pack = cache.Pack("rendered", "resources", sdk.package, templates_digest())
    files: dict[str, str] = {}
    for group in (g for g in api.root.walk() if g.path):
        path = f"src/{sdk.package}/resources/{group.module}.py"
        key = cache.key("resource", path, pickle.dumps((group, ctx["api"], sdk, ctx["error_names"]), protocol=5)) if pack.enabled else None
        files[path] = pack.text(key, functools.partial(resource.render, group=group, **ctx))
    pack.save()
    return files


def render_model_files(api: Api, sdk: SdkSettings, models: ModelModules) -> dict[str, str]:
    """The models package: a module per group of schemas, and its `__init__.py`."""
    src = f"src/{sdk.package}"
    files = {f"{src}/models/{module}.py": source for module, source in models.modules.items()}
    by_module: dict[str, list[str]] = {}
    for name, module in models.names.items():
        by_module.setdefault(module, []).append(name)
    inputs = {
        "model_names": models.model_names, "typeddict_names": models.typeddict_names,
        "modules": {module: sorted(names) for module, names in sorted(by_module.items())},
        "names": dict(sorted(models.names.items())), "error_names": _context(api, sdk)["error_names"],
    }
    # All the template reads (`StrictUndefined`), so its text is cached under them: 0.05 s on the
    # critical path of a regeneration of GitHub's SDK (14,000 names).
    key = cache.key("models init", templates_digest(), list(inputs.values())) if cache.active().enabled else ""
    hit = cache.get("rendered", key) if key else None
    if hit is None:
        text = environment().get_template("sdk/models_init.py.jinja").render(**inputs)
        if key:
            cache.put("rendered", key, text.encode("utf-8", "surrogatepass"))
    else:
        text = hit.decode("utf-8", "surrogatepass")
    files[f"{src}/models/__init__.py"] = text
    return files
