"""Command line and BENCH_* environment settings (contract §1)."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
DEFAULT_MQTT_PORT = 1883
VARIANTS = ("plain", "multi", "offload")


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
    workers: int | None
    """None when neither --workers nor BENCH_WORKERS was given: each multi-process variant picks its default."""
    brokers: tuple[BrokerAddress, ...]
    """Every broker to subscribe on, in the order given; empty when the backend runs without MQTT."""
    variant: str = "plain"


def parse_settings(argv: Sequence[str], environ: Mapping[str, str]) -> Settings:
    """Options win over BENCH_* variables, which win over the contract defaults."""
    parser = argparse.ArgumentParser(prog="bench_backend", description="Bench Python backend")
    parser.add_argument("--host", default=environ.get("BENCH_HOST", DEFAULT_HOST))
    parser.add_argument("--port", default=environ.get("BENCH_PORT", str(DEFAULT_PORT)))
    parser.add_argument("--workers", default=environ.get("BENCH_WORKERS"))
    parser.add_argument("--broker", default=environ.get("BENCH_BROKER", ""), help="mqtt://host:port, or several separated by commas")
    parser.add_argument("--variant", choices=VARIANTS, default="plain", help="plain, multi (uvicorn workers) or offload (process pool)")
    args = parser.parse_args(list(argv))
    return Settings(
        host=args.host or DEFAULT_HOST,
        port=_parse_int("port", args.port, 0, 65535),
        workers=None if args.workers is None else _parse_int("workers", args.workers, 1, 1024),
        brokers=parse_brokers(args.broker),
        variant=args.variant,
    )


def parse_brokers(value: str) -> tuple[BrokerAddress, ...]:
    """`mqtt://host:port[,mqtt://host:port...]`; an empty value means the backend runs without MQTT.

    A large MQTT fleet is spread over several brokers (one mosquitto is capped in file descriptors),
    and the backend subscribes on each. Every entry must be a broker URL: an empty entry (`a,,b`, a
    trailing comma) or the same host and port twice is refused rather than silently skipped.
    """
    if not value.strip():
        return ()
    entries = value.split(",")
    brokers: list[BrokerAddress] = []
    for position, entry in enumerate(entries, start=1):
        if not entry.strip():
            raise SettingsError(f"broker list {value!r} has an empty entry (number {position} of {len(entries)})")
        broker = _parse_url(entry)
        if broker in brokers:
            raise SettingsError(f"broker {entry.strip()!r} is listed twice in {value!r} (as {broker.host}:{broker.port})")
        brokers.append(broker)
    return tuple(brokers)


def parse_broker(value: str) -> BrokerAddress | None:
    """Exactly one `mqtt://host:port` (bench_analytics takes one); an empty value gives None."""
    if not value.strip():
        return None
    return _parse_url(value)


def _parse_url(value: str) -> BrokerAddress:
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
