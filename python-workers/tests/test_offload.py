"""python-offload: one process, analyze jobs in a pool of worker processes, identical results."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import vectors
from backend_process import BackendProcess, serving
from http_client import HttpClient
from variant_support import left_behind, worker_pids

from bench_backend.analyze import analyze, parse_analyze_request
from bench_backend.jobs import analyze_samples

ANALYZE = vectors.load("analyze.json")
INVALID = vectors.load("invalid.json")
NAME = "python-offload"


def start_offload(*args: str) -> BackendProcess:
    return BackendProcess("--variant", "offload", "--port", "0", *args, backend=NAME, own_group=True)


@pytest.fixture(scope="module")
def offload() -> Iterator[BackendProcess]:
    with serving(start_offload("--workers", "2")) as process:
        yield process


@pytest.fixture()
def offload_client(offload: BackendProcess) -> Iterator[HttpClient]:
    with HttpClient(offload.port) as http:
        yield http


@pytest.mark.parametrize("vector", vectors.params(ANALYZE))
def test_the_pool_kernel_on_raw_bytes_matches_the_vector(vector: dict[str, Any]) -> None:
    job = parse_analyze_request(vector["request"])
    result = analyze_samples(job.samples.tobytes(), job.sample_rate_hz, job.window, job.threshold)
    assert result == analyze(job)
    vectors.assert_analysis(result, vector["expected"], ANALYZE["tolerance"])


def test_the_whole_pool_runs_before_the_ready_line(offload: BackendProcess) -> None:
    # The fixture saw the ready line; nothing has asked for a job yet.
    assert len(worker_pids(offload)) == 2


def test_health_names_the_variant_and_the_serving_process(offload_client: HttpClient, offload: BackendProcess) -> None:
    assert offload_client.get("/health").json() == {"status": "ok", "backend": NAME, "pid": offload.process.pid}


@pytest.mark.parametrize("vector", vectors.params(ANALYZE))
def test_jobs_run_in_the_pool_match_the_vector(vector: dict[str, Any], offload_client: HttpClient) -> None:
    reply = offload_client.post_json("/jobs/analyze", vector["request"])
    assert reply.status == 200, reply.body
    vectors.assert_analysis(reply.json(), vector["expected"], ANALYZE["tolerance"])


@pytest.mark.parametrize("vector", [v for v in vectors.params(INVALID) if v.values[0]["path"] == "/jobs/analyze"])
def test_invalid_jobs_are_refused_before_reaching_the_pool(vector: dict[str, Any], offload_client: HttpClient) -> None:
    body = vectors.body_of(vector)
    reply = offload_client.request(vector["method"], vector["path"], body or None, content_type=vector["contentType"])
    assert reply.status == vector["expectedStatus"], reply.body
    assert reply.json()["field"] == vector["expectedField"]


def test_concurrent_jobs_all_complete_with_their_own_results(offload: BackendProcess, offload_client: HttpClient) -> None:
    requests = [vector["request"] for vector in ANALYZE["vectors"]][:8]
    before = offload_client.get("/stats").json()["jobs"]

    def post(request: dict[str, Any]) -> dict[str, Any]:
        client = HttpClient(offload.port)
        try:
            return client.post_json("/jobs/analyze", request).json()
        finally:
            client.close()

    with ThreadPoolExecutor(len(requests)) as threads:
        results = list(threads.map(post, requests))
    assert results == [analyze(parse_analyze_request(request)) for request in requests]
    assert offload_client.get("/stats").json()["jobs"] - before == len(requests)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_shuts_the_pool_down_and_leaves_nothing_behind(sig: signal.Signals) -> None:
    backend = start_offload("--workers", "2")
    backend.wait_ready()
    assert HttpClient(backend.port).post_json("/jobs/analyze", ANALYZE["vectors"][0]["request"]).status == 200
    assert backend.stop(sig) == 0
    assert left_behind(backend) == []


def test_without_workers_the_pool_has_one_process_per_usable_cpu() -> None:
    backend = start_offload()
    try:
        backend.wait_ready()
        assert len(worker_pids(backend)) == len(os.sched_getaffinity(0))
    finally:
        assert backend.stop() == 0
