"""`sdkgen`: parse the command line and call the pipeline. Exit codes: see `generator.errors`."""

from __future__ import annotations

import argparse
import gc
import importlib.metadata
import os
import sys
from pathlib import Path
from typing import NoReturn

from generator.errors import EXIT_DRIFT, GeneratorError, InternalError, UsageError


def cmd_generate(args: argparse.Namespace) -> int:
    from generator.pipeline import configured, generate_one

    overrides = {
        key: value
        for key, value in (
            ("package", args.package), ("client_class", args.client_class),
            ("distribution", args.distribution), ("sdk_version", args.sdk_version), ("ref_roots", args.ref_root),
        )
        if value
    }
    if args.spec:
        if not args.output:
            raise UsageError("-o/--output is required with a spec")
        jobs = [(Path(args.spec), Path(args.output), overrides, args.output)]
    else:
        if args.output or overrides:
            raise UsageError(
                "-o/--output, --package, --ref-root and the naming options go with a spec: sdkgen generate SPEC -o OUT"
            )
        root, configs = configured(Path.cwd())
        jobs = [(t.spec, t.output, t.raw, t.output.relative_to(root).as_posix()) for t in configs]
    for i, (spec, output, raw, label) in enumerate(jobs):
        if i:
            gc.collect()  # the last SDK's cycles, which no collection freed (`main`)
        done = generate_one(spec, output, {**raw, "strict": True} if args.strict else raw, label)
        api = done.api
        print(f"generated {done.settings.package} ({len(api.operations)} operations, {len(api.models)} models) in {label}")
        if done.kept:
            listed = ", ".join(done.kept[:10]) + (f" and {len(done.kept) - 10} more" if len(done.kept) > 10 else "")
            print(
                f"sdkgen: note: kept {len(done.kept)} files this run did not write (the folder had no manifest yet): "
                f"{listed}; delete any that are stale generated files",
                file=sys.stderr,
            )
        sys.stdout.write(done.report)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from generator.pipeline import check

    drifted = False
    for label, lines in check(Path.cwd(), strict=args.strict).items():
        if not lines:
            print(f"{label}: up to date")
            continue
        drifted = True
        sys.stdout.writelines(line if line.endswith("\n") else line + "\n" for line in lines)
        print(f"\n{label} has drifted from its spec.", file=sys.stderr)
    if drifted:
        print("Fix it with: sdkgen generate   (or: make generate), then commit the result.", file=sys.stderr)
        return EXIT_DRIFT
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from generator.pipeline import diff

    return diff(args.old, args.new, args.format, args.fail_on_breaking, args.base, Path.cwd())


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors raised as `UsageError` (one line, exit code 4)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see: {self.prog} --help)")


EXIT_CODES = """exit codes:
  0   success
  1   check: an SDK drifted from its spec; diff --fail-on-breaking: a breaking change
  2   the spec: missing file, syntax error, invalid OpenAPI, unresolvable $ref
  3   an sdkgen.yaml
  4   the command line (a wrong combination of arguments, an unknown git revision)
  5   the output folder (not an SDK sdkgen wrote, or not writable)
  70  a bug in sdkgen (the message says how to report it)"""

GENERATE_EXAMPLES = """examples:
  sdkgen generate                                 every SDK configured in spec/*/sdkgen.yaml
  sdkgen generate petstore.yaml -o sdk/           one SDK from a spec, names from its title
  sdkgen generate api.json -o out --package acme_sdk --client-class Acme

Files in the output folder that sdkgen did not write are kept (it lists what it wrote in
.sdkgen/manifest.json); paths listed in the folder's .genignore are yours, never written or deleted."""

CHECK_EXAMPLES = """examples:
  sdkgen check          in CI: fail when a committed SDK differs from what its spec generates"""

DIFF_EXAMPLES = """examples:
  sdkgen diff old.yaml new.yaml                     two specs (or SDK folders, or surface.json files)
  sdkgen diff --base origin/main --fail-on-breaking each configured SDK: its snapshot at a revision
                                                    against what its spec generates now
  sdkgen diff old.yaml new.yaml --format markdown   for a changelog or a pull-request comment"""


def _version() -> str:
    try:
        return importlib.metadata.version("sdkgen")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    p = _Parser(
        prog="sdkgen",
        description="Generate typed Python SDKs and their markdown reference docs from OpenAPI 3.0/3.1 specs;\n"
        "check committed SDKs for drift; report what a spec change does to an SDK's users.",
        epilog=f"{EXIT_CODES}\n\nRun `sdkgen COMMAND --help` for a command's options and examples.",
        formatter_class=formatter,
    )
    p.add_argument("--version", action="version", version=f"sdkgen {_version()}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="COMMAND")
    g = sub.add_parser(
        "generate", help="regenerate the configured SDKs, or one SDK from SPEC", formatter_class=formatter,
        description="Generate an SDK (package, docs, surface snapshot) into a folder, replacing the generator's files\n"
        "there atomically: on any error the previous output stays as it was.",
        epilog=f"{GENERATE_EXAMPLES}\n\n{EXIT_CODES}",
    )
    g.add_argument("spec", nargs="?", metavar="SPEC", help="an OpenAPI 3.0/3.1 file, YAML or JSON (default: every spec/*/sdkgen.yaml)")
    g.add_argument("-o", "--output", metavar="DIR", help="the folder to write the SDK to (required with SPEC)")
    g.add_argument("--package", metavar="NAME", help="the Python package name (default: from the spec's title)")
    g.add_argument("--client-class", metavar="NAME", help="the client class name (default: from the spec's title)")
    g.add_argument("--distribution", metavar="NAME", help="the name on PyPI (default: the package name with dashes)")
    g.add_argument("--sdk-version", metavar="VERSION", help="the SDK's own version (default: 0.1.0)")
    g.add_argument("--ref-root", action="append", metavar="DIR", help="a folder outside the spec's own that its $refs may read (repeatable)")
    g.add_argument("--strict", action="store_true", help="fail (exit 2) on any spec problem, warnings included")
    g.add_argument("--no-cache", action="store_true", help="recompute everything, neither reading nor writing the cache (see README)")
    g.set_defaults(func=cmd_generate)
    c = sub.add_parser(
        "check", help="exit 1 with a diff if a committed SDK differs from what its spec generates", formatter_class=formatter,
        description="Regenerate every configured SDK into a temporary folder and compare it, file by file, with the\n"
        "committed one. Prints a unified diff and exits 1 on drift; files sdkgen did not write are not compared.",
        epilog=f"{CHECK_EXAMPLES}\n\n{EXIT_CODES}",
    )
    c.add_argument("--strict", action="store_true", help="fail (exit 2) on any spec problem, warnings included")
    c.add_argument("--no-cache", action="store_true", help="recompute everything, neither reading nor writing the cache (see README)")
    c.set_defaults(func=cmd_check)
    d = sub.add_parser(
        "diff", help="report what changes for SDK users between two specs, classified breaking or not",
        formatter_class=formatter,
        description="Compare two public surfaces (methods, arguments, models, fields, enum values) and classify each\n"
        "change as major (breaking), minor or patch.",
        epilog=f"{DIFF_EXAMPLES}\n\n{EXIT_CODES}",
    )
    d.add_argument("old", nargs="?", metavar="OLD", help="the old spec, SDK folder or .sdkgen/surface.json")
    d.add_argument("new", nargs="?", metavar="NEW", help="the new one (without OLD and NEW: each configured SDK, --base against its spec)")
    d.add_argument("--format", choices=["text", "markdown"], default="text", help="text (default) or markdown")
    d.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when a change is breaking")
    d.add_argument("--base", default="HEAD", metavar="REV", help="without OLD/NEW: the git revision whose committed snapshot to compare with (default: HEAD)")
    d.set_defaults(func=cmd_diff)
    return p


def entry() -> NoReturn:
    """The `sdkgen` program (`python -m generator` too): `main`, then the process ends at once. With
    everything written and closed, freeing the run's millions of objects one by one only delays the
    exit (GitHub's spec: 0.18 s after the last file was written)."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            code = code or 1
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    # No cyclic garbage collection during a command: a run allocates millions of objects that live
    # until it ends (the spec, the IR, the rendered files) and the collector traversed them again and
    # again, finding little to free (GitHub's spec: 2.2 s of CPU over the processes of a cold run, for
    # 7 MB more at the peak). The processes a run forks inherit the setting.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(argv)
    finally:
        if collecting:
            gc.enable()


def _run(argv: list[str] | None) -> int:
    try:
        args = parser().parse_args(argv)
        if getattr(args, "no_cache", False):
            from generator import cache

            before = os.environ.get(cache.ENV_DISABLE)
            os.environ[cache.ENV_DISABLE] = "1"  # worker processes too
            try:
                with cache.disabled():
                    return int(args.func(args))
            finally:
                if before is None:
                    del os.environ[cache.ENV_DISABLE]
                else:
                    os.environ[cache.ENV_DISABLE] = before
        return int(args.func(args))
    except GeneratorError as exc:
        print(f"sdkgen: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except RecursionError:
        error = InternalError("the spec nests too deeply for the generator (recursion limit reached)")
        print(f"sdkgen: error: {error}", file=sys.stderr)
        return error.exit_code
    except Exception as exc:  # a bug: one line and how to report it, not a traceback
        if os.environ.get("SDKGEN_TRACEBACK"):
            raise
        error = InternalError(f"unexpected {type(exc).__name__}: {exc}")
        print(f"sdkgen: error: {error}", file=sys.stderr)
        return error.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
