#!/usr/bin/env bash
# One command for the load benchmark (S1-S3 and S5 of the performance spec, with the echo and ocpp-rpc baselines):
#   bash bench/CsmsCluster.Bench.Load/run.sh [--quick] [options]
# Publishes the server ReadyToRun-compiled for this machine (as the container image is), builds the benchmark in
# Release, installs the Node baseline, raises the open-file limit, starts a throwaway PostgreSQL server for S5
# (scripts/pg-test-server.sh) and runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
ulimit -n "$(ulimit -Hn)"
case "$(uname -m)" in aarch64|arm64) arch=arm64 ;; *) arch=x64 ;; esac
server=bench/CsmsCluster.Bench.Load/bin/server
dotnet publish src/CsmsCluster.Server -c Release -r "linux-$arch" --self-contained false -o "$server" -nologo -clp:ErrorsOnly
dotnet build bench/CsmsCluster.Bench.Load -c Release -nologo -clp:ErrorsOnly
(cd bench/load-baselines && npm ci --no-audit --no-fund --silent)

# S5 runs unless --only names other scenarios only.
needs_postgres=1
case " $* " in
  *" --only "*) needs_postgres=0; for a in "$@"; do [ "${a^^}" = S5 ] && needs_postgres=1; done ;;
esac
if [ "$needs_postgres" = 1 ]; then
  # shellcheck source=../../scripts/pg-test-server.sh
  source scripts/pg-test-server.sh
  pg_test_start
  trap pg_test_stop EXIT
fi
dotnet bench/CsmsCluster.Bench.Load/bin/Release/net10.0/CsmsCluster.Bench.Load.dll --server "$server/CsmsCluster.Server.dll" "$@"
