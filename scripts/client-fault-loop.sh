#!/usr/bin/env bash
# Runs the client library's fault test again and again, to show that it passes every time rather
# than most times: a host SIGKILLed mid-stream and started again while a JudgementFeed feeds it.
#   bash scripts/client-fault-loop.sh [RUNS]     (default 20)
# Each run's host logs go to TestResults/client-fault-loop/run-N/ (kept only for failed runs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-20}"

bash scripts/install-node-tools.sh
dotnet build tests/RatingGrid.Client.Tests -c Release -nologo -v quiet
tests="tests/RatingGrid.Client.Tests/bin/Release/net10.0/RatingGrid.Client.Tests"
out="$root/TestResults/client-fault-loop"
rm -rf "$out" && mkdir -p "$out"

passed=0
failed=0
for run in $(seq 1 "$runs"); do
  logs="$out/run-$run"
  started=$(date +%s)
  if RATINGGRID_HOST_LOGS="$logs" "$tests" -class RatingGrid.Client.Tests.JudgementFeedFaultTests -reporter verbose > "$logs.txt" 2>&1; then
    passed=$((passed + 1))
    rm -rf "$logs"
    echo "run $run: passed ($(( $(date +%s) - started )) s)"
  else
    failed=$((failed + 1))
    echo "run $run: FAILED ($(( $(date +%s) - started )) s); output in $logs.txt, host logs in $logs/"
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
