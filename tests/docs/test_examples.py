"""Every Python example of the generated README and docs runs, sync and async, against a local server
that checks each request against the spec and answers as the spec says."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from tests.conftest import ORQ_OUTPUT
from tests.docs.conftest import SPEC_OF, Example, python_examples, redirected, run_example
from tests.docs.spec_server import SpecServer

ORQ_EXAMPLES = python_examples(ORQ_OUTPUT)
#: Per API: the variable its examples name the client, and the environment variables of its credentials.
API_OF: dict[str, tuple[str, tuple[str, ...]]] = {
    "orq": ("orq", ("ORQ_API_KEY",)),
    "kitchen_sink": ("kitchen_sink", ("KITCHEN_SINK_API_KEY",)),
    "hostile_docs": ("hostile_docs", ("HOSTILE_DOCS_API_KEY",)),
    "security": ("security", tuple(
        f"SECURITY_{name}" for name in (
            "BEARER_AUTH", "BASIC_AUTH_USERNAME", "BASIC_AUTH_PASSWORD", "HEADER_KEY", "QUERY_KEY", "COOKIE_KEY",
            "OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET", "OIDC",
        )
    )),
    "params_servers": ("params_servers", ()),
    "paged_pets": ("paged_pets", ("PAGED_PETS_API_KEY",)),
    "streams": ("streams", ("STREAMS_API_KEY",)),
    "uploads": ("uploads", ()),
    "names": ("names", ()),
    "root_names": ("root_names", ()),
}


@pytest.fixture(scope="module")
def orq_server():
    with SpecServer(SPEC_OF["orq"]) as server:
        yield server


def check_example(server: SpecServer, example: Example, monkeypatch: pytest.MonkeyPatch, servers: tuple[str, ...], api: str) -> None:
    client_var, env_vars = API_OF[api]
    named = set(re.findall(r"""os\.(?:getenv\(|environ\[)["'](\w+)["']""", example.code))
    assert named <= set(env_vars), f"{example.label}: reads unknown environment variables {sorted(named - set(env_vars))}"
    for i, var in enumerate(env_vars):
        monkeypatch.setenv(var, f"test-{i}")
    before = len(server.requests)
    with redirected(server) as hosts:
        printed = run_example(example)
    assert not server.problems, f"{example.label}: the server rejected the example:\n" + "\n".join(server.problems)
    sent = server.requests[before:]
    calls = len(
        re.findall(
            rf"^\s*(?:res = |page = |(?:async )?with )?(?:await )?{client_var}\.[\w.]+\(", example.code, re.MULTILINE
        )
    )
    # a paged walk sends one request more: the following page, which the spec server answers empty
    walks = len(re.findall(r"^\s*(?:async )?for item in page:", example.code, re.MULTILINE))
    assert len(sent) == calls + walks, f"{example.label}: the example makes {calls} call(s) but sent {len(sent)} request(s)"
    if not calls:
        return
    listed = {s.rsplit("/", 1)[0] if s.count("/") > 2 else s for s in servers}
    assert hosts and all(h in listed or server.host_allowed(h) for h in hosts), f"{example.label}: sent to {hosts}"
    streaming = "event_stream" in example.code
    assert sent[0].streamed == streaming, f"{example.label}: streamed={sent[0].streamed}, example iterates={streaming}"
    if streaming:
        assert "stream=False" not in example.code
        assert printed.count("\n") >= 2, f"{example.label}: a stream of two events printed {printed!r}"
    elif "print(res)" in example.code:
        assert printed.strip(), f"{example.label}: printed nothing"


def test_orq_docs_have_sync_async_and_streaming_examples() -> None:
    codes = [e.code for e in ORQ_EXAMPLES]
    readme = [e for e in ORQ_EXAMPLES if e.file.name == "README.md" and e.file.parent == ORQ_OUTPUT]
    assert any("await " in e.code for e in readme) and any("async for event" in e.code for e in readme)
    for call in ("orq.router.chat.completions.create", "orq.router.completions.create", "orq.router.images_generate"):
        mine = [c for c in codes if call + "(" in c or call + "_async(" in c]
        assert any(call + "(" in c for c in mine) and any(call + "_async(" in c for c in mine), call
    # streaming examples pass stream=True and iterate; the others print the answer
    for code in codes:
        assert ("stream=True" in code) == ("for event in event_stream" in code), code
        assert "stream=False" not in code


@pytest.mark.parametrize("example", ORQ_EXAMPLES, ids=[e.label for e in ORQ_EXAMPLES])
def test_orq_example_runs(example: Example, orq_server: SpecServer, monkeypatch: pytest.MonkeyPatch) -> None:
    import orq_ai_sdk.sdk

    check_example(orq_server, example, monkeypatch, orq_ai_sdk.sdk.SERVERS, "orq")


EXPECTED_OPERATIONS = {
    "kitchen_sink": {"getPet", "listPets", "createPet", "uploadPhoto", "downloadPhoto", "login", "streamEvents", "deletePet"},
    "hostile_docs": {"errors", "parameters"},
    "security": {
        "useGlobal", "useBasic", "useHeaderKey", "useQueryKey", "useCookieKey", "useOauth", "useOidc", "useEither",
        "useBoth", "usePublic",
    },
    "params_servers": {"pathArrays", "pathObjects", "queryStyles", "headerStyles", "getReport", "createUpload"},
    "paged_pets": {"listPets", "listPetPages", "listPetsByCursor", "searchPets", "listPetsByUrl", "listPetsByLink", "getPet"},
    "streams": {"sseChunks", "sseInline", "sseEvents", "sseText", "ndjsonChunks", "jsonlChunks", "seqChunks", "generate"},
    "uploads": {"createDocument", "listDocuments", "putBlob", "uploadAvatar", "createNote"},
    "names": {
        "list", "createPet", "id", "type", "str", "import", "models", "with_raw_response", "listModels",
        "retrieveModel", "getList", "listCatalogModels", "searchCatalog", "status",
    },
    "root_names": {"models", "type", "list", "close", "listDoors"},
}


@pytest.mark.parametrize("name", sorted(EXPECTED_OPERATIONS))
def test_fixture_examples_run(name: str, sdk_folders, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    examples = python_examples(sdk_folders[name])
    sdk_module = importlib.import_module(f"{name}_sdk.sdk")
    assert len(examples) >= 10
    with SpecServer(SPEC_OF[name]) as server:
        for example in examples:
            check_example(server, example, monkeypatch, sdk_module.SERVERS, name)
        ops = {r.operation_id for r in server.requests}
    assert ops == EXPECTED_OPERATIONS[name]
    if name == "security":
        # the OAuth examples fetched their tokens from the spec's token endpoint, with the operation's scopes
        assert server.token_requests and all(t["scope"] == "read write" for t in server.token_requests)
        assert {t["client_id"] for t in server.token_requests} == {"test-6"}


def test_server_rejects_a_request_the_spec_does_not_allow() -> None:
    """The server is strict enough that an example with a wrong field would fail."""
    with SpecServer(SPEC_OF["orq"]) as server, httpx.Client(base_url=server.url, headers={"authorization": "Bearer k"}) as client:
        good = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
        assert client.post("/v2/router/chat/completions", json=good).status_code == 200
        for bad in (
            {"messages": good["messages"]},  # a required field missing
            {**good, "messages": [{"role": "wizard", "content": "hi"}]},  # not one of the message kinds
            {**good, "temperature": "hot"},  # wrong type
        ):
            answer = client.post("/v2/router/chat/completions", json=bad)
            assert answer.status_code == 422, bad
            assert "does not match the spec" in answer.json()["error"]
        assert client.post("/v2/router/nowhere", json=good).status_code == 422
        assert len(server.problems) == 4


def test_example_with_a_wrong_field_fails(orq_server: SpecServer, monkeypatch: pytest.MonkeyPatch) -> None:
    example = next(e for e in ORQ_EXAMPLES if "orq.router.chat.completions.create(" in e.code and "stream=True" not in e.code)
    broken = Example(example.file, example.line, example.code.replace('"role": "system"', '"role": "wizard"'))
    assert broken.code != example.code
    with pytest.raises(Exception, match="role|wizard|invalid"):
        check_example(orq_server, broken, monkeypatch, ("https://api.orq.ai",), "orq")


def test_streaming_answer_is_sse_ending_with_done() -> None:
    with SpecServer(SPEC_OF["orq"]) as server, httpx.Client(base_url=server.url, headers={"authorization": "Bearer k"}) as client:
        body = {"model": "m", "prompt": "p", "stream": True}
        answer = client.post("/v2/router/completions", json=body, headers={"accept": "text/event-stream"})
        assert answer.headers["content-type"] == "text/event-stream"
        events = [line[6:] for line in answer.text.splitlines() if line.startswith("data: ")]
        assert events[-1] == "[DONE]" and len(events) == 3
        assert all(isinstance(json.loads(e), dict) for e in events[:-1])


def test_server_checks_each_operations_security_and_issues_tokens() -> None:
    """Each operation's requirement is checked (alternatives, AND-combinations, `security: []`), and
    an OAuth operation needs a token of the spec's token endpoint with its scopes."""
    import base64

    basic = "Basic " + base64.b64encode(b"user:pass").decode()
    with SpecServer(SPEC_OF["security"]) as server, httpx.Client(base_url=server.url) as client:
        assert client.get("/global").status_code == 422  # the global bearer scheme
        assert client.get("/global", headers={"authorization": "Bearer t"}).status_code == 200
        assert client.get("/basic", headers={"authorization": "Bearer t"}).status_code == 422
        assert client.get("/basic", headers={"authorization": basic}).status_code == 200
        assert client.get("/query", params={"api_key": "k"}).status_code == 200
        assert client.get("/query", headers={"x-api-key": "k"}).status_code == 422
        assert client.get("/cookie", headers={"cookie": "session=k"}).status_code == 200
        assert client.get("/both", headers={"x-api-key": "k"}).status_code == 422
        assert client.get("/both", headers={"x-api-key": "k"}, params={"api_key": "k"}).status_code == 200
        assert client.get("/either", headers={"authorization": basic}).status_code == 200
        assert client.get("/public").status_code == 200
        assert client.post("/oauth", headers={"authorization": "Bearer made-up"}).status_code == 422
        form = {"grant_type": "client_credentials", "scope": "read"}
        token = client.post("/token", data=form, headers={"authorization": basic}).json()["access_token"]
        assert client.post("/oauth", headers={"authorization": f"Bearer {token}"}).status_code == 422  # scope write missing
        form["scope"] = "read write"
        token = client.post("/token", data=form, headers={"authorization": basic}).json()["access_token"]
        assert client.post("/oauth", headers={"authorization": f"Bearer {token}"}).status_code == 200
        assert client.post("/token", data={"grant_type": "password"}, headers={"authorization": basic}).status_code == 422
        assert len(server.problems) == 7, server.problems
        assert server.host_allowed("https://api.security.test") and server.host_allowed("https://auth.security.test")
        assert not server.host_allowed("https://elsewhere.test")


def test_server_reads_parameters_as_their_style_says() -> None:
    with SpecServer(SPEC_OF["params_servers"]) as server, httpx.Client(base_url=server.url) as client:
        assert client.get("/v1/arrays/a,b/.c.d/;matrix=1;matrix=2").status_code == 200
        assert client.get("/v1/arrays/a,b/c.d/;matrix=1;matrix=2").status_code == 422  # label without '.'
        assert client.get("/v1/arrays/a,b/.c.d/;matrix=one").status_code == 422  # not an integer
        assert client.get("/v1/objects/x=1,y=2/.x.1.y.2/;matrix=x,1,y,2").status_code == 200
        assert client.get("/v1/objects/x=1/.x.1.y.2/;matrix=x,1,y,2").status_code == 422  # y required
        assert client.get("/arrays/a/.b/;matrix=1").status_code == 422  # not under a server's base path
        ok = {"tags": "a", "ids": "1,2", "point": "x,1,y,2", "spaced": "a b", "piped": "a|b", "filter[k]": "v"}
        assert client.get("/v1/query", params=ok).status_code == 200
        assert client.get("/v1/query", params={k: v for k, v in ok.items() if k != "tags"}).status_code == 422
        assert client.get("/v1/query", params={**ok, "ids": "1,x"}).status_code == 422
        assert client.get("/v1/query", params={**ok, "point": "x,1"}).status_code == 422
        headers = {"x-ids": "1,2", "x-point": "x=1,y=2", "cookie": "session=s; flavours=a,b"}
        assert client.get("/v1/headers", headers=headers).status_code == 200
        assert client.get("/v1/headers", headers={**headers, "cookie": "flavours=a"}).status_code == 422  # session missing
        assert client.get("/v1/headers", headers={**headers, "x-point": "x=1"}).status_code == 422
        assert len(server.problems) == 9, server.problems
        assert server.host_allowed("https://us.example.com") and server.host_allowed("http://localhost:8080")
        assert server.host_allowed("https://z2.uploads.example.com") and server.host_allowed("https://reports.example.com")
        assert not server.host_allowed("https://fr.example.com") and not server.host_allowed("https://api.example.com")
