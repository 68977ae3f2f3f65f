#!/usr/bin/env bash
# Runs the whole test suite from a fresh clone: restore, build everything (benchmarks included,
# which are built but not run), test, and print "N passed, N failed" from the TRX reports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

results="$root/TestResults/run-$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$results"

# The grain tests start their own in-memory Azurite from the pinned npm package.
bash scripts/install-node-tools.sh

# The contract: lint, and only additive changes since the previous commit (a finding fails the run).
contract_failed=0
bash scripts/check-contract.sh || contract_failed=1

dotnet build RatingGrid.sln -c Release -nologo -v quiet

# The client library ships as NuGet packages (with the contract it depends on): they must pack.
packed=0
dotnet pack src/RatingGrid.Client -c Release --no-build -nologo -v quiet -o "$results/packages" > /dev/null || packed=1
dotnet pack src/RatingGrid.Contracts -c Release --no-build -nologo -v quiet -o "$results/packages" > /dev/null || packed=1

# The browser the dashboard's end-to-end tests drive.
bash scripts/install-browser.sh > /dev/null

# One test project at a time: the cluster tests (three host processes each, reads bounded in time
# through a host loss and a deploy) share the two cores with nothing but themselves, not with
# the browser tests' Chromium; each project still runs its own tests in parallel.
status=0
dotnet test --solution RatingGrid.sln -c Release --no-build --max-parallel-test-modules 1 \
  --report-xunit-trx --results-directory "$results" || status=$?

passed=0
failed=0
reports=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  reports=$((reports + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

if [ "$packed" -ne 0 ]; then
  echo "packing RatingGrid.Client or RatingGrid.Contracts failed (see above)"
  failed=$((failed + 1))
fi

if [ "$contract_failed" -ne 0 ]; then
  echo "contract check failed (buf lint or buf breaking; see above)"
  failed=$((failed + 1))
fi

# The tail of the output is what a CI record keeps, so name each failure (and the first lines of
# its message) just above the summary line.
if [ "$failed" -ne 0 ]; then
  echo "Failed tests:"
  for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    # A TRX file may hold every result on one line: split the records on the element, not on lines.
    awk 'BEGIN { RS = "<UnitTestResult " }
      NR > 1 && $0 ~ /^[^>]*outcome="(Failed|Error)"/ {
        match($0, /testName="[^"]*"/); print "  - " substr($0, RSTART + 10, RLENGTH - 11)
        from = index($0, "<Message>"); to = index($0, "</Message>")
        if (from == 0 || to <= from) next
        lines = split(substr($0, from + 9, to - from - 9), text, "\n")
        for (i = 1; i <= lines && i <= 6; i++) {
          line = text[i]; gsub(/^[ \t]+/, "", line)
          gsub(/&lt;/, "<", line); gsub(/&gt;/, ">", line); gsub(/&quot;/, "\"", line); gsub(/&amp;/, "\\&", line)
          print "      " substr(line, 1, 300)
        }
      }
    ' "$trx"
  done
fi

echo "$passed passed, $failed failed"
if [ "$reports" -eq 0 ] || [ "$passed" -eq 0 ]; then
  echo "error: no test results were produced" >&2
  exit 1
fi
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
