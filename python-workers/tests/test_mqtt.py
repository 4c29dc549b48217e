"""MQTT (contract §6) through a real mosquitto: telemetry in, ack or error out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import vectors
from backend_process import BackendProcess, MosquittoProcess
from http_client import HttpClient, reading
from mqtt_client import MqttDevice

FRAMES = vectors.load("telemetry.json")


@pytest.fixture()
def device(mosquitto: MosquittoProcess, mqtt_backend: BackendProcess) -> Iterator[MqttDevice]:
    probe = MqttDevice(mosquitto.port)
    yield probe
    probe.close()


@pytest.fixture()
def mqtt_client(mqtt_backend: BackendProcess) -> Iterator[HttpClient]:
    with HttpClient(mqtt_backend.port) as http:
        yield http


def test_a_valid_reading_is_acked_and_applied(device: MqttDevice, mqtt_client: HttpClient) -> None:
    before = mqtt_client.get("/stats").json()
    device.publish("mqtt-ok", json.dumps(reading("mqtt-ok", 7, 30.0)))
    assert device.reply() == ("devices/mqtt-ok/ack", {"seq": 7})
    assert mqtt_client.get("/devices/mqtt-ok").json()["temperatureMean"] == 30.0
    after = mqtt_client.get("/stats").json()
    assert after["mqttMessages"] - before["mqttMessages"] == 1
    assert after["accepted"] - before["accepted"] == 1


def test_a_reading_for_another_device_goes_to_the_error_topic(device: MqttDevice) -> None:
    device.publish("mqtt-topic", json.dumps(reading("mqtt-payload", 1)))
    topic, body = device.reply() or ("", {})
    assert topic == "devices/mqtt-topic/error"
    assert isinstance(body["error"], str) and body["error"]


@pytest.mark.parametrize("frame", vectors.params(FRAMES, "invalidFrames"))
def test_an_invalid_reading_goes_to_the_error_topic(frame: dict[str, Any], device: MqttDevice) -> None:
    device.publish(FRAMES["frameDeviceId"], frame["raw"])
    topic, body = device.reply() or ("", {})
    assert topic == f"devices/{FRAMES['frameDeviceId']}/error"
    assert list(body) == ["error"]


def test_the_backend_resubscribes_after_the_broker_comes_back() -> None:
    broker = MosquittoProcess()
    backend = BackendProcess("--port", "0", "--broker", broker.url)
    try:
        backend.wait_ready()
        broker.stop()
        assert HttpClient(backend.port).get("/health").status == 200  # HTTP keeps serving meanwhile
        broker = MosquittoProcess(broker.port)
        assert acked_eventually(MqttDevice(broker.port), "mqtt-back")
    finally:
        assert backend.stop() == 0
        broker.stop()


def acked_eventually(device: MqttDevice, device_id: str, attempts: int = 30) -> bool:
    """Publish until an ack arrives: messages sent before the backend re-subscribed reach nobody."""
    try:
        for seq in range(attempts):
            device.publish(device_id, json.dumps(reading(device_id, seq)))
            reply = device.reply(timeout=1.0)
            if reply is not None and reply[0] == f"devices/{device_id}/ack":
                return True
        return False
    finally:
        device.close()
