"""Client options, authentication, per-call options, hooks, debug logging, context managers, import cost."""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import sys
from typing import Any

import httpx
import pytest
from orq_ai_sdk import Hooks, Orq, RetryConfig, __version__, models

from tests.conftest import ORQ_SRC

from .conftest import IMAGE_REPLY, busy_connections
from .scripted_server import ScriptedServer, Step


def _image(client: Orq, **options: Any) -> Any:
    return client.router.images_generate(prompt="a cat", model="openai/dall-e-3", **options)


def test_bearer_token_user_agent_and_body(orq: Orq, server: ScriptedServer) -> None:
    server.reset(Step(200, IMAGE_REPLY))
    _image(orq, n=None, size="1024x1024", orq={"fallbacks": [{"model": "openai/dall-e-2"}]})
    seen = server.requests[0]
    assert seen.method == "POST" and seen.target == "/v2/gateway/images/generations"
    assert seen.headers["authorization"] == "Bearer test-key"
    assert seen.headers["user-agent"] == f"orq-ai-sdk/{__version__} python"
    assert seen.headers["content-type"] == "application/json"
    assert seen.headers["accept"] == "application/json"
    # UNSET arguments are left out; None is sent as null.
    assert seen.json() == {
        "prompt": "a cat",
        "model": "openai/dall-e-3",
        "n": None,
        "size": "1024x1024",
        "orq": {"fallbacks": [{"model": "openai/dall-e-2"}]},
    }


def test_api_key_from_the_environment_and_from_a_callable(
    server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.reset(Step(200, IMAGE_REPLY))
    monkeypatch.setenv("ORQ_API_KEY", "from-env")
    with Orq(server_url=server.url) as orq:
        _image(orq)
    keys = iter(["k1", "k2"])
    with Orq(api_key=lambda: next(keys), server_url=server.url) as orq:
        _image(orq)
        _image(orq)
    assert [r.headers["authorization"] for r in server.requests] == [
        "Bearer from-env",
        "Bearer k1",
        "Bearer k2",
    ]
    monkeypatch.delenv("ORQ_API_KEY")
    with Orq(server_url=server.url) as orq, pytest.raises(models.MissingCredentialsError) as info:
        _image(orq)  # the spec requires the key: a clear error, and nothing sent
    assert "`api_key=" in str(info.value) and "ORQ_API_KEY" in str(info.value)
    assert len(server.requests) == 3


def test_per_call_server_url_headers_and_timeout(orq: Orq, server: ScriptedServer) -> None:
    other = ScriptedServer()
    try:
        other.reset(Step(200, IMAGE_REPLY, delay=1.0))
        server.reset(Step(200, IMAGE_REPLY))
        _image(
            orq,
            http_headers={"X-Trace": "t1", "User-Agent": "mine/1", "Authorization": "Bearer call"},
        )
        seen = server.requests[0]
        assert seen.headers["x-trace"] == "t1"
        assert (
            seen.headers["user-agent"] == "mine/1"
        )  # the caller's headers win, whatever their case
        assert seen.headers["authorization"] == "Bearer call"
        with pytest.raises(models.APITimeoutError) as info:
            _image(orq, server_url=other.url, timeout_ms=100, retries=None)
        assert info.value.url.startswith(other.url) and info.value.timeout_ms == 100
        assert len(other.requests) == 1 and len(server.requests) == 1
    finally:
        other.close()


def test_hooks_run_before_request_and_after_success_and_error(server: ScriptedServer) -> None:
    calls: list[tuple[str, Any]] = []

    def before(ctx: Any, request: httpx.Request) -> httpx.Request:
        calls.append(("before", ctx.operation_id))
        request.headers["x-hooked"] = "yes"
        return request

    def success(ctx: Any, response: httpx.Response) -> None:
        calls.append(("success", response.status_code))

    def error(ctx: Any, response: httpx.Response | None, exc: Exception | None) -> None:
        calls.append(("error", type(exc).__name__))

    hooks = Hooks()
    hooks.register_before_request(before)
    hooks.register_after_success(success)
    hooks.register_after_error(error)
    server.reset(Step(503, {}), Step(200, IMAGE_REPLY), Step(404, {"error": "x"}))
    with Orq(
        api_key="k",
        server_url=server.url,
        hooks=hooks,
        retry_config=RetryConfig(
            backoff=__import__("orq_ai_sdk").BackoffStrategy(initial_interval=1, jitter=0)
        ),
    ) as orq:
        _image(orq)
        with pytest.raises(models.APIError):
            _image(orq)
    # The retried 503 is not an error the caller sees: only the final outcome reaches the hooks.
    assert calls == [
        ("before", "createImage"),
        ("success", 200),
        ("before", "createImage"),
        ("error", "APIError"),
    ]
    assert all(r.headers["x-hooked"] == "yes" for r in server.requests)


def test_debug_logger_redacts_the_api_key(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    logger = logging.getLogger("test.orq.debug")
    server.reset(Step(429, {}), Step(200, IMAGE_REPLY))
    retries = RetryConfig(
        backoff=__import__("orq_ai_sdk").BackoffStrategy(initial_interval=1, jitter=0)
    )
    with (
        caplog.at_level(logging.DEBUG, logger="test.orq.debug"),
        Orq(
            api_key="sk-very-secret",
            server_url=server.url,
            debug_logger=logger,
            retry_config=retries,
        ) as orq,
    ):
        _image(orq)
    text = caplog.text
    assert "sk-very-secret" not in text
    assert "'authorization': '[REDACTED]'" in text
    assert "POST" in text and "/v2/gateway/images/generations" in text
    assert "Response: 429" in text and "Retrying createImage" in text and "Response: 200" in text


def test_debug_logging_from_the_environment(server: ScriptedServer) -> None:
    script = f"""
import sys
sys.path.insert(0, {str(ORQ_SRC)!r})
from orq_ai_sdk import Orq
with Orq(api_key="sk-env-secret", server_url={server.url!r}) as orq:
    orq.router.images_generate(prompt="p", model="m")
"""
    server.reset(Step(200, IMAGE_REPLY))
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={"ORQ_DEBUG": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Request: POST" in done.stderr and "[REDACTED]" in done.stderr
    assert "sk-env-secret" not in done.stderr


def test_context_manager_closes_its_own_client_only(server: ScriptedServer) -> None:
    server.reset(Step(200, IMAGE_REPLY))
    with Orq(api_key="k", server_url=server.url) as orq:
        _image(orq)
        own = orq._config.client
        assert own is not None and not own.is_closed
    assert own.is_closed
    assert server.wait_closed() == 0

    mine = httpx.Client()
    with Orq(api_key="k", server_url=server.url, client=mine) as orq:
        _image(orq)
        assert orq._config.client is mine
    assert not mine.is_closed  # never a client the user passed in
    assert busy_connections(mine) == 0
    mine.close()
    assert server.wait_closed() == 0


def test_async_context_manager_and_async_twin(server: ScriptedServer) -> None:
    server.reset(Step(503, {}), Step(200, IMAGE_REPLY))

    async def main() -> tuple[Any, httpx.AsyncClient | None, httpx.AsyncClient]:
        fast = RetryConfig(
            backoff=__import__("orq_ai_sdk").BackoffStrategy(initial_interval=1, jitter=0)
        )
        async with Orq(api_key="k", server_url=server.url, retry_config=fast) as orq:
            reply = await orq.router.images_generate_async(prompt="p", model="m")
            own = orq._config.async_client
            assert busy_connections(own) == 0
        mine = httpx.AsyncClient()
        async with Orq(api_key="k", server_url=server.url, async_client=mine) as orq:
            await orq.router.images_generate_async(prompt="p", model="m")
        assert not mine.is_closed
        await mine.aclose()
        return reply, own, mine

    reply, own, mine = asyncio.run(main())
    assert reply.data[0].url == "https://example.com/a.png"
    assert own is not None and own.is_closed and mine.is_closed
    assert len(server.requests) == 3
    assert server.wait_closed() == 0


def test_async_retries_record_delays_and_leave_nothing_open(
    server: ScriptedServer, sleeps: Any
) -> None:
    server.reset(Step(reset=True), Step(429, {}, {"retry-after-ms": "30"}), Step(200, IMAGE_REPLY))
    from .conftest import FAST_RETRIES

    async def main() -> Any:
        async with Orq(api_key="k", server_url=server.url, retry_config=FAST_RETRIES) as orq:
            reply = await orq.router.images_generate_async(prompt="p", model="m")
            assert busy_connections(orq._config.async_client) == 0
            return reply

    assert asyncio.run(main()).created == 1700000000
    assert sleeps.delays_ms == [10, 30]
    assert len(server.requests) == 3
    assert server.wait_closed() == 0


def test_import_and_construction_stay_light() -> None:
    script = f"""
import sys, json
sys.path.insert(0, {str(ORQ_SRC)!r})
import orq_ai_sdk
after_import = set(sys.modules)
client = orq_ai_sdk.Orq(api_key="k")
print(json.dumps({{"import": sorted(after_import), "construct": sorted(sys.modules)}}))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    for stage in ("import", "construct"):
        heavy = [
            m for m in loaded[stage] if m.split(".")[0] in ("pydantic", "pydantic_core", "asyncio")
        ]
        sdk_parts = [
            m
            for m in loaded[stage]
            if m.startswith(("orq_ai_sdk.models._", "orq_ai_sdk.resources"))
        ]
        assert heavy == [] and sdk_parts == [], (stage, heavy, sdk_parts)
    assert "httpx" not in loaded["import"]  # `import orq_ai_sdk` alone loads almost nothing
