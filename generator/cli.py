"""`sdkgen`: generate SDKs, check them for drift, report what a spec change does to them."""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from pathlib import Path
from typing import Any

from generator.config import find_configs, repo_root
from generator.errors import SpecError

EXIT_DRIFT = 1
EXIT_BAD_INPUT = 2


def _targets(root: Path) -> list[tuple[Path, Path, dict[str, Any]]]:
    """(spec, output, settings) for each configured SDK; paths in a config are relative to it."""
    out = []
    for config_path, raw in find_configs(root):
        base = config_path.parent
        out.append(((base / raw["spec"]).resolve(), (base / raw["output"]).resolve(), raw))
    return out


def cmd_generate(args: argparse.Namespace) -> int:
    from generator.pipeline import generate
    from generator.report import generate_report, read_snapshot

    def one(spec: Path, output: Path, raw: dict[str, Any], label: str) -> None:
        previous = read_snapshot(output)  # before it is replaced: the report compares with it
        api, settings = generate(spec, output, raw)
        print(f"generated {settings.package} ({len(api.operations)} operations, {len(api.models)} models) in {label}")
        sys.stdout.write(generate_report(previous, output, label))

    if args.spec:
        if not args.output:
            raise SpecError("-o/--output is required with a spec")
        one(Path(args.spec), Path(args.output), {"package": args.package} if args.package else {}, args.output)
        return 0
    root = repo_root(Path.cwd())
    for spec, output, raw in _targets(root):
        one(spec, output, raw, output.relative_to(root).as_posix())
    return 0


def _tree(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    skip = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
    files = {}
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if path.is_file() and not skip.intersection(parts) and not any(p.endswith(".egg-info") for p in parts):
            files["/".join(parts)] = path.read_bytes()
    return files


def diff_trees(expected: dict[str, bytes], actual: dict[str, bytes], label: str) -> list[str]:
    """A unified diff from the committed tree (`actual`) to the regenerated one (`expected`)."""
    lines: list[str] = []
    for rel in sorted(set(expected) | set(actual)):
        new, old = expected.get(rel), actual.get(rel)
        if new == old:
            continue
        old_text = (old or b"").decode("utf-8", errors="replace").splitlines(keepends=True)
        new_text = (new or b"").decode("utf-8", errors="replace").splitlines(keepends=True)
        lines.extend(
            difflib.unified_diff(
                old_text, new_text,
                fromfile=f"a/{label}/{rel}" if old is not None else "/dev/null",
                tofile=f"b/{label}/{rel}" if new is not None else "/dev/null",
            )
        )
    return lines


def cmd_check(args: argparse.Namespace) -> int:
    from generator.pipeline import build_into

    root = repo_root(Path.cwd())
    drift = False
    for spec, output, raw in _targets(root):
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "sdk"
            fresh.mkdir()
            build_into(spec, fresh, raw)
            label = output.relative_to(root).as_posix()
            lines = diff_trees(_tree(fresh), _tree(output), label)
        if lines:
            drift = True
            sys.stdout.writelines(line if line.endswith("\n") else line + "\n" for line in lines)
            print(f"\n{label} has drifted from {spec.relative_to(root)}.", file=sys.stderr)
        else:
            print(f"{output.relative_to(root)}: up to date")
    if drift:
        print("Fix it with: sdkgen generate   (or: make generate), then commit the result.", file=sys.stderr)
        return EXIT_DRIFT
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from generator.report import run_diff

    def targets() -> list[tuple[Path, Path, Path]]:
        root = repo_root(Path.cwd())
        return [(root, spec, output) for spec, output, _ in _targets(root)]

    return run_diff(args.old, args.new, args.format, args.fail_on_breaking, args.base, targets)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sdkgen", description="Generate typed Python SDKs and their docs from OpenAPI specs.")
    sub = p.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate", help="regenerate the configured SDKs, or one SDK from SPEC")
    g.add_argument("spec", nargs="?", help="an OpenAPI 3.0/3.1 file (YAML or JSON)")
    g.add_argument("-o", "--output", help="the folder to write the SDK to")
    g.add_argument("--package", help="the Python package name (default: from the spec's title)")
    g.set_defaults(func=cmd_generate)
    c = sub.add_parser("check", help="exit 1 with a diff if a committed SDK differs from what its spec generates")
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
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except SpecError as exc:
        print(f"sdkgen: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
