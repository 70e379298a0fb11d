"""Markdown for spec text: escaping filters (table cells, paragraphs, code spans) and GitHub-style
heading anchors. Used by the docs and by the change report."""

from __future__ import annotations

import functools
import re
from typing import Any

# -- escaping: spec text on its way into markdown -----------------------------------------------------
_BACKTICKS = re.compile(r"`+")
# A markdown link or image needs `](`; one whose target is not an absolute URL cannot resolve in our
# docs, so its `(` is escaped and the text shows as written.
_RELATIVE_LINK = re.compile(r"\]\((?!\s*<?(?:https?://|mailto:))")
_BLOCK_START = re.compile(r"^( {0,3})(#|```|~~~|[-*_](?:\s*[-*_]){2,}\s*$|=+\s*$|-+\s*$|\[[^\]]*\]:)")


def _segments(text: str) -> list[tuple[bool, str]]:
    """Split text into (is_code_span, text) parts; an unmatched backtick run counts as plain text."""
    parts: list[tuple[bool, str]] = []
    pos = 0
    plain_from = 0
    while True:
        m = _BACKTICKS.search(text, pos)
        if m is None:
            break
        run = m.group()
        close = re.compile(r"(?<!`)" + run + r"(?!`)").search(text, m.end())
        if close is None:
            pos = m.end()
            continue
        if m.start() > plain_from:
            parts.append((False, text[plain_from:m.start()]))
        parts.append((True, text[m.start():close.end()]))
        pos = plain_from = close.end()
    if plain_from < len(text):
        parts.append((False, text[plain_from:]))
    return parts


def plain(text: str) -> str:
    """Plain (non-code) markdown text made inert: no HTML, no relative links, no table breaks."""
    text = text.replace("\\", "\\\\").replace("`", "\\`")
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = _RELATIVE_LINK.sub("]\\\\(", text)
    return text.replace("|", "\\|")


def _inline(text: str, newline: str) -> str:
    out = []
    for is_code, part in _segments(text):
        if is_code and "\\|" not in part:
            out.append(part.replace("|", "\\|").replace("\r\n", " ").replace("\n", " ").replace("\r", " "))
        else:  # plain text, or a code span a table cell could not hold intact
            out.append(plain(part))
    result = "".join(out).replace("\r\n", "\n").replace("\r", "\n")
    return newline.join(line.strip() for line in result.split("\n"))


def md_cell(text: Any) -> str:
    """Spec text for one table cell: pipes escaped, newlines as `<br/>`, HTML shown as text."""
    return _cell(str(text or ""))


# Memoised: large specs repeat their descriptions (GitHub's docs: 24,000 cells, 3,200 distinct texts).
@functools.lru_cache(maxsize=65536)
def _cell(text: str) -> str:
    return _inline(text.strip(), "<br/>")


def md_inline(text: Any) -> str:
    """Spec text on one line of a list item or a sentence."""
    return " ".join(_inline(str(text or "").strip(), " ").split())


def md_text(text: Any) -> str:
    """Spec text as paragraphs: markdown emphasis, lists and absolute links kept; headings, fences,
    HTML and relative links made inert, so it cannot change the page's structure."""
    text = str(text or "").strip().replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for is_code, part in _segments(text):
        out.append(part if is_code else plain(part))
    lines = []
    for line in "".join(out).split("\n"):
        line = line.rstrip()
        lines.append(_BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line))
    return "\n".join(lines)


def code_span(text: str) -> str:
    """A markdown code span that shows `text` literally, whatever runs of backticks it holds."""
    fence = "`" * (max((len(r) for r in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_code(text: Any) -> str:
    """A code span holding `text` on one line, in a table cell or elsewhere."""
    text = " ".join(str(text).splitlines())
    if "\\|" in text:
        return plain(text)
    return code_span(text.replace("|", "\\|"))


# -- anchors ---------------------------------------------------------------------------------------
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")


def slug(text: str) -> str:
    """GitHub's anchor for a heading's text (without the -1, -2 suffix of repeats)."""
    text = re.sub(r"<[^>]*>", "", text).lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def headings(markdown: str) -> list[tuple[int, str, str]]:
    """(level, text, anchor) of every ATX heading outside code blocks, anchors made unique as GitHub does."""
    out: list[tuple[int, str, str]] = []
    seen: dict[str, int] = {}
    fence: str | None = None
    for line in markdown.splitlines():
        m = _FENCE.match(line)
        if m:
            fence = None if fence == m.group(1) else fence or m.group(1)
            continue
        if fence:
            continue
        h = _HEADING.match(line)
        if h:
            base = slug(h.group(2))
            n = seen.get(base, 0)
            seen[base] = n + 1
            out.append((len(h.group(1)), h.group(2), base if n == 0 else f"{base}-{n}"))
    return out
