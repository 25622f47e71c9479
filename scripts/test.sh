#!/usr/bin/env bash
# Runs every test of the solution. PostgreSQL-backed tests run against a throwaway PostgreSQL server that this
# script starts (and stops) itself; interop tests use Node and the npm packages pinned in tests/interop.
# Prints a final summary line "N passed, N failed, N skipped" and exits non-zero when anything failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/.test-results"
rm -rf "$results"; mkdir -p "$results"

# shellcheck source=scripts/pg-test-server.sh
source "$root/scripts/pg-test-server.sh"
pg_test_start || { echo "0 passed, 1 failed"; exit 1; }
trap pg_test_stop EXIT

if [ -f tests/interop/package.json ]; then
  if ! command -v node >/dev/null 2>&1; then
    echo "Node.js is required for the interop tests (apt-get install nodejs npm)." >&2
    echo "0 passed, 1 failed"; exit 1
  fi
  (cd tests/interop && npm ci --no-audit --no-fund --silent) || { echo "npm ci failed in tests/interop" >&2; echo "0 passed, 1 failed"; exit 1; }
fi

dotnet build CsmsCluster.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
dotnet test CsmsCluster.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  t=$(get total); p=$(get passed); f=$(get failed); e=$(get error); to=$(get timeout); ab=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${to:-0} + ${ab:-0}))
  skipped=$((skipped + ${t:-0} - ${p:-0} - ${f:-0} - ${e:-0} - ${to:-0} - ${ab:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$files" -eq 0 ]; then failed=$((failed + 1)); fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
