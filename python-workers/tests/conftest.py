"""Shared fixtures: a real backend process (with and without a broker) and a private mosquitto."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from backend_process import BackendProcess, MosquittoProcess
from http_client import HttpClient


@pytest.fixture(scope="module")
def backend() -> Iterator[BackendProcess]:
    """A backend without MQTT on a free port, shared by one test module."""
    process = BackendProcess("--port", "0")
    try:
        process.wait_ready()
        yield process
    finally:
        process.stop()


@pytest.fixture()
def client(backend: BackendProcess) -> Iterator[HttpClient]:
    http = HttpClient(backend.port)
    yield http
    http.close()


@pytest.fixture(scope="session")
def mosquitto() -> Iterator[MosquittoProcess]:
    broker = MosquittoProcess()
    yield broker
    broker.stop()


@pytest.fixture(scope="module")
def mqtt_backend(mosquitto: MosquittoProcess) -> Iterator[BackendProcess]:
    process = BackendProcess("--port", "0", "--broker", mosquitto.url)
    try:
        process.wait_ready()
        yield process
    finally:
        process.stop()
