"""A small blocking HTTP client for tests against the real backend (keep-alive, raw bodies)."""

from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from typing import Any

JSON = "application/json"


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        assert self.headers.get("content-type", "").startswith(JSON), self.headers
        return json.loads(self.body)


class HttpClient:
    """One keep-alive connection to the backend."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | str | None = None,
        content_type: str | None = JSON,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        all_headers = dict(headers or {})
        if content_type is not None:
            all_headers["Content-Type"] = content_type
        data = body.encode() if isinstance(body, str) else body
        self.connection.request(method, path, body=data, headers=all_headers)
        response = self.connection.getresponse()
        payload = response.read()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, payload)

    def get(self, path: str) -> Reply:
        return self.request("GET", path, content_type=None)

    def post_json(self, path: str, document: Any) -> Reply:
        return self.request("POST", path, json.dumps(document))

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()


def reading(device_id: str, seq: int, temperature: float = 21.5, **extra: Any) -> dict[str, Any]:
    return {
        "deviceId": device_id,
        "seq": seq,
        "ts": 1763769600000 + seq,
        "temperature": temperature,
        "humidity": 40.25,
        "battery": 88.0,
        **extra,
    }
