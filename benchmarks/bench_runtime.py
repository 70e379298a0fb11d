"""Benchmark: the generated Orq SDK against raw httpx on the same loopback server, in one run.

    .venv/bin/python benchmarks/bench_runtime.py [--calls 2000] [--rounds 5] [--imports 15]

Prints two ratios (targets from the runtime issue):
  * client CPU time per non-streaming call: SDK / (httpx + json.loads)      target <= 1.3
  * `import orq_ai_sdk` + `Orq()` / `import httpx, pydantic`, fresh processes target <= 1.5

The server runs in its own process, so `time.process_time()` counts the client's work only. Rounds
alternate between the two clients and the median round is reported, so that a noisy neighbour
slows both sides alike.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "generated" / "orq" / "src"
sys.path.insert(0, str(SRC))

REPLY = {
    "id": "chatcmpl-123",
    "object": "chat.completion",
    "created": 1700000000,
    "model": "openai/gpt-4o",
    "system_fingerprint": "fp_1",
    "choices": [
        {
            "index": 0,
            "finish_reason": "stop",
            "message": {"role": "assistant", "content": "Hello! How can I help you today? " * 8},
            "logprobs": None,
        }
    ],
    "usage": {"prompt_tokens": 12, "completion_tokens": 80, "total_tokens": 92},
}
MESSAGES = [
    {"role": "system", "content": "You are a helpful assistant."},
    {"role": "user", "content": "Hello there, what can you do?"},
]

SERVER = textwrap.dedent(
    """
    import sys
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    PAYLOAD = sys.stdin.buffer.read()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # one round trip per call, not a 40 ms delayed ACK

        def log_message(self, *args):
            pass

        def do_POST(self):
            self.rfile.read(int(self.headers.get("content-length") or 0))
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(PAYLOAD)))
            self.end_headers()
            self.wfile.write(PAYLOAD)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_port, flush=True)
    server.serve_forever()
    """
)


def per_call(calls: int, rounds: int) -> tuple[float, float]:
    import httpx
    from orq_ai_sdk import Orq

    server = subprocess.Popen(
        [sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=False
    )
    try:
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write(json.dumps(REPLY).encode())
        server.stdin.close()
        url = f"http://127.0.0.1:{int(server.stdout.readline())}"
        raw = httpx.Client()
        orq = Orq(api_key="bench-key", server_url=url)
        headers = {"authorization": "Bearer bench-key"}

        def run_raw() -> None:
            response = raw.post(f"{url}/v2/router/chat/completions", json={"model": "openai/gpt-4o", "messages": MESSAGES}, headers=headers)
            response.raise_for_status()
            json.loads(response.content)

        def run_sdk() -> None:
            orq.router.chat.completions.create(model="openai/gpt-4o", messages=MESSAGES)

        for fn in (run_raw, run_sdk):  # warm up: connections, TypeAdapters, caches
            for _ in range(50):
                fn()
        raw_rounds: list[float] = []
        sdk_rounds: list[float] = []
        for _ in range(rounds):
            for fn, out in ((run_raw, raw_rounds), (run_sdk, sdk_rounds)):
                start = time.process_time()
                for _ in range(calls):
                    fn()
                out.append((time.process_time() - start) / calls)
        raw.close()
        orq.close()
        return statistics.median(raw_rounds), statistics.median(sdk_rounds)
    finally:
        server.terminate()
        server.wait(timeout=10)


def import_time(code: str) -> float:
    script = f"import sys, time\nsys.path.insert(0, {str(SRC)!r})\nt = time.perf_counter()\n{code}\nprint(time.perf_counter() - t)"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return float(done.stdout)


def imports(times: int) -> tuple[float, float]:
    bare: list[float] = []
    sdk: list[float] = []
    for _ in range(times):
        bare.append(import_time("import httpx, pydantic"))
        sdk.append(import_time("import orq_ai_sdk\norq_ai_sdk.Orq(api_key='k')"))
    return statistics.median(bare), statistics.median(sdk)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--imports", type=int, default=15)
    args = parser.parse_args()

    raw, sdk = per_call(args.calls, args.rounds)
    print(f"CPU per call     raw httpx + json.loads: {raw * 1e6:8.1f} us")
    print(f"CPU per call     orq_ai_sdk:             {sdk * 1e6:8.1f} us")
    print(f"  ratio {sdk / raw:.2f}x (target <= 1.30x)")
    bare, full = imports(args.imports)
    print(f"import httpx, pydantic:                  {bare * 1e3:8.1f} ms")
    print(f"import orq_ai_sdk + Orq():               {full * 1e3:8.1f} ms")
    print(f"  ratio {full / bare:.2f}x (target <= 1.50x)")


if __name__ == "__main__":
    main()
