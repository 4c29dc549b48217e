"""The Python contender of Bench: FastAPI on uvicorn (uvloop, httptools) with a paho-mqtt subscriber."""

BACKEND_NAME = "python"
