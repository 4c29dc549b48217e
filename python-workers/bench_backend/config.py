"""Command line and BENCH_* environment settings (contract §1)."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
DEFAULT_MQTT_PORT = 1883


class SettingsError(ValueError):
    """A command-line option or environment variable has an unusable value."""


@dataclass(frozen=True, slots=True)
class BrokerAddress:
    host: str
    port: int


@dataclass(frozen=True, slots=True)
class Settings:
    host: str
    port: int
    workers: int
    broker: BrokerAddress | None


def parse_settings(argv: Sequence[str], environ: Mapping[str, str]) -> Settings:
    """Options win over BENCH_* variables, which win over the contract defaults."""
    parser = argparse.ArgumentParser(prog="bench_backend", description="Bench Python backend")
    parser.add_argument("--host", default=environ.get("BENCH_HOST", DEFAULT_HOST))
    parser.add_argument("--port", default=environ.get("BENCH_PORT", str(DEFAULT_PORT)))
    parser.add_argument("--workers", default=environ.get("BENCH_WORKERS", "1"))
    parser.add_argument("--broker", default=environ.get("BENCH_BROKER", ""))
    args = parser.parse_args(list(argv))
    return Settings(
        host=args.host or DEFAULT_HOST,
        port=_parse_int("port", args.port, 0, 65535),
        workers=_parse_int("workers", args.workers, 1, 1024),
        broker=parse_broker(args.broker),
    )


def parse_broker(value: str) -> BrokerAddress | None:
    """`mqtt://host:port`; an empty value means the backend runs without MQTT."""
    if not value.strip():
        return None
    parts = urlsplit(value.strip())
    if parts.scheme != "mqtt" or not parts.hostname:
        raise SettingsError(f"broker must look like mqtt://host:port, got {value!r}")
    try:
        port = parts.port or DEFAULT_MQTT_PORT
    except ValueError as error:
        raise SettingsError(f"broker port is invalid in {value!r}") from error
    return BrokerAddress(parts.hostname, port)


def _parse_int(name: str, value: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except ValueError as error:
        raise SettingsError(f"{name} must be an integer, got {value!r}") from error
    if not low <= number <= high:
        raise SettingsError(f"{name} must be between {low} and {high}, got {number}")
    return number
