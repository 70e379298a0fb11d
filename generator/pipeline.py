"""Runs the stages: load -> validate -> normalise -> IR -> emit (models, SDK, docs, surface) -> write.

Also the commands built on them, for the CLI: `generate`, `check` (drift) and `diff` (change report).
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.background import YIELDING_NICENESS, Background
from generator.config import SdkSettings, Target, repo_root, settings_from, targets
from generator.diff import compare, parse_surface, surface_file_data
from generator.emit.models import PARALLEL_THRESHOLD, check_names, generate_models
from generator.emit.sdk import render_docs_files, render_model_files, render_package_files
from generator.emit.surface import SURFACE_FILE, SURFACE_FORMAT, dump_surface, surface_of
from generator.errors import EXIT_DRIFT, ConfigError, SpecError, UsageError
from generator.ir import Api, build_api
from generator.load import load_spec
from generator.normalize import normalize
from generator.report import render, render_text
from generator.validate import Validation, format_warnings
from generator.write import (
    Ownership,
    diff_trees,
    finish_tree,
    generated_files,
    read_tree,
    replace_atomically,
    write_formatted,
)


# -- the stages ----------------------------------------------------------------------------------------
def _settings(doc: dict[str, Any], raw_settings: dict[str, Any] | None) -> SdkSettings:
    return settings_from(raw_settings or {}, doc)


def _build(doc: dict[str, Any], settings: SdkSettings, raw_settings: dict[str, Any] | None) -> Api:
    """The IR of a normalised document."""
    return build_api(
        doc,
        client_class=settings.client_class,
        env_var=settings.env_var,
        env_prefix=settings.env_prefix,
        auth_env=settings.auth_env,
        pagination=(raw_settings or {}).get("pagination"),
        idempotency_header=settings.idempotency_header,
    )


def _prepare(doc: dict[str, Any], raw_settings: dict[str, Any] | None) -> tuple[Api, SdkSettings]:
    settings = _settings(doc, raw_settings)
    normalize(doc)
    return _build(doc, settings, raw_settings), settings


def is_strict(raw_settings: dict[str, Any] | None) -> bool:
    """`strict: true` in an sdkgen.yaml (or `--strict`, which the CLI passes the same way): every
    validation problem is fatal, not only errors."""
    strict = (raw_settings or {}).get("strict", False)
    if not isinstance(strict, bool):
        raise ConfigError(f"strict must be true or false, not {strict!r}", where="config")
    return strict


def _validation(doc: dict[str, Any], spec_path: Path, raw_settings: dict[str, Any] | None) -> Validation:
    return Validation(doc, spec_path, strict=is_strict(raw_settings))


def _warn(validation: Validation) -> None:
    """The warnings of a run that goes on, on stderr, once per spec."""
    sys.stderr.write(format_warnings(validation.problems))


def load_api(spec_path: Path, raw_settings: dict[str, Any] | None = None) -> tuple[dict[str, Any], Api, SdkSettings]:
    """Load, validate (repairing what validation repairs) and normalise a spec; return the document,
    its IR and the SDK settings."""
    doc = load_spec(spec_path, (raw_settings or {}).get("ref_roots") or ())
    with _validation(doc, spec_path, raw_settings) as validation:
        api, settings = _prepare(doc, raw_settings)
        validation.add(api.problems)
    _warn(validation)
    return doc, api, settings


def render_files(
    spec_path: Path,
    raw_settings: dict[str, Any] | None = None,
    early: Callable[[Api, dict[str, str], Background[dict[str, bytes]] | None], None] | None = None,
    write_docs: Callable[[dict[str, str], SdkSettings], dict[str, bytes]] | None = None,
) -> tuple[Api, SdkSettings, dict[str, str]]:
    """Every file of the SDK (package, docs, surface snapshot) by relative path, before formatting.
    Validation warnings go to stderr; problems that stop the run raise `SpecProblems`.

    For a large spec the models are written in a process of their own (`Background`), started once
    the document is normalised, and the docs in another once the IR is built, while this one renders
    the rest of the SDK. `early`: given every file but the models package's and the surface
    snapshot's as soon as they are rendered and the spec is found valid (to be written while the
    models are still being made); the files returned are then those two's alone.

    `write_docs` (with `early`): writes the docs where they are rendered (in the docs' process),
    before the spec's verdict, so only into a folder that a failed run deletes, and returns the
    bytes it wrote. The docs are then not among the files handed over or returned: `early` is
    given their pending result, which it must wait for (`result()`) or `cancel()`."""
    handing = write_docs is not None and early is not None
    doc = load_spec(spec_path, (raw_settings or {}).get("ref_roots") or ())
    with _validation(doc, spec_path, raw_settings) as validation:
        settings = _settings(doc, raw_settings)
        normalize(doc)
        large = len((doc.get("components") or {}).get("schemas") or {}) >= PARALLEL_THRESHOLD
        pending = Background(generate_models, doc, settings.package, fork=large)
        docs: Background[Any] | None = None
        try:
            api = _build(doc, settings, raw_settings)
            validation.add(api.problems)
            docs = Background(_docs, api, settings, write_docs if handing else None, fork=large, niceness=YIELDING_NICENESS)
            files = render_package_files(api, settings)
            if not handing:
                files.update(docs.result())
            validation.wait()  # the verdict first: an invalid spec stops the run before anything is handed over
            _warn(validation)  # and its warnings, whatever happens next
            if early is not None:
                early(api, files, docs if handing else None)
                files = {}
            # The public surface, for `sdkgen diff` and the change report of the next `sdkgen generate`:
            # made while the models are (for a large spec, this process has nothing else to do then).
            files[SURFACE_FILE] = dump_surface(surface_of(api))
            models = pending.result()
        except BaseException:
            if docs is not None:
                docs.cancel()
            raise
        finally:
            pending.cancel()
            if docs is not None and not handing:
                docs.cancel()
    check_names(sorted(api.models), models.model_names, "models")
    files.update(render_model_files(api, settings, models))
    return api, settings, files


def _docs(api: Api, settings: SdkSettings, write: Callable[[dict[str, str], SdkSettings], dict[str, bytes]] | None) -> Any:
    """The docs' files, or what `write` wrote of them."""
    files = render_docs_files(api, settings)
    return files if write is None else write(files, settings)


def _origins(api: Api) -> dict[str, str]:
    """Generated name -> the spec construct behind it, for error messages about generated code."""
    out = {name: f"#/components/schemas/{name}" for name in api.models}
    for op in api.operations:
        out.setdefault(op.name, f"{op.method} {op.path} (operationId {op.operation_id})")
    return out


def build_into(
    spec_path: Path, folder: Path, raw_settings: dict[str, Any] | None = None, ownership: Ownership | None = None
) -> tuple[Api, SdkSettings]:
    """Generate the SDK into `folder` (which must be new or empty), formatted, linted, with its manifest.

    `ownership` says what the user has taken over in the folder the SDK is meant for (`.genignore`).
    """
    written: dict[str, bytes] = {}
    docs: list[Background[dict[str, bytes]]] = []

    def write_docs(files: dict[str, str], settings: SdkSettings) -> dict[str, bytes]:
        return write_formatted(files, folder, None, ownership, None, yielding=True, label=f"docs of {settings.package}")

    def write_rest(api: Api, files: dict[str, str], pending_docs: Background[dict[str, bytes]] | None) -> None:
        docs.extend([pending_docs] if pending_docs is not None else [])
        written.update(write_formatted(files, folder, _origins(api), ownership, None, yielding=True))

    # Everything but the models is written and formatted while the models are being made; the docs
    # by the process that renders them (for a large spec, in parallel with this one, which writes
    # the models as soon as they come).
    try:
        api, settings, rest = render_files(spec_path, raw_settings, early=write_rest, write_docs=write_docs)
        within = f"src/{settings.package}/models"
        models = {rel: text for rel, text in rest.items() if rel.startswith(within + "/")}
        pyproject = written.get("pyproject.toml", b"").decode("utf-8")
        written.update(write_formatted(models, folder, _origins(api), ownership, within, pyproject=pyproject))
        others = {rel: text for rel, text in rest.items() if rel not in models}  # the surface snapshot
        written.update(write_formatted(others, folder, _origins(api), ownership, None, pyproject=pyproject))
        for pending in docs:
            written.update(pending.result())
    finally:
        for pending in docs:
            pending.cancel()
    finish_tree(folder, ownership or Ownership(folder), written)
    return api, settings


def generate_keeping(
    spec_path: Path, output: Path, raw_settings: dict[str, Any] | None = None
) -> tuple[tuple[Api, SdkSettings], list[str]]:
    """Generate into a temporary folder beside `output`, carry the user's files over, then swap it in:
    a failure leaves `output` as it was. Also returns the files kept that no manifest vouched for."""
    return replace_atomically(output, lambda staging, ownership: build_into(spec_path, staging, raw_settings, ownership))


def generate(spec_path: Path, output: Path, raw_settings: dict[str, Any] | None = None) -> tuple[Api, SdkSettings]:
    """`generate_keeping` for callers that need only the IR and the settings."""
    return generate_keeping(spec_path, output, raw_settings)[0]


# -- commands ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Generated:
    api: Api
    settings: SdkSettings
    report: str  # what changed in the public surface since the previous output ("" for nothing)
    kept: list[str]  # files of a folder without a manifest that this run did not write, left in place


def read_snapshot(output: Path) -> str | None:
    """The surface snapshot an SDK folder holds, if any."""
    try:
        return (output / SURFACE_FILE).read_text(encoding="utf-8")
    except OSError:
        return None


def change_report(previous: str | None, current: str | None, label: str) -> str:
    """What `sdkgen generate` prints after writing an SDK: the changes since the snapshot it held
    before, or "" when there was none or nothing changed."""
    if previous is None or current is None or previous == current:
        return ""
    try:
        before = parse_surface(previous, f"previous {label}/{SURFACE_FILE}")
    except SpecError as exc:  # an old format or a hand-edited file: say so, do not fail the generation
        return f"(no change report: {exc})\n"
    report = compare(before, parse_surface(current, f"{label}/{SURFACE_FILE}"))
    if not report.changes:
        return ""
    return render_text(report, f"{label} before", f"{label} now")


def generate_one(spec: Path, output: Path, raw: dict[str, Any], label: str) -> Generated:
    previous = read_snapshot(output)  # before it is replaced: the report compares with it
    (api, settings), kept = generate_keeping(spec, output, raw)
    return Generated(api, settings, change_report(previous, read_snapshot(output), label), kept)


def configured(cwd: Path) -> tuple[Path, list[Target]]:
    root = repo_root(cwd)
    return root, targets(root)


def check(cwd: Path, strict: bool = False) -> dict[str, list[str]]:
    """`sdkgen check`: for each configured SDK (by output label), the unified diff from the committed
    tree to what its spec generates now; an empty list means it is up to date. `strict`: any
    validation problem of a spec is fatal (as `strict: true` in its sdkgen.yaml)."""
    root, configs = configured(cwd)
    out: dict[str, list[str]] = {}
    for i, target in enumerate(configs):
        if i:
            gc.collect()  # the last SDK's cycles: `sdkgen` runs without automatic collection (`cli.main`)
        label = target.output.relative_to(root).as_posix()
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "sdk"
            fresh.mkdir()
            raw = {**target.raw, "strict": True} if strict else target.raw
            build_into(target.spec, fresh, raw, Ownership(target.output))
            out[label] = diff_trees(read_tree(fresh), generated_files(target.output), label)
    return out


def load_surface(path: Path, raw_settings: dict[str, Any] | None = None) -> dict[str, Any]:
    """The surface of a spec file, of an SDK folder (its snapshot) or of a snapshot file."""
    data = surface_file_data(path)
    if data is not None:
        return data
    _, api, _ = load_api(path, raw_settings)
    # Through JSON, so that it compares equal to a snapshot (YAML dates in enums become strings...).
    loaded: dict[str, Any] = json.loads(dump_surface(surface_of(api)))
    return loaded


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        raise UsageError(f"cannot run git: {exc}") from None


def surface_at(root: Path, rev: str, snapshot: Path) -> tuple[dict[str, Any] | None, str]:
    """The surface snapshot committed at `rev`, or (None, why not): that revision has none (a first
    run), or one written by an older sdkgen in another format (the first run after an upgrade)."""
    if _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").returncode != 0:
        raise UsageError(f"not a git revision here: {rev!r}", where=str(root))
    rel = snapshot.relative_to(root).as_posix()
    shown = _git(root, "show", f"{rev}:./{rel}")
    if shown.returncode != 0:
        return None, f"no {SURFACE_FILE} at {rev}; nothing to compare yet"
    try:
        found = json.loads(shown.stdout).get("sdkgen_surface")
    except (ValueError, AttributeError):
        found = None
    if isinstance(found, int) and found != SURFACE_FORMAT:
        return None, f"the {SURFACE_FILE} at {rev} has format {found} (another sdkgen version); nothing to compare"
    return parse_surface(shown.stdout, f"{rev}:{rel}"), ""


def diff(old: str | None, new: str | None, fmt: str, fail_on_breaking: bool, base: str, cwd: Path) -> int:
    """`sdkgen diff`: print the report; EXIT_DRIFT when asked to fail on breaking changes and there are some.

    With OLD and NEW (spec files, SDK folders or surface snapshots): compare them. Without: compare
    each configured SDK's snapshot committed at `base` with what its spec generates now.
    """
    if (old is None) != (new is None):
        raise UsageError("give both OLD and NEW, or neither (then each configured SDK is compared with git revision --base)")
    if old is not None and new is not None:
        pairs = [(load_surface(Path(old)), load_surface(Path(new)), old, new)]
    else:
        pairs = []
        root, configs = configured(cwd)
        for target in configs:
            before, why_not = surface_at(root, base, target.output / SURFACE_FILE)
            label = target.output.relative_to(root).as_posix()
            if before is None:
                print(f"{label}: {why_not}", file=sys.stderr)
                continue
            pairs.append((before, load_surface(target.spec, target.raw), f"{label} at {base}", target.spec.relative_to(root).as_posix()))
    breaking = False
    for i, (before, after, old_label, new_label) in enumerate(pairs):
        report = compare(before, after)
        breaking = breaking or bool(report.breaking)
        sys.stdout.write(("\n" if i else "") + render(report, fmt, old_label, new_label))
    if breaking and fail_on_breaking:
        print("sdkgen: breaking changes to the SDK's public surface (see above)", file=sys.stderr)
        return EXIT_DRIFT
    return 0
