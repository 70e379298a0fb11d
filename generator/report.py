"""Render a `generator.diff.Report` as readable text or as markdown (a changelog entry, a PR comment).

Every name and value in a report comes from a spec, so each goes through `code`, the format's escaping
function: in markdown a code span that no backtick, newline or HTML in the value can break out of;
in text the value with control characters (terminal escape sequences) escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.diff import LEVELS, Change, Report
from generator.emit.markdown import code_span
from generator.emit.templating import environment

Code = Callable[[Any], str]

HEADINGS = {"major": "Breaking changes (major)", "minor": "Non-breaking changes (minor)", "patch": "Patch-level changes"}
SIDES = {"request": "used in requests", "response": "used in responses", "request, response": "used in requests and responses"}
KIND_ARTICLE = {"object": "an object", "enum": "an enum", "union": "a union", "alias": "an alias"}


def _printable(value: Any) -> str:
    """One line of text, control characters escaped (no terminal escape sequences from a spec)."""
    text = " ".join(str(value).split()) if isinstance(value, str) else str(value)
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def text_code(value: Any) -> str:
    return _printable(value)


def md_code(value: Any) -> str:
    """A markdown code span holding `value` literally (the report has no tables: `|` stays as it is)."""
    return code_span(_printable(value))


def _value(code: Code, value: Any) -> str:
    return code(repr(value))


def describe(c: Change, code: Code) -> str:
    """One sentence for a change; `code` formats every spec-derived name or value."""
    t = code(c.target)
    m = code(c.member)
    side = f" ({SIDES[c.side]})" if c.side in SIDES and c.kind.split("_")[0] in ("field", "enum", "union", "model") else ""
    k = c.kind
    if k == "method_added":
        return f"New method {t} ({code(c.new)})."
    if k == "method_removed":
        return f"Method {t} removed (was {code(c.old)})."
    if k == "method_moved":
        notes = "; ".join(f"{label} {code(value)}" for label, value in c.notes)
        return f"Method {code(c.old)} moved to {code(c.new)}: calls to the old path (and its `_async` twin) must change ({notes})."
    if k == "method_endpoint_changed":
        return f"{t} now calls {code(c.new)} (was {code(c.old)}); no change for callers."
    if k == "method_deprecated":
        return f"Method {t} deprecated."
    if k == "method_undeprecated":
        return f"Method {t} no longer deprecated."
    if k == "response_type_changed":
        return f"{t} returns {code(c.new)} instead of {code(c.old)}."
    if k == "stream_added":
        return f"{t} can now stream: `stream=True` yields {code(c.new)} events."
    if k == "stream_removed":
        return f"{t} no longer streams (its events were {code(c.old)})."
    if k == "stream_type_changed":
        return f"{t} streams {code(c.new)} events instead of {code(c.old)}."
    if k.startswith(("param_", "field_")):
        noun, owner = ("argument", f"{t}:") if k.startswith("param_") else ("field", f"Model {t}{side}:")
        what = k.split("_", 1)[1]
        if what == "added":
            req = "required" if c.new["required"] else "optional"
            null = " | None" if c.new["nullable"] else ""
            return f"{owner} new {req} {noun} {m} ({code(c.new['type'] + null)})."
        return {
            "removed": f"{owner} {noun} {m} removed (was {code(c.old)}).",
            "required": f"{owner} {noun} {m} is now required.",
            "optional": f"{owner} {noun} {m} is now optional{' (may be missing)' if noun == 'field' else ''}.",
            "nullable": f"{owner} {noun} {m} may now be None.",
            "not_nullable": f"{owner} {noun} {m} may no longer be None.",
            "type_changed": f"{owner} {noun} {m} changed type from {code(c.old)} to {code(c.new)}.",
            "deprecated": f"{owner} {noun} {m} deprecated.",
            "undeprecated": f"{owner} {noun} {m} no longer deprecated.",
            "wire_changed": f"{owner} {noun} {m} is now sent as {code(c.new)} (was {code(c.old)}); no change for callers.",
        }[what]
    if k == "model_added":
        return f"New model {t} ({c.new}){side}."
    if k == "model_removed":
        return f"Model {t} removed{side}."
    if k == "model_kind_changed":
        return f"Model {t} changed from {KIND_ARTICLE.get(c.old, c.old)} to {KIND_ARTICLE.get(c.new, c.new)}{side}."
    if k == "model_deprecated":
        return f"Model {t} deprecated{side}."
    if k == "model_undeprecated":
        return f"Model {t} no longer deprecated{side}."
    if k == "enum_value_added":
        tail = " Responses may carry it: the enum is open, so older SDKs keep it as an unknown value." if "response" in c.side else ""
        return f"Enum {t}{side}: new value {_value(code, c.new)}.{tail}"
    if k == "enum_value_removed":
        return f"Enum {t}{side}: value {_value(code, c.old)} removed."
    if k == "union_member_added":
        return f"Union {t}{side}: new member {code(c.new)}."
    if k == "union_member_removed":
        return f"Union {t}{side}: member {code(c.old)} removed."
    if k == "alias_type_changed":
        return f"Type {t}{side} changed from {code(c.old)} to {code(c.new)}."
    raise ValueError(f"unknown change kind {k!r}")  # a generator bug: every kind in KINDS is handled


# Added or removed models listed by name in a report; a large spec adds thousands at once.
MODELS_LISTED = 100


def entries(report: Report, level: str, code: Code) -> list[str]:
    """The sentences of one level. Added or removed models are listed in one entry each: a new
    method brings many."""
    changes = report.by_level(level)  # type: ignore[arg-type]
    grouped = {"model_added": "new models", "model_removed": "models removed"}
    out = [describe(c, code) for c in changes if c.kind not in grouped]
    for kind, label in grouped.items():
        models = [c for c in changes if c.kind == kind]
        if len(models) == 1:
            out.append(describe(models[0], code))
        elif models:
            shown = ", ".join(code(c.target) for c in models[:MODELS_LISTED])
            more = f" and {len(models) - MODELS_LISTED} more" if len(models) > MODELS_LISTED else ""
            out.append(f"{len(models)} {label}: {shown}{more}.")
    return out


def summary(report: Report) -> str:
    counts = {lvl: len(report.by_level(lvl)) for lvl in LEVELS}
    if not report.changes:
        return "no changes to the SDK's public surface"
    return f"{counts['major']} breaking, {counts['minor']} minor, {counts['patch']} patch-level change(s)"


def render_text(report: Report, old_label: str, new_label: str) -> str:
    code = text_code
    old_v = f" ({code(report.old_version)})" if report.old_version else ""
    new_v = f" ({code(report.new_version)})" if report.new_version else ""
    lines = [
        f"SDK changes{' of ' + code(report.title) if report.title else ''}: {code(old_label)}{old_v} -> {code(new_label)}{new_v}",
        f"Version bump: {report.bump} ({summary(report)})",
    ]
    for level in LEVELS:
        items = entries(report, level, code)
        if items:
            lines += ["", f"{HEADINGS[level]}:"] + [f"  - {item}" for item in items]
    return "\n".join(lines) + "\n"


def render_markdown(report: Report, old_label: str, new_label: str) -> str:
    template = environment().get_template("report/report.md.jinja")
    return template.render(
        report=report,
        title=md_code(report.title) if report.title else "",
        old=md_code(old_label),
        new=md_code(new_label),
        old_version=f" ({md_code(report.old_version)})" if report.old_version else "",
        new_version=f" ({md_code(report.new_version)})" if report.new_version else "",
        summary=summary(report),
        sections=[(HEADINGS[lvl], entries(report, lvl, md_code)) for lvl in LEVELS],
    )


def render(report: Report, fmt: str, old_label: str, new_label: str) -> str:
    return render_markdown(report, old_label, new_label) if fmt == "markdown" else render_text(report, old_label, new_label)
