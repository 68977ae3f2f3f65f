#!/usr/bin/env bash
# The contract's hygiene (buf.yaml): `buf lint`, and `buf breaking` against the previous commit, so
# that ratinggrid.v1 only ever changes by addition. Run by scripts/test.sh; exits non-zero on a
# finding. Needs the clone's history for the comparison (CI clones main in full).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/install-node-tools.sh
buf="$root/tools/buf/node_modules/.bin/buf"

"$buf" lint
echo "contract: buf lint passed"
if git rev-parse --verify --quiet HEAD~1 >/dev/null; then
  "$buf" breaking --against "$root/.git#ref=HEAD~1,subdir=protos"
  echo "contract: buf breaking against HEAD~1 ($(git rev-parse --short HEAD~1)) passed"
else
  echo "contract: no previous commit in this clone; buf breaking skipped" >&2
fi
