"""python-offload: the plain variant, but analyze jobs run in a pool of worker processes.

The pool has --workers processes, by default one per CPU this process may use.
"""

from __future__ import annotations

from . import server
from .config import Settings
from .jobs import ProcessPoolJobs
from .processes import usable_cores
from .variant import Variant

BACKEND_NAME = "python-offload"


def run(settings: Settings) -> int:
    pool = ProcessPoolJobs(settings.workers or usable_cores())
    return server.run(settings, Variant(BACKEND_NAME, jobs=pool))
