"""A bounded loopback load test of the events API.

``run_load(db)`` starts ``dateline serve`` on 127.0.0.1 in a child process (so the clients
do not share its interpreter), has ``clients`` concurrent httpx clients page through
/api/events with varied filters for ``seconds`` seconds, and reports latency percentiles,
throughput and errors. With ``build_events`` (or when ``db`` does not exist) it first fills
the store with that many invented events (``dateline_dev.sample``).

    python -m dateline_dev.loadtest --db /tmp/load.db --build 10000 --clients 20 --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from dateline_dev.sample import ACTORS, VERBS, build_store

#: Query strings the clients cycle through: plain pages, deep offsets, and each filter.
QUERIES: tuple[str, ...] = (
    "limit=50",
    "limit=100&offset=500",
    "limit=50&offset=5000",
    *(f"actor={a.code}&limit=50" for a in ACTORS[:5]),
    *(f"code={v.cameo[:2]}&limit=50" for v in VERBS[:4]),
    "country=LVA&since=2024-03-01&until=2024-06-30&limit=50",
    "plover=CONSULT&limit=50",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def start_server(db: str, port: int, timeout: float = 60.0) -> subprocess.Popen[bytes]:
    """``dateline serve`` on 127.0.0.1:port in a child process, once it answers."""
    command = [sys.executable, "-m", "dateline", "serve", "--db", db, "--port", str(port), "-q"]
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_TOKEN"}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise RuntimeError(f"the server exited with {process.returncode}: {error[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    stop_server(process)
    raise RuntimeError(f"the server did not answer within {timeout:.0f} s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stderr:
        process.stderr.close()


async def _client(
    base: str, n: int, deadline: float, latencies: list[float], errors: list[str]
) -> None:
    rng = random.Random(n)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.perf_counter() < deadline:
            query = rng.choice(QUERIES)
            started = time.perf_counter()
            try:
                answer = await client.get(f"/api/events?{query}")
                ok = answer.status_code == 200 and "items" in answer.json()
                if not ok:
                    errors.append(f"{answer.status_code} {query}")
            except (httpx.HTTPError, ValueError) as exc:
                errors.append(f"{type(exc).__name__} {query}")
            latencies.append(time.perf_counter() - started)


async def _drive(base: str, clients: int, seconds: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(*(_client(base, n, deadline, latencies, errors) for n in range(clients)))
    return latencies, errors, time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run_load(
    db: str | os.PathLike[str],
    clients: int = 20,
    seconds: float = 20,
    *,
    build_events: int | None = None,
) -> dict[str, Any]:
    """Load /api/events of a server over ``db``; returns p50/p99 (ms), requests, errors."""
    path = os.fspath(db)
    if build_events or not Path(path).exists():
        build_store(path, events=build_events or 10_000)
    port = free_port()
    process = start_server(path, port)
    try:
        latencies, errors, elapsed = asyncio.run(
            _drive(f"http://127.0.0.1:{port}", clients, seconds)
        )
    finally:
        stop_server(process)
    ms = [1000 * t for t in latencies]
    return {
        "endpoint": "/api/events",
        "clients": clients,
        "seconds": round(elapsed, 2),
        "requests": len(ms),
        "errors": len(errors),
        "error_samples": errors[:5],
        "requests_per_second": round(len(ms) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(percentile(ms, 0.50), 1),
        "p90_ms": round(percentile(ms, 0.90), 1),
        "p99_ms": round(percentile(ms, 0.99), 1),
        "max_ms": round(max(ms, default=0.0), 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", required=True, help="SQLite store (built when missing)")
    parser.add_argument("--build", type=int, default=None, help="first add this many events")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args(argv)
    result = run_load(args.db, args.clients, args.seconds, build_events=args.build)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
