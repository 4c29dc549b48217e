"""python-multi: a supervisor and N uvicorn workers on one socket, MQTT through a shared subscription."""

from __future__ import annotations

import asyncio
import json
import os
import signal
from collections.abc import Iterator
from typing import Any

import pytest
import vectors
import websockets
import ws_client
from backend_process import BackendProcess, MosquittoProcess, free_port, serving
from http_client import HttpClient, reading
from mqtt_client import MqttDevice
from variant_support import eventually_empty, left_behind, worker_pids

NAME = "python-multi"
WORKERS = 2
SHARED_TOPIC = "$share/bench/devices/+/telemetry"
ANALYZE = vectors.load("analyze.json")
TELEMETRY = vectors.load("telemetry.json")


def start_multi(*args: str) -> BackendProcess:
    return BackendProcess("--variant", "multi", "--port", "0", "--workers", str(WORKERS), *args, backend=NAME, own_group=True)


@pytest.fixture(scope="module")
def multi(mosquitto: MosquittoProcess) -> Iterator[BackendProcess]:
    with serving(start_multi("--broker", mosquitto.url)) as process:
        yield process


@pytest.fixture()
def multi_client(multi: BackendProcess) -> Iterator[HttpClient]:
    with HttpClient(multi.port) as http:
        yield http


def test_one_ready_line_comes_from_the_supervisor_once_every_worker_is_up(multi: BackendProcess) -> None:
    # wait_ready checked that the line names the supervisor's pid.
    assert len(worker_pids(multi)) == WORKERS
    # Bounded wait for an absence: no worker prints a ready line of its own.
    assert multi.next_line(timeout=1.0) is None


def test_health_answers_from_a_worker(multi: BackendProcess, multi_client: HttpClient) -> None:
    health = multi_client.get("/health").json()
    assert health["backend"] == NAME
    assert health["pid"] in worker_pids(multi)


def test_telemetry_vectors_on_one_connection_produce_the_device_states(multi_client: HttpClient) -> None:
    # One keep-alive connection is served by one worker, whose state is the whole story.
    for document in TELEMETRY["valid"]:
        assert multi_client.post_json("/telemetry", document).status == 202
    for expected in TELEMETRY["states"]:
        state = multi_client.get(f"/devices/{expected['deviceId']}").json()
        assert vectors.close(state.pop("temperatureMean"), expected.pop("temperatureMean"), {"relative": 1e-9, "absolute": 1e-9})
        assert state == expected


@pytest.mark.parametrize("vector", vectors.params(ANALYZE))
def test_analyze_matches_the_vector(vector: dict[str, Any], multi_client: HttpClient) -> None:
    reply = multi_client.post_json("/jobs/analyze", vector["request"])
    assert reply.status == 200, reply.body
    vectors.assert_analysis(reply.json(), vector["expected"], ANALYZE["tolerance"])


def test_every_mqtt_reading_is_acked_once_through_the_shared_subscription(mosquitto: MosquittoProcess, multi: BackendProcess) -> None:
    device = MqttDevice(mosquitto.port)
    try:
        for seq in range(10):
            device.publish(f"multi-{seq}", json.dumps(reading(f"multi-{seq}", seq)))
        replies = [device.reply() for _ in range(10)]
        assert sorted(replies, key=str) == sorted([(f"devices/multi-{seq}/ack", {"seq": seq}) for seq in range(10)], key=str)
        assert device.reply(timeout=0.5) is None  # a plain subscription per worker would ack each reading twice
    finally:
        device.close()


def test_sigterm_stops_every_worker_and_the_broker_sees_each_leave_cleanly() -> None:
    broker = MosquittoProcess()
    try:
        backend = start_multi("--broker", broker.url)
        backend.wait_ready()

        async def stop_with_open_websocket() -> int:
            async with websockets.connect(ws_client.url(backend.port, "multi-ws")) as socket_:
                code = await asyncio.get_running_loop().run_in_executor(None, backend.stop)
                await socket_.wait_closed()
                return code

        assert ws_client.run(stop_with_open_websocket()) == 0
        assert left_behind(backend) == []
    finally:
        broker.stop()  # mosquitto flushes its log when it exits
    log = broker.log_text()
    assert log.count(f"{SHARED_TOPIC} (QoS 1)") == WORKERS
    assert log.count("Received DISCONNECT from bench-python-") == WORKERS


def test_ctrl_c_to_the_whole_group_stops_it_with_exit_0() -> None:
    backend = start_multi()
    backend.wait_ready()
    os.killpg(backend.process.pid, signal.SIGINT)
    assert backend.stop() == 0
    assert left_behind(backend) == []


def test_without_a_reachable_broker_there_is_no_ready_line_and_sigterm_still_stops_it() -> None:
    backend = start_multi("--broker", f"mqtt://127.0.0.1:{free_port()}")
    assert backend.next_line(timeout=2.0) is None
    assert backend.stop() == 0
    assert left_behind(backend) == []


def test_a_worker_that_dies_stops_the_others_and_the_supervisor_exits_1() -> None:
    backend = start_multi()
    backend.wait_ready()
    os.kill(min(worker_pids(backend)), signal.SIGKILL)
    assert backend.process.wait(timeout=10) == 1
    assert "exited with code -9" in backend.stderr_text()
    assert left_behind(backend) == []
    backend.stop()


def test_workers_of_a_killed_supervisor_stop_by_themselves() -> None:
    backend = start_multi()
    backend.wait_ready()
    workers = worker_pids(backend)
    backend.process.kill()
    backend.process.wait(timeout=10)
    # Re-parented workers notice within a tick; the resource tracker sees its pipe close.
    assert eventually_empty(backend) == []
    assert workers
    backend.stop()
