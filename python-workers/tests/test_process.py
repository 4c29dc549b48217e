"""Process behaviour (contract §1): options, environment, ready line, graceful stop."""

from __future__ import annotations

import asyncio
import signal
import socket

import websockets
import ws_client
from backend_process import BackendProcess, MosquittoProcess, free_port
from http_client import HttpClient


def test_port_comes_from_the_environment_when_no_option_is_given() -> None:
    port = free_port()
    backend = BackendProcess(env={"BENCH_PORT": str(port)})
    try:
        assert backend.wait_ready() == port
    finally:
        assert backend.stop() == 0


def test_sigterm_stops_with_exit_0_while_connections_are_open() -> None:
    backend = BackendProcess("--port", "0")
    backend.wait_ready()
    idle = HttpClient(backend.port)
    assert idle.get("/health").status == 200  # an idle keep-alive connection stays open

    async def stop_with_open_websocket() -> int:
        async with websockets.connect(ws_client.url(backend.port, "proc-ws")) as socket_:
            # stop() blocks for at most its own bound while the server closes this socket.
            code = await asyncio.get_running_loop().run_in_executor(None, backend.stop)
            await socket_.wait_closed()
            return code

    try:
        assert ws_client.run(stop_with_open_websocket()) == 0
    finally:
        idle.close()


def test_sigint_stops_with_exit_0() -> None:
    backend = BackendProcess("--port", "0")
    backend.wait_ready()
    assert backend.stop(signal.SIGINT) == 0


def test_sigterm_disconnects_from_the_broker_cleanly() -> None:
    broker = MosquittoProcess()
    try:
        backend = BackendProcess("--port", "0", "--broker", broker.url)
        backend.wait_ready()
        client_id = f"bench-python-{backend.process.pid}"
        assert backend.stop() == 0
    finally:
        broker.stop()  # mosquitto flushes its log when it exits
    log = broker.log_text()
    assert f"as {client_id} (p2, c1, k30)" in log  # MQTT 3.1.1, clean session, keepalive 30 s
    assert "devices/+/telemetry (QoS 1)" in log
    assert f"Received DISCONNECT from {client_id}" in log


def test_without_a_reachable_broker_there_is_no_ready_line_and_sigterm_still_stops_it() -> None:
    backend = BackendProcess("--port", "0", "--broker", f"mqtt://127.0.0.1:{free_port()}")
    # Bounded wait for an absence: the backend retries the broker and must not claim readiness.
    assert backend.next_line(timeout=2.0) is None
    assert backend.stop() == 0


def test_a_malformed_broker_option_exits_with_2() -> None:
    backend = BackendProcess("--port", "0", "--broker", "tcp://nowhere")
    assert backend.process.wait(timeout=10) == 2
    assert "broker" in backend.stderr_text()
    backend.stop()


def test_a_port_in_use_exits_with_1() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        backend = BackendProcess("--port", str(taken.getsockname()[1]))
        assert backend.process.wait(timeout=10) == 1
        assert "cannot listen" in backend.stderr_text()
        backend.stop()
