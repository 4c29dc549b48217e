"""What sets one Python contender apart from another; app, validation, state and MQTT are shared."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import BACKEND_NAME
from .jobs import InlineJobs, JobRunner


@dataclass(frozen=True, slots=True)
class Variant:
    name: str
    """The name in /health and in the ready line, as in workloads/backends.yaml."""
    jobs: JobRunner = field(default_factory=InlineJobs)
    shared_subscription: bool = False
    """Subscribe with `$share/bench/...`, so that several processes split the device traffic (contract §6)."""


PLAIN = Variant(BACKEND_NAME)
