"""In-memory device state and counters (contract §2 "Device state", §3 /stats).

Only the asyncio event loop touches this state: HTTP and WebSocket handlers run on it, and MQTT
messages are handed over to it from paho's network thread. A reading's update therefore runs to
completion without interleaving, which is what makes it atomic without a lock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .validation import Reading


@dataclass(slots=True)
class DeviceState:
    count: int = 0
    last_seq: int = 0
    last_ts: int = 0
    temperature_sum: float = 0.0

    def to_json(self, device_id: str) -> dict[str, Any]:
        return {
            "deviceId": device_id,
            "count": self.count,
            "lastSeq": self.last_seq,
            "lastTs": self.last_ts,
            "temperatureMean": self.temperature_sum / self.count,
        }


@dataclass(slots=True)
class BackendState:
    devices: dict[str, DeviceState] = field(default_factory=dict)
    accepted: int = 0
    rejected: int = 0
    open_websockets: int = 0
    mqtt_messages: int = 0
    jobs: int = 0

    def accept(self, reading: Reading) -> None:
        device = self.devices.get(reading.device_id)
        if device is None:
            device = self.devices[reading.device_id] = DeviceState()
        device.count += 1
        device.last_seq = reading.seq
        device.last_ts = reading.ts
        device.temperature_sum += reading.temperature
        self.accepted += 1

    def reject(self) -> None:
        self.rejected += 1

    def stats(self) -> dict[str, int]:
        return {
            "accepted": self.accepted,
            "rejected": self.rejected,
            "devices": len(self.devices),
            "openWebSockets": self.open_websockets,
            "mqttMessages": self.mqtt_messages,
            "jobs": self.jobs,
        }
