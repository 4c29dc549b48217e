"""bench_analytics.jobs: a job message in, the result message out (no processes)."""

from __future__ import annotations

import json
import math

import pytest

from bench_analytics.jobs import InvalidJob, run_job
from bench_backend.analyze import analyze, parse_analyze_request


def job(**changes: object) -> dict[str, object]:
    samples = [round(math.sin(i * 0.4) + (3.0 if i == 40 else 0.0), 6) for i in range(64)]
    document: dict[str, object] = {
        "deviceId": "dev-7",
        "seq": 12,
        "ts": 1_763_769_600_000,
        "receivedAt": 1_763_769_600_003.25,
        "samples": samples,
        "sampleRateHz": 1000,
        "window": 32,
    }
    document.update(changes)
    return document


def test_publishes_the_kernels_result_on_the_devices_analysis_topic() -> None:
    document = job()

    result = run_job(json.dumps(document).encode())

    body = json.loads(result.payload)
    assert result.topic == "devices/dev-7/analysis"
    assert body["result"] == analyze(parse_analyze_request(document))
    assert body["result"]["n"] == 64


def test_echoes_the_reading_and_its_timestamps_so_a_client_can_match_and_time_it() -> None:
    body = json.loads(run_job(json.dumps(job()).encode()).payload)

    assert (body["deviceId"], body["seq"], body["ts"], body["receivedAt"]) == ("dev-7", 12, 1_763_769_600_000, 1_763_769_600_003.25)
    assert body["analyzedAt"] > 0


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"[1, 2]",
        json.dumps(job(samples=[1.0] * 10)).encode(),
        json.dumps(job(deviceId="no spaces allowed")).encode(),
        json.dumps(job(seq="12")).encode(),
    ],
    ids=["malformed", "not-an-object", "too-few-samples", "bad-device-id", "seq-not-integer"],
)
def test_refuses_a_job_it_cannot_analyse_or_attribute(raw: bytes) -> None:
    with pytest.raises(InvalidJob):
        run_job(raw)
