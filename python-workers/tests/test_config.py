from __future__ import annotations

import pytest

from bench_backend.config import BrokerAddress, SettingsError, parse_broker, parse_brokers, parse_settings


def test_defaults_follow_the_contract() -> None:
    settings = parse_settings([], {})
    assert (settings.host, settings.port, settings.brokers) == ("127.0.0.1", 8080, ())


def test_an_absent_worker_count_is_left_to_the_variant() -> None:
    assert parse_settings([], {}).workers is None
    assert parse_settings(["--workers", "1"], {}).workers == 1


def test_environment_stands_in_for_options() -> None:
    env = {"BENCH_HOST": "::1", "BENCH_PORT": "9000", "BENCH_WORKERS": "3", "BENCH_BROKER": "mqtt://broker:1999"}
    settings = parse_settings([], env)
    assert (settings.host, settings.port, settings.workers) == ("::1", 9000, 3)
    assert settings.brokers == (BrokerAddress("broker", 1999),)


def test_options_win_over_the_environment() -> None:
    env = {"BENCH_PORT": "9000", "BENCH_BROKER": "mqtt://broker:1999"}
    settings = parse_settings(["--port", "0", "--broker", ""], env)
    assert settings.port == 0
    assert settings.brokers == ()


def test_broker_port_defaults_to_1883() -> None:
    assert parse_broker("mqtt://127.0.0.1") == BrokerAddress("127.0.0.1", 1883)


@pytest.mark.parametrize("value", ["http://host:1883", "mqtt://", "mqtt://host:99999", "host:1883"])
def test_malformed_broker_is_refused(value: str) -> None:
    with pytest.raises(SettingsError):
        parse_broker(value)


def test_one_broker_url_is_a_list_of_one() -> None:
    assert parse_settings(["--broker", "mqtt://127.0.0.1:1883"], {}).brokers == (BrokerAddress("127.0.0.1", 1883),)


def test_a_comma_separated_list_names_every_broker_in_order() -> None:
    settings = parse_settings(["--broker", "mqtt://127.0.0.1:1884,mqtt://127.0.0.1:1883, mqtt://other"], {})
    assert settings.brokers == (BrokerAddress("127.0.0.1", 1884), BrokerAddress("127.0.0.1", 1883), BrokerAddress("other", 1883))


def test_the_environment_may_list_several_brokers() -> None:
    settings = parse_settings([], {"BENCH_BROKER": "mqtt://a:1,mqtt://b:2"})
    assert settings.brokers == (BrokerAddress("a", 1), BrokerAddress("b", 2))


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_broker_value_means_no_mqtt(value: str) -> None:
    assert parse_brokers(value) == ()


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("mqtt://a:1,,mqtt://b:2", "empty entry (number 2 of 3)"),
        ("mqtt://a:1,", "empty entry (number 2 of 2)"),
        (",mqtt://a:1", "empty entry (number 1 of 2)"),
        ("mqtt://a:1, ,mqtt://b:2", "empty entry (number 2 of 3)"),
        ("mqtt://a:1,mqtt://b:2,mqtt://a:1", "'mqtt://a:1' is listed twice"),
        ("mqtt://a,mqtt://a:1883", "'mqtt://a:1883' is listed twice"),
        ("mqtt://A:1,mqtt://a:1", "'mqtt://a:1' is listed twice"),
        ("mqtt://a:1,http://b:2", "'http://b:2'"),
        ("mqtt://a:1,b:2", "'b:2'"),
        ("mqtt://a:1,mqtt://b:99999", "'mqtt://b:99999'"),
    ],
)
def test_a_bad_entry_in_the_broker_list_is_refused_by_name(value: str, named: str) -> None:
    with pytest.raises(SettingsError, match="broker") as refused:
        parse_settings(["--broker", value], {})
    assert named in str(refused.value)


@pytest.mark.parametrize("argv", [["--port", "x"], ["--port", "70000"], ["--workers", "0"]])
def test_out_of_range_numbers_are_refused(argv: list[str]) -> None:
    with pytest.raises(SettingsError):
        parse_settings(argv, {})
