#!/usr/bin/env bash
# Runs every test suite (xunit, pytest, node --test) and ends with one plain line: "N passed, N failed, N skipped".
# Called by ./bench.sh test after prerequisites are installed and the solution is built.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOGS="$ROOT/.bench/test-logs"
PYTHON=/usr/bin/python3
mkdir -p "$LOGS"
passed=0 failed=0 skipped=0 broken=()

add() { passed=$((passed + ${1:-0})); failed=$((failed + ${2:-0})); skipped=$((skipped + ${3:-0})); }

# A suite that exits non-zero but reports no failing test (a crash, a build error) still counts as one failure.
settle() {
  local name=$1 rc=$2 suite_failed=$3
  if [ "$rc" -ne 0 ] && [ "$suite_failed" -eq 0 ]; then
    failed=$((failed + 1)); broken+=("$name (exit $rc, see .bench/test-logs/$name.log)")
  elif [ "$rc" -ne 0 ]; then
    broken+=("$name")
  fi
}

# Sums one field of dotnet test's per-assembly summary lines ("Failed!  - Failed: 1, Passed: 11, Skipped: 0, Total: 12").
sum_field() { grep -E '^(Passed|Failed)! ' "$2" | grep -oE "$1: +[0-9]+" | awk '{ n += $2 } END { print n + 0 }'; }

run_dotnet() {
  local log="$LOGS/dotnet.log" rc p f s
  echo "== xunit (dotnet test)"
  timeout 1800 dotnet test "$ROOT/Bench.sln" -c Release --no-build -nologo -v minimal 2>&1 | tee "$log" | grep -E '^(Passed!|Failed!|  Failed |\[xUnit.*FAIL)' 
  rc=${PIPESTATUS[0]}
  # One summary line per test assembly: "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total: ..."
  p=$(sum_field Passed "$log")
  f=$(sum_field Failed "$log")
  s=$(sum_field Skipped "$log")
  add "${p:-0}" "${f:-0}" "${s:-0}"
  settle dotnet "$rc" "${f:-0}"
}

# pytest's last line: "12 passed, 1 failed, 2 skipped in 3.4s" (any subset, in that order or not).
pytest_counts() { local line; line=$(grep -E '^(=+ )?[0-9]+ (passed|failed|skipped|error)' "$1" | tail -1)
  for word in passed failed skipped error; do echo "$line" | grep -oE "[0-9]+ $word" | grep -oE '[0-9]+' || echo 0; done | paste -sd' '; }

run_pytest() {
  local name=$1 dir=$2 log="$LOGS/$1.log" rc p f s e
  echo "== pytest ($dir)"
  (cd "$ROOT/$dir" && timeout 900 "$PYTHON" -m pytest -q -p no:cacheprovider .) > "$log" 2>&1
  rc=$?
  [ "$rc" -eq 5 ] && rc=0 # exit 5: no tests collected; counted as zero tests, not a failure
  read -r p f s e < <(pytest_counts "$log")
  tail -1 "$log"
  add "$p" "$((f + e))" "$s"
  settle "$name" "$rc" "$((f + e))"
}

run_node() {
  local name=$1 log="$LOGS/$1.log" rc p f s
  echo "== node --test ($name)"
  (cd "$ROOT/$name" && NODE_ENV=test timeout 900 node --test --test-reporter=tap test/) > "$log" 2>&1
  rc=$?
  p=$(grep -E '^# pass ' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  f=$(grep -E '^# fail ' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  s=$(grep -E '^# skipped ' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  echo "pass $p, fail $f, skipped $s"
  add "$p" "$f" "$s"
  settle "$name" "$rc" "$f"
}

run_dotnet
[ -d "$ROOT/python-workers/tests" ] && run_pytest python python-workers
[ -d "$ROOT/workloads/contract/tools" ] && run_pytest contract workloads/contract/tools
for package in node-reference report-renderer; do
  [ -d "$ROOT/$package/test" ] && run_node "$package"
done

if [ ${#broken[@]} -gt 0 ]; then
  printf 'failing suites: %s\n' "${broken[@]}"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
