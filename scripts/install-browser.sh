#!/usr/bin/env bash
# The browser the end-to-end tests drive: Debian's chromium, installed when missing (Playwright
# launches it by its path and never downloads a browser of its own).
set -euo pipefail
if ! command -v chromium > /dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
fi
command -v chromium
