#!/usr/bin/env bash
# Makes the development signing key (32 random bytes, base64, readable by you only) if there is
# none, and prints its path. The host trusts tokens signed with it (Auth:DevelopmentKeyFile), and
# 'ratinggrid token' signs with it. Never use it where Auth:Authority belongs: production.
#   RATINGGRID_DEV_KEY_FILE  where the key lives (default: .data/dev-signing-key in the repository)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
key="${RATINGGRID_DEV_KEY_FILE:-$root/.data/dev-signing-key}"
if [ ! -s "$key" ]; then
  mkdir -p "$(dirname "$key")"
  (umask 077 && head -c 32 /dev/urandom | base64 > "$key")
  echo "Created the development signing key $key" >&2
fi
echo "$key"
