"""The analyze vectors: which signals, sizes, windows, thresholds and sample rates.

Each case builds its signal from a NumPy generator seeded with the case's seed (bumped by one
on each retry when the reference refuses the vector as fragile), so output is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

Builder = Callable[[np.random.Generator, int], np.ndarray]


@dataclass(frozen=True)
class AnalyzeCase:
    name: str
    n: int
    sample_rate_hz: float
    window: int | None  # None: the request omits it (default 64)
    threshold: float | None  # None: the request omits it (default 4.0)
    build: Builder
    seed: int


def tone(n: int, k: float, amplitude: float = 1.0, phase: float = 0.0) -> np.ndarray:
    """A sine with k cycles over n samples: an integer k lands exactly on DFT bin k."""
    return amplitude * np.sin(2 * np.pi * k * np.arange(n) / n + phase)


def with_spikes(x: np.ndarray, indices: list[int], height: float) -> np.ndarray:
    y = x.copy()
    y[indices] += height * np.where(np.arange(len(indices)) % 2 == 0, 1.0, -1.0)
    return y


def constant(value: float) -> Builder:
    return lambda rng, n: np.full(n, value)


def spike_on_flat(rng: np.random.Generator, n: int) -> np.ndarray:
    # A spike after an exactly flat window is not an anomaly (s == 0); a later one after a
    # non-flat window is. Integers keep every sum exact in every implementation.
    x = np.zeros(n)
    x[100] = 10.0
    x[150:] = np.where(np.arange(n - 150) % 2 == 0, 1.0, -1.0)
    x[220] = 20.0
    return x


def alternating(amplitude: float) -> Builder:
    return lambda rng, n: amplitude * np.where(np.arange(n) % 2 == 0, 1.0, -1.0)


def vibration(rng: np.random.Generator, n: int) -> np.ndarray:
    x = tone(n, n / 40, 1.0) + tone(n, n / 11.3, 0.6, 0.4) + tone(n, n / 5.1, 0.3, 1.1)
    x += rng.normal(0, 0.2, n)
    return with_spikes(x, sorted(rng.choice(n, 12, replace=False).tolist()), 4.0)


def heavy_tailed_noise(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.standard_t(3, n) * 2.0


def sawtooth(rng: np.random.Generator, n: int) -> np.ndarray:
    x = (np.arange(n) % 256) / 128.0 - 1.0 + rng.normal(0, 0.05, n)
    return with_spikes(x, [5000, 17000, 29000], 3.0)


def temperature_drift(rng: np.random.Generator, n: int) -> np.ndarray:
    return 21.0 + tone(n, 1, 3.0) + np.linspace(0, 1.5, n) + rng.normal(0, 0.3, n)


def step_change(rng: np.random.Generator, n: int) -> np.ndarray:
    return np.where(np.arange(n) < 600, 0.0, 10.0) + rng.normal(0, 0.5, n)


def small_integers(rng: np.random.Generator, n: int) -> np.ndarray:
    x = rng.integers(-3, 4, n).astype(float)
    x[[8, 20, 27]] = [9.0, -8.0, 12.0]
    return x


def micro_steps(rng: np.random.Generator, n: int) -> np.ndarray:
    return with_spikes(rng.integers(-3, 4, n) * 1e-6, [40, 90, 171], 2e-5)


def am_carrier(rng: np.random.Generator, n: int) -> np.ndarray:
    carrier = tone(n, 1000, 1.0)
    return carrier * (1 + 0.5 * np.cos(2 * np.pi * 13 * np.arange(n) / n)) + rng.normal(0, 0.1, n)


def noise(sigma: float, offset: float = 0.0) -> Builder:
    return lambda rng, n: offset + rng.normal(0, sigma, n)


CASES: list[AnalyzeCase] = [
    AnalyzeCase("constant-integer-n16-window2", 16, 100.0, 2, None, constant(5.0), 1),
    AnalyzeCase("constant-dyadic-n128-defaults", 128, 10.0, None, None, constant(-2.75), 2),
    AnalyzeCase("constant-zero-n64-window63", 64, 1.0, 63, 2.5, constant(0.0), 3),
    AnalyzeCase("constant-large-n32-window31", 32, 0.5, 31, 1.0, constant(1_000_000.0), 4),
    AnalyzeCase("spike-on-flat-n256", 256, 50.0, 16, 3.0, spike_on_flat, 5),
    AnalyzeCase("tone-bin50-n1024-defaults", 1024, 1000.0, None, None, lambda r, n: tone(n, 50), 6),
    AnalyzeCase("tone-nyquist-n2048", 2048, 8000.0, 10, 2.0, alternating(3.0), 7),
    AnalyzeCase("tone-rate-44.1-n512", 512, 44.1, 32, 3.5, lambda r, n: tone(n, 37) + r.normal(0, 0.1, n), 8),
    AnalyzeCase("vibration-n4096", 4096, 3200.0, 128, 3.0, vibration, 9),
    AnalyzeCase("noise-gaussian-n8192", 8192, 250.0, 100, 3.0, noise(1.0), 10),
    AnalyzeCase("noise-negative-mean-n16384", 16384, 12.5, 500, 3.2, noise(4.0, -50.0), 11),
    AnalyzeCase(
        "large-magnitude-n8192", 8192, 10_000.0, 256, 2.5,
        lambda r, n: 3e5 + tone(n, 123, 1e6) + r.normal(0, 1e4, n), 12,
    ),
    AnalyzeCase(
        "tiny-magnitude-n1024", 1024, 2.0, 20, 2.0,
        lambda r, n: tone(n, 77, 5e-5) + r.normal(0, 1e-5, n), 13,
    ),
    AnalyzeCase("tiny-steps-n256", 256, 1.0, 8, 3.0, micro_steps, 14),
    AnalyzeCase("random-walk-n2048", 2048, 1.0, 50, 3.0, lambda r, n: np.cumsum(r.normal(0, 1, n)), 15),
    AnalyzeCase("square-wave-n128-window2", 128, 16.0, 2, 1.5, lambda r, n: np.sign(tone(n, 8) + 1e-9), 16),
    AnalyzeCase("window2-noise-n32", 32, 3.3333, 2, 1.5, noise(1.0), 17),
    AnalyzeCase("sawtooth-n32768", 32768, 48_000.0, 1000, 2.8, sawtooth, 18),
    AnalyzeCase("temperature-drift-n4096", 4096, 1 / 60, None, 3.0, temperature_drift, 19),
    AnalyzeCase("vibration-n65536-defaults", 65536, 25_600.0, None, None, vibration, 20),
    AnalyzeCase("heavy-tails-n65536-window1000", 65536, 1000.0, 1000, 5.0, heavy_tailed_noise, 21),
    AnalyzeCase(
        "spikes-threshold10-n512", 512, 7.5, 40, 10.0,
        lambda r, n: with_spikes(r.normal(0, 1, n), [100, 250, 400], 25.0), 22,
    ),
    AnalyzeCase("threshold-quarter-n256", 256, 60.0, 5, 0.25, noise(2.0), 23),
    AnalyzeCase("am-carrier-n16384", 16384, 44_100.0, 256, 3.0, am_carrier, 24),
    AnalyzeCase(
        "close-tones-n1024", 1024, 1000.0, 64, 4.0,
        lambda r, n: tone(n, 100, 1.0) + tone(n, 101, 0.9, 0.7) + r.normal(0, 0.05, n), 25,
    ),
    AnalyzeCase(
        "tone-off-bin-n2048", 2048, 2000.0, 64, 4.0,
        lambda r, n: tone(n, 200.3, 2.0) + r.normal(0, 0.1, n), 26,
    ),
    AnalyzeCase("integer-counts-n64-window8", 64, 1.0, 8, 2.0, small_integers, 27),
    AnalyzeCase("negative-only-n512", 512, 7.5, 40, 2.2, noise(10.0, -1000.0), 28),
    AnalyzeCase("step-change-n1024", 1024, 20.0, 30, 5.0, step_change, 29),
    AnalyzeCase(
        "large-spikes-n4096", 4096, 100.0, 64, 4.0,
        lambda r, n: with_spikes(r.normal(0, 1, n), [500, 1500, 2500, 3500], 1e6), 30,
    ),
    AnalyzeCase("tone-bin1-n16384", 16384, 0.1, 300, 3.0, lambda r, n: tone(n, 1, 5.0) + r.normal(0, 0.5, n), 31),
    AnalyzeCase(
        "dc-offset-tone-n8192", 8192, 8192.0, 128, 3.5,
        lambda r, n: 1000.0 + tone(n, 1024, 1.0) + r.normal(0, 0.2, n), 32,
    ),
    AnalyzeCase("impulses-n32-window4", 32, 1.5, 4, 1.2, small_integers, 33),
]
