#!/usr/bin/env bash
# Runs the continuity tests again and again, to show that they pass every time rather than most
# times: HostLossTests (the host holding the nation SIGKILLed under a feed, 50 watches and a poller
# through the survivors) and RollingDeployTests (each host SIGTERMed and restarted in turn under the
# same load, all through the client library).
#   bash scripts/continuity-loop.sh [RUNS]     (default 20)
# Each run's host logs go to TestResults/continuity-loop/run-N/ (kept only for failed runs); each
# passing run prints the figures its tests measured.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-20}"

bash scripts/install-node-tools.sh
dotnet build tests/RatingGrid.Host.Tests -c Release -nologo -v quiet
tests="tests/RatingGrid.Host.Tests/bin/Release/net10.0/RatingGrid.Host.Tests"
out="$root/TestResults/continuity-loop"
rm -rf "$out" && mkdir -p "$out"

passed=0
failed=0
for run in $(seq 1 "$runs"); do
  logs="$out/run-$run"
  started=$(date +%s)
  if RATINGGRID_HOST_LOGS="$logs" "$tests" -class RatingGrid.Host.Tests.Cluster.HostLossTests -class RatingGrid.Host.Tests.Cluster.RollingDeployTests \
       -reporter verbose -showLiveOutput > "$logs.txt" 2>&1; then
    passed=$((passed + 1))
    rm -rf "$logs"
    echo "run $run: passed ($(( $(date +%s) - started )) s)"
    grep -ho '\[OUTPUT\] .*' "$logs.txt" | sed 's/^\[OUTPUT\] /  /' | sort -u
  else
    failed=$((failed + 1))
    echo "run $run: FAILED ($(( $(date +%s) - started )) s); output in $logs.txt, host logs in $logs/"
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
