"""Runs the app on uvicorn with the production settings, and declares readiness (contract §1)."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Callable, Sequence

import uvicorn

from .app import create_app
from .config import BrokerAddress, Settings
from .mqtt import MqttBridge, client_id
from .state import BackendState
from .variant import PLAIN, Variant
from .websocket_protocol import ContractWebSocketProtocol

WS_MAX_MESSAGE_BYTES = 65_536
KEEP_ALIVE_SECONDS = 30

log = logging.getLogger("bench_backend")


class BenchServer(uvicorn.Server):
    """A uvicorn server that starts the job runner and one MQTT bridge per broker, and declares readiness once all are up."""

    def __init__(
        self,
        config: uvicorn.Config,
        state: BackendState,
        variant: Variant,
        brokers: Sequence[BrokerAddress],
        on_ready: Callable[[], None],
    ) -> None:
        super().__init__(config)
        self._state = state
        self._variant = variant
        self._brokers = tuple(brokers)
        self._on_ready = on_ready
        self._bridges: list[MqttBridge] = []

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        # Jobs first: the port must not accept a job that nothing can run yet.
        await self._variant.jobs.start()
        if not self.should_exit:
            await super().startup(sockets=sockets)
        if not self.should_exit and self._brokers:
            loop = asyncio.get_running_loop()
            count = len(self._brokers)
            self._bridges = [
                MqttBridge(broker, self._state, loop, shared=self._variant.shared_subscription, client_id=client_id(index, count))
                for index, broker in enumerate(self._brokers)
            ]
            # All connect at once, each on its own network thread; ready means every one is subscribed.
            for bridge in self._bridges:
                bridge.start()
            await self._wait_for_subscriptions()
        if self.should_exit:
            # uvicorn's serve() returns without shutdown() when startup is abandoned.
            await self._stop_services()
            return
        self._on_ready()

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        await super().shutdown(sockets=sockets)
        await self._stop_services()

    async def _stop_services(self) -> None:
        # Side by side: a bridge's network thread may take up to a second to notice the stop while it
        # waits between reconnect attempts, and several brokers must not add those seconds up.
        await asyncio.gather(*(bridge.stop() for bridge in self._bridges))
        await self._variant.jobs.stop()

    async def _wait_for_subscriptions(self) -> None:
        # Poll should_exit like uvicorn's own main loop does, so SIGTERM still stops a backend whose
        # broker (any one of them) never answers.
        for bridge in self._bridges:
            while not self.should_exit:
                try:
                    await asyncio.wait_for(bridge.wait_subscribed(), timeout=0.1)
                    break
                except asyncio.TimeoutError:
                    continue


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


def create_config(state: BackendState, variant: Variant) -> uvicorn.Config:
    return uvicorn.Config(
        create_app(state, variant.name, variant.jobs),
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


def run(settings: Settings, variant: Variant = PLAIN) -> int:
    """Serve until SIGTERM/SIGINT; the exit code is 0 after a clean stop, 1 when the port is unusable."""
    try:
        sock = bind_socket(settings.host, settings.port)
    except OSError as error:
        log.error("cannot listen on %s:%d: %s", settings.host, settings.port, error)
        return 1
    line = ready_line(variant.name, sock.getsockname()[1])
    serve(sock, settings.brokers, variant, on_ready=lambda: print(line, flush=True))
    # uvicorn returns once SIGTERM/SIGINT asked it to stop, ready or not: that is a clean stop.
    return 0


def serve(
    sock: socket.socket,
    brokers: Sequence[BrokerAddress],
    variant: Variant,
    on_ready: Callable[[], None],
    server_class: type[BenchServer] = BenchServer,
) -> None:
    """Serve on an already bound socket until SIGTERM/SIGINT; `on_ready` runs once everything is up."""
    state = BackendState()
    server = server_class(create_config(state, variant), state, variant, brokers, on_ready)
    server.run(sockets=[sock])


def ready_line(backend_name: str, port: int) -> str:
    return f"BENCH-READY backend={backend_name} port={port} pid={os.getpid()}"
