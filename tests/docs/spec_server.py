"""A local HTTP server that plays the API a spec describes, for running the docs' examples.

Each request is matched to an operation, checked against the spec (path, required parameters,
credentials, and the JSON body against the request body schema with openapi-schema-validator), and
answered with a body generated from the response schema and itself validated against it: JSON, or
server-sent events ending with the sentinel when the call asked for a stream.

Prism (the mock server in .tools/) is not used here: it does not produce `text/event-stream` chunks,
and a Python server in-process needs no Node and starts in milliseconds.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qs, unquote, urlsplit

from openapi_schema_validator import OAS30Validator, OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.load import load_spec

ROOT = "urn:spec"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _pointer(*parts: str) -> str:
    return "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


@dataclass
class Route:
    method: str
    pattern: re.Pattern[str]
    path: str
    op: dict[str, Any]
    parameters: list[dict[str, Any]]


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
        for path, item in (self.doc.get("paths") or {}).items():
            pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")
            for method in METHODS:
                if method in item:
                    params = [self.deref(p) for p in [*(item.get("parameters") or []), *(item[method].get("parameters") or [])]]
                    self.routes.append(Route(method.upper(), pattern, path, item[method], params))
        security = (self.doc.get("components") or {}).get("securitySchemes") or {}
        scheme = next(iter(security.values()), None)
        self.auth_header = None
        if isinstance(scheme, dict):
            self.auth_header = scheme.get("name") if scheme.get("type") == "apiKey" else "Authorization"

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
        base = urlsplit(str(((self.doc.get("servers") or [{}])[0]).get("url", ""))).path.rstrip("/")
        if not url.path.startswith(base + "/"):
            return self.reject(f"{req.command} {url.path}: not under the server's base path {base!r}")
        raw_path = url.path[len(base):]
        path = unquote(raw_path)
        route = next((r for r in self.routes if r.method == req.command and r.pattern.match(raw_path)), None)
        if route is None:
            return self.reject(f"{req.command} {path}: no such operation in the spec")
        op_id = route.op.get("operationId", f"{route.method} {route.path}")
        length = int(req.headers.get("content-length") or 0)
        raw = req.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in req.headers.items()}
        credential = headers.get(self.auth_header.lower(), "") if self.auth_header else "-"
        if credential.lower().startswith("bearer "):
            credential = credential[7:]
        if not credential.strip():
            return self.reject(f"{op_id}: no credentials in {self.auth_header}")
        query = parse_qs(url.query)
        for p in route.parameters:
            where = {"query": p["name"] in query, "header": p["name"].lower() in headers}.get(p["in"], True)
            if p.get("required") and not where:
                return self.reject(f"{op_id}: required {p['in']} parameter {p['name']!r} missing")
        body: Any = None
        request_body = self.deref(route.op.get("requestBody")) or {}
        content = request_body.get("content") or {}
        if content:
            ctype = headers.get("content-type", "").split(";")[0]
            if not raw and request_body.get("required"):
                return self.reject(f"{op_id}: the required request body is missing")
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
        streams = "text/event-stream" in media and (want_stream or len(media) == 1)
        self.requests.append(Recorded(op_id, route.method, path, headers, body, streams))
        if want_stream and not streams:
            return self.reject(f"{op_id}: stream requested, but the spec has no event-stream answer")
        if streams and "text/event-stream" not in headers.get("accept", ""):
            return self.reject(f"{op_id}: a streaming call must accept text/event-stream")
        if streams:
            return 200, "text/event-stream", self.events(route, status)
        if not media:
            return int(status), "", b""
        ctype = next((c for c in media if c != "text/event-stream"), None)
        if ctype is None:
            return self.reject(f"{op_id}: only an event stream is documented, and none was asked for")
        pointer = _pointer("paths", route.path, route.method.lower(), "responses", status, "content", ctype, "schema")
        if "json" in ctype:
            value = self.sample(media[ctype].get("schema") or {})
            problems = self.errors(value, pointer)
            assert not problems, f"the mock's own answer for {op_id} is invalid: {problems}"
            return int(status), ctype, json.dumps(value).encode()
        if ctype.startswith("text/"):
            return int(status), ctype, b"text answer"
        return int(status), ctype, b"\x89PNG\r\n\x1a\n"

    def success(self, route: Route) -> tuple[str | None, dict[str, Any]]:
        for status, response in (route.op.get("responses") or {}).items():
            if str(status).startswith("2"):
                return str(status), (self.deref(response).get("content") or {})
        return None, {}

    def events(self, route: Route, status: str) -> bytes:
        schema = self.deref(self.success(route)[1]["text/event-stream"].get("schema") or {})
        data_schema = (schema.get("properties") or {}).get("data")
        pointer = _pointer("paths", route.path, route.method.lower(), "responses", status, "content", "text/event-stream", "schema")
        out = []
        for i in range(2):
            value = self.sample(data_schema if data_schema is not None else schema)
            problems = self.errors(value, pointer + ("/properties/data" if data_schema is not None else ""))
            assert not problems, f"the mock's own event for {route.path} is invalid: {problems}"
            out.append(f"id: {i}\ndata: {json.dumps(value)}\n\n")
        if route.op.get("x-speakeasy-sse-sentinel"):
            out.append(f"data: {route.op['x-speakeasy-sse-sentinel']}\n\n")
        return "".join(out).encode()
