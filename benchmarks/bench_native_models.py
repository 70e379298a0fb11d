"""Native model code against datamodel-code-generator's, on real specs.

    .venv/bin/python benchmarks/bench_native_models.py [--limit 100] [--only PATTERN] [--github] [--timeout 300]

`generator/emit/native_models.py` writes the common shapes of schema itself and promises the bytes
datamodel-code-generator (with our edits) would write. For each spec of the corpus sample (the same
deterministic sample as bench_corpus.py; `--github` adds GitHub's REST API), in a fresh process with a
timeout: load, validate and normalise it, run datamodel-code-generator over all its groups of schemas
(both kinds), and compare every group the native writer accepts with datamodel-code-generator's
fragment for it: a mismatch fails the benchmark. Then it runs datamodel-code-generator as `sdkgen
generate` does, over the groups the native writer declines and what they reference only
(`models.run_inputs`), and compares those fragments too, up to the names of the classes it adds
itself; a difference there is reported, not failed: it is datamodel-code-generator's own dependence on
the other groups of its run (it reuses a class it wrote for another group, found on the directory's
older GitHub spec), which the runs after an edit have always had. Prints, per spec and in total, the
groups written natively, the mismatches and differences (with the first), and the time of each
writer over the same groups; exits 1 on any mismatch.
A spec the generator refuses (invalid) is counted apart.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import time
import tokenize
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def canonical(fragment: object, own: set[str]) -> object:
    """`fragment` up to what depends on which other groups share a datamodel-code-generator run: the
    names of the classes it adds itself (after a property: `Email`, `Email1`), numbered in order of
    appearance, the aliases of its imports (`date as date_aliased` when a field is named `date`), and
    quotes around the names of other groups' definitions (`"JobList"` where its single module defines
    that later: the models package imports them, and writes them bare)."""
    from generator.emit.model_modules import Fragment

    assert isinstance(fragment, Fragment)
    renames = {alias: name for _, name, alias in fragment.imports if alias}
    added = [name for name, _ in fragment.definitions if name not in own]
    renames |= {name: f"_Added{i}" for i, name in enumerate(added)}
    external = set(fragment.external)
    if not renames and not any(f'"{name}"' in text for name in external for _, text in fragment.definitions):
        return fragment

    def swap(text: str) -> str:
        """`text` with the names renamed where they are names (tokens), not words of a docstring."""
        lines = text.splitlines(keepends=True)
        spans = []
        before: list[str] = []
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.NAME and tok.string in renames:
                spans.append((tok.start, tok.end, renames[tok.string]))
            elif tok.type == tokenize.STRING and before[-2:] == ["TypeAliasType", "("] and tok.string[1:-1] in renames:
                spans.append((tok.start, tok.end, f'"{renames[tok.string[1:-1]]}"'))  # TypeAliasType("Name", ...)
            elif tok.type == tokenize.STRING and before[-2:] != ["TypeAliasType", "("] and tok.string[1:-1] in external:
                spans.append((tok.start, tok.end, tok.string[1:-1]))
            if tok.type in (tokenize.NAME, tokenize.OP, tokenize.STRING):
                before.append(tok.string)
        for (row, begin), (_, end), new in reversed(spans):
            line = lines[row - 1]
            lines[row - 1] = line[:begin] + new + line[end:]
        return "".join(lines)

    return Fragment(
        imports=tuple(sorted((m, n, None) for m, n, _ in fragment.imports)),
        definitions=tuple((renames.get(name, name), swap(text)) for name, text in fragment.definitions),
        external=fragment.external,
    )


def compare_one(path: Path) -> dict[str, object]:
    """The comparison for one spec, as a JSON-able dict (run in a child process)."""
    from generator.config import settings_from
    from generator.emit import native_models
    from generator.emit.model_modules import (
        model_groups,
        schema_graph,
        subclasses_join_cycles,
    )
    from generator.emit.models import codegen_inputs, run_groups, run_inputs
    from generator.emit.native_models import Fragment
    from generator.errors import GeneratorError
    from generator.load import load_spec
    from generator.normalize import normalize
    from generator.validate import Validation

    try:
        doc = load_spec(path)
        with Validation(doc, path):
            package = settings_from({}, doc).package
            normalize(doc)
    except GeneratorError as exc:
        return {"refused": str(exc).splitlines()[0][:120]}
    schemas = (doc.get("components") or {}).get("schemas") or {}
    out: dict[str, object] = {"groups": 0, "native": 0, "mismatches": 0, "differences": 0, "first": None, "dcg_s": 0.0, "native_s": 0.0}
    if not schemas:
        return out
    components, inputs = codegen_inputs(schemas, package)
    graph = subclasses_join_cycles(components, schema_graph(components))
    groups = model_groups(graph)
    openapi = str(doc.get("openapi", "3.1.0"))
    for kind, source in inputs.items():
        t = time.perf_counter()
        expected = run_groups(kind, groups, source, [], package, openapi, frozenset(source))
        out["dcg_s"] = float(out["dcg_s"]) + time.perf_counter() - t  # type: ignore[arg-type]
        t = time.perf_counter()
        written: list[Fragment | None] = []
        for group in groups:
            try:
                written.append(native_models.fragment(kind, group, source, package))
            except native_models.Unsupported:
                written.append(None)
        out["native_s"] = float(out["native_s"]) + time.perf_counter() - t  # type: ignore[arg-type]
        # The groups left to datamodel-code-generator, as a run gives them: with stubs for the models
        # they reference (`models.run_schemas`).
        declined = [i for i, got in enumerate(written) if got is None]
        if declined:
            context, stubs = run_inputs(source, graph, [n for i in declined for n in groups[i]], sorted(source))
            for i, got in zip(declined, run_groups(kind, [groups[i] for i in declined], context, stubs, package, openapi, frozenset(context)), strict=True):
                written[i] = got
        out["groups"] = int(out["groups"]) + len(groups)  # type: ignore[call-overload]
        suffix = "TypedDict" if kind == "typeddict" else ""
        for i, (group, got, want) in enumerate(zip(groups, written, expected, strict=True)):
            out["native"] = int(out["native"]) + (i not in declined)  # type: ignore[call-overload]
            # Native code must be the very bytes; a run over fewer groups may name its own additions otherwise.
            own = {name + suffix for name in group}
            if got != want if i not in declined else canonical(got, own) != canonical(want, own):
                which = "mismatches" if i not in declined else "differences"
                out[which] = int(out[which]) + 1  # type: ignore[call-overload]
                how = "native" if i not in declined else "run over fewer groups"
                out["first"] = out["first"] or f"{kind} ({how}) {', '.join(group)[:80]}"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--only", default="")
    parser.add_argument("--github", action="store_true")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(compare_one(args.one)))
        return
    from benchmarks.bench_corpus import OCTOKIT, npm_package, select

    corpus = argparse.Namespace(limit=args.limit, only=args.only, large=False, large_only=False, mypy_every=0)
    specs = [(s.id, s.path) for s in select(corpus)[0]]
    if args.github:
        specs.append(("github", npm_package(OCTOKIT, Path("octokit-openapi")) / "generated" / "api.github.com.json"))
    totals = {"specs": 0, "refused": 0, "timeouts": 0, "groups": 0, "native": 0, "mismatches": 0, "differences": 0, "dcg_s": 0.0, "native_s": 0.0}
    bad: list[str] = []
    for spec_id, path in specs:
        try:
            proc = subprocess.run(
                [sys.executable, __file__, "--one", str(path)],
                check=False, capture_output=True, text=True, timeout=args.timeout, env={**os.environ, "SDKGEN_NO_CACHE": "1"},
            )
        except subprocess.TimeoutExpired:
            totals["timeouts"] += 1
            print(f"{spec_id}: timed out")
            continue
        if proc.returncode != 0 or not proc.stdout.strip():
            bad.append(f"{spec_id}: crashed: {proc.stderr.strip().splitlines()[-1:] }")
            print(bad[-1])
            continue
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        totals["specs"] += 1
        if "refused" in result:
            totals["refused"] += 1
            continue
        for key in ("groups", "native", "mismatches", "differences", "dcg_s", "native_s"):
            totals[key] += result[key]
        line = f"{spec_id}: {result['native']}/{result['groups']} native, {result['mismatches']} mismatches, {result['differences']} differences"
        line += f", datamodel-code-generator {result['dcg_s']:.2f} s, native {result['native_s']:.3f} s"
        if result["mismatches"]:
            bad.append(f"{spec_id}: first mismatch {result['first']}")
        if result["mismatches"] or result["differences"]:
            line += f" (first: {result['first']})"
        print(line)
    share = totals["native"] / totals["groups"] if totals["groups"] else 0.0
    print(
        f"\n{totals['specs']} specs ({totals['refused']} refused as invalid, {totals['timeouts']} timed out): "
        f"{totals['native']} of {totals['groups']} groups ({share:.0%}, both kinds) written natively, "
        f"{totals['mismatches']} mismatches, {totals['differences']} differences of a run over fewer groups; datamodel-code-generator {totals['dcg_s']:.1f} s over all groups, "
        f"native {totals['native_s']:.1f} s over all groups"
    )
    for line in bad:
        print("FAIL", line)
    raise SystemExit(1 if bad else 0)


if __name__ == "__main__":
    main()
