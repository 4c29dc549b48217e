"""HTTP routes (contract §3) against a real backend process."""

from __future__ import annotations

import http.client
import json

from backend_process import BackendProcess
from http_client import HttpClient, reading


def test_health_names_the_backend_and_its_pid(client: HttpClient, backend: BackendProcess) -> None:
    reply = client.get("/health")
    assert reply.status == 200
    assert reply.json() == {"status": "ok", "backend": "python", "pid": backend.process.pid}


def test_accepted_readings_update_the_device_state(client: HttpClient) -> None:
    for seq, temperature in enumerate([20.0, 21.0, 23.5]):
        reply = client.post_json("/telemetry", reading("http-state", seq, temperature))
        assert (reply.status, reply.json()) == (202, {"deviceId": "http-state", "seq": seq})
    state = client.get("/devices/http-state").json()
    assert state == {
        "deviceId": "http-state",
        "count": 3,
        "lastSeq": 2,
        "lastTs": 1763769600002,
        "temperatureMean": 21.5,
    }


def test_json_content_type_parameters_are_allowed(client: HttpClient) -> None:
    body = json.dumps(reading("http-charset", 1))
    assert client.request("POST", "/telemetry", body, content_type="application/json; charset=utf-8").status == 202


def test_invalid_reading_names_its_field(client: HttpClient) -> None:
    reply = client.post_json("/telemetry", reading("http-bad", 1) | {"battery": 101})
    assert reply.status == 400
    assert reply.json()["field"] == "battery"


def test_unknown_device_is_404(client: HttpClient) -> None:
    reply = client.get("/devices/never-seen")
    assert (reply.status, reply.json()) == (404, {"error": "unknown device", "field": None})


def test_wrong_method_is_405_with_allow_header(client: HttpClient) -> None:
    reply = client.request("PUT", "/stats", content_type=None)
    assert reply.status == 405
    assert reply.headers["allow"] == "GET"
    assert reply.json()["field"] is None


def test_oversized_body_is_413_and_the_connection_stays_usable(client: HttpClient) -> None:
    body = json.dumps(reading("http-big", 1, vibration=[0.123456] * 8000))
    assert len(body) > 65_536
    assert client.request("POST", "/telemetry", body).status == 413
    assert client.get("/health").status == 200


def test_chunked_body_over_the_limit_is_413(backend: BackendProcess) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", backend.port, timeout=30)
    chunks = (b"0," * 5000 for _ in range(20))  # 200 KB without a Content-Length
    connection.request("POST", "/telemetry", body=chunks, headers={"Content-Type": "application/json"}, encode_chunked=True)
    response = connection.getresponse()
    response.read()
    connection.close()
    assert response.status == 413


def test_analyze_over_one_mebibyte_is_413(client: HttpClient) -> None:
    body = '{"samples":[' + "0.123456," * 131071 + '0],"sampleRateHz":1}'
    assert client.request("POST", "/jobs/analyze", body).status == 413
    assert client.get("/health").status == 200


def test_stats_count_every_outcome(client: HttpClient) -> None:
    before = client.get("/stats").json()
    client.post_json("/telemetry", reading("http-stats", 1))
    client.post_json("/telemetry", reading("http-stats", 2) | {"seq": -2})
    client.request("POST", "/telemetry", "{}", content_type="text/plain")
    client.post_json("/jobs/analyze", {"samples": [float(i % 3) for i in range(16)], "sampleRateHz": 8, "window": 4})
    after = client.get("/stats").json()
    assert after["accepted"] - before["accepted"] == 1
    assert after["rejected"] - before["rejected"] == 2
    assert after["devices"] - before["devices"] == 1
    assert after["jobs"] - before["jobs"] == 1
    assert (after["openWebSockets"], after["mqttMessages"]) == (0, 0)


def test_responses_keep_the_connection_alive(client: HttpClient) -> None:
    for _ in range(3):
        reply = client.get("/stats")
        assert reply.status == 200
        assert reply.headers.get("connection", "keep-alive") != "close"
