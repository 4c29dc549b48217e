"""Reading request bodies with the contract's content-type and size rules."""

from __future__ import annotations

from fastapi import Request

from .errors import RequestRefused

JSON_MEDIA_TYPE = "application/json"


def require_json_content_type(request: Request) -> None:
    """415 unless the media type is application/json; parameters such as `; charset=utf-8` are allowed."""
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media_type != JSON_MEDIA_TYPE:
        raise RequestRefused(415, f"content type must be {JSON_MEDIA_TYPE}")


async def read_json_body(request: Request, limit: int) -> bytes:
    """The raw body of a JSON request, or RequestRefused (415 wrong type, 413 over `limit` bytes).

    Content-Length is checked first so an announced oversized body is refused without reading it;
    the streamed size is checked as well, for chunked bodies and lying headers.
    """
    require_json_content_type(request)
    too_large = RequestRefused(413, f"body exceeds {limit} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)
