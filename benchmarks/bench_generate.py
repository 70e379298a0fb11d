"""Benchmark: time and peak memory of generating an SDK, for the Orq spec and a large public spec.

    .venv/bin/python benchmarks/bench_generate.py [--skip-large]

The large spec is GitHub's REST API description (1,200+ operations), taken from the
`@octokit/openapi` package on the npm registry into `.tools/` on first use. Each generation runs
in a fresh process; the script prints wall time, CPU time, peak RSS and the time per stage, and, as
the reference measured in the same run, the time datamodel-code-generator alone takes to write
pydantic models for the same spec (the part of the job every generator of typed models pays).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO / ".tools"
OCTOKIT = "@octokit/openapi@23.0.2"

STAGES = r"""
import json, sys, tempfile, time
from pathlib import Path
from generator.config import settings_from
from generator.load import load_spec
from generator.normalize import normalize
from generator.ir import build_api
from generator.emit.models import generate_models
from generator.emit.sdk import render_sdk
from generator.validate import Validation as _Validation
from generator.write import write_tree, format_tree
spec = Path(sys.argv[1]); times = {}; t = time.perf_counter()
def lap(name):
    global t
    now = time.perf_counter(); times[name] = now - t; t = now
doc = load_spec(spec); lap("load")
validation = _Validation(doc, spec); lap("validate (large specs: started in the background)")
settings = settings_from({"package": "bench_sdk"}, doc)
normalize(doc); lap("normalize")
api = build_api(doc, client_class=settings.client_class, env_var=settings.env_var); lap("ir")
code = generate_models(doc, settings.package); lap("models")
validation.wait(); lap("validation wait")
files = render_sdk(api, settings, code); lap("render")
out = Path(tempfile.mkdtemp()); write_tree(files, out); lap("write")
format_tree(out); lap("ruff")
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


def measure(code: str, *args: str) -> tuple[float, float, float, str]:
    """Run `code` in a fresh interpreter: (wall s, CPU s, peak RSS MiB, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=REPO, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {proc.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of children is the largest child so far: run the big spec last.
    return wall, cpu, after.ru_maxrss / 1024, proc.stdout


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
    args = parser.parse_args()
    specs = [("orq", REPO / "spec" / "orq" / "openapi.yaml")]
    if not args.skip_large:
        specs.append(("github", github_spec()))
    for name, spec in specs:
        # JSON for the reference: datamodel-code-generator reads either, and the loaders then match.
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as tmp:
            from generator.load import load_spec

            json.dump(load_spec(spec), tmp)
        ref_wall, ref_cpu, _, _ = measure(REFERENCE, tmp.name)
        wall, cpu, _, out = measure(STAGES, str(spec))
        info = json.loads(out.strip().splitlines()[-1])
        stages = ", ".join(f"{k} {v:.2f}s" for k, v in info["stages"].items())
        print(f"{name}: {info['operations']} operations, {info['models']} models, {info['files']} files")
        print(
            f"  sdkgen generate: wall {wall:.1f}s, cpu {cpu:.1f}s (all processes), "
            f"peak RSS {info['peak_mib']:.0f} MiB (largest worker process {info['worker_peak_mib']:.0f} MiB)"
        )
        print(f"  stages: {stages}")
        print(f"  reference (datamodel-code-generator, pydantic models only): wall {ref_wall:.1f}s, cpu {ref_cpu:.1f}s")
        print(f"  ratio sdkgen / reference: wall {wall / ref_wall:.2f}x, cpu {cpu / ref_cpu:.2f}x")


if __name__ == "__main__":
    main()
