"""`python3 -m bench_analytics` as the hybrid launcher runs it: real processes and a private mosquitto."""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator

import paho.mqtt.client as paho
import pytest
from backend_process import PACKAGE_ROOT, MosquittoProcess

from bench_analytics import JOBS_TOPIC, READY_PREFIX

TIMEOUT = 20.0


class AnalyticsProcess:
    def __init__(self, broker_url: str, *extra: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench_analytics", "--broker", broker_url, *extra],
            cwd=PACKAGE_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        ready: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: ready.put(self.process.stdout.readline()), daemon=True).start()  # type: ignore[union-attr]
        line = ready.get(timeout=TIMEOUT)
        assert line.startswith(f"{READY_PREFIX} pid={self.process.pid}"), line

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=5)
        finally:
            if self.process.poll() is None:
                self.process.kill()


class ResultListener:
    """Publishes jobs and collects what arrives on devices/+/analysis."""

    def __init__(self, port: int) -> None:
        self.results: queue.Queue[dict[str, object]] = queue.Queue()
        subscribed = threading.Event()
        self._client = paho.Client(protocol=paho.MQTTv311)
        self._client.on_connect = lambda client, *_: client.subscribe("devices/+/analysis", qos=0)
        self._client.on_subscribe = lambda *_: subscribed.set()
        self._client.on_message = lambda _c, _u, message: self.results.put(json.loads(message.payload))
        self._client.connect("127.0.0.1", port, keepalive=30)
        self._client.loop_start()
        assert subscribed.wait(TIMEOUT)

    def send(self, device_id: str, seq: int) -> None:
        job = {"deviceId": device_id, "seq": seq, "ts": 1000 + seq, "receivedAt": 1000.5 + seq,
               "samples": [float(i % 5) for i in range(32)], "sampleRateHz": 100, "window": 16}
        self._client.publish(JOBS_TOPIC, json.dumps(job), qos=0).wait_for_publish(TIMEOUT)

    def close(self) -> None:
        self._client.disconnect()
        self._client.loop_stop()


@pytest.fixture()
def listener(mosquitto: MosquittoProcess) -> Iterator[ResultListener]:
    client = ResultListener(mosquitto.port)
    yield client
    client.close()


def test_a_worker_answers_a_job_on_the_devices_analysis_topic_and_stops_with_0(mosquitto: MosquittoProcess, listener: ResultListener) -> None:
    worker = AnalyticsProcess(mosquitto.url)
    try:
        listener.send("py-one", 1)
        result = listener.results.get(timeout=TIMEOUT)
    finally:
        code = worker.stop()

    assert (result["deviceId"], result["seq"], result["ts"]) == ("py-one", 1, 1001)
    assert result["result"]["n"] == 32  # type: ignore[index]
    assert code == 0


def test_two_workers_share_the_jobs_so_each_is_answered_exactly_once(mosquitto: MosquittoProcess, listener: ResultListener) -> None:
    workers = [AnalyticsProcess(mosquitto.url), AnalyticsProcess(mosquitto.url)]
    try:
        for seq in range(20):
            listener.send("py-shared", seq)
        answered = sorted(int(listener.results.get(timeout=TIMEOUT)["seq"]) for _ in range(20))  # type: ignore[arg-type]
        # One more job: the next message must be its answer, not a late second answer to one of the twenty.
        listener.send("py-shared", 99)
        sentinel = listener.results.get(timeout=TIMEOUT)
    finally:
        codes = [worker.stop() for worker in workers]

    assert answered == list(range(20))
    assert sentinel["seq"] == 99
    assert codes == [0, 0]


def test_a_worker_stops_by_itself_when_its_parent_closes_stdin(mosquitto: MosquittoProcess) -> None:
    worker = AnalyticsProcess(mosquitto.url, "--stop-on-stdin-eof")
    try:
        worker.process.stdin.close()  # type: ignore[union-attr]
        code = worker.process.wait(timeout=TIMEOUT)
    finally:
        worker.stop()

    assert code == 0
