"""A paho-mqtt device for the tests: publishes telemetry and collects the backend's replies."""

from __future__ import annotations

import json
import queue
import threading
from typing import Any

import paho.mqtt.client as paho

TIMEOUT = 20.0


class MqttDevice:
    def __init__(self, port: int) -> None:
        self._replies: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._subscribed = threading.Event()
        self._client = paho.Client(protocol=paho.MQTTv311)
        self._client.on_connect = lambda client, *_: client.subscribe([("devices/+/ack", 0), ("devices/+/error", 0)])
        self._client.on_subscribe = lambda *_: self._subscribed.set()
        self._client.on_message = lambda _c, _u, message: self._replies.put((message.topic, json.loads(message.payload)))
        self._client.connect("127.0.0.1", port, keepalive=30)
        self._client.loop_start()
        if not self._subscribed.wait(TIMEOUT):
            self.close()
            raise AssertionError("the test device could not subscribe")

    def publish(self, device_id: str, payload: str | bytes) -> None:
        info = self._client.publish(f"devices/{device_id}/telemetry", payload, qos=1)
        info.wait_for_publish(TIMEOUT)

    def reply(self, timeout: float = TIMEOUT) -> tuple[str, Any] | None:
        """The next (topic, body) the backend published, or None after `timeout` seconds."""
        try:
            return self._replies.get(timeout=timeout)
        except queue.Empty:
            return None

    def close(self) -> None:
        self._client.disconnect()
        self._client.loop_stop()
