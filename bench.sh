#!/usr/bin/env bash
# Bench's front door. Two commands do everything on a fresh machine:
#   ./bench.sh compare   the main job (installs prerequisites, builds, runs)
#   ./bench.sh test      every test suite; ends with one line "N passed, N failed, N skipped"
#   ./bench.sh micro     BenchmarkDotNet kernel and hot-path benchmarks (arguments pass through)
# Any other verb goes to the harness CLI: ./bench.sh verify, ./bench.sh serve node, ./bench.sh --help …
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STATE="$ROOT/.bench"
HARNESS_DLL="$ROOT/harness/src/Bench.Harness/bin/Release/net10.0/bench.dll"
PYTHON=/usr/bin/python3

# Debian packages the contenders, the broker and the tools need. (No PyPI here: Python packages come from Debian.)
APT_PACKAGES=(
  python3-fastapi python3-uvicorn python3-uvloop python3-httptools python3-websockets python3-numpy
  python3-paho-mqtt python3-pytest python3-pytest-timeout python3-jsonschema libpython3.11
  mosquitto wrk librsvg2-bin util-linux procps iproute2 chromium
)

log() { printf '\033[2m[bench]\033[0m %s\n' "$*" >&2; }

ensure_apt() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "bench: missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
  log "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "bench: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
    exit 2
  fi
}

# npm ci in each Node package when node_modules is missing or older than package-lock.json (a stamp holds the lock's hash).
NPM_PACKAGES=(node-reference report-renderer)
ensure_npm() {
  local name dir stamp hash
  for name in "${NPM_PACKAGES[@]}"; do
    dir="$ROOT/$name"
    stamp="$dir/node_modules/.bench-lock-hash"
    [ -f "$dir/package-lock.json" ] || continue
    hash="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then continue; fi
    log "npm ci in $name/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$hash" > "$stamp"
  done
}

# Release build of the solution, skipped when no .NET source changed since the last successful build.
ensure_build() {
  mkdir -p "$STATE"
  local stamp="$STATE/build.stamp"
  if [ -f "$stamp" ] && [ -f "$HARNESS_DLL" ] && [ -z "$(find "$ROOT/harness" "$ROOT/dotnet-backend" "$ROOT/bench" \
      "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" "$ROOT/Bench.sln" "$ROOT/global.json" \
      \( -name bin -o -name obj -o -name node_modules \) -prune -o -type f -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  log "building the solution (Release)"
  if ! dotnet build "$ROOT/Bench.sln" -c Release -nologo -v quiet -clp:ErrorsOnly > "$STATE/build.log" 2>&1; then
    cat "$STATE/build.log" >&2
    echo "bench: build failed (log: .bench/build.log)" >&2
    exit 3
  fi
  touch "$stamp"
}

prepare() {
  ensure_apt
  ensure_dotnet
  ensure_npm
  ensure_build
}

harness() { dotnet "$HARNESS_DLL" "$@"; }

case "${1:-}" in
  test)
    shift
    prepare
    exec "$ROOT/tools/run-tests.sh" "$@"
    ;;
  compare)
    shift
    prepare
    harness compare "$@"
    ;;
  micro)
    shift
    prepare
    exec dotnet "$ROOT/bench/Bench.Micro/bin/Release/net10.0/Bench.Micro.dll" "$@"
    ;;
  "")
    prepare
    harness --help
    ;;
  *)
    prepare
    harness "$@"
    ;;
esac
