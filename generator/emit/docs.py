"""The SDK's markdown reference: README, one page per resource, one page per model.

Everything a page shows comes from the IR; the layout lives in `templates/docs/`. This module adds:
- example calls built from the IR (field examples, defaults, enums, required fields, recursively through
  the models), written as Python literals with `repr`, never by pasting spec text into code;
- the escaping filters of `generator.emit.markdown` for spec text, and the heading anchors it computes
  from the rendered page, so links always match headings.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import pickle
from dataclasses import dataclass
from typing import Any

import jinja2

from generator import cache
from generator.emit.markdown import headings, md_cell, md_code, md_inline, md_text, plain
from generator.emit.templating import templates_digest
from generator.ir import (
    Api,
    Field,
    Group,
    ListOf,
    LiteralOf,
    MapOf,
    Model,
    ModelRef,
    Operation,
    Response,
    Scalar,
    TypeNode,
    UnionOf,
)
from generator.naming import short_name


# -- Python literals for examples --------------------------------------------------------------------
def pystr(value: str) -> str:
    """`repr` of a string, with double quotes when that changes nothing but the delimiters."""
    text = repr(value)
    if text.startswith("'") and "'" not in value and '"' not in value:
        return '"' + text[1:-1] + '"'
    return text


def pylit(value: Any, indent: int = 0, width: int = 100) -> str:
    """A Python literal for JSON-like data; long dicts and lists are split one item a line."""
    one = _one_line(value)
    if indent + len(one) <= width or not isinstance(value, (dict, list)) or not value:
        return one
    pad = " " * (indent + 4)
    if isinstance(value, dict):
        items = [f"{pad}{pystr(str(k))}: {pylit(v, indent + 4, width)}," for k, v in value.items()]
        return "{\n" + "\n".join(items) + "\n" + " " * indent + "}"
    items = [f"{pad}{pylit(v, indent + 4, width)}," for v in value]
    return "[\n" + "\n".join(items) + "\n" + " " * indent + "]"


def _one_line(value: Any) -> str:
    if isinstance(value, str):
        return pystr(value)
    if isinstance(value, bool) or value is None or isinstance(value, (int, bytes)):
        return repr(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else f"float({str(value)!r})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pystr(str(k))}: {_one_line(v)}" for k, v in value.items()) + "}"
    if isinstance(value, tuple):  # a (filename, content) file
        return "(" + ", ".join(_one_line(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, list):
        return "[" + ", ".join(_one_line(v) for v in value) + "]"
    return pystr(str(value))


class Examples:
    """Example values for arguments, from the IR: what a reader can copy and run as it is."""

    def __init__(self, api: Api) -> None:
        self.api = api

    def field(self, f: Field, stack: tuple[str, ...] = ()) -> Any:
        if f.has_example:
            return f.example
        if f.has_default and f.default is not None:
            return f.default
        if f.enum_values:
            return f.enum_values[0]
        return self.value(f.type, stack, f.constraints)

    def value(self, t: TypeNode, stack: tuple[str, ...] = (), constraints: dict[str, Any] | None = None) -> Any:
        """An example value of type `t`: the first real member of a union, one item of a list."""
        t = t.non_null()
        if isinstance(t, UnionOf):
            real = [m for m in t.members if not m.is_kind("null")]
            return self.value(real[0], stack, constraints) if real else None
        if isinstance(t, ModelRef):
            return self.model(t.name, stack)
        if isinstance(t, LiteralOf):
            return t.values[0]
        if isinstance(t, ListOf):
            return [self.value(t.item, stack)]
        if isinstance(t, MapOf):
            return {"key": self.value(t.value, stack)}
        if isinstance(t, Scalar):
            return _scalar(t, constraints or {})
        return None

    def model(self, name: str, stack: tuple[str, ...]) -> Any:
        m = self.api.models.get(name)
        if m is None or name in stack:
            return {}
        stack = (*stack, name)
        if m.kind == "enum":
            return m.enum_values[0] if m.enum_values else None
        if m.kind == "union":
            members = [t for t in m.members if not any(self._deprecated(n) for n in t.models())] or m.members
            return self.value(members[0], stack) if members else {}
        if m.kind == "alias":
            return self.value(m.alias_of, stack) if m.alias_of else {}
        return {f.wire_name: self.field(f, stack) for f in m.fields if f.required}

    def _deprecated(self, name: str) -> bool:
        m = self.api.models.get(name)
        return bool(m and m.deprecated)

    def arguments(self, op: Operation) -> dict[str, Any]:
        """Keyword arguments of an example call: required ones, and optional ones the spec gives an
        example for (deprecated optional ones left out); the stream flag is the caller's choice."""
        args: dict[str, Any] = {}
        for f in op.all_fields:
            if f is op.stream_flag:
                continue
            if f.required or (f.has_example and not f.deprecated):
                args[f.name] = self.field(f)
        if op.body and not op.body.flattened and (op.body.required or not args):
            args["request"] = self.value(op.body.type)
            if isinstance(args["request"], bytes) and "*" in op.body.content_type:
                # `image/*`: the file's name tells which type it is (bytes alone go as application/octet-stream)
                args["request"] = (sample_filename(op.body.content_type), args["request"])
        return args


def sample_filename(content_type: str) -> str:
    """A file name whose extension has the media type (`image/*` -> `example.png`)."""
    major = content_type.split("/")[0].strip().lower()
    return "example." + {"image": "png", "audio": "mp3", "video": "mp4", "text": "txt"}.get(major, "pdf")


def upload_argument(op: Operation) -> tuple[str, str]:
    """The first file argument of an operation that uploads, and a file name of a type it takes."""
    body = op.body
    assert body is not None
    if not body.files:
        return "request", sample_filename(body.content_type)
    field = next(f for f in body.fields if f.wire_name in body.files)
    declared = body.files[field.wire_name]
    ext = _EXTENSIONS.get(declared.strip().lower()) if "," not in declared else None
    return field.name, ("example." + ext) if ext else sample_filename(declared or "application/pdf")


# A fixed table rather than `mimetypes`, whose answers depend on the machine's files.
_EXTENSIONS = {
    "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "application/pdf": "pdf",
    "text/plain": "txt", "text/csv": "csv", "application/json": "json", "audio/mpeg": "mp3", "video/mp4": "mp4",
}


# Example text for scalars whose Python class parses it (pydantic validates body fields from JSON
# strings), by class name; other strings get a placeholder.
_TEXT_SAMPLES = {
    "datetime": "2024-01-01T00:00:00Z", "date": "2024-01-01", "time": "12:00:00", "timedelta": "PT1H",
    "UUID": "00000000-0000-0000-0000-000000000000",
}


def _scalar(t: Scalar, constraints: dict[str, Any]) -> Any:
    name = t.py.name
    if name in ("int", "float", "Decimal"):
        low = constraints.get("minimum", constraints.get("exclusiveMinimum"))
        high = constraints.get("maximum", constraints.get("exclusiveMaximum"))
        value: float = 1
        if isinstance(low, (int, float)) and not isinstance(low, bool) and value <= low:
            value = low + (1 if "exclusiveMinimum" in constraints and "minimum" not in constraints else 0)
        if isinstance(high, (int, float)) and not isinstance(high, bool) and value >= high:
            value = high - (1 if "exclusiveMaximum" in constraints and "maximum" not in constraints else 0)
        return int(value) if name == "int" else float(value)
    if name == "bool":
        return True
    if name == "bytes":
        return b"<file contents>"
    if name in _TEXT_SAMPLES:
        return _TEXT_SAMPLES[name]
    if t.kind == "string":
        return "<value>"
    if name == "Any":
        return {}
    return None


# -- page data ----------------------------------------------------------------------------------------
def model_file(name: str) -> str:
    """A model page's file name. Model names are unique ignoring case, so lower-casing them cannot
    make two pages collide on a case-insensitive file system; a very long one is shortened."""
    return short_name(name.lower()) + ".md"


def group_file(group: Group) -> str:
    return f"docs/sdks/{group.module}/README.md"


def group_title(group: Group, client_class: str) -> str:
    return ".".join(p[:1].upper() + p[1:] for p in group.path) if group.path else client_class


def md_type(t: TypeNode | None, models_dir: str, argument: bool = False) -> str:
    """A type for a table cell or a sentence, each model name linked to its page; `argument`: as a
    method takes it (binary data is a `FileInput`, not only `bytes`)."""
    if t is None:
        return "None"
    text = _argument_type_text if argument else _type_text
    return t.docs(lambda name: f"[models.{name}]({models_dir}{model_file(name)})", text)


def _argument_type_text(text: str) -> str:
    return _type_text("FileInput" if text == "bytes" else text)


def _type_text(text: str) -> str:
    return plain(text).replace("[", "\\[").replace("]", "\\]").replace("*", "\\*").replace("_", "\\_")


_CONSTRAINTS = {
    "minimum": "Minimum", "maximum": "Maximum", "exclusiveMinimum": "Greater than", "exclusiveMaximum": "Less than",
    "minLength": "Minimum length", "maxLength": "Maximum length", "pattern": "Pattern",
    "minItems": "Minimum items", "maxItems": "Maximum items",
}


@dataclass
class ErrorRow:
    error: str
    statuses: str
    content_type: str
    data_model: str | None = None


# -- rendering --------------------------------------------------------------------------------------
@dataclass
class Docs:
    api: Api
    client_class: str
    client_var: str
    examples: Examples

    def call(
        self, op: Operation, indent: int, stream: bool = False, is_async: bool = False, extra: dict[str, str] | None = None,
        view: str = "",
    ) -> str:
        """`orq.router.x.create(...)` with example arguments, one a line, for a block at `indent`.
        `view`: "with_raw_response" or "with_streaming_response", put before the method."""
        path = ".".join((self.client_var, *op.group, *([view] if view else []), op.name + ("_async" if is_async else "")))
        extra = extra or {}
        lines = [
            f"{name}={extra.get(name) or pylit(value, indent + 4)}" for name, value in self.examples.arguments(op).items()
        ]
        if op.stream_flag is not None and (stream or op.stream_flag.required or op.stream_flag.default is True):
            lines.append(f"{op.stream_flag.name}={stream!r}")
        given = self.examples.arguments(op)
        lines.extend(f"{k}={v}" for k, v in extra.items() if k not in given)
        prefix = "await " if is_async else ""
        if not lines:
            return f"{prefix}{path}()"
        pad = " " * (indent + 4)
        return f"{prefix}{path}(\n" + "".join(f"{pad}{line},\n" for line in lines) + " " * indent + ")"

    def client(self, args: list[str], indent: int) -> str:
        """`Client(arg, ...)`, on one line when it fits, else one argument a line."""
        name = self.client_class
        one = f"{name}({', '.join(args)})"
        if indent + len(one) + len(self.client_var) + 10 <= 100 or not args:
            return one
        pad = " " * (indent + 4)
        return f"{name}(\n" + "".join(f"{pad}{a},\n" for a in args) + " " * indent + ")"

    @staticmethod
    def streams(op: Operation, stream: bool = False) -> bool:
        """Whether the example gets an event stream back: asked for one, or the only answer there is."""
        return stream or (op.stream is not None and op.json_response is None)

    @staticmethod
    def stream_kind(op: Operation) -> str:
        """The wire format of the operation's stream, in words, for the README."""
        media = op.stream.media_type if op.stream is not None else ""
        if media == "text/event-stream":
            return "server-sent events"
        if media == "application/json-seq":
            return "JSON text sequences (`application/json-seq`, RFC 7464: one JSON value a record)"
        if media == "application/x-ndjson":
            return "newline-delimited JSON (`application/x-ndjson`: one JSON value a line)"
        return f"JSON Lines (`{media}`: one JSON value a line)"

    def other_streams(self, shown: Operation) -> list[Operation]:
        """One streaming operation per wire format other than the one of `shown`, for the README's examples."""
        seen = {shown.stream.media_type if shown.stream is not None else ""}
        out = []
        for op in self.api.operations:
            if op.stream is not None and not op.deprecated and op.stream.media_type not in seen:
                seen.add(op.stream.media_type)
                out.append(op)
        return out

    def event_models(self) -> list[Operation]:
        """The operations whose server-sent events are described whole (`event`, `id`, `retry`, `data`)."""
        return [op for op in self.api.operations if op.stream is not None and not op.stream.envelope]

    @staticmethod
    def returns(op: Operation) -> bool:
        """Whether a non-streaming call returns something worth printing."""
        return op.json_response is not None and op.json_response.kind != "empty"

    @staticmethod
    def example_value(f: Field) -> str:
        return md_code(_one_line(f.example)) if f.has_example else ""

    def error_rows(self, op: Operation) -> list[ErrorRow]:
        """Typed errors first, then `APIError` for every other 4XX/5XX answer."""
        rows: dict[str, ErrorRow] = {}
        for r in op.errors:
            if r.error_class:
                data = self.api.error_classes.get(r.error_class)
                row = rows.setdefault(r.error_class, ErrorRow(f"models.{r.error_class}", "", r.content_type or "*/*", data))
                row.statuses = ", ".join(filter(None, [row.statuses, r.status]))
        rows["APIError"] = ErrorRow("models.APIError", "4XX, 5XX", "*/*")
        return list(rows.values())

    @staticmethod
    def required_mark(required: bool) -> str:
        return ":heavy_check_mark:" if required else ":heavy_minus_sign:"

    @staticmethod
    def field_description(f: Field, wire_note: bool = False) -> str:
        """A field's description cell: deprecation, text, wire name, default, constraints."""
        parts = []
        if f.deprecated:
            parts.append(":warning: **Deprecated**: this will be removed in a future version.")
        if f.description:
            text = md_cell(f.description)
            parts.append(text if text.endswith((".", "!", "?", ":", "`", ")")) else text + ".")
        if wire_note and f.wire_name != f.name:
            parts.append(f"JSON name: {md_code(f.wire_name)}.")
        if f.has_default:
            parts.append(f"Default: {md_code(_one_line(f.default))}.")
        for key, value in f.constraints.items():
            parts.append(f"{_CONSTRAINTS.get(key, md_inline(key))}: {md_code(_one_line(value))}.")
        return " ".join(parts) or "N/A"

    @staticmethod
    def response_line(r: Response, models_dir: str) -> str:
        if r.kind == "empty" or r.type is None:
            return "`None`"
        return f"**{md_type(r.type, models_dir)}** ({md_code(r.content_type or '')})"


def _showcase(api: Api) -> tuple[Operation | None, Operation | None]:
    """The operation the README's examples call, and the one its streaming example calls."""
    ops = api.operations
    plain = next((o for o in ops if not o.deprecated and o.json_response and o.json_response.kind == "json"), None)
    plain = plain or next((o for o in ops if o.json_response), None) or (ops[0] if ops else None)
    streaming = next((o for o in ops if o.stream and not o.deprecated), None) or next((o for o in ops if o.stream), None)
    return plain, streaming


def render_docs(api: Api, sdk: Any, env: jinja2.Environment) -> dict[str, str]:
    """README.md, docs/sdks/<resource>/README.md and docs/models/<model>.md, by path."""
    env.filters.update(md_cell=md_cell, md_inline=md_inline, md_text=md_text, md_code=md_code, pylit=pylit)
    docs = Docs(api, sdk.client_class, sdk.client_var, Examples(api))
    groups = [g for g in api.root.walk() if g.operations]
    ctx: dict[str, Any] = {
        "api": api, "sdk": sdk, "docs": docs, "groups": groups, "md_type": md_type, "model_file": model_file,
        "group_file": group_file, "group_title": group_title,
    }
    files: dict[str, str] = {}
    anchors: dict[str, str] = {}  # operation id -> anchor on its resource page
    resource = env.get_template("docs/resource.md.jinja")
    digests = _Digests(api.models)
    pages = _ResourcePages(api, sdk, resource, ctx, digests)
    for group in groups:
        # Two passes: headings do not depend on anchors, so the first render tells the anchors. A page
        # reads only its own operations' anchors: where those are the names it was first rendered
        # with (nearly always), that render is the page (GitHub's docs: CPU 1.34 -> 1.11 s).
        first, found = pages.first(group)
        anchors.update(found)
        named = {op.operation_id: op.name for op in group.operations}
        files[group_file(group)] = first if found == named else resource.render(group=group, anchors=anchors, **ctx)
    pages.pack.save()
    plain, streaming = _showcase(api)
    paged = [o for o in api.operations if o.pagination is not None]
    uploading = next((op for op in api.upload_operations if not op.deprecated), None)
    files["README.md"] = env.get_template("docs/readme.md.jinja").render(
        anchors=anchors, showcase=plain, streaming=streaming, paged=paged,
        paging=next((o for o in paged if not o.deprecated), paged[0] if paged else None),
        uploading=uploading, upload_argument=upload_argument(uploading) if uploading else None, **ctx
    )
    files.update(_model_pages(api, env, digests, sdk.package))
    return {path: text.rstrip("\n") + "\n" for path, text in files.items()}


class _Digests:
    """A hash of each model's pickle, made when first asked for: what the cached pages that read
    a model are checked against."""

    def __init__(self, models: dict[str, Model]) -> None:
        self.models = models
        self._known: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        digest = self._known.get(name)
        if digest is None:
            model = self.models.get(name)
            digest = self._known[name] = "-" if model is None else hashlib.sha256(pickle.dumps(model, protocol=5)).hexdigest()
        return digest


class _Reads:
    """A mapping as a page reads it: through `get`, each read recorded (kind, name)."""

    def __init__(self, entries: dict[str, Any], kind: str, reads: set[tuple[str, str]]) -> None:
        self._entries, self._kind, self._reads = entries, kind, reads

    def get(self, name: str, default: Any = None) -> Any:
        self._reads.add((self._kind, name))
        return self._entries.get(name, default)


@dataclass(frozen=True)
class _PageApi:
    """All a resource page reads of the `Api` (the template sees nothing else: `StrictUndefined`):
    the schemes and servers its examples open the client with, and, through the examples and the
    error tables, the models and error classes they name (recorded)."""

    schemes: list[Any]
    servers: list[Any]
    models: _Reads
    error_classes: _Reads


class _ResourcePages:
    """docs/sdks/<group>/README.md as first rendered (`render_docs`), each reused from the cache when
    its group, the settings, the schemes and servers, and every model and error class it read are
    unchanged: after an edit only the pages that show what changed are rendered again (GitHub's
    47 pages took 0.75 s of the docs' process)."""

    def __init__(self, api: Api, sdk: Any, template: jinja2.Template, ctx: dict[str, Any], digests: _Digests) -> None:
        self.api, self.template, self.digests = api, template, digests
        self.ctx = {k: v for k, v in ctx.items() if k not in ("api", "docs", "groups")}
        self.pack = cache.Pack("rendered", "resource pages", sdk.package, templates_digest())
        self.shared = pickle.dumps((sdk, api.schemes, api.servers), protocol=5)

    def first(self, group: Group) -> tuple[str, dict[str, str]]:
        """The page rendered with its operations' names as their anchors, and the anchors it has."""
        if not self.pack.enabled:
            return self._render(group)[:2]
        key = cache.key("resource page", group_file(group), self.shared, pickle.dumps(group, protocol=5))
        hit = self.pack.get(key)
        if hit is not None:
            entry = json.loads(hit)
            if all(self._digest(kind, name) == digest for kind, name, digest in entry["reads"]):
                return entry["text"], entry["anchors"]
        text, found, reads = self._render(group)
        recorded = [[kind, name, self._digest(kind, name)] for kind, name in sorted(reads)]
        self.pack.add(key, json.dumps({"reads": recorded, "anchors": found, "text": text}).encode())
        return text, found

    def _render(self, group: Group) -> tuple[str, dict[str, str], set[tuple[str, str]]]:
        reads: set[tuple[str, str]] = set()
        api = _PageApi(
            self.api.schemes, self.api.servers, _Reads(self.api.models, "model", reads), _Reads(self.api.error_classes, "error", reads)
        )
        docs = Docs(api, self.ctx["sdk"].client_class, self.ctx["sdk"].client_var, Examples(api))  # type: ignore[arg-type]
        named = {op.operation_id: op.name for op in group.operations}
        text = self.template.render(group=group, anchors=named, api=api, docs=docs, **self.ctx)
        return text, _operation_anchors(text, group.operations), reads

    def _digest(self, kind: str, name: str) -> str:
        if kind == "model":
            return self.digests(name)
        value = self.api.error_classes.get(name)
        return "-" if value is None else hashlib.sha256(pickle.dumps(value, protocol=5)).hexdigest()


class _ModelDocs:
    """What a model's page reads of `Docs`: functions of one field, so that the page is a function
    of its model alone (the template sees nothing else: `StrictUndefined`)."""

    required_mark = staticmethod(Docs.required_mark)
    field_description = staticmethod(Docs.field_description)
    example_value = staticmethod(Docs.example_value)


def _model_pages(api: Api, env: jinja2.Environment, digests: _Digests, package: str) -> dict[str, str]:
    """docs/models/<model>.md, each reused from the cache when the pickle of its model is unchanged:
    after an edit of one schema only its page is rendered again (GitHub's 7,000 pages take 0.6 s)."""
    template = env.get_template("docs/model.md.jinja")
    pack = cache.Pack("rendered", "model pages", package, templates_digest())  # a pack per SDK: none evicts another's
    files: dict[str, str] = {}
    page_key = cache.keys("model page")
    for name, m in api.models.items():
        path = f"docs/models/{model_file(name)}"
        key = page_key(path, digests(name)) if pack.enabled else None
        files[path] = pack.text(key, functools.partial(template.render, model=m, md_type=md_type, docs=_ModelDocs))
    pack.save()
    return files


def _operation_anchors(markdown: str, operations: list[Operation]) -> dict[str, str]:
    """Each operation's anchor: the level-2 headings that read as its name, in page order."""
    names = iter(operations)
    out: dict[str, str] = {}
    pending = next(names, None)
    for level, text, anchor in headings(markdown):
        if pending is not None and level == 2 and text == pending.name:
            out[pending.operation_id] = anchor
            pending = next(names, None)
    return out
