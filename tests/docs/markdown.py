"""Just enough of GitHub-flavoured markdown to check generated docs: fenced code blocks, headings and
their anchors, links, and table rows split into cells.

Written here because no markdown parser is among the project's dependencies; each rule follows the
CommonMark/GFM spec for the constructs the generator emits (and the ones spec text could smuggle in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")


@dataclass
class Block:
    lang: str
    code: str
    line: int  # 1-based line of the opening fence


def split(text: str) -> tuple[list[Block], list[tuple[int, str]]]:
    """Fenced code blocks, and the other lines (number, text)."""
    blocks: list[Block] = []
    prose: list[tuple[int, str]] = []
    open_fence: tuple[str, str, int, list[str]] | None = None
    for n, line in enumerate(text.splitlines(), 1):
        m = _FENCE.match(line)
        if open_fence is None:
            if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
                open_fence = (m.group(1), m.group(2).strip(), n, [])
            else:
                prose.append((n, line))
        elif m and m.group(1)[0] == open_fence[0][0] and len(m.group(1)) >= len(open_fence[0]) and not m.group(2).strip():
            blocks.append(Block(open_fence[1], "\n".join(open_fence[3]) + "\n", open_fence[2]))
            open_fence = None
        else:
            open_fence[3].append(line)
    if open_fence is not None:
        raise AssertionError(f"unclosed code fence opened at line {open_fence[2]}")
    return blocks, prose


def strip_code_spans(line: str) -> str:
    out, pos = [], 0
    for m in re.finditer(r"(?<!\\)(`+)", line):
        if m.start() < pos:
            continue
        close = re.compile(r"(?<!`)" + m.group(1) + r"(?!`)").search(line, m.end())
        if close is None:
            continue
        out.append(line[pos:m.start()])
        out.append("CODE")
        pos = close.end()
    out.append(line[pos:])
    return "".join(out)


def heading_text(raw: str) -> str:
    """What GitHub renders of a heading: link texts, code span contents, no emphasis marks."""
    text = re.sub(r"\[((?:[^\[\]\\]|\\.)*)\]\([^)]*\)", r"\1", raw)
    return text.replace("`", "")


def anchors(text: str) -> list[str]:
    """The anchor of every heading, as GitHub makes them (lower-case, punctuation dropped, spaces to
    hyphens, repeats numbered -1, -2...)."""
    _, prose = split(text)
    seen: dict[str, int] = {}
    out = []
    for _, line in prose:
        m = _HEADING.match(line)
        if not m:
            continue
        base = re.sub(r"[^\w\- ]", "", heading_text(m.group(2) or "").strip().lower()).replace(" ", "-")
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(base if n == 0 else f"{base}-{n}")
    return out


def links(text: str) -> list[tuple[int, str]]:
    """(line, target) of every inline link or image outside code."""
    _, prose = split(text)
    return [(n, m.group(2)) for n, line in prose for m in _LINK.finditer(strip_code_spans(line))]


def cells(row: str) -> list[str]:
    """A table row's cells, split as GFM does: a backslash escapes the next character, so `\\|` is
    a pipe inside a cell."""
    row = row.strip()
    parts, cur, i = [], [], 0
    while i < len(row):
        c = row[i]
        if c == "\\" and i + 1 < len(row):
            cur.append(row[i:i + 2])
            i += 2
            continue
        if c == "|":
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    parts.append("".join(cur))
    if row.startswith("|"):
        parts = parts[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        parts = parts[:-1]
    return [p.strip() for p in parts]


def tables(text: str) -> list[list[list[str]]]:
    """Every table (header row, then body rows), as lists of cells."""
    _, prose = split(text)
    out: list[list[list[str]]] = []
    lines = [line for _, line in prose]
    i = 0
    while i < len(lines) - 1:
        if lines[i].startswith("|") and re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", lines[i + 1].strip()):
            table = [cells(lines[i])]
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                table.append(cells(lines[i]))
                i += 1
            out.append(table)
        else:
            i += 1
    return out
