"""The generated markdown holds together: links resolve, tables keep their columns, every operation,
parameter, model and field of the spec is documented, spec text cannot inject markup or examples,
and a docs-only template change is drift like any other."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator import cli
from generator.emit import templating
from generator.errors import EXIT_DRIFT
from generator.pipeline import load_api
from tests.conftest import ORQ_SPEC, SPECS
from tests.docs import markdown
from tests.docs.conftest import HOSTILE_SPEC, ORQ_SETTINGS, SPEC_OF, markdown_files

NAMES = ["orq", "kitchen_sink", "hostile_docs"]


def load(name: str):
    return load_api(SPEC_OF[name], ORQ_SETTINGS if name == "orq" else None)[1]


@pytest.mark.parametrize("name", NAMES)
def test_every_relative_link_resolves_to_a_file_and_anchor(name: str, sdk_folders) -> None:
    sdk = sdk_folders[name]
    files = markdown_files(sdk)
    anchors = {p.resolve(): set(markdown.anchors(p.read_text(encoding="utf-8"))) for p in files}
    checked, broken = 0, []
    for path in files:
        for line, target in markdown.links(path.read_text(encoding="utf-8")):
            if re.match(r"[a-z][a-z0-9+.-]*:", target):  # absolute: https:, mailto:
                continue
            file_part, _, anchor = target.partition("#")
            dest = (path.parent / file_part).resolve() if file_part else path.resolve()
            checked += 1
            if not dest.is_file():
                broken.append(f"{path.relative_to(sdk)}:{line}: {target} (no such file)")
            elif anchor and anchor not in anchors.get(dest, set(markdown.anchors(dest.read_text(encoding="utf-8")))):
                broken.append(f"{path.relative_to(sdk)}:{line}: {target} (no such anchor)")
    assert checked > 20
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("name", NAMES)
def test_tables_keep_their_columns(name: str, sdk_folders) -> None:
    count = 0
    for path in markdown_files(sdk_folders[name]):
        for table in markdown.tables(path.read_text(encoding="utf-8")):
            count += 1
            width = len(table[0])
            bad = [row for row in table[1:] if len(row) != width]
            assert not bad, f"{path.name}: rows with other than {width} cells: {bad}"
    assert count > 3


@pytest.mark.parametrize("name", NAMES)
def test_every_operation_parameter_model_and_field_is_documented(name: str, sdk_folders) -> None:
    sdk = sdk_folders[name]
    api = load(name)
    raw = yaml.safe_load(SPEC_OF[name].read_text(encoding="utf-8"))
    readme = (sdk / "README.md").read_text(encoding="utf-8")
    # operations: every spec operation is in the IR, has a section on its resource page and a README entry
    spec_ops = {op["operationId"] for item in raw["paths"].values() for op in item.values() if isinstance(op, dict) and "operationId" in op}
    assert {op.operation_id for op in api.operations} == spec_ops
    for group in api.root.walk():
        if not group.operations:
            continue
        page_path = sdk / "docs" / "sdks" / group.module / "README.md"
        page = page_path.read_text(encoding="utf-8")
        sections = re.split(r"^## ", page, flags=re.MULTILINE)
        for op in group.operations:
            assert f"(docs/sdks/{group.module}/README.md#" in readme and f"[{op.name}](" in readme
            section = next(s for s in sections if s.startswith(op.name + "\n"))
            assert f"`{op.method} {op.path}`" in section
            table = next(t for t in markdown.tables(section) if t[0][0] == "Parameter")
            documented = {row[0].strip("`") for row in table[1:]}
            expected = {f.name for f in op.all_fields} | ({"request"} if op.body and not op.body.flattened else set())
            assert expected <= documented, f"{op.operation_id}: {expected - documented} undocumented"
            errors = next(t for t in markdown.tables(section) if t[0][0] == "Error Type")
            assert ["models.APIError", "4XX, 5XX", "`*/*`"] in errors[1:]
            for r in op.errors:
                if r.error_class:
                    assert any(row[0].startswith(f"models.{r.error_class}") for row in errors[1:])
    # models: one page each, named after the model; their fields, values and members all shown
    model_pages = {p.name for p in (sdk / "docs" / "models").glob("*.md")}
    assert len(model_pages) == len(api.models) == len({n.lower() for n in api.models})
    for name_, model in api.models.items():
        page = (sdk / "docs" / "models" / f"{name_.lower()}.md").read_text(encoding="utf-8")
        assert page.startswith(f"# {name_}\n")
        if model.deprecated:
            assert "**Deprecated**" in page
        tables = markdown.tables(page)
        if model.kind == "object" and model.fields:
            rows = {row[0].strip("`"): row for row in tables[0][1:]}
            assert [f.name for f in model.fields] == list(rows), name_
            for f in model.fields:
                if f.deprecated:
                    assert "**Deprecated**" in rows[f.name][3]
        elif model.kind == "enum":
            assert len(tables[0]) - 1 == len(model.enum_values)
        elif model.kind == "union":
            for member in model.members:
                for ref in member.models():
                    assert f"({ref.lower()}.md)" in page
    # every component schema of the spec has its page (normalising only adds hoisted inline schemas)
    schemas = (raw.get("components") or {}).get("schemas") or {}
    assert len(model_pages) >= len(schemas)
    assert {n.lower() + ".md" for n in schemas if n.isidentifier()} <= model_pages


def _visible_text(text: str) -> str:
    """The markdown outside code blocks and code spans."""
    _, prose = markdown.split(text)
    return "\n".join(markdown.strip_code_spans(line) for _, line in prose)


def test_hostile_spec_text_cannot_change_the_pages(sdk_folders) -> None:
    sdk = sdk_folders["hostile_docs"]
    api = load("hostile_docs")
    for path in markdown_files(sdk):
        text = path.read_text(encoding="utf-8")
        visible = _visible_text(text)
        assert "<script" not in visible and "<img" not in visible and "<b>" not in visible and "<!--" not in visible
        blocks, _ = markdown.split(text)
        assert all(b.lang in ("python", "bash") for b in blocks), [b.lang for b in blocks]
        assert not any("SystemExit" in b.code for b in blocks), "the spec smuggled an example in"
        for level, heading in [(len(m.group(1)), m.group(2)) for m in re.finditer(r"^(#+) (.*)$", visible, re.MULTILINE)]:
            assert "heading" not in heading.lower(), f"{path.name}: spec text became a heading: {heading}"
    # the number of examples is what the operations call for: nothing smuggled in, nothing lost
    page = (sdk / "docs" / "sdks" / "items" / "README.md").read_text(encoding="utf-8")
    blocks, _ = markdown.split(page)
    assert len(blocks) == 2 * len(api.operations)
    # the operation named like a page section links to its own heading, not the section's
    anchors = markdown.anchors(page)
    assert "[parameters](#parameters-1)" in page and "parameters-1" in anchors
    assert re.search(r"^## parameters$", page, re.MULTILINE)
    # cells keep the text: pipes escaped, newlines as <br/>
    cell = next(row for t in markdown.tables(page) for row in t if row[0] == "`item_id`")
    assert cell[3] == "Path \\| param with a newline<br/>and &lt;img src=x onerror=alert(1)&gt;."
    assert cell[4] == '`"id\\|42"`'
    note = next(row for t in markdown.tables(page) for row in t if row[0] == "`note`")
    assert note[3] == "Multi<br/>line<br/><br/>paragraphs."


def test_docs_only_template_change_is_drift(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """`sdkgen check` compares the docs like the code: edit only a docs template and it reports drift."""
    repo = tmp_path / "repo"
    (repo / "spec" / "ks").mkdir(parents=True)
    shutil.copy(SPECS / "kitchen_sink.yaml", repo / "spec" / "ks" / "openapi.yaml")
    (repo / "spec" / "ks" / "sdkgen.yaml").write_text("spec: openapi.yaml\noutput: ../../out\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    assert cli.main(["generate"]) == 0
    assert cli.main(["check"]) == 0
    templates = tmp_path / "templates"
    shutil.copytree(templating.TEMPLATES, templates)
    page = templates / "docs" / "model.md.jinja"
    page.write_text(page.read_text(encoding="utf-8").replace("## Fields", "## Fields of the model"), encoding="utf-8")
    monkeypatch.setattr(templating, "TEMPLATES", templates)
    capsys.readouterr()
    assert cli.main(["check"]) == EXIT_DRIFT
    out = capsys.readouterr().out
    assert "+## Fields of the model" in out and "b/out/docs/models/pet.md" in out
    assert "src/" not in "".join(line for line in out.splitlines(True) if line.startswith("+++"))


def test_orq_docs_name_the_seeds_types_and_fix_their_examples(sdk_folders) -> None:
    """What seeds 003 and 004 show is there, and right where they were wrong."""
    sdk = sdk_folders["orq"]
    page = (sdk / "docs" / "sdks" / "router_completions" / "README.md").read_text(encoding="utf-8")
    assert "[models.CreateCompletionRetry](../../models/createcompletionretry.md)" in page
    assert "[models.CreateCompletionResponseBody](../../models/createcompletionresponsebody.md)" in page
    blocks, _ = markdown.split(page)
    for block in blocks:
        iterates = "for event in event_stream" in block.code
        assert iterates == ("stream=True" in block.code)
        assert iterates or "print(res)" in block.code
    router = (sdk / "docs" / "sdks" / "router" / "README.md").read_text(encoding="utf-8")
    assert "## images_generate" in router and "`POST /v2/gateway/images/generations`" in router
    assert ORQ_SPEC.is_file() and HOSTILE_SPEC.is_file()


def test_an_operation_named_like_another_heading_links_to_its_own_anchor(tmp_path: Path) -> None:
    """`overview` comes after the page's "Overview" heading, so GitHub anchors it `overview-1`: the
    page's list of operations links there, not to the first heading."""
    from generator.pipeline import render_files

    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: Anchors, version: '1'}\npaths:\n"
        "  /things/overview: {get: {operationId: overview, tags: [things], responses: {'200': {description: OK}}}}\n"
        "  /things: {get: {operationId: list, tags: [things], responses: {'200': {description: OK}}}}\n"
    )
    page = render_files(spec)[2]["docs/sdks/things/README.md"]
    assert "* [overview](#overview-1)" in page and "* [list](#list)" in page
    assert set(re.findall(r"\]\(#([\w-]+)\)", page)) <= set(markdown.anchors(page))
