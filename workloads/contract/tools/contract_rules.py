"""The validation rules of README §2 and §4, written as plain Python.

The generator uses them to prove that every valid vector is valid and that every
invalid vector fails on the field it claims; the tests reuse them.
"""

from __future__ import annotations

import math
import re
from typing import Any

MAX_SAFE_INTEGER = 2**53 - 1
DEVICE_ID_PATTERN = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
TELEMETRY_BODY_LIMIT = 65_536
ANALYZE_BODY_LIMIT = 1_048_576
MAX_VIBRATION = 1024
MIN_SAMPLES = 16
MAX_SAMPLES = 65_536
DEFAULT_WINDOW = 64
DEFAULT_THRESHOLD = 4.0


class ContractViolation(ValueError):
    """A body the contract refuses with 400; `field` is what the error names (None for the body)."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field


def is_number(value: Any) -> bool:
    # bool is a subclass of int in Python but `true` is not a number in JSON.
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_finite_number(value: Any) -> bool:
    return is_number(value) and math.isfinite(value)


def is_integer(value: Any) -> bool:
    # §2: 17.0 and 1e3 are integers because JSON does not tell them apart from 17 and 1000.
    return is_finite_number(value) and float(value).is_integer()


def is_safe_count(value: Any) -> bool:
    return is_integer(value) and 0 <= value <= MAX_SAFE_INTEGER


def is_device_id(value: Any) -> bool:
    return isinstance(value, str) and DEVICE_ID_PATTERN.fullmatch(value) is not None


def _require(condition: bool, field: str, message: str) -> None:
    if not condition:
        raise ContractViolation(field, message)


def _in_range(value: Any, low: float, high: float) -> bool:
    return is_finite_number(value) and low <= value <= high


def check_telemetry(body: Any) -> None:
    """Raises ContractViolation for the first failing field, in the order of the §2 table."""
    if not isinstance(body, dict):
        raise ContractViolation(None, "body must be a JSON object")
    _require(is_device_id(body.get("deviceId")), "deviceId", "deviceId must be 1..64 of [A-Za-z0-9_.:-]")
    _require(is_safe_count(body.get("seq")), "seq", "seq must be an integer 0..2^53-1")
    _require(is_safe_count(body.get("ts")), "ts", "ts must be an integer 0..2^53-1")
    _require(_in_range(body.get("temperature"), -100, 200), "temperature", "temperature must be -100..200")
    _require(_in_range(body.get("humidity"), 0, 100), "humidity", "humidity must be 0..100")
    _require(_in_range(body.get("battery"), 0, 100), "battery", "battery must be 0..100")
    vibration = body.get("vibration")
    if vibration is not None:
        _require(
            isinstance(vibration, list)
            and len(vibration) <= MAX_VIBRATION
            and all(is_finite_number(v) for v in vibration),
            "vibration",
            "vibration must be an array of at most 1024 finite numbers",
        )


def frame_seq(body: Any) -> int | None:
    """The `seq` a WebSocket error reply carries (§5): the frame's seq when it is a valid integer."""
    if isinstance(body, dict) and is_safe_count(body.get("seq")):
        return int(body["seq"])
    return None


def is_power_of_two(n: int) -> bool:
    return n > 0 and n & (n - 1) == 0


def check_analyze(body: Any) -> None:
    """Raises ContractViolation for the first failing field, in the order of §4."""
    if not isinstance(body, dict):
        raise ContractViolation(None, "body must be a JSON object")
    samples = body.get("samples")
    _require(
        isinstance(samples, list)
        and MIN_SAMPLES <= len(samples) <= MAX_SAMPLES
        and is_power_of_two(len(samples))
        and all(is_finite_number(x) for x in samples),
        "samples",
        "samples must be a power-of-two count (16..65536) of finite numbers",
    )
    rate = body.get("sampleRateHz")
    _require(is_finite_number(rate) and rate > 0, "sampleRateHz", "sampleRateHz must be a finite number > 0")
    window = body.get("window")
    window = DEFAULT_WINDOW if window is None else window
    _require(is_integer(window) and 2 <= window <= len(samples) - 1, "window", "window must be an integer 2..N-1")
    threshold = body.get("threshold")
    if threshold is not None:
        _require(is_finite_number(threshold) and threshold > 0, "threshold", "threshold must be a finite number > 0")
