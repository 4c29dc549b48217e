"""Loading the shared contract vectors from ../workloads/contract/vectors/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from backend_process import PACKAGE_ROOT

VECTORS_DIR = PACKAGE_ROOT.parent / "workloads" / "contract" / "vectors"


def load(name: str) -> dict[str, Any]:
    path = VECTORS_DIR / name
    if not path.is_file():
        pytest.skip(f"contract vectors not found: {path}", allow_module_level=True)
    with path.open(encoding="utf-8") as file:
        return json.load(file)


def params(document: dict[str, Any], key: str = "vectors") -> list[Any]:
    return [pytest.param(vector, id=vector["name"]) for vector in document[key]]


def close(actual: float, expected: float, tolerance: dict[str, float]) -> bool:
    """Contract §4: relative tolerance, absolute where |expected| < 1."""
    if abs(expected) < 1:
        return abs(actual - expected) <= tolerance["absolute"]
    return abs(actual - expected) <= tolerance["relative"] * abs(expected)


def body_of(vector: dict[str, Any]) -> str:
    if "body" in vector:
        return vector["body"]
    repeat = vector["bodyRepeat"]
    return repeat["prefix"] + repeat["unit"] * repeat["count"] + repeat["suffix"]


ANALYSIS_FLOAT_FIELDS = ("mean", "std", "min", "max", "dominantHz")


def assert_analysis(actual: dict[str, Any], expected: dict[str, Any], tolerance: dict[str, float]) -> None:
    """Contract §7: `n` and `anomalies` exactly, the other fields within the tolerance."""
    assert actual["n"] == expected["n"]
    assert actual["anomalies"] == expected["anomalies"]
    for field in ANALYSIS_FLOAT_FIELDS:
        assert close(actual[field], expected[field], tolerance), (field, actual[field], expected[field])
