"""The shared analyze vectors, computed in-process and through POST /jobs/analyze."""

from __future__ import annotations

from typing import Any

import pytest
import vectors
from http_client import HttpClient

from bench_backend.analyze import analyze, parse_analyze_request

DOCUMENT = vectors.load("analyze.json")


def assert_matches(actual: dict[str, Any], expected: dict[str, Any]) -> None:
    vectors.assert_analysis(actual, expected, DOCUMENT["tolerance"])


@pytest.mark.parametrize("vector", vectors.params(DOCUMENT))
def test_analyze_matches_the_vector(vector: dict[str, Any]) -> None:
    assert_matches(analyze(parse_analyze_request(vector["request"])), vector["expected"])


@pytest.mark.parametrize("vector", vectors.params(DOCUMENT))
def test_analyze_route_matches_the_vector(vector: dict[str, Any], client: HttpClient) -> None:
    reply = client.post_json("/jobs/analyze", vector["request"])
    assert reply.status == 200, reply.body
    assert_matches(reply.json(), vector["expected"])
