"""`--broker url1,url2`: one connection per broker, each reply on the broker its reading came from.

Two private mosquitto processes on free loopback ports stand in for the harness's spread fleet. A
stray reply (one published on the other broker) is looked for with a bounded wait of STRAY_WAIT.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from backend_process import BackendProcess, MosquittoProcess, free_port, serving
from http_client import HttpClient, reading
from mqtt_client import TIMEOUT, MqttDevice
from variant_support import left_behind, worker_pids

pytestmark = pytest.mark.timeout(90)

STRAY_WAIT = 1.0
WORKERS = 2
SHARED_TOPIC = "$share/bench/devices/+/telemetry"


def broker_list(*brokers: MosquittoProcess) -> str:
    return ",".join(broker.url for broker in brokers)


def client_ids(log: str) -> list[str]:
    """The client ids that connected with MQTT 3.1.1, a clean session and keepalive 30 s, per mosquitto's log."""
    return re.findall(r" as (bench-python-\S+) \(p2, c1, k30\)", log)


@contextmanager
def two_brokers() -> Iterator[tuple[MosquittoProcess, MosquittoProcess]]:
    """Two private brokers, stopped on the way out (their logs stay readable afterwards)."""
    first = MosquittoProcess()
    try:
        second = MosquittoProcess()
        try:
            yield first, second
        finally:
            second.stop()
    finally:
        first.stop()


@pytest.fixture(scope="module")
def brokers() -> Iterator[tuple[MosquittoProcess, MosquittoProcess]]:
    with two_brokers() as pair:
        yield pair


@pytest.fixture()
def probes(brokers: tuple[MosquittoProcess, MosquittoProcess]) -> Iterator[tuple[MqttDevice, MqttDevice]]:
    """A test device on each broker, subscribed to every ack and error topic there."""
    first = MqttDevice(brokers[0].port)
    try:
        second = MqttDevice(brokers[1].port)
    except BaseException:
        first.close()
        raise
    yield first, second
    first.close()
    second.close()


@pytest.fixture(scope="module")
def two_broker_backend(brokers: tuple[MosquittoProcess, MosquittoProcess]) -> Iterator[BackendProcess]:
    with serving(BackendProcess("--port", "0", "--broker", broker_list(*brokers))) as process:
        yield process


@pytest.mark.parametrize("arrives_on", [0, 1])
def test_a_reading_is_acked_on_the_broker_it_arrived_on_and_not_on_the_other(
    arrives_on: int, probes: tuple[MqttDevice, MqttDevice], two_broker_backend: BackendProcess
) -> None:
    device_id = f"two-brokers-ack-{arrives_on}"
    sender, other = probes[arrives_on], probes[1 - arrives_on]
    with HttpClient(two_broker_backend.port) as http:
        before = http.get("/stats").json()
        sender.publish(device_id, json.dumps(reading(device_id, 5, 21.5)))
        assert sender.reply() == (f"devices/{device_id}/ack", {"seq": 5})
        assert other.reply(timeout=STRAY_WAIT) is None
        assert sender.reply(timeout=0) is None  # acked once
        assert http.get(f"/devices/{device_id}").json()["lastSeq"] == 5
        after = http.get("/stats").json()
    assert after["mqttMessages"] - before["mqttMessages"] == 1
    assert after["accepted"] - before["accepted"] == 1


@pytest.mark.parametrize("arrives_on", [0, 1])
def test_an_error_goes_back_on_the_broker_the_reading_arrived_on(
    arrives_on: int, probes: tuple[MqttDevice, MqttDevice], two_broker_backend: BackendProcess
) -> None:
    sender, other = probes[arrives_on], probes[1 - arrives_on]
    sender.publish("two-brokers-topic", json.dumps(reading("two-brokers-payload", 1)))
    topic, body = sender.reply() or ("", {})
    assert topic == "devices/two-brokers-topic/error"
    assert isinstance(body["error"], str) and body["error"]
    assert other.reply(timeout=STRAY_WAIT) is None


def test_stats_count_the_messages_of_every_broker(probes: tuple[MqttDevice, MqttDevice], two_broker_backend: BackendProcess) -> None:
    with HttpClient(two_broker_backend.port) as http:
        before = http.get("/stats").json()
        for index, probe in enumerate(probes):
            for seq in range(3):
                probe.publish(f"two-brokers-stats-{index}", json.dumps(reading(f"two-brokers-stats-{index}", seq)))
        for index, probe in enumerate(probes):
            replies = [probe.reply() for _ in range(3)]
            assert replies == [(f"devices/two-brokers-stats-{index}/ack", {"seq": seq}) for seq in range(3)]
        after = http.get("/stats").json()
    assert after["mqttMessages"] - before["mqttMessages"] == 6
    assert after["accepted"] - before["accepted"] == 6


def test_it_connects_to_each_broker_with_its_own_client_id_and_disconnects_from_each_on_sigterm() -> None:
    with two_brokers() as (first, second):
        backend = BackendProcess("--port", "0", "--broker", broker_list(first, second))
        backend.wait_ready()
        pid = backend.process.pid
        assert backend.stop() == 0
    # mosquitto flushes its log when it exits
    for number, broker in enumerate((first, second), start=1):
        log = broker.log_text()
        assert client_ids(log) == [f"bench-python-{pid}-{number}"]  # MQTT 3.1.1, clean session, keepalive 30 s
        assert log.count("devices/+/telemetry (QoS 1)") == 1
        assert f"Received DISCONNECT from bench-python-{pid}-{number}" in log


def test_without_every_broker_subscribed_there_is_no_ready_line_and_sigterm_still_stops_it(
    brokers: tuple[MosquittoProcess, MosquittoProcess],
) -> None:
    backend = BackendProcess("--port", "0", "--broker", f"{brokers[0].url},mqtt://127.0.0.1:{free_port()}")
    # Bounded wait for an absence: the reachable broker acknowledges at once, the other never does.
    assert backend.next_line(timeout=2.0) is None
    assert backend.stop() == 0


def test_each_broker_is_reconnected_on_its_own_while_the_other_and_http_keep_working() -> None:
    with two_brokers() as (steady, flaky):
        backend = BackendProcess("--port", "0", "--broker", broker_list(steady, flaky))
        try:
            backend.wait_ready()
            flaky.stop()
            with HttpClient(backend.port) as http:
                assert http.get("/health").status == 200
            # The steady broker's connection is not held up by the lost one: the first reading is acked.
            assert acked_eventually(steady.port, "steady-meanwhile", attempts=1, wait=TIMEOUT)
            restarted = MosquittoProcess(flaky.port)
            try:
                assert acked_eventually(restarted.port, "flaky-back")
            finally:
                restarted.stop()
            assert acked_eventually(steady.port, "steady-after", attempts=1, wait=TIMEOUT)
        finally:
            assert backend.stop() == 0


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("mqtt://127.0.0.1:1883,,mqtt://127.0.0.1:1884", "empty entry"),
        ("mqtt://127.0.0.1:1883,mqtt://127.0.0.1:1883", "'mqtt://127.0.0.1:1883' is listed twice"),
        ("mqtt://127.0.0.1:1883,tcp://127.0.0.1:1884", "'tcp://127.0.0.1:1884'"),
    ],
)
def test_a_bad_broker_list_exits_with_2_naming_the_entry(value: str, named: str) -> None:
    backend = BackendProcess("--port", "0", "--broker", value)
    assert backend.process.wait(timeout=10) == 2
    assert named in backend.stderr_text()
    backend.stop()


def test_multi_workers_each_subscribe_on_every_broker_and_ack_on_the_right_one() -> None:
    with two_brokers() as (first, second):
        backend = BackendProcess(
            "--variant", "multi", "--port", "0", "--workers", str(WORKERS), "--broker", broker_list(first, second),
            backend="python-multi", own_group=True,
        )
        try:
            backend.wait_ready()
            workers = worker_pids(backend)
            assert len(workers) == WORKERS
            assert_each_reading_is_acked_once_on_its_own_broker(first, second, "multi")
        finally:
            assert backend.stop() == 0
        assert left_behind(backend) == []
    for number, broker in enumerate((first, second), start=1):
        log = broker.log_text()
        # One shared subscription per worker on every broker, each worker with its own client id there.
        assert log.count(f"{SHARED_TOPIC} (QoS 1)") == WORKERS
        assert sorted(client_ids(log)) == sorted(f"bench-python-{pid}-{number}" for pid in workers)
        assert log.count("Received DISCONNECT from bench-python-") == WORKERS


def test_offload_subscribes_on_every_broker_and_acks_on_the_right_one() -> None:
    with two_brokers() as (first, second):
        backend = BackendProcess(
            "--variant", "offload", "--port", "0", "--workers", "1", "--broker", broker_list(first, second),
            backend="python-offload", own_group=True,
        )
        try:
            backend.wait_ready()
            assert_each_reading_is_acked_once_on_its_own_broker(first, second, "offload")
        finally:
            assert backend.stop() == 0
        assert left_behind(backend) == []


def assert_each_reading_is_acked_once_on_its_own_broker(first: MosquittoProcess, second: MosquittoProcess, prefix: str) -> None:
    """Ten readings on each broker: each acked exactly once, on the broker it was published on."""
    probes = [MqttDevice(first.port), MqttDevice(second.port)]
    try:
        for index, probe in enumerate(probes):
            for seq in range(10):
                device_id = f"{prefix}-{index}-{seq}"
                probe.publish(device_id, json.dumps(reading(device_id, seq)))
        for index, probe in enumerate(probes):
            replies = sorted((probe.reply() for _ in range(10)), key=str)
            assert replies == sorted(((f"devices/{prefix}-{index}-{seq}/ack", {"seq": seq}) for seq in range(10)), key=str)
        # Bounded wait for an absence: nothing acked twice, nothing acked on the other broker.
        assert probes[0].reply(timeout=STRAY_WAIT) is None
        assert probes[1].reply(timeout=0) is None
    finally:
        for probe in probes:
            probe.close()


def acked_eventually(port: int, device_id: str, attempts: int = 30, wait: float = 1.0) -> bool:
    """Publish on the broker at `port` until an ack comes back there, waiting `wait` seconds each time;
    readings sent before the backend (re-)subscribed reach nobody."""
    device = MqttDevice(port)
    try:
        for seq in range(attempts):
            device.publish(device_id, json.dumps(reading(device_id, seq)))
            reply = device.reply(timeout=wait)
            if reply is not None and reply[0] == f"devices/{device_id}/ack":
                return True
        return False
    finally:
        device.close()
