"""The ASGI application: FastAPI with the contract's routes and error bodies."""

from __future__ import annotations

from fastapi import FastAPI

from .errors import install_error_handlers
from .http_routes import create_http_router
from .jobs import JobRunner
from .state import BackendState
from .ws_routes import create_ws_router


def create_app(state: BackendState, backend_name: str, jobs: JobRunner) -> FastAPI:
    # No /docs, /redoc or /openapi.json: every route other than the contract's must be 404.
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    install_error_handlers(app)
    app.include_router(create_http_router(state, backend_name, jobs))
    app.include_router(create_ws_router(state))
    return app
