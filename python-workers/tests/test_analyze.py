from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from bench_backend import analyze as analyze_module
from bench_backend.analyze import analyze, dominant_bin, parse_analyze_request, rolling_anomalies
from bench_backend.validation import ValidationError


def request(samples: list[float], **fields: Any) -> dict[str, Any]:
    return {"samples": samples, "sampleRateHz": 100.0, **fields}


def naive_anomalies(samples: np.ndarray, window: int, threshold: float) -> list[int]:
    found = []
    for i in range(window, len(samples)):
        trailing = samples[i - window : i]
        m, s = trailing.mean(), trailing.std()
        if trailing.max() > trailing.min() and abs(samples[i] - m) / s > threshold:
            found.append(i)
    return found


def test_population_statistics_and_extremes() -> None:
    samples = [float(v) for v in range(16)]
    result = analyze(parse_analyze_request(request(samples, window=4)))
    assert result["n"] == 16
    assert result["mean"] == 7.5
    assert result["std"] == pytest.approx(np.sqrt((16**2 - 1) / 12), rel=1e-12)
    assert (result["min"], result["max"]) == (0.0, 15.0)


def test_dominant_frequency_of_a_pure_tone() -> None:
    n, k, rate = 1024, 50, 1000.0
    samples = np.sin(2 * np.pi * k * np.arange(n) / n).tolist()
    result = analyze(parse_analyze_request(request(samples, sampleRateHz=rate)))
    assert result["dominantHz"] == k * rate / n


def test_nyquist_bin_is_a_candidate() -> None:
    assert dominant_bin(np.array([1.0, -1.0] * 8)) == 8


def test_ties_pick_the_smallest_bin() -> None:
    # The spectrum of a unit impulse is exactly 1 in every bin, so every bin ties.
    impulse = np.zeros(64)
    impulse[0] = 1.0
    assert dominant_bin(impulse) == 1


def test_a_spike_after_a_flat_window_is_not_an_anomaly_but_after_a_varying_one_is() -> None:
    x = np.zeros(256)
    x[100] = 10.0
    x[150:] = np.where(np.arange(106) % 2 == 0, 1.0, -1.0)
    x[220] = 20.0
    found = rolling_anomalies(x, 16, 3.0)
    assert 100 not in found
    assert 220 in found


def test_constant_windows_of_inexact_values_have_no_anomalies() -> None:
    # 0.1 * 3 summed in floating point is not exactly 0.3: the mean is off by an ulp, but s is 0.
    x = np.full(64, 0.1)
    x[40] = 0.1000001
    assert 40 not in rolling_anomalies(x, 3, 4.0)


def test_blocks_give_the_same_anomalies_as_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(7)
    x = rng.standard_t(3, 4096)
    expected = naive_anomalies(x, 100, 3.0)
    monkeypatch.setattr(analyze_module, "_BLOCK_ELEMENTS", 1000)
    assert rolling_anomalies(x, 100, 3.0) == expected
    assert expected  # the signal is heavy-tailed enough to have some


def test_defaults_are_window_64_and_threshold_4() -> None:
    parsed = parse_analyze_request(request([0.5] * 128))
    assert (parsed.window, parsed.threshold) == (64, 4.0)
    parsed = parse_analyze_request(request([0.5] * 128, window=None, threshold=None))
    assert (parsed.window, parsed.threshold) == (64, 4.0)


def field_error(document: dict[str, Any]) -> str | None:
    with pytest.raises(ValidationError) as raised:
        parse_analyze_request(document)
    return raised.value.field


@pytest.mark.parametrize(
    "document, field",
    [
        ({"sampleRateHz": 1.0}, "samples"),
        (request([1.0] * 15), "samples"),
        (request([1.0] * 24), "samples"),
        (request([1.0] * 131072), "samples"),
        (request([True] + [1.0] * 15), "samples"),
        (request(["1"] + [1.0] * 15), "samples"),
        (request([10**400] + [1.0] * 15), "samples"),
        (request([1.0] * 16, sampleRateHz=0), "sampleRateHz"),
        (request([1.0] * 16, sampleRateHz="100"), "sampleRateHz"),
        ({"samples": [1.0] * 16}, "sampleRateHz"),
        (request([1.0] * 16, window=16), "window"),
        (request([1.0] * 16, window=1), "window"),
        (request([1.0] * 16, window=2.5), "window"),
        (request([1.0] * 64), "window"),
        (request([1.0] * 16, window=4, threshold=0), "threshold"),
        (request([1.0] * 16, window=4, threshold="4"), "threshold"),
        (request([1.0] * 8, window=1), "samples"),
    ],
)
def test_invalid_requests_name_the_first_failing_field(document: dict[str, Any], field: str) -> None:
    assert field_error(document) == field


def test_whole_float_window_is_an_integer() -> None:
    assert parse_analyze_request(request([1.0] * 16, window=4.0)).window == 4
