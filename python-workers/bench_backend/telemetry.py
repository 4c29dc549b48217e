"""Ingesting one telemetry reading, the same way for every transport."""

from __future__ import annotations

from typing import Any

from .state import BackendState
from .validation import Reading, ValidationError, parse_object, safe_seq, validate_reading


class RejectedReading(Exception):
    """A refused reading: why (`error`) and the reading's `seq` when that was valid (for WebSocket errors)."""

    def __init__(self, error: ValidationError, seq: int | None) -> None:
        super().__init__(error.message)
        self.error = error
        self.seq = seq


def ingest(state: BackendState, payload: bytes | str, expected_device_id: str | None = None) -> Reading:
    """Validate a raw reading and apply it to the state, or count it as rejected and raise RejectedReading.

    `expected_device_id` is the device a WebSocket connection or an MQTT topic belongs to.
    """
    document: Any = None
    try:
        document = parse_object(payload)
        reading = validate_reading(document)
        if expected_device_id is not None and reading.device_id != expected_device_id:
            raise ValidationError(f"deviceId does not match {expected_device_id!r}", "deviceId")
    except ValidationError as error:
        state.reject()
        raise RejectedReading(error, safe_seq(document)) from error
    state.accept(reading)
    return reading
