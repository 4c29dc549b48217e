from __future__ import annotations

import json
from typing import Any

import pytest

from bench_backend.validation import Reading, ValidationError, parse_object, safe_seq, validate_reading
from http_client import reading


def field_error(document: Any) -> str | None:
    with pytest.raises(ValidationError) as raised:
        validate_reading(document)
    return raised.value.field


def test_a_valid_reading_yields_its_state_fields() -> None:
    assert validate_reading(reading("dev-1", 17, vibration=[0.01, -0.02])) == Reading("dev-1", 17, 1763769600017, 21.5)


@pytest.mark.parametrize("seq", [17.0, 1e3, 2**53 - 1])
def test_whole_floats_and_the_largest_safe_integer_are_integers(seq: Any) -> None:
    assert validate_reading(reading("d", 0) | {"seq": seq}).seq == int(seq)


@pytest.mark.parametrize("value", [True, False, "3", 1.5, -1, 2**53, None, [1]])
def test_seq_must_be_a_safe_non_negative_integer(value: Any) -> None:
    assert field_error(reading("d", 0) | {"seq": value}) == "seq"


@pytest.mark.parametrize("value", [True, "21", 200.5, -100.001, float("inf"), 10**400])
def test_temperature_must_be_a_finite_number_in_range(value: Any) -> None:
    assert field_error(reading("d", 0) | {"temperature": value}) == "temperature"


def test_range_bounds_are_inclusive() -> None:
    document = reading("d", 0, temperature=200) | {"humidity": 0, "battery": 100}
    assert validate_reading(document).temperature == 200.0


@pytest.mark.parametrize("device_id", ["", "d" * 65, "dev/1", "dev 1", "dév", "dev\n", 7, None])
def test_device_id_is_1_to_64_safe_ascii_characters(device_id: Any) -> None:
    assert field_error(reading("d", 0) | {"deviceId": device_id}) == "deviceId"


def test_vibration_null_counts_as_absent() -> None:
    validate_reading(reading("d", 0, vibration=None))


@pytest.mark.parametrize("vibration", [0.5, {"x": 1}, [0.1, "0.2"], [0.1, None], [True], [0.0] * 1025])
def test_vibration_must_be_a_short_array_of_finite_numbers(vibration: Any) -> None:
    assert field_error(reading("d", 0, vibration=vibration)) == "vibration"


def test_the_first_failing_field_in_contract_order_is_reported() -> None:
    assert field_error(reading("d", 0) | {"seq": "x", "temperature": 999}) == "seq"
    assert field_error(reading("d", 0) | {"humidity": 101, "vibration": "x"}) == "humidity"


def test_unknown_fields_are_ignored() -> None:
    validate_reading(reading("d", 0, firmware="1.2.3"))


@pytest.mark.parametrize("body", [b'{"seq": ', b"[1]", b"null", b'"x"', b"\xff\xfe{", b'{"t": NaN}', b"[" * 100_000])
def test_bodies_that_are_not_json_objects_fail_without_a_field(body: bytes) -> None:
    with pytest.raises(ValidationError) as raised:
        parse_object(body)
    assert raised.value.field is None


def test_1e999_parses_to_infinity_and_fails_its_field() -> None:
    document = parse_object(json.dumps(reading("d", 0)).replace("21.5", "1e999"))
    assert field_error(document) == "temperature"


def test_safe_seq_echoes_only_valid_integers() -> None:
    assert safe_seq({"seq": 5.0}) == 5
    assert safe_seq({"seq": True}) is None
    assert safe_seq({"seq": -1}) is None
    assert safe_seq([1]) is None
