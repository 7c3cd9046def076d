"""A bounded load test on loopback: concurrent clients for a fixed time against `citewire serve` with the bundled
model. The model answers one question at a time, so requests beyond the bounded queue must be refused at once
(503 busy, Retry-After) rather than pile up; nothing else may fail; health and metrics stay responsive; the
server's memory stays bounded. Latency percentiles are printed, not asserted: that is the benchmark's job."""

import asyncio
import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from evals.bench_probes import process_memory_mib
from tests.conftest import citewire_server

pytestmark = pytest.mark.slow
CLIENTS = 6
DURATION_S = 25.0
QUEUE = 2
QUESTIONS = [
    "How many people were killed in the Crocus City Hall attack?",
    "Where did Tsikhanouskaya flee to?",
    "Who leads Belarus?",
    "What is the capital of Australia?",
]


@dataclass
class Outcome:
    status: int
    seconds: float
    code: str | None
    retry_after: str | None


async def asker(http: httpx.AsyncClient, url: str, number: int, until: float, outcomes: list[Outcome]) -> None:
    turn = number
    while time.monotonic() < until:
        started = time.monotonic()
        response = await http.post(f"{url}/v1/ask", json={"question": QUESTIONS[turn % len(QUESTIONS)]})
        body = response.json()
        code = body["error"]["code"] if "error" in body else None
        outcomes.append(
            Outcome(response.status_code, time.monotonic() - started, code, response.headers.get("retry-after"))
        )
        turn += 1
        if response.status_code != 200:
            await asyncio.sleep(0.5)  # a bounded loop: pressure, not a flood


async def prober(http: httpx.AsyncClient, url: str, until: float, seconds: list[float]) -> None:
    while time.monotonic() < until:
        for path in ("/healthz", "/metrics"):
            started = time.monotonic()
            assert (await http.get(f"{url}{path}")).status_code == 200
            seconds.append(time.monotonic() - started)
        await asyncio.sleep(0.5)


async def load(url: str) -> tuple[list[Outcome], list[float]]:
    outcomes: list[Outcome] = []
    probes: list[float] = []
    until = time.monotonic() + DURATION_S
    async with httpx.AsyncClient(timeout=300) as http:
        await asyncio.gather(
            *(asker(http, url, number, until, outcomes) for number in range(CLIENTS)), prober(http, url, until, probes)
        )
    return outcomes, probes


def percentiles(values: list[float]) -> dict[str, float]:
    if len(values) < 2:
        return {"n": len(values), "p50": values[0] if values else 0.0}
    cuts = statistics.quantiles(values, n=20)
    return {"n": len(values), "p50": round(statistics.median(values), 3), "p95": round(cuts[18], 3)}


def test_overload_is_refused_at_once_and_nothing_else_fails(
    seed_index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with citewire_server(seed_index, max_queued_answers=str(QUEUE), rate_limit="") as (url, process):
        assert httpx.post(f"{url}/v1/ask", json={"question": QUESTIONS[0]}, timeout=300).status_code == 200
        memory_before = process_memory_mib("VmRSS", process.pid)
        assert memory_before > 0
        outcomes, probes = asyncio.run(load(url))
        memory_after = process_memory_mib("VmRSS", process.pid)

    answered = [o for o in outcomes if o.status == 200]
    refused = [o for o in outcomes if o.status != 200]
    assert {(o.status, o.code) for o in refused} <= {(503, "busy")}, {(o.status, o.code) for o in refused}
    assert answered and refused  # six clients against a queue of two: some wait their turn, some are turned away
    assert all(o.retry_after and int(o.retry_after) > 0 for o in refused)
    report = {
        "clients": CLIENTS,
        "seconds": DURATION_S,
        "queue": QUEUE,
        "answered_s": percentiles([o.seconds for o in answered]),
        "refused_s": percentiles([o.seconds for o in refused]),
        "health_and_metrics_s": percentiles(probes),
        "server_rss_mib": {"before": round(memory_before), "after": round(memory_after)},
    }
    with capsys.disabled():
        print("\nload:", json.dumps(report))
    # refused at once: far inside the time one answer takes; health stays up while the model is busy
    assert max(o.seconds for o in refused) < min(o.seconds for o in answered)
    assert max(probes) < min(o.seconds for o in answered)
    assert memory_after - memory_before < 300
