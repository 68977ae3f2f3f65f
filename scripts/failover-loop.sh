#!/usr/bin/env bash
# Runs the failover tests again and again, to show that they pass every time rather than most times:
# FailoverTests (a host SIGKILLed mid-stream; clients resend) and UntouchedFailoverTests (a host
# SIGKILLed with publications in flight; nobody touches those inspections again).
#   bash scripts/failover-loop.sh [RUNS]     (default 20)
# Each run's host logs go to TestResults/failover-loop/run-N/ (kept only for failed runs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-20}"

bash scripts/install-node-tools.sh
dotnet build tests/RatingGrid.Host.Tests -c Release -nologo -v quiet
tests="tests/RatingGrid.Host.Tests/bin/Release/net10.0/RatingGrid.Host.Tests"
out="$root/TestResults/failover-loop"
rm -rf "$out" && mkdir -p "$out"

passed=0
failed=0
for run in $(seq 1 "$runs"); do
  logs="$out/run-$run"
  started=$(date +%s)
  if RATINGGRID_HOST_LOGS="$logs" "$tests" -class RatingGrid.Host.Tests.Cluster.FailoverTests -class RatingGrid.Host.Tests.Cluster.UntouchedFailoverTests -reporter verbose -showLiveOutput > "$logs.txt" 2>&1; then
    passed=$((passed + 1))
    rm -rf "$logs"
    echo "run $run: passed ($(( $(date +%s) - started )) s) $(grep -ho 'nation current[^(]*' "$logs.txt" | head -n 1)"
  else
    failed=$((failed + 1))
    echo "run $run: FAILED ($(( $(date +%s) - started )) s); output in $logs.txt, host logs in $logs/"
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
