#!/usr/bin/env bash
# Runs some test classes of one test project again and again, to show that they pass every time
# rather than most times; the fault loops (failover-loop.sh, continuity-loop.sh,
# client-fault-loop.sh) are this with their classes.
#   bash scripts/repeat-tests.sh NAME PROJECT RUNS CLASS...
# Each run's output goes to TestResults/NAME/run-N.txt and its host logs to TestResults/NAME/run-N/
# (kept only for failed runs); each passing run prints the figures its tests wrote.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
name="$1"
project="$2"
runs="$3"
shift 3
classes=()
for class in "$@"; do classes+=(-class "$class"); done

bash scripts/install-node-tools.sh
dotnet build "tests/$project" -c Release -nologo -v quiet
tests="tests/$project/bin/Release/net10.0/$project"
out="$root/TestResults/$name"
rm -rf "$out" && mkdir -p "$out"

passed=0
failed=0
for run in $(seq 1 "$runs"); do
  logs="$out/run-$run"
  started=$(date +%s)
  if RATINGGRID_HOST_LOGS="$logs" "$tests" "${classes[@]}" -reporter verbose -showLiveOutput > "$logs.txt" 2>&1; then
    passed=$((passed + 1))
    rm -rf "$logs"
    echo "run $run: passed ($(( $(date +%s) - started )) s)"
    grep -ho '\[OUTPUT\] .*' "$logs.txt" | sed 's/^\[OUTPUT\] /  /' | sort -u || true
  else
    failed=$((failed + 1))
    echo "run $run: FAILED ($(( $(date +%s) - started )) s); output in $logs.txt, host logs in $logs/"
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
