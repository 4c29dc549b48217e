#!/usr/bin/env bash
# Memory per device of Bench's load engine holding a WebSocket fleet and an MQTT fleet in one process, against the
# node backend (and a private mosquitto). RLIMIT_NOFILE is 20000 per process (generator, backend and broker alike), so
# the default is 19,000 devices: the largest round count that leaves descriptors for everything else.
# Usage: bench/scripts/memory-per-device.sh [devices=19000]
set -euo pipefail
DEVICES=${1:-19000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
PROBE="$ROOT/bench/Bench.LoadProbe/bin/Release/net10.0/Bench.LoadProbe.dll"
trap 'kill "$BACKEND_PID" "$BROKER_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

dotnet build "$ROOT/bench/Bench.LoadProbe/Bench.LoadProbe.csproj" -c Release -v quiet -nologo >/dev/null
MQTT_PORT=$(free_port)
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n' "$MQTT_PORT" >"$WORK/mosquitto.conf"
/usr/sbin/mosquitto -c "$WORK/mosquitto.conf" >"$WORK/mosquitto.log" 2>&1 &
BROKER_PID=$!
PORT=$(free_port)
sleep 0.5
(cd "$ROOT/node-reference" && exec node src/server.js --port "$PORT" --broker "mqtt://127.0.0.1:$MQTT_PORT" >"$WORK/backend.log" 2>&1) &
BACKEND_PID=$!
for _ in $(seq 1 100); do grep -q BENCH-READY "$WORK/backend.log" 2>/dev/null && break; sleep 0.1; done

# One send per device every 10 s: the devices are held, not hammered.
for PROTOCOL in websocket mqtt; do
  dotnet "$PROBE" --model fleet --protocol "$PROTOCOL" --url "http://127.0.0.1:$PORT/" --mqtt-port "$MQTT_PORT" \
    --devices "$DEVICES" --interval-ms 10000 --connect-rate 2000 --warmup 2 --duration 5 --memory true 2>/dev/null
done
