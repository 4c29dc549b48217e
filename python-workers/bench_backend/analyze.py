"""The CPU-bound sensor job (contract §4), computed with NumPy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .validation import ValidationError, as_finite, as_integer

MIN_SAMPLES = 16
MAX_SAMPLES = 65_536
DEFAULT_WINDOW = 64
DEFAULT_THRESHOLD = 4.0
# Rolling statistics are computed over windows in blocks of at most this many elements, so a window
# of 32k samples over 64k samples does not materialise an 8 GiB (N × window) array.
_BLOCK_ELEMENTS = 1 << 20


@dataclass(frozen=True, slots=True)
class AnalyzeRequest:
    samples: np.ndarray
    sample_rate_hz: float
    window: int
    threshold: float


def parse_analyze_request(document: dict[str, Any]) -> AnalyzeRequest:
    """Validate the fields in contract order: samples, sampleRateHz, window, threshold."""
    samples = _parse_samples(document.get("samples"))
    n = len(samples)
    rate = as_finite(document.get("sampleRateHz"))
    if rate is None or rate <= 0:
        raise ValidationError("sampleRateHz must be a finite number > 0", "sampleRateHz")
    # An optional field given as null counts as absent, as `vibration` does in §2.
    window = _parse_window(_or_default(document.get("window"), DEFAULT_WINDOW), n)
    threshold = as_finite(_or_default(document.get("threshold"), DEFAULT_THRESHOLD))
    if threshold is None or threshold <= 0:
        raise ValidationError("threshold must be a finite number > 0", "threshold")
    return AnalyzeRequest(samples, rate, window, threshold)


def analyze(request: AnalyzeRequest) -> dict[str, Any]:
    """The response body of a successful job."""
    samples = request.samples
    n = len(samples)
    mean = samples.mean()
    return {
        "n": n,
        "mean": float(mean),
        "std": float(samples.std()),
        "min": float(samples.min()),
        "max": float(samples.max()),
        "dominantHz": dominant_bin(samples - mean) * request.sample_rate_hz / n,
        "anomalies": rolling_anomalies(samples, request.window, request.threshold),
    }


def rolling_anomalies(samples: np.ndarray, window: int, threshold: float) -> list[int]:
    """Indices i >= window whose z-score against the `window` samples before i exceeds threshold."""
    # Row j of the view is samples[j .. j+window-1], the trailing window of index i = j + window.
    windows = sliding_window_view(samples, window)[:-1]
    rows_per_block = max(1, _BLOCK_ELEMENTS // window)
    anomalies: list[np.ndarray] = []
    for start in range(0, len(windows), rows_per_block):
        block = windows[start : start + rows_per_block]
        targets = samples[window + start : window + start + len(block)]
        means = block.mean(axis=1)
        stds = block.std(axis=1)
        # A constant window has s = 0 exactly, but its float mean may be off by an ulp, which would
        # give a tiny non-zero std and a huge z-score: decide "s > 0" on the values themselves.
        varying = block.max(axis=1) > block.min(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            hits = varying & (np.abs(targets - means) / stds > threshold)
        anomalies.append(np.flatnonzero(hits) + window + start)
    return np.concatenate(anomalies).tolist() if anomalies else []


def dominant_bin(centred: np.ndarray) -> int:
    """The bin k in 1..N/2 with the largest |X[k]|; argmax returns the first of equal maxima."""
    magnitudes = np.abs(np.fft.rfft(centred)[1:])
    return int(np.argmax(magnitudes)) + 1


def _parse_samples(samples: Any) -> np.ndarray:
    message = f"samples must be an array of N finite numbers, N a power of two from {MIN_SAMPLES} to {MAX_SAMPLES}"
    if type(samples) is not list:
        raise ValidationError(message, "samples")
    n = len(samples)
    if not MIN_SAMPLES <= n <= MAX_SAMPLES or n & (n - 1):
        raise ValidationError(message, "samples")
    # Exact type checks first: np.array would happily turn "1.5" or true into a float.
    if not all(type(value) is float or type(value) is int for value in samples):
        raise ValidationError(message, "samples")
    try:
        array = np.array(samples, dtype=np.float64)
    except OverflowError as error:
        raise ValidationError(message, "samples") from error
    if not np.isfinite(array).all():
        raise ValidationError(message, "samples")
    return array


def _or_default(value: Any, default: Any) -> Any:
    return default if value is None else value


def _parse_window(value: Any, n: int) -> int:
    window = as_integer(value)
    if window is None or not 2 <= window <= n - 1:
        raise ValidationError(f"window must be an integer from 2 to N-1 ({n - 1}), default {DEFAULT_WINDOW}", "window")
    return window
