#!/usr/bin/env bash
# Profiles S5's cluster under load: runs S5 once (quick mode, one rate) with the runtime's perf maps on, and while the
# MeterValues run, before the kill, records 15 s of CPU samples of the gateway and of silo-1 with `perf`; then prints
# where each spent its CPU (by library, and the hottest symbols). Needs `perf` (Debian: linux-perf).
#   bash bench/CsmsCluster.Bench.Load/profile-s5.sh [--rate 2000] [--out DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rate=2000; out=$(mktemp -d /tmp/csms-s5-profile.XXXXXX)
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --out) out=$2; mkdir -p "$out"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v perf >/dev/null || { echo "perf is required (apt-get install linux-perf)" >&2; exit 1; }
log="$out/s5.log"
# Perf maps name JIT-compiled methods; with W^X on, the code lives in a double mapping perf cannot attribute.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
  bash "$root/bench/CsmsCluster.Bench.Load/run.sh" --quick --only S5 --cluster-rates "$rate" --cluster-seconds 60 \
  --out "$out/s5.md" --logs "$out/logs" >"$log" 2>&1 &
bench=$!
until grep -q "transactions started" "$log"; do
  kill -0 "$bench" 2>/dev/null || { echo "S5 ended before its load started; see $log" >&2; exit 1; }
  sleep 1
done
sleep 8 # past the warm-up, well before the kill (a third into the 60 s window)
gateway=$(pgrep -f "SiloId=gateway-1-" | head -1); silo=$(pgrep -f "SiloId=silo-1-" | head -1)
# perf runs on the load generator's core, so the servers' core keeps its load.
taskset -c 0 perf record -F 299 -g -p "$gateway" -o "$out/gateway.data" -- sleep 15 >/dev/null 2>&1 &
first=$!
taskset -c 0 perf record -F 299 -g -p "$silo" -o "$out/silo-1.data" -- sleep 15 >/dev/null 2>&1 &
second=$!
wait "$first" "$second" || true
wait "$bench" || true
for node in gateway silo-1; do
  echo "== $node: CPU samples by library"
  perf report -i "$out/$node.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep '%' | head -8
  echo "== $node: hottest symbols"
  perf report -i "$out/$node.data" --no-children --sort sym --stdio -g none 2>/dev/null | grep '%' | head -25 | cut -c1-160
done
echo "S5 result of the profiled run: $out/s5.md (perf slows the load generator, so its latencies are not comparable)"
