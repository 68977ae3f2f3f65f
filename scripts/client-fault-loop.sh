#!/usr/bin/env bash
# Runs the client library's fault test again and again, to show that it passes every time rather
# than most times: a host SIGKILLed mid-stream and started again while a JudgementFeed feeds it.
#   bash scripts/client-fault-loop.sh [RUNS]     (default 20)
# Each run's host logs go to TestResults/client-fault-loop/run-N/ (kept only for failed runs).
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/repeat-tests.sh" client-fault-loop RatingGrid.Client.Tests "${1:-20}" \
  RatingGrid.Client.Tests.JudgementFeedFaultTests
