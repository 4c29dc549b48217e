"""WebSocket helpers for the tests, on the `websockets` asyncio client, bounded in time."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Coroutine
from typing import Any, TypeVar

import websockets

T = TypeVar("T")
TIMEOUT = 20.0


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(asyncio.wait_for(coroutine, TIMEOUT))


def url(port: int, device_id: str | None) -> str:
    query = "" if device_id is None else f"?deviceId={device_id}"
    return f"ws://127.0.0.1:{port}/ws{query}"


async def exchange(port: int, device_id: str, frames: list[str | bytes]) -> list[dict[str, Any]]:
    """Send each frame on one connection and collect the reply to each."""
    replies = []
    async with websockets.connect(url(port, device_id)) as socket:
        for frame in frames:
            await socket.send(frame)
            replies.append(json.loads(await socket.recv()))
    return replies
