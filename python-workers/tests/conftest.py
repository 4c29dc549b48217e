"""Shared fixtures: a real backend process (with and without a broker) and a private mosquitto."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from backend_process import BackendProcess, MosquittoProcess, serving
from http_client import HttpClient


@pytest.fixture(scope="module")
def backend() -> Iterator[BackendProcess]:
    """A backend without MQTT on a free port, shared by one test module."""
    with serving(BackendProcess("--port", "0")) as process:
        yield process


@pytest.fixture()
def client(backend: BackendProcess) -> Iterator[HttpClient]:
    with HttpClient(backend.port) as http:
        yield http


@pytest.fixture(scope="session")
def mosquitto() -> Iterator[MosquittoProcess]:
    broker = MosquittoProcess()
    yield broker
    broker.stop()


@pytest.fixture(scope="module")
def mqtt_backend(mosquitto: MosquittoProcess) -> Iterator[BackendProcess]:
    with serving(BackendProcess("--port", "0", "--broker", mosquitto.url)) as process:
        yield process
