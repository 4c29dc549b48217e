"""MQTT subscriber (contract §6) on paho-mqtt 1.6.1.

One `MqttBridge` per broker: with `--broker a,b` a process holds one paho client per broker, each
with its own network thread, subscription and reconnect backoff, and every reply leaves through the
client its message arrived on. paho runs each network loop in its own thread (loop_start). Every
callback that concerns the state is handed to the asyncio loop with call_soon_threadsafe, so the
state (and the mqttMessages counter, which thereby sums over all brokers) is only touched on the loop.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os

import paho.mqtt.client as paho

from .config import BrokerAddress
from .state import BackendState
from .telemetry import RejectedReading, ingest

TELEMETRY_TOPIC = "devices/+/telemetry"
SHARED_TELEMETRY_TOPIC = "$share/bench/devices/+/telemetry"
KEEPALIVE_SECONDS = 30
_SUBACK_FAILURE = 0x80

log = logging.getLogger("bench_backend.mqtt")


class MqttBridge:
    """One broker connection: subscribes to device telemetry, applies it to the state, and answers on
    ack/error topics of the same broker."""

    def __init__(
        self, broker: BrokerAddress, state: BackendState, loop: asyncio.AbstractEventLoop, shared: bool, client_id: str
    ) -> None:
        self._broker = broker
        self._state = state
        self._loop = loop
        self._topic = SHARED_TELEMETRY_TOPIC if shared else TELEMETRY_TOPIC
        self._subscribed = asyncio.Event()
        self._client = paho.Client(client_id=client_id, clean_session=True, protocol=paho.MQTTv311)
        # paho reconnects on its own from the network thread, backing off from 1 s to 30 s.
        self._client.reconnect_delay_set(min_delay=1, max_delay=30)
        self._client.on_connect = self._on_connect
        self._client.on_subscribe = self._on_subscribe
        self._client.on_message = self._on_message

    def start(self) -> None:
        self._client.connect_async(self._broker.host, self._broker.port, keepalive=KEEPALIVE_SECONDS)
        self._client.loop_start()

    async def wait_subscribed(self) -> None:
        """Returns once the broker has acknowledged the first subscription."""
        await self._subscribed.wait()

    @property
    def subscribed(self) -> bool:
        return self._subscribed.is_set()

    async def stop(self) -> None:
        """Send DISCONNECT (when connected) and join the network thread, which checks for the stop at least once a second."""
        self._client.disconnect()
        # loop_stop joins the network thread, which may be sleeping between reconnect attempts.
        await asyncio.to_thread(self._client.loop_stop)

    # --- paho network thread -------------------------------------------------------------------

    def _on_connect(self, client: paho.Client, userdata: object, flags: dict[str, int], rc: int) -> None:
        if rc != paho.CONNACK_ACCEPTED:
            log.error("MQTT broker %s:%d refused the connection: %s", self._broker.host, self._broker.port, paho.connack_string(rc))
            return
        # A clean session forgets subscriptions, so every (re)connect subscribes again.
        client.subscribe(self._topic, qos=1)

    def _on_subscribe(self, client: paho.Client, userdata: object, mid: int, granted_qos: tuple[int, ...]) -> None:
        if _SUBACK_FAILURE in granted_qos:
            log.error("MQTT broker %s:%d refused the subscription to %s", self._broker.host, self._broker.port, self._topic)
            return
        self._loop.call_soon_threadsafe(self._subscribed.set)

    def _on_message(self, client: paho.Client, userdata: object, message: paho.MQTTMessage) -> None:
        self._loop.call_soon_threadsafe(self._handle, message.topic, message.payload)

    # --- asyncio loop --------------------------------------------------------------------------

    def _handle(self, topic: str, payload: bytes) -> None:
        self._state.mqtt_messages += 1
        device_id = _device_of(topic)
        try:
            reading = ingest(self._state, payload, device_id)
        except RejectedReading as rejected:
            self._publish(f"devices/{device_id}/error", {"error": rejected.error.message})
            return
        self._publish(f"devices/{device_id}/ack", {"seq": reading.seq})

    def _publish(self, topic: str, body: dict[str, object]) -> None:
        # paho's publish is thread-safe: it queues the packet and wakes the network thread.
        self._client.publish(topic, json.dumps(body, separators=(",", ":")), qos=0)


def client_id(index: int, count: int) -> str:
    """`bench-python-<pid>` with one broker, as before; `bench-python-<pid>-<n>` for the n-th of several.

    The pid keeps the workers of python-multi apart, the suffix the brokers of one process (two URLs
    may still name the same broker, which would otherwise drop one of two clients with the same id).
    """
    base = f"bench-python-{os.getpid()}"
    return base if count == 1 else f"{base}-{index + 1}"


def _device_of(topic: str) -> str:
    # The subscription guarantees devices/<id>/telemetry; "+" also matches an empty <id>, which then
    # fails the deviceId comparison like any other mismatch.
    return topic.split("/")[1]
