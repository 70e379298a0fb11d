"""Streaming throughput: the SDK's typed event stream against raw httpx `iter_lines` + `json.loads`.

    .venv/bin/python benchmarks/bench_streaming.py [--chunks 20000] [--rounds 5]

A server in a separate process streams the same 20,000 OpenAI-style chat chunks (plus `[DONE]`) on
127.0.0.1 for every variant, in two framings: `per-event` (one chunked-encoding piece per event, as
an LLM server flushes them; the client's per-read cost dominates) and `batched` (events coalesced
into 16 KiB pieces; the parsing cost dominates). Each variant is run `--rounds` times, interleaved;
the median is reported. Chunks per second is wall time; CPU per chunk is the client thread's CPU
time (`time.thread_time`), so the server's work is not counted.

Variants:
- raw:          httpx `iter_lines()`, `data: ` prefix check, `json.loads` (the reference, 1.00x)
- sdk:          `orq.router.chat.completions.create(..., stream=True)` iterated: SSE decode + typed models
- sdk+final:    the same, then `final_response()` (deltas joined into the response model)
- decoder+json: the SDK's SSEDecoder on `iter_bytes()` + `json.loads` (decoder cost alone)
- httpx-sse+json: httpx-sse's `EventSource.iter_sse()` + `json.loads` (the library alternative)
- httpx-sse+models: httpx-sse + the same pydantic TypeAdapter the SDK uses (what the SDK would be with it)

NDJSON (`application/x-ndjson`, the same typed `EventStream`), on the streams fixture SDK
(`tests/fixtures/expected/streams`, its `ndjson_chunks` operation), same framings:
- raw:          httpx `iter_lines()` + `json.loads` per line (1.00x)
- sdk:          `client.lines.ndjson_chunks()` iterated: line split + typed models
- lines+json:   the SDK's LineDecoder on `iter_bytes()` + `json.loads` (decoder cost alone)

Target: sdk chunks/s >= 0.7x raw, for SSE and NDJSON.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "generated" / "orq" / "src"), str(REPO)]

import httpx
import httpx_sse

from tests.streaming.server import DONE, Plan, SSEServer, chat_chunk, sse


def _batched(events: list[bytes], size: int = 16384) -> list[bytes]:
    pieces, current = [], b""
    for event in events:
        current += event
        if len(current) >= size:
            pieces.append(current)
            current = b""
    return [*pieces, current] if current else pieces


def _serve(chunks: int, port_queue: multiprocessing.Queue, stop: multiprocessing.Event) -> None:  # type: ignore[type-arg]
    last = chat_chunk(
        chunks, content="", choices=[{"index": 0, "delta": {}, "finish_reason": "stop"}]
    )
    events = [*(sse(chat_chunk(i)) for i in range(chunks)), sse(last), DONE]
    batched = _batched(events)
    lines = [json.dumps(_line_chunk(i), separators=(",", ":")).encode() + b"\n" for i in range(chunks)]
    lines_batched = _batched(lines)
    ndjson = "application/x-ndjson"
    scenarios = {
        "per-event": lambda conn: Plan(iter(events)),
        "batched": lambda conn: Plan(iter(batched)),
        "ndjson-per-event": lambda conn: Plan(iter(lines), content_type=ndjson),
        "ndjson-batched": lambda conn: Plan(iter(lines_batched), content_type=ndjson),
    }
    with SSEServer(scenarios) as server:
        port_queue.put(server.port)
        stop.wait(600)


def _line_chunk(i: int) -> dict[str, object]:
    """One item of the streams fixture's `Chunk` schema."""
    return {"id": "cmpl-1", "index": i, "created": 1700000000, "model": "openai/gpt-4o-mini", "text": f"tok{i} "}


def run_raw_lines(client: httpx.Client, url: str) -> int:
    n = 0
    with client.stream("GET", url + "/ndjson") as response:
        for line in response.iter_lines():
            if line:
                json.loads(line)
                n += 1
    return n


def run_sdk_lines(streams: object, url: str) -> int:
    n = 0
    with streams.lines.ndjson_chunks(server_url=url) as stream:  # type: ignore[attr-defined]
        for _chunk in stream:
            n += 1
    return n


def run_line_decoder_json(client: httpx.Client, url: str) -> int:
    from streams_sdk._streaming import LineDecoder

    n = 0
    decoder = LineDecoder()
    with client.stream("GET", url + "/ndjson") as response:
        for piece in response.iter_bytes():
            for _, line in decoder.feed(piece):
                json.loads(line)
                n += 1
        n += len(decoder.flush())
    return n


def run_raw(client: httpx.Client, url: str) -> int:
    n = 0
    with client.stream("POST", url + "/v2/router/chat/completions", json={}) as response:
        for line in response.iter_lines():
            if line.startswith("data: "):
                data = line[6:]
                if data == "[DONE]":
                    break
                json.loads(data)
                n += 1
    return n


def run_sdk(orq: object, url: str, final: bool = False) -> int:
    n = 0
    stream = orq.router.chat.completions.create(messages=[], model="m", stream=True, server_url=url)  # type: ignore[attr-defined]
    with stream:
        for _chunk in stream:
            n += 1
        if final:
            stream.final_response()
    return n


def run_decoder_json(client: httpx.Client, url: str) -> int:
    from orq_ai_sdk._streaming import SSEDecoder

    n = 0
    decoder = SSEDecoder()
    with client.stream("POST", url + "/v2/router/chat/completions", json={}) as response:
        for piece in response.iter_bytes():
            for event in decoder.feed(piece):
                if event.data == "[DONE]":
                    return n
                json.loads(event.data)
                n += 1
    return n


def run_httpx_sse(client: httpx.Client, url: str, adapter: object | None = None) -> int:
    n = 0
    with client.stream("POST", url + "/v2/router/chat/completions", json={}) as response:
        for event in httpx_sse.EventSource(response).iter_sse():
            if event.data == "[DONE]":
                break
            if adapter is None:
                json.loads(event.data)
            else:
                adapter.validate_json(event.data)  # type: ignore[attr-defined]
            n += 1
    return n


def measure(fn: Callable[[], int]) -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), time.thread_time()
    n = fn()
    return time.perf_counter() - wall, time.thread_time() - cpu, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    ports: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    stop = multiprocessing.Event()
    server = multiprocessing.Process(target=_serve, args=(args.chunks, ports, stop), daemon=True)
    server.start()
    try:
        port = ports.get(timeout=30)
        tables = {
            framing: bench(f"http://127.0.0.1:{port}/{framing}", args)
            for framing in ("per-event", "batched")
        }
        tables.update(
            {
                f"ndjson {framing}": bench_lines(f"http://127.0.0.1:{port}/ndjson-{framing}", args)
                for framing in ("per-event", "batched")
            }
        )
    finally:
        stop.set()
        server.join(10)
        if server.is_alive():
            server.terminate()

    print(
        f"{args.chunks} chunks, median of {args.rounds} rounds; ratios against raw httpx iter_lines + json.loads"
    )
    for framing, results in tables.items():
        raw_wall = statistics.median(w for w, _ in results["raw"])
        raw_cpu = statistics.median(c for _, c in results["raw"])
        print(f"\n[{framing}]")
        print(
            f"{'variant':<18} {'chunks/s':>10} {'x raw':>7} {'CPU us/chunk':>13} {'x raw CPU':>10}"
        )
        for name, rows in results.items():
            wall = statistics.median(w for w, _ in rows)
            cpu = statistics.median(c for _, c in rows)
            print(
                f"{name:<18} {args.chunks / wall:>10.0f} {raw_wall / wall:>7.2f} "
                f"{cpu / args.chunks * 1e6:>13.2f} {cpu / raw_cpu:>10.2f}"
            )
    print()
    for framing, results in tables.items():
        ratio = statistics.median(w for w, _ in results["raw"]) / statistics.median(
            w for w, _ in results["sdk"]
        )
        verdict = "OK" if ratio >= 0.7 else "BELOW TARGET"
        print(f"{framing}: sdk throughput = {ratio:.2f}x raw (target >= 0.70): {verdict}")


def _streams_sdk() -> None:
    """Generate the streams fixture SDK (golden trees hold no runtime) into a temporary folder, importable."""
    import tempfile

    from generator.pipeline import generate

    out = Path(tempfile.mkdtemp(prefix="bench-streams-"))
    generate(REPO / "tests" / "fixtures" / "specs" / "streams.yaml", out, {"package": "streams_sdk"})
    sys.path.insert(0, str(out / "src"))


def bench_lines(url: str, args: argparse.Namespace) -> dict[str, list[tuple[float, float]]]:
    if "streams_sdk" not in sys.modules:
        _streams_sdk()
    from streams_sdk import Streams

    client = httpx.Client(timeout=60)
    streams = Streams(api_key="k", client=client)
    variants: dict[str, Callable[[], int]] = {
        "raw": lambda: run_raw_lines(client, url),
        "sdk": lambda: run_sdk_lines(streams, url),
        "lines+json": lambda: run_line_decoder_json(client, url),
    }
    return _rounds(variants, args, client)


def bench(url: str, args: argparse.Namespace) -> dict[str, list[tuple[float, float]]]:
    from orq_ai_sdk import Orq
    from orq_ai_sdk.resources.router_chat_completions import _CREATE

    client = httpx.Client(timeout=60)
    orq = Orq(api_key="k", client=client)
    adapter = _CREATE.adapter("stream")
    variants: dict[str, Callable[[], int]] = {
        "raw": lambda: run_raw(client, url),
        "sdk": lambda: run_sdk(orq, url),
        "sdk+final": lambda: run_sdk(orq, url, final=True),
        "decoder+json": lambda: run_decoder_json(client, url),
        "httpx-sse+json": lambda: run_httpx_sse(client, url),
        "httpx-sse+models": lambda: run_httpx_sse(client, url, adapter),
    }
    return _rounds(variants, args, client)


def _rounds(
    variants: dict[str, Callable[[], int]], args: argparse.Namespace, client: httpx.Client
) -> dict[str, list[tuple[float, float]]]:
    for fn in variants.values():  # warm up: connections, adapters, imports
        fn()
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
    for _ in range(args.rounds):
        for name, fn in variants.items():
            wall, cpu, n = measure(fn)
            if n < args.chunks:
                raise SystemExit(f"{name}: got {n} chunks, expected at least {args.chunks}")
            results[name].append((wall, cpu))
    client.close()
    return results


if __name__ == "__main__":
    main()
