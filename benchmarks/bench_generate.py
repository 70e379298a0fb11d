"""Benchmark: time and peak memory of generating an SDK, for the Orq spec and a large public spec.

    .venv/bin/python benchmarks/bench_generate.py [--skip-large] [--skip-opc] [--skip-determinism]

The large spec is GitHub's REST API description (1,200+ operations), taken from the
`@octokit/openapi` package on the npm registry into `.tools/` on first use. Each generation runs
in a fresh process; for each spec the script prints:

- the time per stage of a cold run (no cache), in-process, and of a run after an edit;
- `sdkgen generate` as users run it: cold (`--no-cache`), warm (the cache filled by a previous run
  of the same spec) and after an edit (one schema's and one operation's description changed: the
  daily job, which regenerates into the SDK's folder; also into a new folder), each with wall time,
  CPU time and peak RSS;
- the references measured in the same run: openapi-python-client (installed from PyPI into its own
  venv, `.tools/opc-venv`, on first use; `--meta none`: the package only) and
  datamodel-code-generator alone writing the pydantic models, with the ratios sdkgen / reference;
- determinism checks: a second cold run in a process with another hash seed writes the same bytes,
  a warm run writes what a cold run does, and so does the run after an edit (against a cold run of
  the edited spec).

The cache of these runs is a private folder (`.tools/bench-cache`), emptied first.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / ".tools"
OCTOKIT = "@octokit/openapi@23.0.2"
OPC = "openapi-python-client==0.29.1"
OPC_VENV = TOOLS / "opc-venv"
CACHE = TOOLS / "bench-cache"

# The daily job: the spec edited (one schema's and one operation's description), the SDK regenerated
# into its folder, which holds the output of the spec before the edit.
EDIT = "after an edit (one schema, one operation; cached, into the SDK's folder)"

STAGES = r"""
import json, os, sys, tempfile, time
if len(sys.argv) < 3:
    os.environ["SDKGEN_NO_CACHE"] = "1"  # cold: every stage computed; else the cache folder given
else:
    os.environ["SDKGEN_CACHE_DIR"] = sys.argv[2]
from pathlib import Path
from generator.config import settings_from
from generator.load import load_spec
from generator.normalize import normalize
from generator.ir import build_api
from generator.emit.models import generate_models
from generator.emit.sdk import render_sdk
from generator.validate import Validation as _Validation
from generator.write import write_tree, format_tree, write_formatted
spec = Path(sys.argv[1]); times = {}; t = time.perf_counter(); c = time.process_time()
def lap(name):  # wall and CPU time of this process (the models' second worker process not counted)
    global t, c
    now, cpu = time.perf_counter(), time.process_time(); times[name] = (now - t, cpu - c); t, c = now, cpu
doc = load_spec(spec); lap("load")
validation = _Validation(doc, spec); lap("validate")
settings = settings_from({}, doc)  # the package `sdkgen generate` picks: its cache entries are found
normalize(doc); lap("normalize")
api = build_api(doc, client_class=settings.client_class, env_var=settings.env_var); lap("ir")
code = generate_models(doc, settings.package); lap("models")
validation.wait(); lap("validation wait")
files = render_sdk(api, settings, code); lap("render")
out = Path(tempfile.mkdtemp())
if len(sys.argv) < 3:
    write_tree(files, out); lap("write")
    format_tree(out); lap("ruff")
else:
    write_formatted(files, out); lap("write and ruff (cached)")
import resource
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest worker process
print(json.dumps({"stages": times, "operations": len(api.operations), "models": len(api.models), "files": len(files),
                  "peak_mib": peak, "worker_peak_mib": workers}))
"""

REFERENCE = r"""
import sys, warnings
from pathlib import Path
from datamodel_code_generator import DataModelType, InputFileType, generate
warnings.simplefilter("ignore")
generate(Path(sys.argv[1]).read_text(), input_file_type=InputFileType.OpenAPI,
         output_model_type=DataModelType.PydanticV2BaseModel, formatters=[])
"""


def measure(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """Run `cmd` in a fresh process: (wall s, CPU s of it and its children, peak RSS MiB of the largest
    of them, stdout)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=REPO, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}\n{err.read()[-3000:]}")
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read()


def python(code: str, *args: str) -> tuple[float, float, float, str]:
    return measure([sys.executable, "-c", code, *args])


def opc() -> Path:
    """openapi-python-client's command, in its own venv under .tools/ (installed on first use)."""
    exe = OPC_VENV / "bin" / "openapi-python-client"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(OPC_VENV)], check=True)
        subprocess.run([str(OPC_VENV / "bin" / "pip"), "install", "-q", OPC], check=True)
    return exe


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of an SDK folder, without the caches tools leave there (ruff's)."""
    from generator.write import read_tree

    return read_tree(folder)


def edited(spec: Path, folder: Path, mark: str = "(edited)") -> Path:
    """`spec` with one schema's and one operation's description changed (the daily regeneration)."""
    from generator.load import read_document

    doc = read_document(spec)
    schemas = doc["components"]["schemas"]
    name = sorted(schemas)[len(schemas) // 2]
    schemas[name]["description"] = f"{schemas[name].get('description', '')} {mark}"
    _, item = sorted(doc["paths"].items())[len(doc["paths"]) // 2]
    op = next(v for k, v in item.items() if k in ("get", "post", "put", "patch", "delete"))
    op["description"] = f"{op.get('description', '')} {mark}"
    out = folder / f"edited-{len(mark)}.json"
    out.write_text(json.dumps(doc))
    return out


def github_spec() -> Path:
    target = TOOLS / "octokit-openapi" / "package" / "generated" / "api.github.com.json"
    if not target.exists():
        folder = target.parents[2]
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", OCTOKIT, "--silent"], cwd=folder, check=True, capture_output=True)
        tarball = next(folder.glob("octokit-openapi-*.tgz"))
        subprocess.run(["tar", "xzf", tarball.name], cwd=folder, check=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-large", action="store_true", help="only the Orq spec")
    parser.add_argument("--skip-opc", action="store_true", help="no openapi-python-client reference")
    parser.add_argument("--skip-determinism", action="store_true", help="no second cold run")
    args = parser.parse_args()
    specs = [("orq", REPO / "spec" / "orq" / "openapi.yaml")]
    if not args.skip_large:
        specs.append(("github", github_spec()))
    sdkgen = str(Path(sys.executable).with_name("sdkgen"))
    shutil.rmtree(CACHE, ignore_errors=True)
    env = {**os.environ, "SDKGEN_CACHE_DIR": str(CACHE)}
    env.pop("SDKGEN_NO_CACHE", None)
    work = Path(tempfile.mkdtemp(prefix="bench-generate-"))
    for name, spec in specs:
        # JSON for the reference: datamodel-code-generator reads either, and the loaders then match.
        from generator.load import load_spec

        as_json = work / f"{name}.json"
        as_json.write_text(json.dumps(load_spec(spec)))
        _, _, _, out = python(STAGES, str(spec))
        info = json.loads(out.strip().splitlines()[-1])
        stages = ", ".join(f"{k} {wall:.2f}s ({cpu:.2f}s cpu)" for k, (wall, cpu) in info["stages"].items())
        print(f"{name}: {info['operations']} operations, {info['models']} models, {info['files']} files")
        print(f"  stages of a cold run, in-process: {stages}")

        def gen(
            label: str, source: Path, *flags: str, seed: str = "0", name: str = name, over: str | None = None
        ) -> tuple[float, float, float]:
            folder = work / f"{name}-{label}"
            if over is not None:  # regenerate over a copy of that run's SDK folder, as users do
                shutil.copytree(work / f"{name}-{over}", folder, symlinks=True)
            wall, cpu, rss, _ = measure([sdkgen, "generate", *flags, str(source), "-o", str(folder)], {**env, "PYTHONHASHSEED": seed})
            print(f"  sdkgen generate, {label}: wall {wall:.1f}s, cpu {cpu:.1f}s, peak RSS {rss:.0f} MiB")
            return wall, cpu, rss

        cold = gen("cold (--no-cache)", spec, "--no-cache")
        gen("first run (fills the cache)", spec)
        warm = gen("warm (same spec, cached)", spec)
        gen("after an edit, into a new folder (cached)", edited(spec, work))
        edit = gen(EDIT, edited(spec, work), over="warm (same spec, cached)")
        _, _, _, out = python(STAGES, str(edited(spec, work, "(edited again)")), str(CACHE))
        stages = ", ".join(f"{k} {wall:.2f}s" for k, (wall, _) in json.loads(out.strip().splitlines()[-1])["stages"].items())
        print(f"    its stages (another edit, in-process): {stages}")
        ref_wall, ref_cpu, ref_rss, _ = python(REFERENCE, str(as_json))
        print(f"  datamodel-code-generator alone (pydantic models only): wall {ref_wall:.1f}s, cpu {ref_cpu:.1f}s, peak RSS {ref_rss:.0f} MiB")
        print(f"    ratio sdkgen cold / it: wall {cold[0] / ref_wall:.2f}x, cpu {cold[1] / ref_cpu:.2f}x")
        if not args.skip_opc:
            target = work / f"{name}-opc"
            o_wall, o_cpu, o_rss, _ = measure(
                [str(opc()), "generate", "--path", str(as_json), "--meta", "none", "--output-path", str(target), "--overwrite"]
            )
            print(f"  openapi-python-client ({OPC}, --meta none): wall {o_wall:.1f}s, cpu {o_cpu:.1f}s, peak RSS {o_rss:.0f} MiB")
            for label, (wall, cpu, rss) in (("cold", cold), ("warm", warm), ("after an edit", edit)):
                print(
                    f"    ratio sdkgen {label} / openapi-python-client: wall {wall / o_wall:.2f}x, "
                    f"cpu {cpu / o_cpu:.2f}x, peak RSS {rss / o_rss:.2f}x"
                )
        if not args.skip_determinism:
            gen("cold again, another hash seed", spec, "--no-cache", seed="1")
            gen("edited, cold (--no-cache)", edited(spec, work), "--no-cache")
            cold_tree = tree(work / f"{name}-cold (--no-cache)")
            checks = {
                "two cold runs": cold_tree == tree(work / f"{name}-cold again, another hash seed"),
                "cold and warm": cold_tree == tree(work / f"{name}-warm (same spec, cached)"),
                "after an edit and a cold run of the edited spec": tree(work / f"{name}-edited, cold (--no-cache)")
                == tree(work / f"{name}-{EDIT}"),
            }
            print("  determinism: " + "; ".join(f"{label} {'byte-identical' if same else 'DIFFER'}" for label, same in checks.items()))
            if not all(checks.values()):
                raise SystemExit(1)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
