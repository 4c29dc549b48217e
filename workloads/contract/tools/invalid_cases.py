"""The invalid-request vectors: what every backend must refuse, with which status and field.

Expected fields are written by hand from README §2-§4 and then cross-checked against the
rules in contract_rules.py, so a mistake in either is caught when the vectors are generated.
"""

from __future__ import annotations

import json
from typing import Any

from contract_rules import (
    ANALYZE_BODY_LIMIT,
    TELEMETRY_BODY_LIMIT,
    ContractViolation,
    check_analyze,
    check_telemetry,
)

JSON = "application/json"
VALID_READING: dict[str, Any] = {
    "deviceId": "dev-000001",
    "seq": 17,
    "ts": 1763769600000,
    "temperature": 21.5,
    "humidity": 40.25,
    "battery": 88.0,
}
SIXTEEN_SAMPLES = [float(v) for v in (1, -2, 3, -4, 5, -6, 7, -8, 8, -7, 6, -5, 4, -3, 2, -1)]


def text(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def reading(drop: tuple[str, ...] = (), **changes: Any) -> str:
    body = {k: v for k, v in VALID_READING.items() if k not in drop}
    body.update(changes)
    return text(body)


def raw_reading(field: str, token: str) -> str:
    """A reading whose `field` is written as a raw token (NaN, 1e999), which json.dumps cannot write."""
    return reading(**{field: "@TOKEN@"}).replace('"@TOKEN@"', token)


def job(drop: tuple[str, ...] = (), **changes: Any) -> str:
    body: dict[str, Any] = {"samples": SIXTEEN_SAMPLES, "sampleRateHz": 100.0, "window": 4, "threshold": 3.0}
    body = {k: v for k, v in body.items() if k not in drop}
    body.update(changes)
    return text(body)


def post(name: str, path: str, body: str, status: int, field: str | None, content_type: str | None = JSON) -> dict:
    return {
        "name": name,
        "method": "POST",
        "path": path,
        "contentType": content_type,
        "body": body,
        "expectedStatus": status,
        "expectedField": field,
    }


def post_repeat(name: str, path: str, repeat: dict[str, Any], status: int, field: str | None) -> dict:
    vector = post(name, path, "", status, field)
    del vector["body"]
    vector["bodyRepeat"] = repeat
    return vector


def request(name: str, method: str, path: str, status: int) -> dict:
    return {
        "name": name,
        "method": method,
        "path": path,
        "contentType": None,
        "body": "",
        "expectedStatus": status,
        "expectedField": None,
    }


def repeat(prefix: str, unit: str, count: int, suffix: str) -> dict[str, Any]:
    return {"prefix": prefix, "unit": unit, "count": count, "suffix": suffix}


def telemetry_shape_vectors() -> list[dict]:
    t = "/telemetry"
    vectors = [
        post("telemetry-malformed-json", t, '{"deviceId": "dev-1", "seq": ', 400, None),
        post("telemetry-body-array", t, "[" + reading() + "]", 400, None),
        post("telemetry-body-number", t, "42", 400, None),
        post("telemetry-body-null", t, "null", 400, None),
        post("telemetry-body-string", t, '"dev-000001"', 400, None),
        post("telemetry-nan-token", t, raw_reading("temperature", "NaN"), 400, None),
        post("telemetry-infinity-token", t, raw_reading("humidity", "Infinity"), 400, None),
        post("telemetry-negative-infinity-token", t, raw_reading("battery", "-Infinity"), 400, None),
        post("telemetry-temperature-overflows-to-infinity", t, raw_reading("temperature", "1e999"), 400, "temperature"),
    ]
    for field in ("deviceId", "seq", "ts", "temperature", "humidity", "battery"):
        vectors.append(post(f"telemetry-missing-{field}", t, reading(drop=(field,)), 400, field))
    return vectors


def telemetry_field_vectors() -> list[dict]:
    t = "/telemetry"
    return [
        post("telemetry-seq-string", t, reading(seq="3"), 400, "seq"),
        post("telemetry-seq-fraction", t, reading(seq=1.5), 400, "seq"),
        post("telemetry-seq-negative", t, reading(seq=-1), 400, "seq"),
        post("telemetry-seq-2-pow-53", t, reading(seq=2**53), 400, "seq"),
        post("telemetry-ts-string", t, reading(ts="1763769600000"), 400, "ts"),
        post("telemetry-ts-negative", t, reading(ts=-5), 400, "ts"),
        post("telemetry-temperature-true", t, reading(temperature=True), 400, "temperature"),
        post("telemetry-temperature-200.5", t, reading(temperature=200.5), 400, "temperature"),
        post("telemetry-temperature-below-minus-100", t, reading(temperature=-100.001), 400, "temperature"),
        post("telemetry-humidity-negative", t, reading(humidity=-1), 400, "humidity"),
        post("telemetry-humidity-string", t, reading(humidity="40"), 400, "humidity"),
        post("telemetry-battery-101", t, reading(battery=101), 400, "battery"),
        post("telemetry-battery-null", t, reading(battery=None), 400, "battery"),
        post("telemetry-deviceId-null", t, reading(deviceId=None), 400, "deviceId"),
        post("telemetry-deviceId-number", t, reading(deviceId=7), 400, "deviceId"),
        post("telemetry-deviceId-empty", t, reading(deviceId=""), 400, "deviceId"),
        post("telemetry-deviceId-65-chars", t, reading(deviceId="d" * 65), 400, "deviceId"),
        post("telemetry-deviceId-slash", t, reading(deviceId="dev/1"), 400, "deviceId"),
        post("telemetry-deviceId-space", t, reading(deviceId="dev 1"), 400, "deviceId"),
        post("telemetry-deviceId-non-ascii", t, reading(deviceId="dév"), 400, "deviceId"),
        post("telemetry-vibration-number", t, reading(vibration=0.5), 400, "vibration"),
        post("telemetry-vibration-object", t, reading(vibration={"x": 1}), 400, "vibration"),
        post("telemetry-vibration-with-string", t, reading(vibration=[0.1, "0.2", 0.3]), 400, "vibration"),
        post("telemetry-vibration-with-null", t, reading(vibration=[0.1, None]), 400, "vibration"),
        post("telemetry-first-field-wins-seq", t, reading(seq="x", temperature=999), 400, "seq"),
        post("telemetry-first-field-wins-deviceId", t, reading(drop=("battery",), deviceId="a b"), 400, "deviceId"),
        post("telemetry-first-field-wins-humidity", t, reading(humidity=101, vibration="x"), 400, "humidity"),
    ]


def telemetry_size_vectors() -> list[dict]:
    t = "/telemetry"
    head = reading()[:-1] + ',"vibration":['
    return [
        post_repeat("telemetry-vibration-1025-elements", t, repeat(head, "0.5,", 1024, "0.5]}"), 400, "vibration"),
        post_repeat("telemetry-body-over-64-KiB", t, repeat(head, "0.000001,", 8000, "0]}"), 413, None),
        post("telemetry-content-type-text-plain", t, reading(), 415, None, "text/plain"),
        post("telemetry-no-content-type", t, reading(), 415, None, None),
    ]


def analyze_vectors() -> list[dict]:
    a = "/jobs/analyze"
    head = '{"samples":['
    return [
        post("analyze-malformed-json", a, '{"samples": [1, 2', 400, None),
        post("analyze-body-array", a, text(SIXTEEN_SAMPLES), 400, None),
        post_repeat("analyze-n-1000", a, repeat(head, "1.5,", 999, '1.5],"sampleRateHz":100,"window":8}'), 400, "samples"),
        post("analyze-n-8", a, job(samples=SIXTEEN_SAMPLES[:8]), 400, "samples"),
        post("analyze-n-0", a, job(samples=[]), 400, "samples"),
        post_repeat("analyze-n-131072-short-body", a, repeat(head, "0,", 131071, '0],"sampleRateHz":100}'), 400, "samples"),
        post_repeat(
            "analyze-body-over-1-MiB", a, repeat(head, "0.123456,", 131071, '0.123456],"sampleRateHz":100}'), 413, None
        ),
        post("analyze-samples-missing", a, job(drop=("samples",)), 400, "samples"),
        post("analyze-samples-not-array", a, job(samples=5), 400, "samples"),
        post("analyze-samples-with-string", a, job(samples=SIXTEEN_SAMPLES[:15] + ["1"]), 400, "samples"),
        post("analyze-samples-with-bool", a, job(samples=[True] + SIXTEEN_SAMPLES[1:]), 400, "samples"),
        post("analyze-sampleRateHz-missing", a, job(drop=("sampleRateHz",)), 400, "sampleRateHz"),
        post("analyze-sampleRateHz-0", a, job(sampleRateHz=0), 400, "sampleRateHz"),
        post("analyze-sampleRateHz-negative", a, job(sampleRateHz=-50), 400, "sampleRateHz"),
        post("analyze-sampleRateHz-string", a, job(sampleRateHz="100"), 400, "sampleRateHz"),
        post("analyze-window-1", a, job(window=1), 400, "window"),
        post("analyze-window-n", a, job(window=16), 400, "window"),
        post("analyze-window-2.5", a, job(window=2.5), 400, "window"),
        post("analyze-window-default-needs-n-over-64", a, job(drop=("window",), samples=[0.5] * 64), 400, "window"),
        post("analyze-threshold-0", a, job(threshold=0), 400, "threshold"),
        post("analyze-threshold-negative", a, job(threshold=-1), 400, "threshold"),
        post("analyze-threshold-string", a, job(threshold="4"), 400, "threshold"),
        post("analyze-first-field-wins-samples", a, job(samples=SIXTEEN_SAMPLES[:8], window=1), 400, "samples"),
        post("analyze-first-field-wins-window", a, job(window=0, threshold=-2), 400, "window"),
        post("analyze-content-type-text-plain", a, job(), 415, None, "text/plain"),
    ]


def route_vectors() -> list[dict]:
    return [
        request("unknown-route", "GET", "/nope", 404),
        request("telemetry-wrong-method", "GET", "/telemetry", 405),
        request("analyze-wrong-method", "GET", "/jobs/analyze", 405),
        request("devices-wrong-method", "DELETE", "/devices/x", 405),
        request("unknown-device", "GET", "/devices/unknown-device-404", 404),
    ]


def body_of(vector: dict) -> str:
    if "body" in vector:
        return vector["body"]
    r = vector["bodyRepeat"]
    return r["prefix"] + r["unit"] * r["count"] + r["suffix"]


def _reject_constant(token: str) -> None:
    raise ValueError(f"{token} is not JSON")


def reference_outcome(vector: dict) -> tuple[int, str | None] | None:
    """(status, field) per contract_rules for a POST with a JSON content type; None otherwise."""
    if vector["method"] != "POST" or vector["contentType"] != JSON:
        return None
    body = body_of(vector).encode()
    telemetry = vector["path"] == "/telemetry"
    if len(body) > (TELEMETRY_BODY_LIMIT if telemetry else ANALYZE_BODY_LIMIT):
        return 413, None
    try:
        parsed = json.loads(body, parse_constant=_reject_constant)
    except ValueError:
        return 400, None
    try:
        (check_telemetry if telemetry else check_analyze)(parsed)
    except ContractViolation as violation:
        return 400, violation.field
    return 200, None


def invalid_vectors() -> dict[str, Any]:
    vectors = (
        telemetry_shape_vectors() + telemetry_field_vectors() + telemetry_size_vectors()
        + analyze_vectors() + route_vectors()
    )
    for vector in vectors:
        outcome = reference_outcome(vector)
        if outcome is not None and outcome != (vector["expectedStatus"], vector["expectedField"]):
            raise SystemExit(f"{vector['name']}: the rules give {outcome}, the vector says "
                             f"{(vector['expectedStatus'], vector['expectedField'])}")
    return {
        "description": "Requests every backend must refuse (README sections 2-4). Build the body from "
        "`body`, or from bodyRepeat as prefix + unit*count + suffix; contentType null means no "
        "Content-Type header; expectedField is the `field` of a 400 body (null for the others).",
        "vectors": vectors,
    }
