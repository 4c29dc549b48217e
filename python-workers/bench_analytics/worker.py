"""One analytics worker process: a paho-mqtt client that analyses every job it is handed."""

from __future__ import annotations

import logging
import os

import paho.mqtt.client as paho

from bench_backend.config import BrokerAddress

from . import READY_PREFIX, SHARED_JOBS_TOPIC
from .jobs import InvalidJob, run_job

KEEPALIVE_SECONDS = 30
_SUBACK_FAILURE = 0x80

log = logging.getLogger("bench_analytics")


class AnalyticsWorker:
    """Subscribes to its share of the jobs and publishes each result at QoS 0.

    Jobs run on paho's network thread, one at a time: a worker is one process doing one thing, and the
    kernel takes well under a millisecond for the ≤ 1024 samples a reading carries. Parallelism comes
    from running several workers.
    """

    def __init__(self, broker: BrokerAddress) -> None:
        self._broker = broker
        self._announced = False
        self.jobs = 0
        self.invalid_jobs = 0
        self._client = paho.Client(client_id=f"bench-analytics-{os.getpid()}", clean_session=True, protocol=paho.MQTTv311)
        self._client.reconnect_delay_set(min_delay=1, max_delay=30)
        self._client.on_connect = self._on_connect
        self._client.on_subscribe = self._on_subscribe
        self._client.on_message = self._on_message

    def start(self) -> None:
        """Connects (retrying in the background until the broker answers) on paho's network thread."""
        self._client.connect_async(self._broker.host, self._broker.port, keepalive=KEEPALIVE_SECONDS)
        self._client.loop_start()

    def stop(self) -> None:
        self._client.disconnect()
        # loop_stop joins the network thread, which may be sleeping between reconnect attempts.
        self._client.loop_stop()

    def _on_connect(self, client: paho.Client, userdata: object, flags: dict[str, int], rc: int) -> None:
        if rc != paho.CONNACK_ACCEPTED:
            log.error("MQTT broker %s:%d refused the connection: %s", self._broker.host, self._broker.port, paho.connack_string(rc))
            return
        # A clean session forgets subscriptions, so every (re)connect subscribes again.
        client.subscribe(SHARED_JOBS_TOPIC, qos=0)

    def _on_subscribe(self, client: paho.Client, userdata: object, mid: int, granted_qos: tuple[int, ...]) -> None:
        if _SUBACK_FAILURE in granted_qos:
            log.error("MQTT broker refused the subscription to %s", SHARED_JOBS_TOPIC)
            return
        if not self._announced:
            self._announced = True
            print(f"{READY_PREFIX} pid={os.getpid()}", flush=True)

    def _on_message(self, client: paho.Client, userdata: object, message: paho.MQTTMessage) -> None:
        try:
            result = run_job(message.payload)
        except InvalidJob:
            # Nothing is logged per message (contract §1); the edge only sends jobs it built itself.
            self.invalid_jobs += 1
            return
        self.jobs += 1
        client.publish(result.topic, result.payload, qos=0)
