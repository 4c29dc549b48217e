"""Strict, hand-written validation of telemetry readings (contract §2).

pydantic's coercion is too lenient for the contract ("3" and true are not numbers), and `bool` is a
subclass of `int` in Python, so every check compares exact types instead of using isinstance.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

MAX_SAFE_INTEGER = 2**53 - 1
MAX_VIBRATION_LENGTH = 1024
_DEVICE_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}", re.ASCII)


class ValidationError(ValueError):
    """A request the contract refuses with 400 and `{"error": message, "field": field}`."""

    def __init__(self, message: str, field: str | None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True, slots=True)
class Reading:
    """The fields of a valid reading that the device state needs."""

    device_id: str
    seq: int
    ts: int
    temperature: float


def parse_json(raw: bytes | str) -> Any:
    """Parse a JSON document; NaN/Infinity literals are not JSON and are refused."""
    try:
        return json.loads(raw, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:
        # ValueError covers JSONDecodeError and UnicodeDecodeError; absurd nesting raises RecursionError.
        raise ValidationError("malformed JSON", None) from error


def parse_object(raw: bytes | str) -> dict[str, Any]:
    document = parse_json(raw)
    if type(document) is not dict:
        raise ValidationError("body must be a JSON object", None)
    return document


def is_device_id(value: Any) -> bool:
    return type(value) is str and _DEVICE_ID.fullmatch(value) is not None


def as_integer(value: Any) -> int | None:
    """An int, or a float whose value is whole (17.0, 1e3): JSON does not tell them apart."""
    if type(value) is int:
        return value
    if type(value) is float and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


def as_finite(value: Any) -> float | None:
    """A finite number as float; an int too large for a double is as infinite as 1e999 is."""
    if type(value) is float:
        return value if math.isfinite(value) else None
    if type(value) is int:
        try:
            return float(value)
        except OverflowError:
            return None
    return None


def safe_seq(document: Any) -> int | None:
    """The document's `seq` when it is a valid one, for error frames that echo it."""
    if type(document) is not dict:
        return None
    seq = as_integer(document.get("seq"))
    return seq if seq is not None and 0 <= seq <= MAX_SAFE_INTEGER else None


def validate_reading(document: dict[str, Any]) -> Reading:
    """Check the fields in contract order and report the first that fails."""
    device_id = document.get("deviceId")
    if not is_device_id(device_id):
        raise ValidationError("deviceId must be 1-64 characters of [A-Za-z0-9_.:-]", "deviceId")
    seq = _safe_integer(document, "seq")
    ts = _safe_integer(document, "ts")
    temperature = _bounded_number(document, "temperature", -100.0, 200.0)
    _bounded_number(document, "humidity", 0.0, 100.0)
    _bounded_number(document, "battery", 0.0, 100.0)
    _check_vibration(document.get("vibration"))
    return Reading(device_id, seq, ts, temperature)


def _safe_integer(document: dict[str, Any], field: str) -> int:
    value = as_integer(document.get(field))
    if value is None or not 0 <= value <= MAX_SAFE_INTEGER:
        raise ValidationError(f"{field} must be an integer from 0 to {MAX_SAFE_INTEGER}", field)
    return value


def _bounded_number(document: dict[str, Any], field: str, low: float, high: float) -> float:
    value = as_finite(document.get(field))
    if value is None or not low <= value <= high:
        raise ValidationError(f"{field} must be a finite number from {low:g} to {high:g}", field)
    return value


def _check_vibration(vibration: Any) -> None:
    if vibration is None:
        return
    if type(vibration) is not list or len(vibration) > MAX_VIBRATION_LENGTH:
        raise ValidationError(f"vibration must be an array of at most {MAX_VIBRATION_LENGTH} numbers", "vibration")
    if any(as_finite(value) is None for value in vibration):
        raise ValidationError("vibration must contain finite numbers only", "vibration")


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")
