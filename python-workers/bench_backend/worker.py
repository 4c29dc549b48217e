"""One python-multi worker process: the plain app on the socket its supervisor bound.

It differs from the plain variant only in what the supervisor needs: readiness goes to the
supervisor over a pipe instead of stdout, MQTT uses the shared subscription, Ctrl-C is left to the
supervisor, and the worker stops when it loses its supervisor.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
from multiprocessing.connection import Connection
from typing import Any

from .config import BrokerAddress
from .server import BenchServer, serve
from .variant import Variant

VARIANT = Variant("python-multi", shared_subscription=True)


class WorkerServer(BenchServer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._supervisor_pid = os.getppid()  # the supervisor spawned this process, so it is the parent

    def install_signal_handlers(self) -> None:
        super().install_signal_handlers()
        # Ctrl-C reaches the whole process group and the supervisor answers it with one SIGTERM per
        # worker; uvicorn would take that second signal as "force exit" and skip the graceful close.
        asyncio.get_running_loop().remove_signal_handler(signal.SIGINT)
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    async def on_tick(self, counter: int) -> bool:
        # A supervisor killed with SIGKILL cannot stop its workers; an orphaned worker (re-parented,
        # so its parent pid changed) stops by itself instead of serving on alone, as gunicorn's do.
        return await super().on_tick(counter) or os.getppid() != self._supervisor_pid


def worker_main(brokers: tuple[BrokerAddress, ...], sock: socket.socket, ready: Connection) -> None:
    """The target of each spawned worker process; it connects to every broker of the list."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=logging.WARNING, format=f"%(levelname)s %(name)s[{os.getpid()}]: %(message)s")

    def report_ready() -> None:
        ready.send(os.getpid())
        ready.close()

    serve(sock, brokers, VARIANT, report_ready, server_class=WorkerServer)
