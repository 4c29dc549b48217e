"""The analyze job (contract §4) over samples lent by .NET: the Python backend's own NumPy kernel, no copy."""

import numpy as np

from bench_backend.analyze import AnalyzeRequest, analyze


def analyze_buffer(buffer, sample_rate_hz, window, threshold):
    # A float64 view of the caller's memory: valid only during this call, so nothing here may keep it.
    samples = np.frombuffer(buffer, dtype=np.float64)
    result = analyze(AnalyzeRequest(samples, sample_rate_hz, window, threshold))
    return (result["mean"], result["std"], result["min"], result["max"], result["dominantHz"], result["anomalies"])
