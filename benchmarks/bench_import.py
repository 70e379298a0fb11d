"""Benchmark: what a large generated SDK costs its users at import, first model access and first call.

    .venv/bin/python benchmarks/bench_import.py SDK_SRC PACKAGE MODEL [--small SRC PACKAGE] [--repeat N]

e.g. for GitHub's SDK (generate it first: `sdkgen generate .tools/octokit-openapi/package/generated/
api.github.com.json -o /tmp/github --package github_sdk`; `bench_generate.py` fetches the spec):

    .venv/bin/python benchmarks/bench_import.py /tmp/github/src github_sdk FullRepository \
        --small generated/orq/src orq_ai_sdk

Each figure is measured in fresh processes (the median of `--repeat` runs), against a reference
measured in the same run:
- `import <package>` plus client construction, against `import httpx, pydantic` (target <= 1.5x);
- the first access to one model (`models.MODEL`: its module and the modules its types use), and
  building its validator (the first validation), in seconds (target <= 0.3 s for the access);
- peak RSS after client construction and one response model's validator built (what a call adds to
  the import), against the same for the small SDK (`--small`, target <= 1.5x).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys

IMPORT = r"""
import json, time
t = time.perf_counter()
import {package}
from {package} import sdk as _sdk
cls = next(v for v in vars(_sdk).values() if isinstance(v, type) and v.__module__ == _sdk.__name__
           and v.__mro__[1].__name__ == "BaseClient")
client = cls()
print(json.dumps({{"seconds": time.perf_counter() - t}}))
"""

REFERENCE = r"""
import json, time
t = time.perf_counter()
import httpx, pydantic
print(json.dumps({"seconds": time.perf_counter() - t}))
"""

ACCESS = r"""
import json, sys, time
from {package} import models
t = time.perf_counter()
import {package}._base_model  # pydantic, which the client does not import, and the models' base class
base = time.perf_counter() - t
t = time.perf_counter()
model = getattr(models, {model!r})
access = time.perf_counter() - t
loaded = len([m for m in sys.modules if m.startswith("{package}.models.")])
t = time.perf_counter()
model.model_rebuild()
build = time.perf_counter() - t
print(json.dumps({{"base": base, "access": access, "build": build, "modules": loaded}}))
"""

CALL = r"""
import json, resource
import {package}
from {package} import models, sdk as _sdk
cls = next(v for v in vars(_sdk).values() if isinstance(v, type) and v.__module__ == _sdk.__name__
           and v.__mro__[1].__name__ == "BaseClient")
client = cls()
# What one call adds to the import: the response model's modules and its validator, built on first use.
getattr(models, {model!r}).model_rebuild()
print(json.dumps({{"rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run(code: str, src: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": src, "PYTHONDONTWRITEBYTECODE": "0"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def median(code: str, src: str, key: str, repeat: int) -> float:
    return statistics.median(run(code, src)[key] for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("src")
    parser.add_argument("package")
    parser.add_argument("model")
    parser.add_argument("--small", nargs=3, metavar=("SRC", "PACKAGE", "MODEL"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    run(IMPORT.format(package=args.package), args.src)  # compiles the bytecode once, as an install does
    run(ACCESS.format(package=args.package, model=args.model), args.src)
    ref = median(REFERENCE, args.src, "seconds", args.repeat)
    sdk = median(IMPORT.format(package=args.package), args.src, "seconds", args.repeat)
    print(f"import httpx, pydantic: {ref * 1000:.0f} ms")
    print(f"import {args.package} + client: {sdk * 1000:.0f} ms, ratio {sdk / ref:.2f}x (target <= 1.5x)")
    samples = [run(ACCESS.format(package=args.package, model=args.model), args.src) for _ in range(args.repeat)]
    access = statistics.median(s["access"] for s in samples)
    build = statistics.median(s["build"] for s in samples)
    base = statistics.median(s["base"] for s in samples)
    print(f"first model access, importing pydantic and the models' base class: {base * 1000:.0f} ms")
    print(
        f"then models.{args.model}: {access * 1000:.0f} ms ({samples[0]['modules']:.0f} model modules; "
        f"target <= 300 ms); building its validator: {build * 1000:.0f} ms"
    )
    rss = median(CALL.format(package=args.package, model=args.model), args.src, "rss_mib", args.repeat)
    print(f"peak RSS, client + one model's validator built: {rss:.0f} MiB")
    if args.small:
        src, package, model = args.small
        small = median(CALL.format(package=package, model=model), src, "rss_mib", args.repeat)
        print(f"the same for {package} (models.{model}): {small:.0f} MiB, ratio {rss / small:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
