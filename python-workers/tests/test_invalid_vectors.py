"""The shared invalid-request vectors against the real backend."""

from __future__ import annotations

from typing import Any

import pytest
import vectors
from http_client import HttpClient

DOCUMENT = vectors.load("invalid.json")


@pytest.mark.parametrize("vector", vectors.params(DOCUMENT))
def test_request_is_refused_as_the_vector_says(vector: dict[str, Any], client: HttpClient) -> None:
    body = vectors.body_of(vector)
    reply = client.request(vector["method"], vector["path"], body or None, content_type=vector["contentType"])
    assert reply.status == vector["expectedStatus"], reply.body
    assert reply.json() == {"error": reply.json()["error"], "field": vector["expectedField"]}
    assert isinstance(reply.json()["error"], str) and reply.json()["error"]
