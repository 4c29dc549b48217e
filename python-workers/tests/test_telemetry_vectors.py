"""The shared telemetry vectors: device state over HTTP, invalid frames over WebSocket.

The module-scoped backend is fresh for this module, as the vectors require.
"""

from __future__ import annotations

from typing import Any

import pytest
import vectors
import ws_client
from backend_process import BackendProcess
from http_client import HttpClient

DOCUMENT = vectors.load("telemetry.json")
MEAN_TOLERANCE = {"relative": 1e-9, "absolute": 1e-9}


def test_valid_readings_produce_the_device_states(client: HttpClient) -> None:
    for document in DOCUMENT["valid"]:
        reply = client.post_json("/telemetry", document)
        assert reply.status == 202, reply.body
        assert reply.json() == {"deviceId": document["deviceId"], "seq": int(document["seq"])}
    for expected in DOCUMENT["states"]:
        state = client.get(f"/devices/{expected['deviceId']}").json()
        assert vectors.close(state.pop("temperatureMean"), expected.pop("temperatureMean"), MEAN_TOLERANCE)
        assert state == expected


@pytest.mark.parametrize("frame", vectors.params(DOCUMENT, "invalidFrames"))
def test_invalid_frame_gets_an_error_reply(frame: dict[str, Any], backend: BackendProcess) -> None:
    # A valid frame afterwards proves the connection stayed open.
    valid = '{"deviceId":"dev-ws-1","seq":99,"ts":1,"temperature":1,"humidity":1,"battery":1}'
    error, ack = ws_client.run(ws_client.exchange(backend.port, DOCUMENT["frameDeviceId"], [frame["raw"], valid]))
    assert error["type"] == "error"
    assert error["seq"] == frame["expectedSeq"]
    assert isinstance(error["error"], str) and error["error"]
    assert ack == {"type": "ack", "seq": 99}
