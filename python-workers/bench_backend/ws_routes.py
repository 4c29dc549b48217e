"""WebSocket `/ws?deviceId=<id>` (contract §5): one telemetry reading per text frame."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, WebSocket
from websockets.exceptions import ConnectionClosed

from .state import BackendState
from .telemetry import RejectedReading, ingest
from .validation import is_device_id

INVALID_DEVICE_REASON = "deviceId query parameter must be 1-64 characters of [A-Za-z0-9_.:-]"


def create_ws_router(state: BackendState) -> APIRouter:
    router = APIRouter()

    @router.websocket("/ws")
    async def telemetry_socket(websocket: WebSocket) -> None:
        device_id = websocket.query_params.get("deviceId")
        if device_id is None or not is_device_id(device_id):
            # Closing before accept refuses the upgrade; ContractWebSocketProtocol turns it into 400.
            await websocket.close(code=1008, reason=INVALID_DEVICE_REASON)
            return
        await websocket.accept()
        state.open_websockets += 1
        try:
            await _serve_frames(websocket, device_id, state)
        except ConnectionClosed:
            pass  # the peer went away between receiving a frame and our reply
        finally:
            state.open_websockets -= 1

    return router


async def _serve_frames(websocket: WebSocket, device_id: str, state: BackendState) -> None:
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            # Includes 1009: uvicorn's ws_max_size makes the websockets library close oversized frames.
            return
        text = message.get("text")
        if text is None:
            state.reject()
            reply = _error_frame("binary frames are not accepted; send JSON text frames", None)
        else:
            reply = _reply_to(text, device_id, state)
        await websocket.send_text(json.dumps(reply, separators=(",", ":")))


def _reply_to(text: str, device_id: str, state: BackendState) -> dict[str, Any]:
    try:
        reading = ingest(state, text, device_id)
    except RejectedReading as rejected:
        return _error_frame(rejected.error.message, rejected.seq)
    return {"type": "ack", "seq": reading.seq}


def _error_frame(message: str, seq: int | None) -> dict[str, Any]:
    return {"type": "error", "error": message, "seq": seq}
