from __future__ import annotations

import pytest

from bench_backend.config import BrokerAddress, SettingsError, parse_broker, parse_settings


def test_defaults_follow_the_contract() -> None:
    settings = parse_settings([], {})
    assert (settings.host, settings.port, settings.broker) == ("127.0.0.1", 8080, None)


def test_an_absent_worker_count_is_left_to_the_variant() -> None:
    assert parse_settings([], {}).workers is None
    assert parse_settings(["--workers", "1"], {}).workers == 1


def test_environment_stands_in_for_options() -> None:
    env = {"BENCH_HOST": "::1", "BENCH_PORT": "9000", "BENCH_WORKERS": "3", "BENCH_BROKER": "mqtt://broker:1999"}
    settings = parse_settings([], env)
    assert (settings.host, settings.port, settings.workers) == ("::1", 9000, 3)
    assert settings.broker == BrokerAddress("broker", 1999)


def test_options_win_over_the_environment() -> None:
    env = {"BENCH_PORT": "9000", "BENCH_BROKER": "mqtt://broker:1999"}
    settings = parse_settings(["--port", "0", "--broker", ""], env)
    assert settings.port == 0
    assert settings.broker is None


def test_broker_port_defaults_to_1883() -> None:
    assert parse_broker("mqtt://127.0.0.1") == BrokerAddress("127.0.0.1", 1883)


@pytest.mark.parametrize("value", ["http://host:1883", "mqtt://", "mqtt://host:99999", "host:1883"])
def test_malformed_broker_is_refused(value: str) -> None:
    with pytest.raises(SettingsError):
        parse_broker(value)


@pytest.mark.parametrize("argv", [["--port", "x"], ["--port", "70000"], ["--workers", "0"]])
def test_out_of_range_numbers_are_refused(argv: list[str]) -> None:
    with pytest.raises(SettingsError):
        parse_settings(argv, {})
