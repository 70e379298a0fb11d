"""Golden files: every fixture spec's whole generated tree, compared byte for byte.

A change in output for any construct shows up here, file by file, in review. The runtime modules are
the one exception: each SDK carries them unchanged, so instead of a copy per fixture the test checks
that the SDK's copy is byte for byte the runtime's source (`generator/runtime/`).

Refresh after an intended change, then review the diff of `tests/fixtures/expected/` like code:

    make golden        (or: .venv/bin/python -m pytest tests/generator/test_golden.py --update-golden)
"""

from __future__ import annotations

import shutil

import pytest

from generator.runtime_files import runtime_sources
from generator.write import diff_trees, read_tree
from tests.conftest import GOLDEN_SPECS, REPO, SPECS

EXPECTED = REPO / "tests" / "fixtures" / "expected"


def _split(tree: dict[str, bytes], package: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """(runtime copies, everything else) of a generated tree."""
    runtime_paths = {f"src/{package}/{path}" for path in runtime_sources()}
    copies = {rel: data for rel, data in tree.items() if rel in runtime_paths}
    return copies, {rel: data for rel, data in tree.items() if rel not in runtime_paths}


@pytest.mark.parametrize("name", sorted(GOLDEN_SPECS))
def test_generated_tree_matches_its_golden_files(name: str, generated_sdk, request: pytest.FixtureRequest) -> None:
    spec, package = GOLDEN_SPECS[name]
    copies, tree = _split(read_tree(generated_sdk(spec, package)), package)
    assert {rel: data.decode() for rel, data in copies.items()} == {
        f"src/{package}/{path}": text for path, text in runtime_sources().items()
    }
    golden = EXPECTED / name
    if request.config.getoption("--update-golden"):
        shutil.rmtree(golden, ignore_errors=True)
        for rel, data in tree.items():
            (golden / rel).parent.mkdir(parents=True, exist_ok=True)
            (golden / rel).write_bytes(data)
    diff = diff_trees(tree, read_tree(golden), f"tests/fixtures/expected/{name}")
    assert not diff, (
        f"generated output for {spec.relative_to(REPO)} differs from its golden files "
        "(if intended: make golden, then review the diff):\n" + "".join(diff[:200])
    )


def test_every_fixture_spec_has_golden_files() -> None:
    """A new fixture spec gets golden files too; a spec only referenced by another is not one."""
    specs = {p for p in SPECS.iterdir() if p.suffix in (".yaml", ".json")}
    referenced_only = {SPECS / "legacy_30_shared.yaml"}
    assert {spec for spec, _ in GOLDEN_SPECS.values()} == specs - referenced_only
    assert {p.name for p in EXPECTED.iterdir()} == set(GOLDEN_SPECS)
