"""A local HTTP server that plays the API a spec describes, for running the docs' examples.

Each request is matched to an operation, checked against the spec (the base path of one of its
servers, every parameter deserialised as its style and location say and validated against its
schema, the credentials of one of the operation's security alternatives, and the JSON body against
the request body schema with openapi-schema-validator), and
answered with a body generated from the response schema and itself validated against it: JSON, or
server-sent events ending with the sentinel (or NDJSON / JSON Lines / JSON text sequence items)
when the call asked for a stream. The path of each
OAuth2 clientCredentials `tokenUrl` is a token endpoint (requests reach it through `redirected`,
which sends every host here): it checks the grant and hands out tokens the operations then require.

Prism (the mock server in .tools/) is not used here: it does not produce `text/event-stream` chunks,
and a Python server in-process needs no Node and starts in milliseconds.
"""

from __future__ import annotations

import base64
import fnmatch
import json
import re
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlsplit

from openapi_schema_validator import OAS30Validator, OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.load import load_spec

ROOT = "urn:spec"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _pointer(*parts: str) -> str:
    return "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


# The media types of streamed answers: server-sent events, JSON lines, JSON text sequences.
STREAM_TYPES = (
    "text/event-stream",
    "application/x-ndjson",
    "application/jsonl",
    "application/x-jsonlines",
    "application/json-lines",
    "application/json-seq",
)


@dataclass
class Route:
    method: str
    pattern: re.Pattern[str]
    path: str
    op: dict[str, Any]
    parameters: list[tuple[dict[str, Any], str]]  # each parameter, and the pointer to its schema
    bases: tuple[str, ...]  # the base paths of the operation's servers
    names: tuple[str, ...]  # the path parameters, in the order of the pattern's groups p0, p1, ...


@dataclass
class Recorded:
    operation_id: str
    method: str
    path: str
    headers: dict[str, str]
    body: Any
    streamed: bool


@dataclass
class SpecServer:
    spec_path: Path
    requests: list[Recorded] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.doc = load_spec(self.spec_path)
        cls = OAS31Validator if str(self.doc.get("openapi", "")).startswith("3.1") else OAS30Validator
        self.validator_class = cls
        self.registry = Registry().with_resource(ROOT, Resource.from_contents(self.doc, default_specification=DRAFT202012))
        self.routes: list[Route] = []
        self.server_urls: list[dict[str, Any]] = list(self.doc.get("servers") or [{"url": "/"}])
        for path, item in (self.doc.get("paths") or {}).items():
            names: list[str] = []

            def group(match: re.Match[str], names: list[str] = names) -> str:
                names.append(unquote(match.group(0)[2:-2]))
                return f"(?P<p{len(names) - 1}>[^/]+)"

            pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", group, re.escape(path)) + "$")
            for method in METHODS:
                if method not in item:
                    continue
                params: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
                for where, entries in (((), item.get("parameters")), ((method,), item[method].get("parameters"))):
                    for i, entry in enumerate(entries or []):
                        ref = entry.get("$ref") if isinstance(entry, dict) else None
                        pointer = ref if isinstance(ref, str) else _pointer("paths", path, *where, "parameters", str(i))
                        param = self.deref(entry)
                        params[(param["in"], param["name"])] = (param, pointer + "/schema")  # the operation's win
                servers = item[method].get("servers") or item.get("servers") or self.doc.get("servers") or [{"url": "/"}]
                self.server_urls += [s for s in [*(item.get("servers") or []), *(item[method].get("servers") or [])]]
                bases = tuple(sorted({urlsplit(self.fill(s, "x")).path.rstrip("/") for s in servers}))
                self.routes.append(Route(method.upper(), pattern, path, item[method], list(params.values()), bases, tuple(names)))
        self.schemes: dict[str, dict[str, Any]] = {
            k: self.deref(v) for k, v in ((self.doc.get("components") or {}).get("securitySchemes") or {}).items()
        }
        self.token_paths = {
            urlsplit(flow["tokenUrl"]).path: key
            for key, scheme in self.schemes.items()
            if scheme.get("type") == "oauth2"
            for name, flow in (scheme.get("flows") or {}).items()
            if name == "clientCredentials"
        }
        self.issued: dict[str, tuple[str, tuple[str, ...]]] = {}  # token -> (scheme, scopes)
        self.token_requests: list[dict[str, str]] = []

    @staticmethod
    def fill(server: dict[str, Any], value: str | None = None) -> str:
        """The server's URL with each variable set to `value` (default: the variable's default)."""
        variables = server.get("variables") or {}
        return re.sub(r"\{([^}]+)\}", lambda m: value if value is not None else str(variables[m.group(1)]["default"]), server["url"])

    def host_allowed(self, host: str) -> bool:
        """Whether `scheme://host[:port]` is the host of one of the spec's servers (any of its
        variables' allowed values, or anything for a variable without `enum`) or of a token URL."""
        for server in self.server_urls:
            origin = re.match(r"^[a-z]+://[^/]*", server["url"])
            variables = server.get("variables") or {}
            parts = re.split(r"\{([^}]+)\}", origin.group(0) if origin else "")
            regex = "".join(
                re.escape(part) if i % 2 == 0
                else "(?:" + "|".join(re.escape(str(v)) for v in variables[part]["enum"]) + ")"
                if (variables.get(part) or {}).get("enum")
                else "[^/:]+"
                for i, part in enumerate(parts)
            )
            if origin and re.fullmatch(regex, host):
                return True
        token_hosts = {
            "{0.scheme}://{0.netloc}".format(urlsplit(flow["tokenUrl"]))
            for scheme in self.schemes.values()
            for flow in (scheme.get("flows") or {}).values()
            if "tokenUrl" in flow
        }
        return host in token_hosts

    # -- schemas -------------------------------------------------------------------------------
    def deref(self, node: Any) -> Any:
        for _ in range(50):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                return node
            target: Any = self.doc
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        raise AssertionError("$ref loop")

    def errors(self, instance: Any, pointer: str) -> list[str]:
        """What is wrong with `instance` against the schema at `pointer` in the spec."""
        validator = self.validator_class({"$ref": ROOT + pointer}, registry=self.registry)
        return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:300]}" for e in validator.iter_errors(instance)]

    def sample(self, schema: Any, stack: tuple[str, ...] = ()) -> Any:
        """A small instance of `schema`: required properties only, first enum value or branch."""
        if isinstance(schema, dict) and "$ref" in schema:
            ref = schema["$ref"]
            if stack.count(ref) > 1:
                raise AssertionError(f"cannot sample a required recursive schema {ref}")
            return self.sample(self.deref(schema), (*stack, ref))
        if not isinstance(schema, dict):
            return {}
        if "const" in schema:
            return schema["const"]
        if isinstance(schema.get("enum"), list):
            return next((v for v in schema["enum"] if v is not None), None)
        if schema.get("allOf"):
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                value = self.sample(part, stack)
                if isinstance(value, dict):
                    merged.update(value)
            return merged
        for key in ("oneOf", "anyOf"):
            branches = [b for b in schema.get(key) or [] if self.deref(b).get("type") != "null"]
            if branches:
                return self.sample(branches[0], stack)
        t = schema.get("type")
        if isinstance(t, list):
            t = next((x for x in t if x != "null"), "null")
        if t == "object" or "properties" in schema:
            props = schema.get("properties") or {}
            return {k: self.sample(props.get(k, {}), stack) for k in schema.get("required") or []}
        if t == "array":
            return [self.sample(schema.get("items") or {}, stack) for _ in range(max(1, int(schema.get("minItems", 1))))]
        if t == "string":
            return "2024-01-01T00:00:00Z" if schema.get("format") == "date-time" else "x" * max(1, int(schema.get("minLength", 1)))
        if t in ("integer", "number"):
            low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
            return int(low) + 1 if t == "integer" else float(low) + 0.5
        if t == "boolean":
            return True
        if t == "null":
            return None
        return {}

    # -- serving -------------------------------------------------------------------------------
    def __enter__(self) -> Self:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # one request a connection; a stream ends when it closes

            def log_message(self, *args: Any) -> None:
                pass

            def handle_one(self) -> None:
                try:
                    status, ctype, payload = server.answer(self)
                except Exception as exc:  # noqa: BLE001 - a bug of this server: report it to the test, not to the SDK
                    server.problems.append(f"{self.command} {self.path}: server error {exc!r}")
                    status, ctype, payload = 500, "application/json", json.dumps({"error": repr(exc)}).encode()
                self.send_response(status)
                if ctype:
                    self.send_header("content-type", ctype)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = handle_one

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def reject(self, problem: str) -> tuple[int, str, bytes]:
        self.problems.append(problem)
        return 422, "application/json", json.dumps({"error": problem}).encode()

    def answer(self, req: BaseHTTPRequestHandler) -> tuple[int, str, bytes]:
        url = urlsplit(req.path)
        length = int(req.headers.get("content-length") or 0)
        raw = req.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in req.headers.items()}
        if req.command == "POST" and url.path in self.token_paths:
            return self.token(self.token_paths[url.path], headers, raw)
        matches = [
            (r, m)
            for r in self.routes
            if r.method == req.command
            for base in r.bases
            if url.path.startswith(base + "/") and (m := r.pattern.match(url.path[len(base):]))
        ]
        if not matches:
            return self.reject(f"{req.command} {unquote(url.path)}: no such operation in the spec under its servers' base paths")
        route, found = matches[0]
        path = unquote(url.path[len(next(b for b in route.bases if url.path.startswith(b + "/"))):])
        op_id = route.op.get("operationId", f"{route.method} {route.path}")
        query = parse_qsl(url.query, keep_blank_values=True)
        cookies = dict(
            part.strip().split("=", 1) for part in headers.get("cookie", "").split(";") if "=" in part
        )
        path_values = {name: found.group(f"p{i}") for i, name in enumerate(route.names)}
        for param, pointer in route.parameters:
            problem = self.check_parameter(param, pointer, path_values, query, headers, cookies)
            if problem:
                return self.reject(f"{op_id}: {problem}")
        problem = self.check_security(route, headers, dict(query), cookies)
        if problem:
            return self.reject(f"{op_id}: {problem}")
        body: Any = None
        request_body = self.deref(route.op.get("requestBody")) or {}
        content = request_body.get("content") or {}
        if content:
            ctype = headers.get("content-type", "").split(";")[0]
            if not raw and request_body.get("required"):
                return self.reject(f"{op_id}: the required request body is missing")
            if raw and ctype not in content:
                ctype = next((c for c in content if "*" in c and fnmatch.fnmatchcase(ctype, c)), ctype)  # `image/*`
            if raw and ctype not in content:
                return self.reject(f"{op_id}: content type {ctype!r} is not one of {sorted(content)}")
            if raw and "json" in ctype:
                body = json.loads(raw)
                pointer = _pointer("paths", route.path, route.method.lower(), "requestBody", "content", ctype, "schema")
                if route.op.get("requestBody", {}).get("$ref"):
                    pointer = route.op["requestBody"]["$ref"] + "/" + _pointer("content", ctype, "schema")[2:]
                problems = self.errors(body, pointer)
                if problems:
                    return self.reject(f"{op_id}: the request body does not match the spec: {problems}")
            elif raw:
                body = raw.decode("latin-1")
                schema = self.deref(content[ctype].get("schema") or {})
                for name in schema.get("required") or []:
                    if f'name="{name}"' not in body and f"{name}=" not in body:
                        return self.reject(f"{op_id}: required form field {name!r} missing")
        want_stream = isinstance(body, dict) and body.get("stream") is True
        status, media = self.success(route)
        if status is None:
            return self.reject(f"{op_id}: the spec gives no successful response")
        stream_type = next((c for c in media if c in STREAM_TYPES), None)
        streams = stream_type is not None and (want_stream or len(media) == 1)
        self.requests.append(Recorded(op_id, route.method, path, headers, body, streams))
        if want_stream and not streams:
            return self.reject(f"{op_id}: stream requested, but the spec has no streaming answer")
        if streams and stream_type not in headers.get("accept", ""):
            return self.reject(f"{op_id}: a streaming call must accept {stream_type}")
        if streams:
            assert stream_type is not None
            return 200, stream_type, self.events(route, status, stream_type)
        if not media:
            return int(status), "", b""
        ctype = next((c for c in media if c not in STREAM_TYPES), None)
        if ctype is None:
            return self.reject(f"{op_id}: only an event stream is documented, and none was asked for")
        pointer = _pointer("paths", route.path, route.method.lower(), "responses", status, "content", ctype, "schema")
        if "json" in ctype:
            value = self.sample(media[ctype].get("schema") or {})
            value = self.end_of_pages(route.op.get("x-speakeasy-pagination"), value, dict(query), body)
            problems = self.errors(value, pointer)
            assert not problems, f"the mock's own answer for {op_id} is invalid: {problems}"
            return int(status), ctype, json.dumps(value).encode()
        if ctype.startswith("text/"):
            return int(status), ctype, b"text answer"
        return int(status), ctype, b"\x89PNG\r\n\x1a\n"

    @staticmethod
    def end_of_pages(paging: Any, value: Any, query: dict[str, str], body: Any) -> Any:
        """A paged operation's sample answer that lets an example's walk end: no next cursor or URL,
        and no items once the call asks for a following page (it carries an offset, page or cursor)."""
        if not isinstance(paging, dict) or not isinstance(value, dict):
            return value
        outputs = paging.get("outputs") or {}

        def put(path: Any, new: Any) -> None:
            keys = path[2:].split(".") if isinstance(path, str) and path.startswith("$.") else []
            holder = value
            for key in keys[:-1]:
                holder = holder.get(key) if isinstance(holder, dict) else None
            if keys and isinstance(holder, dict) and keys[-1] in holder:
                holder[keys[-1]] = new

        for key in ("nextCursor", "nextUrl"):
            put(outputs.get(key), None)
        inputs = [i for i in paging.get("inputs") or [] if isinstance(i, dict) and i.get("type") != "limit"]
        sent = {**query, **(body if isinstance(body, dict) else {})}
        if any(i.get("name") in sent for i in inputs):
            put(outputs.get("results"), [])
        return value

    # -- credentials -------------------------------------------------------------------------
    def token(self, key: str, headers: dict[str, str], raw: bytes) -> tuple[int, str, bytes]:
        """The token endpoint of a clientCredentials flow: client authenticated with HTTP basic (or
        `client_id`/`client_secret` in the form), `grant_type=client_credentials`, known scopes."""
        form = dict(parse_qsl(raw.decode("latin-1")))
        if form.get("grant_type") != "client_credentials":
            return self.reject(f"token endpoint of {key}: grant_type {form.get('grant_type')!r}, not client_credentials")
        client = self.basic(headers) or ((form["client_id"], form.get("client_secret", "")) if form.get("client_id") else None)
        if client is None or not all(client):
            return self.reject(f"token endpoint of {key}: no client id and secret")
        flow = self.schemes[key]["flows"]["clientCredentials"]
        scopes = tuple(form.get("scope", "").split())
        unknown = [s for s in scopes if s not in (flow.get("scopes") or {})]
        if unknown:
            return self.reject(f"token endpoint of {key}: unknown scopes {unknown}")
        token = secrets.token_urlsafe(12)
        self.issued[token] = (key, scopes)
        self.token_requests.append({"scheme": key, "client_id": client[0], "scope": " ".join(scopes)})
        answer = {"access_token": token, "token_type": "Bearer", "expires_in": 3600}
        return 200, "application/json", json.dumps(answer).encode()

    @staticmethod
    def basic(headers: dict[str, str]) -> tuple[str, str] | None:
        kind, _, value = headers.get("authorization", "").partition(" ")
        if kind.lower() != "basic":
            return None
        try:
            user, sep, password = base64.b64decode(value, validate=True).decode().partition(":")
        except ValueError:
            return None
        return (unquote(user), unquote(password)) if sep else None

    def satisfied(self, key: str, scopes: list[str], headers: dict[str, str], query: dict[str, str], cookies: dict[str, str]) -> str | None:
        """None if the request carries the credentials of scheme `key`, else what is missing."""
        scheme = self.schemes.get(key)
        if scheme is None:
            return f"the spec names an unknown scheme {key!r}"
        kind = scheme.get("type")
        if kind == "apiKey":
            where = {"header": headers, "query": query, "cookie": cookies}[scheme["in"]]
            name = scheme["name"].lower() if scheme["in"] == "header" else scheme["name"]
            return None if where.get(name, "").strip() else f"{key}: no {scheme['in']} {scheme['name']!r}"
        auth = headers.get("authorization", "")
        if kind == "http" and scheme.get("scheme", "").lower() == "basic":
            pair = self.basic(headers)
            return None if pair and all(pair) else f"{key}: no 'Authorization: Basic' with username and password"
        bearer = auth[7:].strip() if auth[:7].lower() == "bearer " else ""
        if not bearer:
            return f"{key}: no 'Authorization: Bearer' token"
        if kind == "oauth2" and "clientCredentials" in (scheme.get("flows") or {}):
            issued = self.issued.get(bearer)
            if issued is None or issued[0] != key:
                return f"{key}: the bearer token was not issued by its token endpoint"
            if not set(scopes) <= set(issued[1]):
                return f"{key}: the token has scopes {list(issued[1])}, the operation needs {scopes}"
        return None

    def check_security(self, route: Route, headers: dict[str, str], query: dict[str, str], cookies: dict[str, str]) -> str | None:
        """None if one of the operation's security alternatives (all its schemes) is satisfied."""
        requirement = route.op["security"] if "security" in route.op else self.doc.get("security") or []
        if not requirement or any(not alt for alt in requirement):
            return None  # `security: []`, or an empty alternative: no credentials needed
        missing = []
        for alternative in requirement:
            problems = [p for k, v in alternative.items() if (p := self.satisfied(k, list(v or []), headers, query, cookies))]
            if not problems:
                return None
            missing.append(" and ".join(problems))
        return "credentials missing: " + "; or ".join(missing)

    # -- parameters ----------------------------------------------------------------------------
    def check_parameter(
        self,
        param: dict[str, Any],
        pointer: str,
        path_values: dict[str, str],
        query: list[tuple[str, str]],
        headers: dict[str, str],
        cookies: dict[str, str],
    ) -> str | None:
        """None if the parameter is serialised as its style says (or absent and optional) and its
        value, deserialised, matches its schema; else what is wrong."""
        name, where = param["name"], param["in"]
        schema = self.deref(param.get("schema") or {})
        kind = "array" if schema.get("type") == "array" else "object" if schema.get("type") == "object" or "properties" in schema else "primitive"
        style = param.get("style") or {"query": "form", "cookie": "form"}.get(where, "simple")
        explode = param.get("explode", style == "form")
        value: Any = None
        if where == "path":
            raw = unquote(path_values[name])
            if style == "label":
                if not raw.startswith("."):
                    return f"path parameter {name!r} of style label does not start with '.': {raw!r}"
                items = raw[1:].split(".") if kind != "primitive" else [raw[1:]]  # '.' separates, exploded or not
                value = self.assemble(kind, items, explode)
            elif style == "matrix":
                prefix = f";{name}="
                if kind == "object" and explode:
                    value = dict(part.split("=", 1) for part in raw.split(";")[1:] if "=" in part) if raw.startswith(";") else None
                elif kind == "array" and explode:
                    parts = raw.split(";")[1:]
                    if not raw.startswith(prefix) or any(not p.startswith(name + "=") for p in parts):
                        return f"path parameter {name!r} of style matrix (exploded) is not ';{name}=..' repeated: {raw!r}"
                    value = [p[len(name) + 1:] for p in parts]
                else:
                    if not raw.startswith(prefix):
                        return f"path parameter {name!r} of style matrix does not start with {prefix!r}: {raw!r}"
                    value = self.assemble(kind, raw[len(prefix):].split(","), False)
                if value is None:
                    return f"path parameter {name!r} of style matrix is malformed: {raw!r}"
            else:
                value = self.assemble(kind, raw.split(","), explode)
        elif where == "query":
            mine = [v for k, v in query if k == name]
            if style == "deepObject":
                value = {k[len(name) + 1:-1]: v for k, v in query if k.startswith(name + "[") and k.endswith("]")} or None
            elif kind == "object" and explode:
                props = schema.get("properties") or {}
                value = {k: v for k, v in query if k in props} or None
            elif kind == "array" and explode:
                value = mine or None
            elif mine:
                if len(mine) > 1:
                    return f"query parameter {name!r} (not exploded) is sent {len(mine)} times"
                sep = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")
                value = self.assemble(kind, mine[0].split(sep), False)
        elif where == "header":
            raw_header = headers.get(name.lower())
            value = None if raw_header is None else self.assemble(kind, raw_header.split(","), explode)
        elif where == "cookie":
            raw_cookie = cookies.get(name)
            value = None if raw_cookie is None else self.assemble(kind, unquote(raw_cookie).split(","), False)
        if value is None:
            return f"required {where} parameter {name!r} missing" if param.get("required") else None
        problems = self.errors(self.coerce(value, schema), pointer)
        return f"{where} parameter {name!r} = {value!r} does not match the spec: {problems}" if problems else None

    @staticmethod
    def assemble(kind: str, items: list[str], explode: bool) -> Any:
        """The array, object (`k=v` items when exploded, else k, v, k, v) or primitive of split items."""
        if kind == "array":
            return items
        if kind == "object":
            if explode:
                return dict(item.split("=", 1) for item in items if "=" in item) if all("=" in i for i in items) else None
            return dict(zip(items[::2], items[1::2], strict=False)) if len(items) % 2 == 0 else None
        return ",".join(items)

    def coerce(self, value: Any, schema: Any) -> Any:
        """Strings from the URL or headers turned into the numbers and booleans the schema asks for."""
        schema = self.deref(schema) if isinstance(schema, dict) else {}
        t = schema.get("type")
        if isinstance(t, list):
            t = next((x for x in t if x != "null"), None)
        if isinstance(value, list):
            return [self.coerce(v, schema.get("items") or {}) for v in value]
        if isinstance(value, dict):
            props = schema.get("properties") or {}
            extra = schema.get("additionalProperties")
            return {k: self.coerce(v, props.get(k, extra if isinstance(extra, dict) else {})) for k, v in value.items()}
        try:
            if t == "integer":
                return int(value)
            if t == "number":
                return float(value)
        except ValueError:
            return value
        if t == "boolean" and value in ("true", "false"):
            return value == "true"
        return value

    def success(self, route: Route) -> tuple[str | None, dict[str, Any]]:
        for status, response in (route.op.get("responses") or {}).items():
            if str(status).startswith("2"):
                return str(status), (self.deref(response).get("content") or {})
        return None, {}

    def events(self, route: Route, status: str, stream_type: str = "text/event-stream") -> bytes:
        """Two items of the stream: SSE events (the chunk in `data`), JSON lines, or RS-led records."""
        raw = self.success(route)[1][stream_type].get("schema") or {}
        schema = self.deref(raw)
        pointer = _pointer("paths", route.path, route.method.lower(), "responses", status, "content", stream_type, "schema")
        if isinstance(raw.get("$ref"), str):
            pointer = raw["$ref"]
        if stream_type != "text/event-stream":
            items = self.deref(schema["items"]) if schema.get("type") == "array" and "items" in schema else None
            lines = []
            for _ in range(2):
                value = self.sample(items if items is not None else schema)
                problems = self.errors(value, pointer + ("/items" if items is not None else ""))
                assert not problems, f"the mock's own item for {route.path} is invalid: {problems}"
                lines.append(("\x1e" if stream_type == "application/json-seq" else "") + json.dumps(value) + "\n")
            return "".join(lines).encode()
        props = schema.get("properties") or {}
        # `data` alone, or with event/id/retry, is an envelope; any other schema is the chunk itself
        data_schema = props.get("data") if set(props) <= {"data", "event", "id", "retry"} else None
        out = []
        for i in range(2):
            value = self.sample(data_schema if data_schema is not None else schema)
            problems = self.errors(value, pointer + ("/properties/data" if data_schema is not None else ""))
            assert not problems, f"the mock's own event for {route.path} is invalid: {problems}"
            text = value if isinstance(value, str) else json.dumps(value)
            out.append(f"id: {i}\ndata: {text}\n\n")
        if route.op.get("x-speakeasy-sse-sentinel"):
            out.append(f"data: {route.op['x-speakeasy-sse-sentinel']}\n\n")
        return "".join(out).encode()
