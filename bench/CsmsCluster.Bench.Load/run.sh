#!/usr/bin/env bash
# One command for the load benchmark (S1-S3 of the performance spec, with the echo and ocpp-rpc baselines):
#   bash bench/CsmsCluster.Bench.Load/run.sh [--quick] [options]
# Builds the server and the benchmark in Release, installs the Node baseline, raises the open-file limit and runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
ulimit -n "$(ulimit -Hn)"
dotnet build src/CsmsCluster.Server -c Release -nologo -clp:ErrorsOnly
dotnet build bench/CsmsCluster.Bench.Load -c Release -nologo -clp:ErrorsOnly
(cd bench/load-baselines && npm ci --no-audit --no-fund --silent)
exec dotnet bench/CsmsCluster.Bench.Load/bin/Release/net10.0/CsmsCluster.Bench.Load.dll "$@"
