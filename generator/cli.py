"""`sdkgen`: parse the command line and call the pipeline. Exit codes: see `generator.errors`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn

from generator.errors import EXIT_DRIFT, GeneratorError, InternalError, UsageError


def cmd_generate(args: argparse.Namespace) -> int:
    from generator.pipeline import configured, generate_one

    if args.spec:
        if not args.output:
            raise UsageError("-o/--output is required with a spec")
        jobs = [(Path(args.spec), Path(args.output), {"package": args.package} if args.package else {}, args.output)]
    else:
        if args.output or args.package:
            raise UsageError("-o/--output and --package go with a spec: sdkgen generate SPEC -o OUT")
        root, configs = configured(Path.cwd())
        jobs = [(t.spec, t.output, t.raw, t.output.relative_to(root).as_posix()) for t in configs]
    for spec, output, raw, label in jobs:
        done = generate_one(spec, output, {**raw, "strict": True} if args.strict else raw, label)
        api = done.api
        print(f"generated {done.settings.package} ({len(api.operations)} operations, {len(api.models)} models) in {label}")
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


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="sdkgen", description="Generate typed Python SDKs and their docs from OpenAPI specs.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    g = sub.add_parser("generate", help="regenerate the configured SDKs, or one SDK from SPEC")
    g.add_argument("spec", nargs="?", help="an OpenAPI 3.0/3.1 file (YAML or JSON)")
    g.add_argument("-o", "--output", help="the folder to write the SDK to")
    g.add_argument("--package", help="the Python package name (default: from the spec's title)")
    g.add_argument("--strict", action="store_true", help="fail (exit 2) on any spec problem, warnings included")
    g.set_defaults(func=cmd_generate)
    c = sub.add_parser("check", help="exit 1 with a diff if a committed SDK differs from what its spec generates")
    c.add_argument("--strict", action="store_true", help="fail (exit 2) on any spec problem, warnings included")
    c.set_defaults(func=cmd_check)
    d = sub.add_parser("diff", help="report what changes for SDK users between two specs, classified breaking or not")
    d.add_argument("old", nargs="?", help="the old spec, SDK folder or .sdkgen/surface.json")
    d.add_argument("new", nargs="?", help="the new one (without OLD and NEW: each configured SDK, --base against its spec)")
    d.add_argument("--format", choices=["text", "markdown"], default="text")
    d.add_argument("--fail-on-breaking", action="store_true", help="exit 1 when a change is breaking")
    d.add_argument("--base", default="HEAD", help="without OLD/NEW: the git revision whose committed SDK to compare with")
    d.set_defaults(func=cmd_diff)
    return p


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
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
