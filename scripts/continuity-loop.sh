#!/usr/bin/env bash
# Runs the continuity tests again and again, to show that they pass every time rather than most
# times: HostLossTests (the host holding the nation SIGKILLed under a feed, 50 watches and a poller
# through the survivors) and RollingDeployTests (each host SIGTERMed and restarted in turn under the
# same load, all through the client library).
#   bash scripts/continuity-loop.sh [RUNS]     (default 20)
# Each run's host logs go to TestResults/continuity-loop/run-N/ (kept only for failed runs); each
# passing run prints the figures its tests measured.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/repeat-tests.sh" continuity-loop RatingGrid.Host.Tests "${1:-20}" \
  RatingGrid.Host.Tests.Cluster.HostLossTests \
  RatingGrid.Host.Tests.Cluster.RollingDeployTests
