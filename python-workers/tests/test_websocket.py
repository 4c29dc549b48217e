"""WebSocket /ws (contract §5) against a real backend process, with the `websockets` client."""

from __future__ import annotations

import asyncio
import json
import time

import pytest
import websockets
import ws_client
from backend_process import BackendProcess
from http_client import HttpClient, reading
from websockets.exceptions import ConnectionClosedError, InvalidStatusCode

LIMIT = 65_536


def frame(device_id: str, seq: int, **extra: object) -> str:
    return json.dumps(reading(device_id, seq, **extra))


def test_valid_frames_are_acked_after_the_state_update(backend: BackendProcess, client: HttpClient) -> None:
    replies = ws_client.run(ws_client.exchange(backend.port, "ws-ack", [frame("ws-ack", 1), frame("ws-ack", 2)]))
    assert replies == [{"type": "ack", "seq": 1}, {"type": "ack", "seq": 2}]
    assert client.get("/devices/ws-ack").json()["count"] == 2


def test_a_reading_for_another_device_is_an_error_with_its_seq(backend: BackendProcess) -> None:
    [reply] = ws_client.run(ws_client.exchange(backend.port, "ws-mine", [frame("ws-other", 5)]))
    assert (reply["type"], reply["seq"]) == ("error", 5)


def test_a_binary_frame_is_an_error_and_the_connection_stays_open(backend: BackendProcess) -> None:
    frames: list[str | bytes] = [frame("ws-bin", 1).encode(), frame("ws-bin", 2)]
    error, ack = ws_client.run(ws_client.exchange(backend.port, "ws-bin", frames))
    assert (error["type"], error["seq"]) == ("error", None)
    assert ack == {"type": "ack", "seq": 2}


def test_a_frame_of_exactly_64_kib_is_processed(backend: BackendProcess) -> None:
    text = frame("ws-edge", 3)
    padded = text[:-1] + " " * (LIMIT - len(text)) + "}"
    assert len(padded.encode()) == LIMIT
    assert ws_client.run(ws_client.exchange(backend.port, "ws-edge", [padded])) == [{"type": "ack", "seq": 3}]


def settled_open_websockets(client: HttpClient, expected: int) -> int:
    """The server notices closes asynchronously: poll /stats until it shows `expected`, bounded."""
    deadline = time.monotonic() + ws_client.TIMEOUT
    count = client.get("/stats").json()["openWebSockets"]
    while count != expected and time.monotonic() < deadline:
        time.sleep(0.02)
        count = client.get("/stats").json()["openWebSockets"]
    return count


def test_open_websockets_are_counted(backend: BackendProcess, client: HttpClient) -> None:
    # Connections of earlier tests may still be closing on the server side. This test runs before
    # the 1009 one: after failing a connection, the websockets library stops reading and notices
    # the peer's TCP close only after its 10 s close timeout.
    assert settled_open_websockets(client, 0) == 0

    async def count_while_open() -> int:
        async with websockets.connect(ws_client.url(backend.port, "ws-count")) as socket:
            await socket.send(frame("ws-count", 1))
            await socket.recv()
            return client.get("/stats").json()["openWebSockets"]

    assert ws_client.run(count_while_open()) == 1
    assert settled_open_websockets(client, 0) == 0


def test_a_frame_over_64_kib_closes_the_connection_with_1009(backend: BackendProcess) -> None:
    async def send_oversized() -> int | None:
        async with websockets.connect(ws_client.url(backend.port, "ws-big")) as socket:
            await socket.send("x" * (LIMIT + 1))
            with pytest.raises(ConnectionClosedError):
                await socket.recv()
            return socket.close_code

    assert ws_client.run(send_oversized()) == 1009


@pytest.mark.parametrize("device_id", [None, "", "bad id", "d" * 65])
def test_the_upgrade_without_a_valid_device_id_is_refused_with_400(backend: BackendProcess, device_id: str | None) -> None:
    async def connect() -> None:
        async with websockets.connect(ws_client.url(backend.port, device_id)):
            pass

    with pytest.raises(InvalidStatusCode) as refused:
        ws_client.run(connect())
    assert refused.value.status_code == 400


def test_pings_are_answered(backend: BackendProcess) -> None:
    async def ping() -> None:
        async with websockets.connect(ws_client.url(backend.port, "ws-ping"), ping_interval=None) as socket:
            pong = await socket.ping()
            await asyncio.wait_for(pong, ws_client.TIMEOUT)

    ws_client.run(ping())
