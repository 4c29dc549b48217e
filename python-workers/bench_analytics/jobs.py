"""One analyze job: the message the ingestion edge sends and the result message a worker publishes."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from bench_backend.analyze import analyze, parse_analyze_request
from bench_backend.validation import ValidationError, as_integer, as_finite, is_device_id, parse_object


class InvalidJob(ValueError):
    """A job message that cannot be analysed (it is dropped: jobs are at most once)."""


@dataclass(frozen=True, slots=True)
class JobResult:
    topic: str
    payload: bytes


def run_job(raw: bytes) -> JobResult:
    """Analyse one job message and build its result message.

    A job is an analyze request (contract §4: samples, sampleRateHz, window, threshold) carrying the
    reading it came from: deviceId, seq, ts (the device's send time, ms since the epoch) and receivedAt
    (when the edge accepted it, ms since the epoch, fractional). All four are echoed in the result so a
    client can match it to its reading and split the latency into edge and analytics parts.
    """
    try:
        document = parse_object(raw)
        request = parse_analyze_request(document)
    except ValidationError as error:
        raise InvalidJob(error.message) from error
    device_id = document.get("deviceId")
    seq = as_integer(document.get("seq"))
    if not is_device_id(device_id) or seq is None:
        raise InvalidJob("a job needs the deviceId and seq of its reading")
    result: dict[str, Any] = {
        "deviceId": device_id,
        "seq": seq,
        "ts": as_integer(document.get("ts")),
        "receivedAt": as_finite(document.get("receivedAt")),
        "analyzedAt": time.time() * 1000.0,
        "result": analyze(request),
    }
    return JobResult(f"devices/{device_id}/analysis", json.dumps(result, separators=(",", ":")).encode())
