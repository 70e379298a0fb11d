"""Parsers for the seed documents in shared/seeds (see its README.md).

The spec in spec/orq/ is reconstructed by hand from these documents; tests/test_spec.py uses
these parsers to check the spec against them. Nothing here hard-codes field names: the
expected fields come from parsing the seeds.

- parse_type():            SDK type expressions (`OptionalNullable[models.X]`, `List[str]`, ...)
- parse_param_tables():    the markdown parameter tables of 003/004 (one per `## section`)
- parse_usage_snippets():  the `orq.router....(...)` calls of the usage examples
                           (000, 001, 003, 004)
- parse_typed_dict():      the Python-typed request/response dicts of 001
- extract_json_bodies():   the curl request body and JSON response of 002
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with `prefix` (e.g. "003"). Fails if missing."""
    if not SEEDS_DIR.is_dir():
        raise FileNotFoundError(f"seed directory not found: {SEEDS_DIR}")
    matches = sorted(SEEDS_DIR.glob(f"{prefix}_*.txt"))
    if len(matches) != 1:
        raise FileNotFoundError(f"expected one seed {prefix}_*.txt in {SEEDS_DIR}, found {matches}")
    return matches[0]


def read_seed(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------
# SDK type expressions
# --------------------------------------------------------------------------------------

SCALARS = {"str": "string", "float": "number", "int": "integer", "bool": "boolean"}


@dataclass(frozen=True)
class TypeExpr:
    """`name[args...]`; Literal args are kept as python values in `literals`."""

    name: str
    args: tuple[TypeExpr, ...] = ()
    literals: tuple = ()

    def __str__(self) -> str:
        if self.literals:
            return f"{self.name}[{', '.join(repr(v) for v in self.literals)}]"
        if self.args:
            return f"{self.name}[{', '.join(str(a) for a in self.args)}]"
        return self.name


_TOKEN = re.compile(r'\s*(?:(?P<str>"[^"]*")|(?P<name>[A-Za-z_][\w.]*)|(?P<punct>[\[\],]))')


def parse_type(text: str) -> TypeExpr:
    """Parse an SDK type such as `OptionalNullable[models.CreateChatCompletionAudio]`,
    `Union[str, List[str]]` or `Optional[Literal["a", "b"]]`."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot parse type {text!r} at {pos}")
        kind = m.lastgroup
        tokens.append((kind, m.group(kind)))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1

    def parse(i: int) -> tuple[TypeExpr, int]:
        kind, value = tokens[i]
        if kind != "name":
            raise ValueError(f"unexpected {value!r} in type {text!r}")
        i += 1
        if i < len(tokens) and tokens[i] == ("punct", "["):
            i += 1
            args: list[TypeExpr] = []
            literals: list = []
            while True:
                if tokens[i][0] == "str":
                    literals.append(json.loads(tokens[i][1]))
                    i += 1
                else:
                    arg, i = parse(i)
                    args.append(arg)
                if tokens[i] == ("punct", ","):
                    i += 1
                    continue
                if tokens[i] == ("punct", "]"):
                    i += 1
                    break
                raise ValueError(f"unexpected {tokens[i][1]!r} in type {text!r}")
            return TypeExpr(value, tuple(args), tuple(literals)), i
        return TypeExpr(value), i

    expr, end = parse(0)
    if end != len(tokens):
        raise ValueError(f"trailing tokens in type {text!r}")
    return expr


def unwrap_optional(t: TypeExpr) -> tuple[TypeExpr, str]:
    """Strip `Optional[...]` / `OptionalNullable[...]`; returns (inner, wrapper) where
    wrapper is "OptionalNullable", "Optional" or "" (plain)."""
    if t.name in ("Optional", "OptionalNullable") and len(t.args) == 1:
        return t.args[0], t.name
    return t, ""


# --------------------------------------------------------------------------------------
# Markdown parameter tables (003, 004)
# --------------------------------------------------------------------------------------


@dataclass
class ParamRow:
    section: str
    name: str
    type_text: str
    type: TypeExpr
    required: bool
    description: str
    example: str


_MD_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)")


def strip_md_links(text: str) -> str:
    return _MD_LINK.sub(r"\1", text)


def parse_param_tables(text: str) -> dict[str, list[ParamRow]]:
    """Rows of every `### Parameters` table, keyed by the `## section` they are in."""
    tables: dict[str, list[ParamRow]] = {}
    section = None
    in_params = False
    for line in text.splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
            in_params = False
            continue
        if line.startswith("### "):
            in_params = line[4:].strip() == "Parameters"
            continue
        if not in_params or not line.lstrip().startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        m = re.fullmatch(r"`([^`]+)`", cells[0])
        if not m:
            continue  # header or separator row
        type_text = strip_md_links(cells[1]).replace("*", "").strip()
        tables.setdefault(section, []).append(
            ParamRow(
                section=section,
                name=m.group(1),
                type_text=type_text,
                type=parse_type(type_text),
                required=":heavy_check_mark:" in cells[2],
                description=cells[3],
                example=cells[4] if len(cells) > 4 else "",
            )
        )
    return tables


# --------------------------------------------------------------------------------------
# Usage snippets: `res = orq.router.<...>(kwargs)` and the UsageSnippet comments
# --------------------------------------------------------------------------------------


@dataclass
class UsageCall:
    sdk_path: str  # e.g. "router.chat.completions.create"
    kwargs: dict  # python literal values


def _balanced(text: str, open_index: int) -> int:
    """Index just past the parenthesis that closes the one at open_index."""
    depth = 0
    in_str = None
    i = open_index
    while i < len(text):
        ch = text[i]
        if in_str:
            if ch == "\\":
                i += 2
                continue
            if ch == in_str:
                in_str = None
        elif ch in "\"'":
            in_str = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unbalanced parentheses in usage snippet")


def parse_usage_snippets(text: str) -> list[UsageCall]:
    calls = []
    for m in re.finditer(r"\borq\.((?:\w+\.)*\w+)\(", text):
        end = _balanced(text, m.end() - 1)
        expr = ast.parse(text[m.start() : end].strip(), mode="eval").body
        assert isinstance(expr, ast.Call)
        kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in expr.keywords}
        calls.append(UsageCall(sdk_path=m.group(1), kwargs=kwargs))
    return calls


def parse_usage_snippet_comments(text: str) -> list[dict[str, str]]:
    """`<!- UsageSnippet ... operationID="x" method="post" path="/y" ->` attributes."""
    return [
        dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        for m in re.finditer(r"<!-+\s*UsageSnippet([^>]*)->", text)
    ]


# --------------------------------------------------------------------------------------
# Typed dicts of 001
# --------------------------------------------------------------------------------------


@dataclass
class DictField:
    name: str
    deprecated: bool  # the key is struck through: "~~`contact`~~"
    comment: str  # "required", "optional" or ""
    type: TypeExpr | None  # None for a nested dict
    children: list[DictField] = field(default_factory=list)

    @property
    def nested(self) -> bool:
        return self.type is None


_KEY_LINE = re.compile(r'^"(?P<key>[^"]+)":\s*(?P<rest>.*?)\s*$')


def parse_typed_dict(block: str) -> list[DictField]:
    """Parse the `{ "key": Type, # comment ... }` text of 001 into a tree of fields."""
    root: list[DictField] = []
    stack: list[list[DictField]] = []
    for raw in block.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line == "{" and not stack:
            stack.append(root)
            continue
        if line in ("}", "},"):
            stack.pop()
            continue
        m = _KEY_LINE.match(line)
        if not m:
            raise ValueError(f"unexpected line in typed dict: {raw!r}")
        key, rest = m.group("key"), m.group("rest")
        comment = ""
        if "#" in rest:
            rest, comment = rest.split("#", 1)
            comment = comment.strip()
            rest = rest.strip()
        deprecated = key.startswith("~~")
        name = key.strip("~`")
        if rest.startswith("{"):
            node = DictField(name, deprecated, comment, None)
            stack[-1].append(node)
            stack.append(node.children)
        else:
            node = DictField(name, deprecated, comment, parse_type(rest.rstrip(",")))
            stack[-1].append(node)
    if stack:
        raise ValueError("unbalanced braces in typed dict")
    return root


def typed_dict_blocks(text: str) -> tuple[str, str]:
    """(request dict text, response dict text) of seed 001."""
    params = text.index("Show Parameters\nShow Parameters\n") + len(
        "Show Parameters\nShow Parameters\n"
    )
    resp = text.index("Show Response\nShow Response\n")
    return text[params:resp], text[resp + len("Show Response\nShow Response\n") :]


# --------------------------------------------------------------------------------------
# JSON bodies of 002
# --------------------------------------------------------------------------------------


def extract_json_bodies(text: str) -> tuple[str, dict, dict]:
    """(url, request body, response body) of the first curl example in seed 002."""
    url = re.search(r"--url\s+(\S+)", text).group(1)
    start = text.index("--data '") + len("--data '")
    decoder = json.JSONDecoder()
    i = start
    while text[i].isspace():
        i += 1
    request, end = decoder.raw_decode(text, i)
    rest = text.index("'", end) + 1  # closing quote of --data
    while text[rest].isspace():
        rest += 1
    response, _ = decoder.raw_decode(text, rest)
    return url, request, response
