"""uvicorn's `websockets` protocol, refusing upgrades with 400 as contract §5 requires.

uvicorn 0.17.6 answers every upgrade the application closes before accepting with a bare 403, and
has no ASGI extension for a custom denial response. This subclass keeps everything else of the
`ws="websockets"` implementation and only rewrites that response.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from uvicorn.protocols.websockets.websockets_impl import WebSocketProtocol


class ContractWebSocketProtocol(WebSocketProtocol):
    async def asgi_send(self, message: dict[str, Any]) -> None:
        refusing = message["type"] == "websocket.close" and not self.handshake_started_event.is_set()
        await super().asgi_send(message)
        if refusing:
            # Runs before the handshake task resumes (no await since the event was set), so the
            # websockets library sends this response instead of the 403.
            body = json.dumps({"error": message.get("reason") or "upgrade refused", "field": None}).encode()
            self.initial_response = (HTTPStatus.BAD_REQUEST, [("Content-Type", "application/json")], body)
