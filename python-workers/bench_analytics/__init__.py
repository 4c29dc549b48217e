"""Analytics workers of the hybrid backend: analyze jobs from mosquitto, results back to the devices' topics.

The Node.js ingestion edge (node-reference/src/hybrid) publishes one job per forwarded reading on
`analytics/jobs`; each worker process takes its share through `$share/analytics/analytics/jobs`, runs the
NumPy analyze kernel of bench_backend, and publishes the result on `devices/{deviceId}/analysis`.
"""

JOBS_TOPIC = "analytics/jobs"
SHARED_JOBS_TOPIC = f"$share/analytics/{JOBS_TOPIC}"
READY_PREFIX = "ANALYTICS-READY"
