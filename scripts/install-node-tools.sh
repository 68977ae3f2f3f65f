#!/usr/bin/env bash
# Installs the project's pinned npm tools, each into its own git-ignored node_modules:
#   tools/azurite         the Azure Storage emulator (the run script and the tests start it)
#   tools/grpc-js-client  an independent gRPC client the tests run against the contract
#   tools/k8s-validate    offline validation of deploy/kubernetes against the Kubernetes schemas
#   tools/buf             the buf CLI: lints the contract, checks it for breaking changes
#   tools/govuk-frontend  GOV.UK Frontend: the dashboard's styles and script (src/RatingGrid.Web copies them in at build)
# Does nothing for a tool whose exact lock file is already installed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v node >/dev/null || { echo "error: Node.js is needed (node not on PATH)" >&2; exit 1; }
for tool in azurite grpc-js-client k8s-validate buf govuk-frontend; do
  dir="$root/tools/$tool"
  stamp="$dir/node_modules/.installed-lock"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
    continue
  fi
  echo "Installing tools/$tool (npm ci)..." >&2
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >&2
  cp "$dir/package-lock.json" "$stamp"
done
