"""Reference implementation of the analyze job (README §4) with robustness checks.

Expected values come from exact arithmetic where that is cheap (every double is a dyadic
rational, so scaling by a common power of two turns the samples into integers). Each decision
is also recomputed the ways a backend plausibly computes it (two-pass per window, rolling
sums; sequential and pairwise summation) and a vector is refused unless all of them agree with
margin, so that any correct implementation reproduces the vector exactly.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Sequence

import numpy as np

from contract_rules import DEFAULT_THRESHOLD, DEFAULT_WINDOW

DECISION_MARGIN = 1e-6  # relative distance of every |x-m|/s from the threshold
SPREAD_FLOOR = 1e-9  # a non-constant window's s relative to its largest magnitude
PEAK_MARGIN = 1e-6  # dominant magnitude over the runner-up, relative
PEAK_FLOOR = 1e-9  # dominant magnitude over N * max|x - mean|: far above FFT rounding
SUMMARY_AGREEMENT = 1e-12  # summation orders must agree 1000x inside the 1e-9 tolerance
TWO_PASS_CHUNK = 1 << 22  # window elements per NumPy block, bounding memory


class RobustnessError(ValueError):
    """The vector would be fragile: some correct implementation could disagree with it."""


def close(actual: float, expected: float, relative: float) -> bool:
    # The contract's rule: relative, but absolute where |expected| < 1.
    return abs(actual - expected) <= relative * max(1.0, abs(expected))


def _scaled_integers(samples: Sequence[float]) -> tuple[list[int], int]:
    """Integers a_i and a common denominator d (a power of two) with samples[i] == a_i / d."""
    ratios = [float(x).as_integer_ratio() for x in samples]
    d = max(q for _, q in ratios)
    return [p * (d // q) for p, q in ratios], d


def summary(samples: Sequence[float]) -> dict[str, float]:
    a, d = _scaled_integers(samples)
    n = len(a)
    s1, s2 = sum(a), sum(v * v for v in a)
    mean = float(Fraction(s1, n * d))
    std = math.sqrt(Fraction(n * s2 - s1 * s1, n * n * d * d))
    _check_summation_orders(samples, mean, std)
    return {"mean": mean, "std": std, "min": float(min(samples)), "max": float(max(samples))}


def _check_summation_orders(samples: Sequence[float], mean: float, std: float) -> None:
    x = np.asarray(samples, dtype=np.float64)
    sequential_mean = sum(samples, 0.0) / len(samples)
    sequential_std = math.sqrt(sum(((v - sequential_mean) ** 2 for v in samples), 0.0) / len(samples))
    candidates = [(float(x.mean()), float(x.std())), (sequential_mean, sequential_std)]
    for candidate_mean, candidate_std in candidates:
        if not (close(candidate_mean, mean, SUMMARY_AGREEMENT) and close(candidate_std, std, SUMMARY_AGREEMENT)):
            raise RobustnessError(f"mean/std depend on summation order: {candidate_mean!r} vs {mean!r}")


def anomalies(samples: Sequence[float], window: int, threshold: float) -> list[int]:
    exact, flat = _exact_anomalies(samples, window, threshold)
    two_pass, zero_spread = _two_pass_anomalies(samples, window, threshold)
    if zero_spread != flat:
        raise RobustnessError("two-pass s is 0 for a window that is not exactly constant, or the reverse")
    if two_pass != exact:
        raise RobustnessError("two-pass float anomalies differ from exact ones")
    if _rolling_anomalies(samples, window, threshold) != exact:
        raise RobustnessError("rolling-sum float anomalies differ from exact ones")
    return exact


def _exact_anomalies(samples: Sequence[float], window: int, threshold: float) -> tuple[list[int], list[int]]:
    """The anomalies, and the indices whose window is exactly constant (s == 0)."""
    a, d = _scaled_integers(samples)
    tn, td = float(threshold).as_integer_ratio()
    prefix1, prefix2 = [0], [0]
    for v in a:
        prefix1.append(prefix1[-1] + v)
        prefix2.append(prefix2[-1] + v * v)
    # scales[j] is the largest magnitude in samples[j .. j+window-1], the window before index j+window.
    scales = np.lib.stride_tricks.sliding_window_view(np.abs(np.asarray(samples)), window).max(axis=1)
    found, flat = [], []
    for i in range(window, len(a)):
        s1 = prefix1[i] - prefix1[i - window]
        # window^2 * d^2 * variance, exactly.
        spread = window * (prefix2[i] - prefix2[i - window]) - s1 * s1
        if spread == 0:
            flat.append(i)
            continue
        _check_spread(i, spread, window * d, float(scales[i - window]))
        deviation = window * a[i] - s1  # window * d * (x_i - m)
        # z / threshold from the exact ratio (z / threshold)^2: one rounding, far inside the margin.
        ratio = math.sqrt(Fraction(deviation * deviation * td * td, spread * tn * tn))
        if abs(ratio - 1.0) <= DECISION_MARGIN:
            raise RobustnessError(f"index {i}: |x-m|/s is within {DECISION_MARGIN} of the threshold")
        if ratio > 1.0:
            found.append(i)
    return found, flat


def _check_spread(i: int, spread: int, denominator: int, scale: float) -> None:
    s = math.sqrt(Fraction(spread, denominator * denominator))
    if s <= SPREAD_FLOOR * scale:
        raise RobustnessError(f"index {i}: window spread {s!r} is too close to 0 for scale {scale!r}")


def _decide(x: np.ndarray, m: np.ndarray, s: np.ndarray, threshold: float) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return (s > 0) & (np.abs(x - m) / np.where(s > 0, s, 1.0) > threshold)


def _two_pass_anomalies(samples: Sequence[float], window: int, threshold: float) -> tuple[list[int], list[int]]:
    """The anomalies, and the indices whose window has s == 0, by per-window mean then deviations."""
    x = np.asarray(samples, dtype=np.float64)
    views = np.lib.stride_tricks.sliding_window_view(x, window)[:-1]  # row j is samples[j .. j+window-1]
    rows = max(1, TWO_PASS_CHUNK // window)
    found: list[int] = []
    zero_spread: list[int] = []
    for start in range(0, len(views), rows):
        block = views[start : start + rows]
        m = block.mean(axis=1)
        s = np.sqrt(((block - m[:, None]) ** 2).mean(axis=1))
        targets = x[start + window : start + window + len(block)]
        found.extend((np.nonzero(_decide(targets, m, s, threshold))[0] + start + window).tolist())
        zero_spread.extend((np.nonzero(s == 0)[0] + start + window).tolist())
    return found, zero_spread


def _rolling_anomalies(samples: Sequence[float], window: int, threshold: float) -> list[int]:
    sum1 = sum(samples[:window], 0.0)
    sum2 = sum((v * v for v in samples[:window]), 0.0)
    found = []
    for i in range(window, len(samples)):
        m = sum1 / window
        s = math.sqrt(max(0.0, sum2 / window - m * m))
        if s > 0 and abs(samples[i] - m) / s > threshold:
            found.append(i)
        old, new = samples[i - window], samples[i]
        sum1 += new - old
        sum2 += new * new - old * old
    return found


def dominant_bin(samples: Sequence[float]) -> int:
    x = np.asarray(samples, dtype=np.float64)
    magnitudes = np.abs(np.fft.rfft(x - x.mean()))[1:]  # bins 1 .. N/2
    constant = bool(np.all(x == x[0]))
    if not np.any(magnitudes):
        if not constant:
            raise RobustnessError("all magnitudes are 0 but the signal is not constant")
        return 1  # every bin ties at exactly 0; the smallest k wins (§4.3)
    if constant:
        raise RobustnessError("constant signal whose mean is inexact: FFT rounding noise decides the bin")
    order = np.argsort(magnitudes, kind="stable")
    top, runner_up = magnitudes[order[-1]], magnitudes[order[-2]]
    if top <= runner_up * (1 + PEAK_MARGIN):
        raise RobustnessError(f"dominant bin {order[-1] + 1} is within {PEAK_MARGIN} of the runner-up")
    if top <= PEAK_FLOOR * len(x) * float(np.max(np.abs(x - x.mean()))):
        raise RobustnessError("dominant magnitude is at FFT rounding level")
    return int(order[-1]) + 1


def analyze(request: dict) -> dict:
    """The expected response for a valid request, or RobustnessError when the vector is fragile."""
    samples = request["samples"]
    window = int(request["window"]) if request.get("window") is not None else DEFAULT_WINDOW
    threshold = float(request["threshold"]) if request.get("threshold") is not None else DEFAULT_THRESHOLD
    n = len(samples)
    stats = summary(samples)
    k = dominant_bin(samples)
    return {
        "n": n,
        "mean": stats["mean"],
        "std": stats["std"],
        "min": stats["min"],
        "max": stats["max"],
        "dominantHz": k * float(request["sampleRateHz"]) / n,
        "anomalies": anomalies(samples, window, threshold),
    }
