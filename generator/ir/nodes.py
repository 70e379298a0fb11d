"""The intermediate representation of an API: what the templates render, in plain dataclasses.

Built once from the normalised spec by `generator.ir.build`; holds references to model names, never
copies of schemas, so its size grows with the spec and no faster.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from generator.ir.types import TypeNode
from generator.naming import SHADOWABLE

Location = Literal["path", "query", "header", "cookie", "body"]
# OpenAPI's default style of each parameter location (`form` explodes by default, the others do not).
DEFAULT_STYLES = {"path": "simple", "query": "form", "header": "simple", "cookie": "form"}


@dataclass
class Field:
    name: str  # Python identifier
    wire_name: str  # name on the wire (JSON key, query or header name)
    location: Location
    type: TypeNode
    required: bool
    nullable: bool
    description: str = ""
    deprecated: bool = False
    replacement: str = ""  # what to use instead, when deprecated (`deprecation_replacement`)
    default: Any = None
    has_default: bool = False
    example: Any = None
    has_example: bool = False
    explode: bool = True
    style: str = ""  # the parameter's OpenAPI style, its location's default when the spec names none
    allow_reserved: bool = False
    enum_values: tuple[Any, ...] = ()
    constraints: dict[str, Any] = field(default_factory=dict)
    read_only: bool = False  # `readOnly`: sent by the server only, never a request argument
    write_only: bool = False  # `writeOnly`: sent by the client only, optional in the model responses fill

    @property
    def custom_style(self) -> bool:
        """Whether a parameter is serialised otherwise than its location's default (then its OperationSpec says how)."""
        default = DEFAULT_STYLES.get(self.location)
        return default is not None and (
            self.style != default or self.explode != (default == "form") or self.allow_reserved
        )


@dataclass
class Body:
    content_type: str
    required: bool
    type: TypeNode
    model: str | None  # the body model, when the body is a named object
    fields: list[Field]  # flattened keyword arguments; empty when passed whole as `request`
    description: str = ""
    files: dict[str, str] = field(default_factory=dict)  # multipart: binary field wire name -> part type or ""

    @property
    def flattened(self) -> bool:
        return self.model is not None and bool(self.fields)


ResponseKind = Literal["json", "stream", "binary", "text", "empty"]


@dataclass
class Response:
    status: str  # "200", "4XX", "default"
    kind: ResponseKind
    content_type: str | None
    type: TypeNode | None
    description: str = ""
    error_class: str | None = None  # the exception class, for error responses with a schema


@dataclass
class StreamDeltas:
    """How an OpenAI-style stream's chunks (`choices[].delta`) join into the operation's JSON response.

    Found by `generator.ir.build` from the shapes of the chunk and response models, never from their names.
    """

    response: TypeNode  # the response model the chunks join into
    delta: str  # the chunk choice's delta field ("delta"), or "" when the choice carries its fields itself
    message: str  # what the delta becomes in the response's choice ("message"), or ""
    text: str  # the text field of the delta (or of the choice): "content", "text"
    constants: dict[str, Any] = field(default_factory=dict)  # const fields of the response (`object`)
    message_constants: dict[str, Any] = field(default_factory=dict)  # const fields of its message (`role`)


@dataclass
class Stream:
    chunk: TypeNode
    sentinel: str | None
    envelope: bool  # events carry the chunk in `data`; False: the event (data, event, id, retry) is the item
    deltas: StreamDeltas | None = None  # set when the chunks can be joined into the response model
    media_type: str = "text/event-stream"  # or NDJSON / JSON Lines / `application/json-seq`: one item a line (record)
    data_text: bool = False  # the event's data (or the line) is a string item, not JSON to parse


PagingKind = Literal["offsetLimit", "cursor", "url", "link"]


@dataclass
class Pagination:
    """How a paged operation's pages follow each other: `x-speakeasy-pagination`, or `pagination:` in
    sdkgen.yaml (`link`: the `Link: <...>; rel="next"` header). Rendered as the runtime's `Paging`."""

    kind: PagingKind
    item: TypeNode  # the type of the items at `results` (ANY when the schema does not say)
    results: tuple[str, ...] = ()  # JSON keys from the body's root to the items; () the body itself
    input: str = ""  # the wire name of the offset, page or cursor argument
    input_in: str = "query"  # query, header, path or body
    input_type: str = ""  # offset, page or cursor
    limit: str = ""  # the wire name of the limit argument
    limit_in: str = "query"
    start: int = 0  # what an offset or page argument left out stands for (its default, else 0 or 1)
    next_cursor: tuple[str, ...] = ()
    next_url: tuple[str, ...] = ()
    num_pages: tuple[str, ...] = ()

    def runtime_arguments(self) -> list[tuple[str, Any]]:
        """The keyword arguments of the runtime's `Paging` that differ from its defaults, in order."""
        defaults = {"results": (), "input": "", "input_in": "query", "input_type": "", "limit": "",
                    "limit_in": "query", "start": 0, "next_cursor": (), "next_url": (), "num_pages": ()}
        out: list[tuple[str, Any]] = [("kind", self.kind)]
        for key, default in defaults.items():
            value = getattr(self, key)
            if value != default:
                out.append((key, value))
        return out


@dataclass
class Operation:
    operation_id: str
    method: str
    path: str
    group: tuple[str, ...]
    name: str
    summary: str
    description: str
    deprecated: bool
    params: list[Field]
    body: Body | None
    responses: list[Response]  # successful ones
    errors: list[Response]
    stream: Stream | None
    stream_flag: Field | None  # the body's boolean `stream` field, when it picks the response kind
    retries: dict[str, Any] | None
    timeout_ms: int | None
    server_url: str | None = None  # the path's or operation's own server, its variables at their defaults
    security: list[Requirement] = field(default_factory=list)  # alternatives; [] sends no credentials
    replacement: str = ""  # what to use instead, when deprecated (`deprecation_replacement`)
    example: str = ""  # filled by the docs stage
    pagination: Pagination | None = None  # a paged operation: its method returns a page
    idempotency_header: str | None = None  # the header that gets a fresh key per call, unless the caller sets it

    @property
    def call_path(self) -> str:
        return ".".join((*self.group, self.name))

    @property
    def all_fields(self) -> list[Field]:
        return [*self.params, *(self.body.fields if self.body else [])]

    @property
    def styled_params(self) -> list[Field]:
        return [f for f in self.params if f.custom_style]

    @property
    def json_response(self) -> Response | None:
        return next((r for r in self.responses if r.kind != "stream"), None)

    @property
    def results(self) -> list[Response]:
        """The successful answers other than event streams. Several: the result is chosen by status and content type."""
        return [r for r in self.responses if r.kind != "stream"]

    @property
    def by_status(self) -> bool:
        """Whether the result depends on the answer's status and content type (more than one success response)."""
        return len(self.results) > 1

    def result_types(self) -> list[TypeNode | None]:
        """The distinct types of the non-streamed result, None (no content) last; [] when it is always None."""
        out: list[TypeNode | None] = []
        nullable = False
        for r in self.results:
            if r.type is None or r.kind == "empty":
                nullable = True
                continue
            t = r.type.non_null() if r.type.nullable else r.type
            nullable = nullable or r.type.nullable
            if all(t.annotation() != o.annotation() for o in out if o is not None):
                out.append(t)
        return [*out, None] if nullable and out else out

    def result_annotation(self) -> str:
        """The Python type of the non-streamed result: `Pet`, or by status `Pet | Job | None`."""
        if not self.by_status:
            r = self.json_response
            return r.type.annotation() if r is not None and r.type is not None else "None"
        return " | ".join(t.annotation() if t is not None else "None" for t in self.result_types()) or "None"

    @property
    def uploads(self) -> bool:
        """Whether the operation sends files: binary multipart fields, or a whole binary body."""
        body = self.body
        return body is not None and (bool(body.files) or body.type.non_null().input_annotation() == "FileInput")


@dataclass
class Group:
    path: tuple[str, ...]
    class_name: str
    module: str
    description: str = ""
    children: list[Group] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)

    @property
    def attr(self) -> str:
        return self.path[-1] if self.path else ""

    @property
    def shadowed(self) -> frozenset[str]:
        """The names the class's methods and resource attributes shadow in its annotations
        (`list`, `models`): the class spells them `builtins.list`, `_models`."""
        members = {c.attr for c in self.children} | {n for op in self.operations for n in (op.name, f"{op.name}_async")}
        return frozenset(members & SHADOWABLE.keys())

    def walk(self) -> list[Group]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


ModelKind = Literal["object", "enum", "union", "alias"]


@dataclass
class Model:
    name: str
    kind: ModelKind
    description: str
    deprecated: bool = False
    fields: list[Field] = field(default_factory=list)
    enum_values: tuple[Any, ...] = ()
    members: list[TypeNode] = field(default_factory=list)
    discriminator: str | None = None
    inferred: bool = False
    alias_of: TypeNode | None = None


SchemeKind = Literal["apiKey", "bearer", "basic", "clientCredentials"]

# One alternative of a security requirement: the schemes it needs together, each with its scopes.
Requirement = list[tuple[str, list[str]]]


@dataclass
class ServerVariable:
    name: str  # as the URL template writes it
    arg: str  # the client's keyword argument
    default: str
    enum: tuple[str, ...] = ()
    description: str = ""


@dataclass
class Server:
    url: str  # a template: `https://{region}.example.com`
    description: str = ""
    variables: list[ServerVariable] = field(default_factory=list)


@dataclass
class SecurityScheme:
    """One entry of `components/securitySchemes`, as the client takes and sends it."""

    key: str  # the scheme's name in the spec
    kind: SchemeKind  # `bearer` also stands for the other oauth2 flows and openIdConnect
    argument: str  # the client constructor's keyword argument
    env: tuple[str, ...]  # environment variables: one, or two for a pair (basic, clientCredentials)
    location: str = ""  # apiKey: header, query or cookie
    parameter: str = ""  # apiKey: the header, query or cookie name
    token_url: str = ""  # clientCredentials
    description: str = ""

    @property
    def is_pair(self) -> bool:
        return self.kind in ("basic", "clientCredentials")


@dataclass
class Api:
    title: str
    version: str
    description: str
    servers: list[Server]
    schemes: list[SecurityScheme]
    security: list[Requirement]  # the global requirement: alternatives, each a list of (scheme, scopes)
    root: Group
    operations: list[Operation]
    models: dict[str, Model]
    retries: dict[str, Any] | None
    timeout_ms: int | None
    error_classes: dict[str, str]  # exception class -> data model
    # Problems found while building (invalid pagination): (severity, message, pointer parts), as lint's
    problems: list[tuple[str, str, tuple[str | int, ...]]] = field(default_factory=list)

    @property
    def upload_operations(self) -> list[Operation]:
        return [op for op in self.operations if op.uploads]

    @property
    def server_variables(self) -> list[ServerVariable]:
        """One per client keyword argument: the first server's that has it."""
        seen: dict[str, ServerVariable] = {}
        for server in self.servers:
            for var in server.variables:
                seen.setdefault(var.arg, var)
        return list(seen.values())
