"""python-multi: a supervisor process and N uvicorn workers sharing one listening socket.

This is the model of `uvicorn --workers N`, and of gunicorn with uvicorn workers: the parent binds
the socket once and starts the workers with the spawn method, each inheriting a copy; the kernel
hands every new connection to whichever worker accepts it first. uvicorn 0.17.6's own supervisor
(`uvicorn.supervisors.Multiprocess`) has no notion of readiness, waits for its workers without a
deadline and does not notice a worker that died; this one adds exactly those three things.
"""

from __future__ import annotations

import enum
import logging
import multiprocessing
import os
import signal
import socket
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from .config import Settings
from .processes import stop_resource_tracker, usable_cores
from .server import bind_socket, ready_line
from .worker import VARIANT, worker_main

# Contract §1 allows 5 s from SIGTERM to exit; workers get most of it for their graceful close.
WORKER_STOP_GRACE = 4.0

log = logging.getLogger("bench_backend.supervisor")


class Outcome(enum.Enum):
    READY = "ready"
    STOP_REQUESTED = "stop requested"
    WORKER_DIED = "worker died"


@dataclass(slots=True)
class Worker:
    process: BaseProcess
    ready: Connection
    """The read end of the pipe on which the worker sends its pid once it serves and is subscribed."""


class Supervisor:
    def __init__(self, settings: Settings, sock: socket.socket, count: int) -> None:
        self._settings = settings
        self._sock = sock
        self._count = count
        self._port = sock.getsockname()[1]
        self._workers: list[Worker] = []
        # Signals only write their number here (signal.set_wakeup_fd), which wakes the waits below.
        self._wakeup, self._wakeup_writer = socket.socketpair()

    def run(self) -> int:
        """Start the workers, declare readiness once all are up, and stop them all on SIGTERM/SIGINT."""
        self._install_signal_handlers()
        try:
            self._start_workers()
            outcome = self._wait_until_ready()
            if outcome is Outcome.READY:
                print(ready_line(VARIANT.name, self._port), flush=True)
                outcome = self._wait_for_stop()
        finally:
            self._stop_workers()
        return 0 if outcome is Outcome.STOP_REQUESTED else 1

    def _install_signal_handlers(self) -> None:
        self._wakeup.setblocking(False)
        self._wakeup_writer.setblocking(False)
        signal.set_wakeup_fd(self._wakeup_writer.fileno(), warn_on_full_buffer=False)
        for sig in (signal.SIGTERM, signal.SIGINT):
            # A Python-level handler is what makes the interpreter write to the wakeup fd.
            signal.signal(sig, lambda *_: None)

    def _start_workers(self) -> None:
        spawn = multiprocessing.get_context("spawn")
        for _ in range(self._count):
            reader, writer = spawn.Pipe(duplex=False)
            process = spawn.Process(target=worker_main, args=(self._settings.brokers, self._sock, writer), name="bench-worker")
            process.start()
            writer.close()  # so that the reader sees end-of-file when the worker dies
            self._workers.append(Worker(process, reader))
        # Each worker holds its own copy now. Were the parent to keep one, connections would still
        # queue on the port after the workers closed theirs, with nobody left to accept them.
        self._sock.close()

    def _wait_until_ready(self) -> Outcome:
        pending = {worker.ready: worker for worker in self._workers}
        while pending:
            outcome = self._dead_or_stopped(wait([*pending, *self._sentinels(), self._wakeup]))
            if outcome is not None:
                return outcome
            for reader in [r for r in pending if r.poll()]:
                try:
                    reader.recv()
                except EOFError:
                    continue  # the worker died; its sentinel reports it on the next round
                del pending[reader]
        return Outcome.READY

    def _wait_for_stop(self) -> Outcome:
        while True:
            outcome = self._dead_or_stopped(wait([*self._sentinels(), self._wakeup]))
            if outcome is not None:
                return outcome

    def _dead_or_stopped(self, ready: list[object]) -> Outcome | None:
        if self._wakeup in ready and self._received_stop_signal():
            return Outcome.STOP_REQUESTED
        for worker in self._workers:
            if worker.process.sentinel in ready:
                worker.process.join()  # it has exited; this reaps it and sets its exit code
                log.error("worker %s exited with code %s; stopping the others", worker.process.pid, worker.process.exitcode)
                return Outcome.WORKER_DIED
        return None

    def _received_stop_signal(self) -> bool:
        try:
            numbers = self._wakeup.recv(64)
        except BlockingIOError:
            return False
        return any(number in (signal.SIGTERM, signal.SIGINT) for number in numbers)

    def _sentinels(self) -> list[int]:
        return [worker.process.sentinel for worker in self._workers]

    def _stop_workers(self) -> None:
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.terminate()
        deadline = time.monotonic() + WORKER_STOP_GRACE
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                log.warning("worker %s overstayed %.0f s after SIGTERM; killing it", worker.process.pid, WORKER_STOP_GRACE)
                worker.process.kill()
                worker.process.join()
            worker.ready.close()
        stop_resource_tracker()


def run(settings: Settings) -> int:
    """Exit code 0 after a clean stop, 1 when the port is unusable or a worker died."""
    try:
        sock = bind_socket(settings.host, settings.port)
    except OSError as error:
        log.error("cannot listen on %s:%d: %s", settings.host, settings.port, error)
        return 1
    return Supervisor(settings, sock, settings.workers or usable_cores()).run()
