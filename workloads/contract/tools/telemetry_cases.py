"""The telemetry vectors: valid readings, the device states they produce, and invalid frames.

States are derived from the readings by the §2 rules rather than written by hand, and every
frame is checked against contract_rules, so the document cannot contradict itself.
"""

from __future__ import annotations

import json
import math
from typing import Any

from contract_rules import ContractViolation, check_telemetry, frame_seq

FRAME_DEVICE_ID = "dev-ws-1"
T0 = 1763769600000

VALID_READINGS: list[dict[str, Any]] = [
    {"deviceId": "dev-a1", "seq": 1, "ts": T0, "temperature": 20.5, "humidity": 40, "battery": 90},
    {"deviceId": "sensor_B.2", "seq": 0, "ts": 0, "temperature": 15.0, "humidity": 55.5, "battery": 77.7,
     "vibration": None},
    {"deviceId": "dev-a1", "seq": 2, "ts": T0 + 1000, "temperature": -100, "humidity": 0, "battery": 100},
    {"deviceId": "gw:3-x", "seq": 100, "ts": T0 + 5, "temperature": 0.1, "humidity": 12.5, "battery": 50,
     "firmware": "1.2.3"},
    {"deviceId": "sensor_B.2", "seq": 9007199254740991, "ts": 9007199254740991, "temperature": 15.1,
     "humidity": 55.25, "battery": 77.5},
    {"deviceId": "dev-a1", "seq": 3, "ts": T0 + 2000, "temperature": 200, "humidity": 100, "battery": 0,
     "vibration": [0.01, -0.02, 0.5]},
    {"deviceId": "gw:3-x", "seq": 101, "ts": T0 + 10, "temperature": 0.2, "humidity": 12.5, "battery": 49.5,
     "meta": {"site": "b", "tags": [1, 2]}},
    {"deviceId": "sensor_B.2", "seq": 5, "ts": T0 + 100000, "temperature": 14.9, "humidity": 56, "battery": 77,
     "vibration": []},
    {"deviceId": "gw:3-x", "seq": 102, "ts": T0 + 15, "temperature": 0.3, "humidity": 12.75, "battery": 49,
     "vibration": [round(math.sin(i / 10), 6) for i in range(1024)]},
    {"deviceId": "dev-a1", "seq": 17.0, "ts": float(T0 + 3000), "temperature": 21.25, "humidity": 45.5,
     "battery": 88.0},
    {"deviceId": "gw:3-x", "seq": 103, "ts": T0 + 20, "temperature": -0.6, "humidity": 13, "battery": 48.5,
     "vibration": None},
    {"deviceId": "gw:3-x", "seq": 104, "ts": T0 + 25, "temperature": 37.8, "humidity": 14, "battery": 48},
]


def frame(changes: dict[str, Any], drop: tuple[str, ...] = ()) -> str:
    body: dict[str, Any] = {"deviceId": FRAME_DEVICE_ID, "seq": 1, "ts": T0, "temperature": 20.0,
                            "humidity": 50.0, "battery": 90.0}
    body = {k: v for k, v in body.items() if k not in drop}
    body.update(changes)
    return json.dumps(body, separators=(",", ":"))


INVALID_FRAMES: list[dict[str, Any]] = [
    {"name": "malformed-json", "raw": '{"deviceId":"dev-ws-1","seq":4,', "expectedSeq": None},
    {"name": "not-an-object", "raw": "[1,2,3]", "expectedSeq": None},
    {"name": "nan-token-with-seq", "raw": frame({"seq": 9, "temperature": "@"}).replace('"@"', "NaN"),
     "expectedSeq": None},
    {"name": "temperature-out-of-range-with-seq", "raw": frame({"seq": 42, "temperature": 500}), "expectedSeq": 42},
    {"name": "seq-string", "raw": frame({"seq": "42"}), "expectedSeq": None},
    {"name": "seq-negative", "raw": frame({"seq": -3}), "expectedSeq": None},
    {"name": "seq-missing", "raw": frame({}, drop=("seq",)), "expectedSeq": None},
    {"name": "whole-float-seq-bad-humidity", "raw": frame({"seq": 11.0, "humidity": 100.5}), "expectedSeq": 11},
    {"name": "other-device-id", "raw": frame({"deviceId": "dev-ws-2", "seq": 7}), "expectedSeq": 7},
    {"name": "invalid-device-id-with-seq", "raw": frame({"deviceId": "dev ws", "seq": 8}), "expectedSeq": 8},
]


def device_states(readings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    temperatures: dict[str, list[float]] = {}
    last: dict[str, dict[str, Any]] = {}
    for r in readings:
        temperatures.setdefault(r["deviceId"], []).append(r["temperature"])
        last[r["deviceId"]] = r
    return [
        {
            "deviceId": device,
            "count": len(values),
            "lastSeq": int(last[device]["seq"]),
            "lastTs": int(last[device]["ts"]),
            "temperatureMean": math.fsum(values) / len(values),
        }
        for device, values in temperatures.items()
    ]


def _reject_constant(token: str) -> None:
    raise ValueError(f"{token} is not JSON")


def _frame_outcome(raw: str) -> tuple[bool, int | None]:
    """(valid, seq of the reply) for a frame on the FRAME_DEVICE_ID connection (README §5)."""
    try:
        body = json.loads(raw, parse_constant=_reject_constant)
    except ValueError:
        return False, None
    try:
        check_telemetry(body)
    except ContractViolation:
        return False, frame_seq(body)
    return body["deviceId"] == FRAME_DEVICE_ID, frame_seq(body)


def telemetry_document() -> dict[str, Any]:
    for r in VALID_READINGS:
        check_telemetry(r)
    for f in INVALID_FRAMES:
        if _frame_outcome(f["raw"]) != (False, f["expectedSeq"]):
            raise SystemExit(f"frame {f['name']}: the rules give {_frame_outcome(f['raw'])}")
    return {
        "description": "POST the `valid` readings in order to a fresh backend; GET /devices/{id} must then "
        "return `states` (temperatureMean within 1e-9). Each `invalidFrames` raw text, sent as a WebSocket "
        "text frame on /ws?deviceId=" + FRAME_DEVICE_ID + " (or published to devices/" + FRAME_DEVICE_ID
        + "/telemetry), must be refused: WebSocket replies with type error and seq expectedSeq.",
        "frameDeviceId": FRAME_DEVICE_ID,
        "valid": VALID_READINGS,
        "states": device_states(VALID_READINGS),
        "invalidFrames": INVALID_FRAMES,
    }
