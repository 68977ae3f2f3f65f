#!/usr/bin/env bash
# Runs the failover tests again and again, to show that they pass every time rather than most times:
# FailoverTests (a host SIGKILLed mid-stream; clients resend) and UntouchedFailoverTests (a host
# SIGKILLed with publications in flight; nobody touches those inspections again).
#   bash scripts/failover-loop.sh [RUNS]     (default 20)
# Each run's host logs go to TestResults/failover-loop/run-N/ (kept only for failed runs).
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/repeat-tests.sh" failover-loop RatingGrid.Host.Tests "${1:-20}" \
  RatingGrid.Host.Tests.Cluster.FailoverTests \
  RatingGrid.Host.Tests.Cluster.UntouchedFailoverTests
