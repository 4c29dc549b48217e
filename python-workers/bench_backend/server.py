"""Runs the app on uvicorn with the production settings, and declares readiness (contract §1)."""

from __future__ import annotations

import asyncio
import logging
import os
import socket

import uvicorn

from . import BACKEND_NAME
from .app import create_app
from .config import BrokerAddress, Settings
from .mqtt import MqttBridge
from .state import BackendState
from .websocket_protocol import ContractWebSocketProtocol

WS_MAX_MESSAGE_BYTES = 65_536
KEEP_ALIVE_SECONDS = 30

log = logging.getLogger("bench_backend")


class BenchServer(uvicorn.Server):
    """A uvicorn server that starts the MQTT bridge and prints the ready line once both are up."""

    def __init__(self, config: uvicorn.Config, state: BackendState, broker: BrokerAddress | None, port: int) -> None:
        super().__init__(config)
        self._state = state
        self._broker = broker
        self._port = port
        self._bridge: MqttBridge | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.should_exit:
            return
        if self._broker is not None:
            self._bridge = MqttBridge(self._broker, self._state, asyncio.get_running_loop(), shared=False)
            self._bridge.start()
            if not await self._wait_for_subscription():
                # uvicorn's serve() returns without shutdown() when startup is abandoned.
                await self._bridge.stop()
                return
        print(f"BENCH-READY backend={BACKEND_NAME} port={self._port} pid={os.getpid()}", flush=True)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        await super().shutdown(sockets=sockets)
        if self._bridge is not None:
            await self._bridge.stop()

    async def _wait_for_subscription(self) -> bool:
        # Poll should_exit like uvicorn's own main loop does, so SIGTERM still stops a backend whose
        # broker never answers.
        assert self._bridge is not None
        while not self.should_exit:
            try:
                await asyncio.wait_for(self._bridge.wait_subscribed(), timeout=0.1)
                return True
            except asyncio.TimeoutError:
                continue
        return False


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind the listening socket ourselves so that port 0 can be reported as the real port."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    return sock


def create_config(state: BackendState) -> uvicorn.Config:
    return uvicorn.Config(
        create_app(state),
        loop="uvloop",
        http="httptools",
        # The websockets implementation, answering refused upgrades with 400 instead of 403.
        ws=ContractWebSocketProtocol,  # type: ignore[arg-type]
        ws_max_size=WS_MAX_MESSAGE_BYTES,
        # Like the other contenders: no compression, and no server-initiated pings, so that a loop
        # saturated by the benchmark does not close devices for a late pong (clients' pings are answered).
        ws_per_message_deflate=False,
        ws_ping_interval=None,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        lifespan="off",
        access_log=False,
        log_level="warning",
    )


def run(settings: Settings) -> int:
    """Serve until SIGTERM/SIGINT; the exit code is 0 after a clean stop, 1 when the port is unusable."""
    try:
        sock = bind_socket(settings.host, settings.port)
    except OSError as error:
        log.error("cannot listen on %s:%d: %s", settings.host, settings.port, error)
        return 1
    state = BackendState()
    server = BenchServer(create_config(state), state, settings.broker, sock.getsockname()[1])
    # uvicorn returns once SIGTERM/SIGINT asked it to stop, ready or not: that is a clean stop.
    server.run(sockets=[sock])
    return 0
