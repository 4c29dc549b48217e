"""Starting and stopping real processes for the tests: the backend and a mosquitto broker."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 20.0
STOP_TIMEOUT = 5.0
MOSQUITTO = "/usr/sbin/mosquitto"


class BackendProcess:
    """`python3 -m bench_backend` as a child process, the way the harness starts it.

    `backend` is the name the ready line must carry (the variant's); `own_group` starts it in a
    session of its own, as the harness does, so that `group_members` can tell what it left behind.
    """

    def __init__(self, *args: str, env: dict[str, str] | None = None, backend: str = "python", own_group: bool = False) -> None:
        self._stderr = tempfile.TemporaryFile()
        self._ready_line = re.compile(rf"BENCH-READY backend={re.escape(backend)} port=(\d+) pid=(\d+)")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench_backend", *args],
            cwd=PACKAGE_ROOT,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            start_new_session=own_group,
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump_stdout, daemon=True).start()
        self.port = 0

    def wait_ready(self, timeout: float = START_TIMEOUT) -> int:
        """Wait for the ready line and return the port it names."""
        line = self.next_line(timeout)
        match = self._ready_line.fullmatch(line or "")
        if match is None:
            raise AssertionError(f"expected the ready line, got {line!r}; stderr: {self.stderr_text()}")
        assert int(match.group(2)) == self.process.pid
        self.port = int(match.group(1))
        return self.port

    def next_line(self, timeout: float) -> str | None:
        """The next stdout line, or None at end of output or after `timeout` seconds."""
        try:
            return self._lines.get(timeout=timeout)
        except queue.Empty:
            return None

    def stop(self, sig: signal.Signals = signal.SIGTERM) -> int:
        """Signal the backend and return its exit code; it is killed when it overstays STOP_TIMEOUT."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=STOP_TIMEOUT)
            raise AssertionError(f"backend did not stop within {STOP_TIMEOUT} s after {sig.name}")
        finally:
            self._stderr.close()

    def stderr_text(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode(errors="replace")

    def _pump_stdout(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)


@contextmanager
def serving(process: BackendProcess) -> Iterator[BackendProcess]:
    """The process once its ready line came, stopped afterwards whatever happened."""
    try:
        process.wait_ready()
        yield process
    finally:
        process.stop()


def children(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of each live child of `pid`, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        fields = _stat_fields(stat)
        if fields is not None and int(fields[1]) == pid and fields[0] != "Z":
            cmdline = _read(stat.with_name("cmdline")).replace("\0", " ").strip()
            found.append((int(stat.parent.name), cmdline))
    return found


def group_members(pgid: int) -> list[int]:
    """The live (not zombie) processes of a process group."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        fields = _stat_fields(stat)
        if fields is not None and int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def _stat_fields(stat: Path) -> list[str] | None:
    """state, ppid, pgrp, ...: the fields after the parenthesised command name, which may hold spaces."""
    text = _read(stat)
    return text.rpartition(")")[2].split() if text else None


def _read(path: Path) -> str:
    try:
        return path.read_text(errors="replace")
    except OSError:
        return ""  # the process exited between listing and reading


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MosquittoProcess:
    """A private mosquitto on a free loopback port."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        # mosquitto drops root privileges before opening a log file, so it logs to a stdout we own.
        self._log = tempfile.TemporaryFile()
        self._config = tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False)
        self._config.write(
            f"listener {self.port} 127.0.0.1\nallow_anonymous true\npersistence false\n"
            "log_dest stdout\nlog_type all\n"
        )
        self._config.close()
        self.process = subprocess.Popen(
            [MOSQUITTO, "-c", self._config.name], stdout=self._log, stderr=subprocess.STDOUT
        )
        self._wait_listening()

    @property
    def url(self) -> str:
        return f"mqtt://127.0.0.1:{self.port}"

    def stop(self) -> None:
        """Stop the broker; stopping it again is harmless."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=STOP_TIMEOUT)
        Path(self._config.name).unlink(missing_ok=True)

    def log_text(self) -> str:
        """mosquitto's log: who connected, subscribed and disconnected, and how."""
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def _wait_listening(self) -> None:
        # mosquitto prints no ready line, so probe the port, bounded by a deadline.
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"mosquitto exited with {self.process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise AssertionError("mosquitto did not start listening")
