"""The spec is untrusted input: the loader contains it (generator/load.py, README "Untrusted specs").

Each threat: `sdkgen generate` ends with exit code 2 and a one-line message naming the place, fast
(measured against a run that fails at once, so a loaded machine does not make it flaky), without
quoting any referenced file's text, and with the previous output left as it was.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import load
from generator.write import read_tree
from tests.conftest import SPECS, run, tool

SECRET = "SECRET-MARKER-7f3a"
FAST = 1.5  # seconds a refusal may take beyond a run that fails before loading anything
GOOD = (SPECS / "kitchen_sink.yaml").read_text()
REF = "'#/components/schemas/Address'"  # a ref in kitchen_sink.yaml to point elsewhere


def minimal(**extra: object) -> dict[str, object]:
    return {"openapi": "3.1.0", "info": {"title": "Tiny", "version": "1"}, "paths": {}, **extra}


@pytest.fixture(scope="module")
def previous_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("prev") / "sdk"
    proc = run([tool("sdkgen"), "generate", str(SPECS / "kitchen_sink.yaml"), "-o", str(out)])
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> float:
    """How long `sdkgen` takes to start and fail on a missing file (the imports dominate)."""
    missing = tmp_path_factory.mktemp("base") / "missing.yaml"
    times = []
    for _ in range(2):
        start = time.monotonic()
        run([tool("sdkgen"), "generate", str(missing), "-o", str(missing.parent / "out")])
        times.append(time.monotonic() - start)
    return min(times)


def refused(spec: Path | str, output: Path, *args: str, timeout: float = 60) -> tuple[str, float]:
    """Run `sdkgen generate` on a bad spec; check exit 2, one clean line, output untouched."""
    before = read_tree(output)
    start = time.monotonic()
    proc = run([tool("sdkgen"), "generate", str(spec), "-o", str(output), *args], timeout=timeout)
    elapsed = time.monotonic() - start
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.startswith("sdkgen: error: ")
    assert proc.stderr.count("\n") == 1, proc.stderr  # one line
    assert "Traceback" not in proc.stderr
    assert read_tree(output) == before
    assert not [p for p in output.parent.iterdir() if p.name.startswith(".sdk")]  # no staging left
    return proc.stderr, elapsed


# -- 1. relative-file $refs stay inside the spec's folder tree -----------------------------------------
@pytest.fixture
def outside(tmp_path: Path) -> tuple[Path, Path]:
    """A spec folder, and beside it a file with a secret the spec must not be able to read."""
    folder = tmp_path / "api"
    folder.mkdir()
    secret = tmp_path / "secret.yaml"
    secret.write_text(f"Thing:\n  type: string\n  description: {SECRET}\n")
    return folder, secret


def ref_cases(secret: Path) -> dict[str, tuple[str, str]]:
    return {
        "parent folder": ("../secret.yaml#/Thing", "outside the spec's folder"),
        "traversal": ("../" * 12 + str(secret).lstrip("/") + "#/Thing", "outside the spec's folder"),
        "encoded traversal": ("%2e%2e/secret.yaml#/Thing", "outside the spec's folder"),
        "absolute": (f"{secret}#/Thing", "is an absolute path"),
        "etc passwd": ("/etc/passwd", "is an absolute path"),
        "file url": (f"file://{secret}#/Thing", "is a URL"),
        "https url": ("https://example.com/secret.yaml#/Thing", "remote $ref"),
        "symlink out": ("link.yaml#/Thing", "outside the spec's folder"),
        "symlinked folder": ("sub/secret.yaml#/Thing", "outside the spec's folder"),
    }


@pytest.mark.parametrize("case", sorted(ref_cases(Path("/x"))))
def test_ref_outside_the_spec_folder_is_refused_and_not_echoed(
    case: str, outside: tuple[Path, Path], previous_output: Path, baseline: float
) -> None:
    folder, secret = outside
    (folder / "link.yaml").symlink_to(secret)
    (folder / "sub").symlink_to(secret.parent)
    ref, expected = ref_cases(secret)[case]
    spec = folder / "openapi.yaml"
    spec.write_text(GOOD.replace(REF, repr(ref), 1))
    stderr, elapsed = refused(spec, previous_output)
    assert expected in stderr
    assert repr(ref)[:60] in stderr  # the message names the ref...
    assert SECRET not in stderr  # ...never what it points at
    assert "root:" not in stderr  # (nor /etc/passwd)
    assert "#/components/schemas/Pet/properties/owner/properties/address/allOf/0" in stderr
    assert elapsed < baseline + FAST


def test_ref_roots_in_sdkgen_yaml_widen_the_tree(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "common.yaml").write_text("Address:\n  type: object\n  properties:\n    city: {type: string}\n")
    api = tmp_path / "spec" / "api"
    api.mkdir(parents=True)
    (api / "openapi.yaml").write_text(GOOD.replace(REF, "'../../shared/common.yaml#/Address'", 1))
    config = api / "sdkgen.yaml"
    config.write_text("spec: openapi.yaml\noutput: ../../out\npackage: widened_sdk\n")
    proc = run([tool("sdkgen"), "generate"], cwd=tmp_path)
    assert proc.returncode == 2
    assert "outside the spec's folder" in proc.stderr
    assert not (tmp_path / "out").exists()

    config.write_text(config.read_text() + "ref_roots: [../../shared]\n")
    proc = run([tool("sdkgen"), "generate"], cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "city" in "".join(p.read_text() for p in (tmp_path / "out" / "src" / "widened_sdk" / "models").glob("*.py"))

    config.write_text(config.read_text().replace("../../shared", "../../nowhere"))
    proc = run([tool("sdkgen"), "generate"], cwd=tmp_path)
    assert proc.returncode == 3  # ConfigError
    assert "ref_roots" in proc.stderr

    # Without a config: --ref-root DIR.
    out = tmp_path / "flag"
    proc = run([tool("sdkgen"), "generate", str(api / "openapi.yaml"), "-o", str(out), "--ref-root", str(tmp_path / "shared")])
    assert proc.returncode == 0, proc.stderr


# -- 2. devices, FIFOs, folders: never read ------------------------------------------------------------
def test_only_regular_files_are_read(tmp_path: Path, previous_output: Path, baseline: float) -> None:
    stderr, elapsed = refused("/dev/zero", previous_output)
    assert "/dev/zero: not a regular file" in stderr
    assert elapsed < baseline + FAST

    folder = tmp_path / "api"
    folder.mkdir()
    (folder / "sub").mkdir()
    os.mkfifo(folder / "pipe.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    for ref, expected in [("pipe.yaml", "not a regular file"), ("sub", "not a regular file"), ("zero.yaml", "outside the spec's folder")]:
        spec = folder / "openapi.yaml"
        spec.write_text(GOOD.replace(REF, repr(ref), 1))
        stderr, elapsed = refused(spec, previous_output, timeout=20)  # a FIFO opened for reading would block
        assert expected in stderr, ref
        assert elapsed < baseline + FAST


# -- 3. syntax errors name the place and the kind of problem, not the text -----------------------------
@pytest.mark.parametrize(
    "name,text,expected",
    [
        ("broken.yaml", f"Thing:\n  type: string\n  description: {SECRET}: oops\n", "broken.yaml:3:"),
        ("tagged.yaml", f"Thing: !!python/object:{SECRET} x\n", "tagged.yaml:1:"),
        ("alias.yaml", f"Thing: *{SECRET}\n", "alias.yaml:1:"),
        ("broken.json", f'{{"Thing": {{"description": "{SECRET}" "type": 1}}}}', "broken.json:1:"),
    ],
)
def test_syntax_errors_in_referenced_files_do_not_quote_them(
    name: str, text: str, expected: str, tmp_path: Path, previous_output: Path
) -> None:
    (tmp_path / name).write_text(text)
    spec = tmp_path / "openapi.yaml"
    spec.write_text(GOOD.replace(REF, repr(f"{name}#/Thing"), 1))
    stderr, _ = refused(spec, previous_output)
    assert expected in stderr
    assert "syntax error" in stderr
    assert SECRET not in stderr


# -- 4. limits -----------------------------------------------------------------------------------------
def test_file_size_limit(tmp_path: Path, previous_output: Path, baseline: float) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.truncate(load.MAX_FILE_BYTES + 1)  # sparse: nothing is written to disk
    stderr, elapsed = refused(big, previous_output)
    assert f"{big}: file is larger than the limit of 64 MiB" in stderr
    assert elapsed < baseline + FAST


def test_yaml_alias_bomb(tmp_path: Path, previous_output: Path, baseline: float) -> None:
    lines = ["openapi: 3.1.0", "info: {title: Bomb, version: '1'}", "paths: {}", "x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in "bcdefghij":
        prev = chr(ord(level) - 1)
        lines.append(f"x-{level}: &{level} [{', '.join([f'*{prev}'] * 9)}]")  # 9**9 lols at x-j
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n")
    stderr, elapsed = refused(bomb, previous_output)
    assert f"{bomb}:" in stderr
    assert "YAML aliases would expand to more than 1,000,000 extra nodes" in stderr
    assert elapsed < baseline + FAST

    many = tmp_path / "many.yaml"
    many.write_text("x-a: &a 1\nx-list: [" + ", ".join(["*a"] * (load.MAX_ALIASES + 1)) + "]\n")
    stderr, elapsed = refused(many, previous_output)
    assert "more than 10,000 uses of YAML aliases" in stderr
    assert elapsed < baseline + FAST

    loop = tmp_path / "loop.yaml"
    loop.write_text("x-a: &a [1, *a]\n")
    stderr, _ = refused(loop, previous_output)
    assert "recursive alias" in stderr


def test_a_spec_with_a_few_anchors_still_loads(tmp_path: Path) -> None:
    spec = tmp_path / "anchors.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: Anchors, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    A: &obj {type: object, properties: {name: {type: string}}}\n    B: *obj\n"
        "    C:\n      <<: *obj\n      description: merged\n"
    )
    proc = run([tool("sdkgen"), "generate", str(spec), "-o", str(tmp_path / "out")])
    assert proc.returncode == 0, proc.stderr


def nested_schema(levels: int) -> dict[str, object]:
    schema: dict[str, object] = {"type": "string"}
    for _ in range(levels):
        schema = {"type": "object", "properties": {"x": schema}}
    return schema


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_nesting_depth_limit(suffix: str, tmp_path: Path, previous_output: Path, baseline: float) -> None:
    spec = tmp_path / f"deep{suffix}"
    spec.write_text(json.dumps(minimal(components={"schemas": {"Deep": nested_schema(300)}})))  # JSON is YAML too
    stderr, elapsed = refused(spec, previous_output)
    assert f"nests deeper than {load.MAX_DEPTH} levels" in stderr
    assert f"{spec}, #/components/schemas/Deep/properties/x/properties/" in stderr  # the file and the pointer
    assert elapsed < baseline + FAST


def test_nesting_beyond_the_json_parsers_stack(tmp_path: Path, previous_output: Path, baseline: float) -> None:
    spec = tmp_path / "deep.json"
    spec.write_text('{"openapi": "3.1.0", "x-deep": ' + "[" * 50_000 + "]" * 50_000 + "}")
    stderr, elapsed = refused(spec, previous_output)
    assert f"{spec}, #/x-deep/0/0/0/0/" in stderr
    assert f"nests deeper than {load.MAX_DEPTH} levels" in stderr
    assert elapsed < baseline + FAST


def test_nesting_depth_counts_inlined_files(tmp_path: Path, previous_output: Path) -> None:
    for i in range(80):  # each file inlines the next one level deeper
        (tmp_path / f"p{i}.json").write_text(json.dumps({"next": {"$ref": f"p{i + 1}.json"}}))
    (tmp_path / "p80.json").write_text("{}")
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(minimal(**{"x-chain": {"$ref": "p0.json"}})))
    stderr, _ = refused(spec, previous_output)
    assert "nests deeper than 64 levels once its $refs are inlined" in stderr


def test_a_nested_schema_under_the_limit_generates(tmp_path: Path) -> None:
    """What the loader lets through, the later stages handle (no RecursionError downstream)."""
    spec = tmp_path / "nested.json"
    levels = (load.MAX_DEPTH - 4) // 2  # root, components, schemas, Nested, then two per level
    spec.write_text(json.dumps(minimal(components={"schemas": {"Nested": nested_schema(levels)}})))
    proc = run([tool("sdkgen"), "generate", str(spec), "-o", str(tmp_path / "out")])
    assert proc.returncode == 0, proc.stderr


def test_file_count_limit(tmp_path: Path, previous_output: Path) -> None:
    (tmp_path / "f").mkdir()
    for i in range(load.MAX_FILES + 1):
        (tmp_path / "f" / f"{i}.json").write_text('{"v": 1}')
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(minimal(**{"x-refs": [{"$ref": f"f/{i}.json"} for i in range(load.MAX_FILES + 1)]})))
    stderr, elapsed = refused(spec, previous_output)
    assert "refers to more than 10,000 files" in stderr
    assert f"{spec}, #/x-refs/{load.MAX_FILES - 1}" in stderr
    assert elapsed < 30  # reads 10,000 files first: bounded work, not instant


def test_ref_bomb_across_files(tmp_path: Path, previous_output: Path, baseline: float) -> None:
    """The billion laughs again, spelled with $refs inlined from another file."""
    levels = {"l0": ["lol"] * 9}
    for i in range(1, 10):
        levels[f"l{i}"] = [{"$ref": f"#/l{i - 1}"}] * 9
    (tmp_path / "laughs.json").write_text(json.dumps(levels))
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(minimal(**{"x-bomb": {"$ref": "laughs.json#/l9"}})))
    stderr, elapsed = refused(spec, previous_output)
    assert "copies more than 1,000,000 nodes" in stderr
    assert elapsed < baseline + 3 * FAST  # a million small copies before giving up


# -- 5. hostile text -----------------------------------------------------------------------------------
def test_json_is_cleaned_wherever_it_needs_it(tmp_path: Path) -> None:
    """A lone surrogate in a key or deep in a list is replaced (the document is copied then); a clean
    document is kept as parsed."""
    spec = tmp_path / "s.json"
    spec.write_text('{"a": {"k\\ud800": [["x\\udfff"], 1]}, "b": "plain \u00e9"}')
    assert load.read_document(spec) == {"a": {"k\ufffd": [["x\ufffd"], 1]}, "b": "plain \u00e9"}
    spec.write_text('{"a": {"k\\u00e9": [["\u00e9"], 1]}}')
    assert load.read_document(spec) == {"a": {"k\u00e9": [["\u00e9"], 1]}}


def test_lone_surrogate_is_replaced_and_the_sdk_imports(tmp_path: Path) -> None:
    spec = tmp_path / "surrogate.json"
    doc = minimal(
        components={"schemas": {"Thing": {"type": "object", "description": "lone \ud800 here", "properties": {
            "name": {"type": "string", "description": "x\udfffy", "enum": ["a\ud800"]}}}}},
    )
    doc["info"] = {"title": "Sur", "version": "1", "description": "bad \ud800"}
    spec.write_text(json.dumps(doc))  # ASCII: "\ud800" escapes, as a hostile spec would have them
    assert "\\ud800" in spec.read_text()
    out = tmp_path / "out"
    proc = run([tool("sdkgen"), "generate", str(spec), "-o", str(out)])
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # no warning either
    models = (out / "src" / "sur_sdk" / "models" / "thing.py").read_text(encoding="utf-8")
    assert "lone \ufffd here" in models
    check = subprocess.run(
        [sys.executable, "-c", "import sur_sdk, sur_sdk.models as m; print(m.Thing.__doc__)"],
        cwd=out / "src", capture_output=True, text=True, check=False, timeout=120,
    )
    assert check.returncode == 0, check.stderr
