"""Error bodies: every failure is JSON `{"error": message, "field": name | null}` (contract §3)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

_DEFAULT_MESSAGES = {404: "not found", 405: "method not allowed"}


class RequestRefused(Exception):
    """A request refused before its body is parsed (413, 415)."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message


def error_response(status_code: int, message: str, field: str | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "field": field}, status_code=status_code)


def install_error_handlers(app: FastAPI) -> None:
    """Replace Starlette's plain-text and FastAPI's `{"detail"}` bodies with the contract's shape."""

    async def on_http_exception(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        message = _DEFAULT_MESSAGES.get(error.status_code, str(error.detail).lower())
        response = error_response(error.status_code, message)
        if error.headers:
            # 405 carries the Allow header.
            response.headers.update(error.headers)
        return response

    async def on_request_refused(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestRefused)
        return error_response(error.status_code, error.message)

    app.add_exception_handler(HTTPException, on_http_exception)
    app.add_exception_handler(RequestRefused, on_request_refused)
