"""Process helpers shared by the variants that start worker processes."""

from __future__ import annotations

import logging
import os
from multiprocessing import resource_tracker

log = logging.getLogger("bench_backend")


def usable_cores() -> int:
    """The CPUs this process may run on (a taskset pin counts), the default worker count of the variants."""
    return len(os.sched_getaffinity(0))


def stop_resource_tracker() -> None:
    """Stop and reap multiprocessing's resource tracker, if this process started one.

    Starting a process with the spawn method launches that tracker, and it is meant to outlive its
    parent: it exits only after reading end-of-file on a pipe the parent leaves open. A backend must
    leave nothing of its process group behind on SIGTERM, so the tracker is stopped here, after every
    worker has been joined. `_stop` is the interpreter's own (private) way of doing that; without it
    the tracker would linger for a moment after the backend's exit.
    """
    stop = getattr(resource_tracker._resource_tracker, "_stop", None)  # noqa: SLF001 - see docstring
    if stop is None:
        log.warning("cannot stop multiprocessing's resource tracker on this Python version")
        return
    stop()
