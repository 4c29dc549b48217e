#!/usr/bin/env bash
# Closed-model throughput of Bench's load engine against wrk on POST /telemetry, same body, same connection count
# and duration. The node backend is pinned to CPU 1, each generator in turn to CPU 0. Prints both req/s and the ratio.
# Usage: bench/scripts/wrk-vs-bench.sh [connections=64] [seconds=10]
set -euo pipefail
CONNECTIONS=${1:-64}
SECONDS_=${2:-10}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
PROBE="$ROOT/bench/Bench.LoadProbe/bin/Release/net10.0/Bench.LoadProbe.dll"
trap 'kill "$BACKEND_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

dotnet build "$ROOT/bench/Bench.LoadProbe/Bench.LoadProbe.csproj" -c Release -v quiet -nologo >/dev/null
PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$ROOT/node-reference" && exec taskset -c 1 node src/server.js --port "$PORT" >"$WORK/backend.log" 2>&1) &
BACKEND_PID=$!
for _ in $(seq 1 100); do grep -q BENCH-READY "$WORK/backend.log" 2>/dev/null && break; sleep 0.1; done
grep -q BENCH-READY "$WORK/backend.log" || { echo "backend did not start" >&2; cat "$WORK/backend.log" >&2; exit 1; }

# The same reading Bench sends (TelemetryPayload), with a fixed seq.
cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"deviceId":"dev-000001","seq":1,"ts":1763769600000,"temperature":18.1,"humidity":40.25,"battery":88.0}'
LUA

URL="http://127.0.0.1:$PORT"
# Warm the backend's JIT the same way before each generator.
taskset -c 0 wrk -t1 -c"$CONNECTIONS" -d3s -s "$WORK/post.lua" "$URL/telemetry" >/dev/null
WRK=$(taskset -c 0 wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_}s" -s "$WORK/post.lua" "$URL/telemetry" | awk '/^Requests\/sec/ {print $2}')
BENCH_JSON=$(DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=${BENCH_INLINE_COMPLETIONS:-1} taskset -c 0 dotnet "$PROBE" --model closed --protocol http --url "$URL/" --connections "$CONNECTIONS" \
  --warmup 3 --duration "$SECONDS_" 2>/dev/null)
BENCH=$(echo "$BENCH_JSON" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["reqPerSec"])')
echo "bench: $BENCH_JSON"
/usr/bin/python3 -c "import sys; w=float('$WRK'); b=float('$BENCH'); print(f'wrk req/s {w:.0f}  bench req/s {b:.0f}  ratio bench/wrk {b/w:.3f}')"
