"""Checks the contract's vectors and schemas: up to date, self-consistent, robust, schema-valid.

Run: /usr/bin/python3 -m pytest workloads/contract/tools -q
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import numpy as np
import pytest

import generate_vectors
from analyze_reference import RobustnessError, analyze
from contract_rules import ANALYZE_BODY_LIMIT, TELEMETRY_BODY_LIMIT, ContractViolation, check_telemetry, frame_seq
from invalid_cases import body_of, reference_outcome
from telemetry_cases import device_states

TOOLS = Path(__file__).resolve().parent
CONTRACT = TOOLS.parent
SCHEMA_NAMES = [
    "telemetry", "telemetry-accepted", "error", "device-state", "analyze-request",
    "analyze-result", "stats", "health", "ws-ack", "ws-error",
]


def load(name: str) -> dict:
    return json.loads((CONTRACT / "vectors" / name).read_text(encoding="utf-8"))


def schema(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((CONTRACT / "schemas" / f"{name}.schema.json").read_text()))


@pytest.fixture(scope="module")
def analyze_vectors() -> list[dict]:
    return load("analyze.json")["vectors"]


def test_check_mode_finds_the_files_up_to_date():
    completed = subprocess.run(
        [sys.executable, str(TOOLS / "generate_vectors.py"), "--check"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert completed.returncode == 0, completed.stderr


def test_check_mode_reports_a_stale_file(tmp_path, monkeypatch):
    monkeypatch.setattr(generate_vectors, "documents", lambda: {"analyze.json": "{}\n", "invalid.json": "[]\n"})
    (tmp_path / "analyze.json").write_text("{}\n")
    (tmp_path / "invalid.json").write_text("[ ]\n")
    assert generate_vectors.main(["--check", "--out", str(tmp_path)]) == 1
    (tmp_path / "invalid.json").write_text("[]\n")
    assert generate_vectors.main(["--check", "--out", str(tmp_path)]) == 0


def test_schema_folder_holds_exactly_the_contract_schemas():
    assert sorted(p.name for p in (CONTRACT / "schemas").glob("*.json")) == sorted(
        f"{n}.schema.json" for n in SCHEMA_NAMES
    )


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_valid_draft_2020_12(name):
    document = json.loads((CONTRACT / "schemas" / f"{name}.schema.json").read_text())
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(document)


def test_analyze_vectors_match_the_schemas(analyze_vectors):
    request, result = schema("analyze-request"), schema("analyze-result")
    for vector in analyze_vectors:
        request.validate(vector["request"])
        result.validate(vector["expected"])


def test_analyze_requests_fit_well_under_the_body_limit(analyze_vectors):
    for vector in analyze_vectors:
        size = len(json.dumps(vector["request"], separators=(",", ":")).encode())
        assert size < 1_000_000 < ANALYZE_BODY_LIMIT, vector["name"]


def test_analyze_samples_have_at_most_six_decimals(analyze_vectors):
    for vector in analyze_vectors:
        assert all(round(x, 6) == x for x in vector["request"]["samples"]), vector["name"]


def test_analyze_set_covers_the_required_shapes(analyze_vectors):
    sizes = [v["expected"]["n"] for v in analyze_vectors]
    requests = [v["request"] for v in analyze_vectors]
    assert len(analyze_vectors) >= 30
    assert len({v["name"] for v in analyze_vectors}) == len(analyze_vectors)
    assert {2**p for p in range(4, 17)} <= set(sizes)
    assert sizes.count(65536) <= 2
    assert any("window" not in r for r in requests) and any("threshold" not in r for r in requests)
    assert any(r.get("window") == 2 for r in requests)
    assert any(r.get("window") == len(r["samples"]) - 1 for r in requests)
    assert any(not float(r["sampleRateHz"]).is_integer() for r in requests)
    assert any(v["expected"]["std"] == 0 for v in analyze_vectors)
    assert any(v["expected"]["anomalies"] for v in analyze_vectors)


def independent_analysis(request: dict) -> tuple[dict, float]:
    """A plain NumPy implementation of §4, and the closest any decision comes to its threshold."""
    x = np.asarray(request["samples"], dtype=np.float64)
    window, threshold = request.get("window", 64), request.get("threshold", 4.0)
    anomalies, closest = [], np.inf
    for i in range(window, len(x)):
        past = x[i - window : i]
        m, s = past.mean(), past.std()
        if s > 0:
            z = abs(x[i] - m) / s
            closest = min(closest, abs(z / threshold - 1))
            if z > threshold:
                anomalies.append(i)
    magnitudes = np.abs(np.fft.fft(x - x.mean()))[1 : len(x) // 2 + 1]
    k = int(np.argmax(magnitudes)) + 1  # argmax returns the first maximum: the smallest k on ties
    expected = {
        "n": len(x), "mean": float(x.mean()), "std": float(x.std()), "min": float(x.min()),
        "max": float(x.max()), "dominantHz": k * request["sampleRateHz"] / len(x), "anomalies": anomalies,
    }
    return expected, closest


def test_an_independent_implementation_reproduces_every_vector_with_margin(analyze_vectors):
    for vector in analyze_vectors:
        actual, closest = independent_analysis(vector["request"])
        expected = vector["expected"]
        assert actual["anomalies"] == expected["anomalies"], vector["name"]
        assert closest > 0.9e-6, vector["name"]
        assert actual["n"] == expected["n"] and actual["dominantHz"] == pytest.approx(expected["dominantHz"], rel=1e-12)
        for key in ("mean", "std", "min", "max"):
            assert abs(actual[key] - expected[key]) <= 1e-9 * max(1.0, abs(expected[key])), (vector["name"], key)


def tone_pair(n: int, first: int, second: int) -> list[float]:
    t = np.arange(n)
    return (np.sin(2 * np.pi * first * t / n) + np.sin(2 * np.pi * second * t / n)).tolist()


@pytest.mark.parametrize(
    ("request_body", "reason"),
    [
        # Three copies of 0.1 do not sum to exactly 0.3, so a float s is tiny instead of 0.
        ({"samples": [0.1] * 16, "sampleRateHz": 1.0, "window": 3}, "two-pass s is 0"),
        # Window [0, 2] has m = 1 and s = 1, so the next sample 3 sits exactly on threshold 2.
        ({"samples": [0.0, 2.0, 3.0] + [0.0] * 13, "sampleRateHz": 1.0, "window": 2, "threshold": 2.0},
         "within 1e-06 of the threshold"),
        ({"samples": tone_pair(64, 3, 5), "sampleRateHz": 1.0, "window": 8, "threshold": 50.0}, "runner-up"),
    ],
)
def test_the_reference_refuses_fragile_vectors(request_body, reason):
    with pytest.raises(RobustnessError, match=reason):
        analyze(request_body)


@pytest.fixture(scope="module")
def invalid_vectors() -> list[dict]:
    return load("invalid.json")["vectors"]


def test_invalid_vectors_are_well_formed(invalid_vectors):
    assert len(invalid_vectors) >= 25
    assert len({v["name"] for v in invalid_vectors}) == len(invalid_vectors)
    for v in invalid_vectors:
        assert ("body" in v) != ("bodyRepeat" in v), v["name"]
        assert v["expectedStatus"] in (400, 404, 405, 413, 415), v["name"]
        assert v["expectedStatus"] == 400 or v["expectedField"] is None, v["name"]


def test_invalid_vectors_agree_with_the_reference_rules(invalid_vectors):
    for v in invalid_vectors:
        outcome = reference_outcome(v)
        assert outcome is None or outcome == (v["expectedStatus"], v["expectedField"]), v["name"]


def test_body_sizes_are_clearly_on_their_side_of_the_limits(invalid_vectors):
    for v in invalid_vectors:
        limit = TELEMETRY_BODY_LIMIT if v["path"] == "/telemetry" else ANALYZE_BODY_LIMIT
        size = len(body_of(v).encode())
        assert (size > limit * 1.05) if v["expectedStatus"] == 413 else (size < limit * 0.95), v["name"]


def test_invalid_telemetry_with_a_named_field_fails_the_schema(invalid_vectors):
    validator = schema("telemetry")
    for v in invalid_vectors:
        if v["path"] == "/telemetry" and v["expectedField"] is not None:
            assert not validator.is_valid(json.loads(body_of(v))), v["name"]


def test_invalid_set_covers_every_status_and_telemetry_field(invalid_vectors):
    assert {v["expectedStatus"] for v in invalid_vectors} == {400, 404, 405, 413, 415}
    fields = {v["expectedField"] for v in invalid_vectors}
    assert {"deviceId", "seq", "ts", "temperature", "humidity", "battery", "vibration"} <= fields
    assert {"samples", "sampleRateHz", "window", "threshold"} <= fields
    assert any(v["contentType"] is None and v["method"] == "POST" for v in invalid_vectors)


def test_telemetry_readings_are_valid_and_produce_the_listed_states():
    document, validator = load("telemetry.json"), schema("telemetry")
    for reading in document["valid"]:
        check_telemetry(reading)
        validator.validate(reading)
    assert len({r["deviceId"] for r in document["valid"]}) == 3
    assert document["states"] == device_states(document["valid"])
    state_validator = schema("device-state")
    for state in document["states"]:
        state_validator.validate(state)


def reject_constant(token: str) -> None:
    raise ValueError(f"{token} is not JSON")


def test_telemetry_invalid_frames_name_the_seq_of_the_error_reply():
    document, reply = load("telemetry.json"), schema("ws-error")
    for f in document["invalidFrames"]:
        try:
            body = json.loads(f["raw"], parse_constant=reject_constant)
        except ValueError:
            assert f["expectedSeq"] is None, f["name"]
            continue
        assert f["expectedSeq"] == frame_seq(body), f["name"]
        reply.validate({"type": "error", "error": "invalid reading", "seq": f["expectedSeq"]})


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"deviceId": "d", "seq": 17.0, "ts": 1e3, "temperature": 1, "humidity": 1, "battery": 1}, None),
        ({"deviceId": "d", "seq": True, "ts": 1, "temperature": 1, "humidity": 1, "battery": 1}, "seq"),
        ({"deviceId": "d", "seq": 1, "ts": 1, "temperature": float("inf"), "humidity": 1, "battery": 1},
         "temperature"),
        ({"deviceId": "d", "seq": 1, "ts": 1, "temperature": 1, "humidity": 1, "battery": 1, "vibration": None},
         None),
    ],
)
def test_reference_rules_follow_the_contract(body, field):
    if field is None:
        check_telemetry(body)
    else:
        with pytest.raises(ContractViolation) as raised:
            check_telemetry(body)
        assert raised.value.field == field
