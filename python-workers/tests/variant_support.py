"""Helpers for the tests of the multi-process variants: their worker processes and what they leave behind."""

from __future__ import annotations

import time

from backend_process import BackendProcess, children, group_members

SPAWNED_WORKER = "--multiprocessing-fork"  # how multiprocessing's spawn method marks a child's command line
DEADLINE = 10.0


def worker_pids(backend: BackendProcess) -> set[int]:
    """The spawned worker processes (uvicorn workers or pool processes) of a backend."""
    return {pid for pid, cmdline in children(backend.process.pid) if cmdline.endswith(SPAWNED_WORKER)}


def left_behind(backend: BackendProcess) -> list[int]:
    """What is still alive in the backend's process group (it must have been started with own_group)."""
    return group_members(backend.process.pid)


def eventually_empty(backend: BackendProcess) -> list[int]:
    """The group's members once it empties, or those still there after DEADLINE (for exits we cannot await)."""
    deadline = time.monotonic() + DEADLINE
    members = left_behind(backend)
    while members and time.monotonic() < deadline:
        time.sleep(0.05)
        members = left_behind(backend)
    return members
