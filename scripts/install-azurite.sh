#!/usr/bin/env bash
# Installs the pinned Azurite (tools/azurite/package-lock.json) into tools/azurite/node_modules,
# which git ignores. Does nothing when that exact lock is already installed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/tools/azurite"
stamp="$dir/node_modules/.installed-lock"
if [ -f "$dir/node_modules/azurite/dist/src/azurite.js" ] && [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
  exit 0
fi
command -v node >/dev/null || { echo "error: Node.js is needed to run Azurite (node not on PATH)" >&2; exit 1; }
echo "Installing Azurite (npm ci in tools/azurite)..." >&2
npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >&2
cp "$dir/package-lock.json" "$stamp"
