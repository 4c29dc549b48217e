"""The HTTP routes of contract §3.

Handlers take the raw `Request` and answer with explicit responses: FastAPI's model validation is
bypassed on purpose, because the contract's rules are stricter than pydantic's coercion.
"""

from __future__ import annotations

import os

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from .analyze import parse_analyze_request
from .bodies import read_json_body
from .errors import RequestRefused, error_response
from .jobs import JobRunner, JobsUnavailable
from .state import BackendState
from .telemetry import RejectedReading, ingest
from .validation import ValidationError, parse_object

TELEMETRY_BODY_LIMIT = 65_536
ANALYZE_BODY_LIMIT = 1_048_576


def create_http_router(state: BackendState, backend_name: str, jobs: JobRunner) -> APIRouter:
    router = APIRouter()
    health = {"status": "ok", "backend": backend_name, "pid": os.getpid()}

    @router.get("/health")
    async def get_health() -> Response:
        return JSONResponse(health)

    @router.post("/telemetry")
    async def post_telemetry(request: Request) -> Response:
        try:
            body = await read_json_body(request, TELEMETRY_BODY_LIMIT)
        except RequestRefused:
            state.reject()
            raise
        try:
            reading = ingest(state, body)
        except RejectedReading as rejected:
            return error_response(400, rejected.error.message, rejected.error.field)
        return JSONResponse({"deviceId": reading.device_id, "seq": reading.seq}, status_code=202)

    @router.get("/devices/{device_id}")
    async def get_device(device_id: str) -> Response:
        device = state.devices.get(device_id)
        if device is None:
            return error_response(404, "unknown device")
        return JSONResponse(device.to_json(device_id))

    @router.post("/jobs/analyze")
    async def post_analyze(request: Request) -> Response:
        body = await read_json_body(request, ANALYZE_BODY_LIMIT)
        try:
            job = parse_analyze_request(parse_object(body))
        except ValidationError as error:
            return error_response(400, error.message, error.field)
        # Where the job runs is the variant's choice: inline on the event loop (plain, by design:
        # it measures CPU-bound jobs sharing the loop with I/O) or in a process pool (offload).
        try:
            result = await jobs.run(job)
        except JobsUnavailable as error:
            return error_response(503, str(error))
        state.jobs += 1
        return JSONResponse(result)

    @router.get("/stats")
    async def get_stats() -> Response:
        return JSONResponse(state.stats())

    return router
