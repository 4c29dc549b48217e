"""Where analyze jobs run: inline on the event loop, or in a pool of worker processes.

The plain variant keeps jobs inline on purpose, so that what a CPU-bound job does to the latency of
everything else on the loop can be measured; python-offload moves them to a ProcessPoolExecutor.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

import numpy as np

from .analyze import AnalyzeRequest, analyze
from .processes import stop_resource_tracker


class JobsUnavailable(RuntimeError):
    """The job runner cannot run jobs any more (a pool process died)."""


class JobRunner(Protocol):
    async def start(self) -> None:
        """Ready to run jobs once this returns; called before the ready line."""

    async def run(self, job: AnalyzeRequest) -> dict[str, Any]:
        """The analyze result of a validated job; JobsUnavailable when it cannot be computed."""

    async def stop(self) -> None:
        """Release what start() acquired; called on shutdown."""


class InlineJobs:
    """Runs each job on the event loop: while it computes, nothing else of the process is served."""

    async def start(self) -> None:
        pass

    async def run(self, job: AnalyzeRequest) -> dict[str, Any]:
        return analyze(job)

    async def stop(self) -> None:
        pass


class ProcessPoolJobs:
    """Runs each job in one of `workers` processes; the event loop only validates and awaits."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    async def start(self) -> None:
        # spawn, not fork: the parent already runs threads (uvloop's, later paho's), and a forked
        # child would inherit their locks in whatever state they were.
        self._pool = ProcessPoolExecutor(self.workers, multiprocessing.get_context("spawn"), _ignore_interrupts)
        loop = asyncio.get_running_loop()
        # The executor starts a process per submitted job while none is idle, so `workers` warm-up
        # jobs submitted at once start the whole pool, and each pays its NumPy import and first FFT
        # before the ready line rather than in the first measured requests.
        await asyncio.gather(*(loop.run_in_executor(self._pool, _warm_up) for _ in range(self.workers)))

    async def run(self, job: AnalyzeRequest) -> dict[str, Any]:
        assert self._pool is not None, "start() first"
        loop = asyncio.get_running_loop()
        # The samples travel as the array's raw float64 bytes (one memcpy to pickle), not as a list
        # of Python floats; the worker wraps them without copying.
        call = (analyze_samples, job.samples.tobytes(), job.sample_rate_hz, job.window, job.threshold)
        try:
            return await loop.run_in_executor(self._pool, *call)
        except BrokenProcessPool as error:
            raise JobsUnavailable("the analyze worker pool lost a process") from error

    async def stop(self) -> None:
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)
        stop_resource_tracker()


def analyze_samples(samples: bytes, sample_rate_hz: float, window: int, threshold: float) -> dict[str, Any]:
    """The job as a pool process runs it: the same kernel as inline, on the same float64 values."""
    return analyze(AnalyzeRequest(np.frombuffer(samples, dtype=np.float64), sample_rate_hz, window, threshold))


def _warm_up() -> int:
    analyze_samples(np.arange(64, dtype=np.float64).tobytes(), 1.0, 8, 4.0)
    return os.getpid()


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; the parent stops the pool, a worker must not die mid-job.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
