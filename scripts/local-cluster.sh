#!/usr/bin/env bash
# Starts a local multi-process cluster on loopback: a throwaway PostgreSQL, N silos and M gateways, each a real
# server process. Ctrl-C (or SIGTERM) stops every node gracefully, then PostgreSQL.
#
#   bash scripts/local-cluster.sh [--silos N] [--gateways M] [--base-port P]
#
# Gateway i serves chargers and the API on http://127.0.0.1:$((P + i)) (ws://127.0.0.1:$((P + i))/ocpp/{id});
# silo j serves the API on http://127.0.0.1:$((P + 100 + j)). Internal (HTTP/2) ports are picked by the nodes.
# Logs go to $CLUSTER_DIR (printed at start). The admin token is "local-cluster".
set -euo pipefail
silos=3; gateways=1; base=8080
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos=$2; shift 2 ;;
    --gateways) gateways=$2; shift 2 ;;
    --base-port) base=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=pg-test-server.sh
source "$root/scripts/pg-test-server.sh"
CLUSTER_DIR=$(mktemp -d /tmp/csms-cluster.XXXXXX)
echo "building the server..." >&2
dotnet build -c Release "$root/src/CsmsCluster.Server" -o "$CLUSTER_DIR/bin" -v q -nologo >"$CLUSTER_DIR/build.log" 2>&1 \
  || { cat "$CLUSTER_DIR/build.log" >&2; exit 1; }
pg_test_start
db="${CSMS_TEST_POSTGRES/Database=postgres/Database=csms}"
"${PG_TEST_RUN[@]}" "$PG_TEST_BIN/createdb" -h 127.0.0.1 -p "$PG_TEST_PORT" -U csms csms

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo "stopping nodes..." >&2
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pg_test_stop
  echo "logs kept in $CLUSTER_DIR" >&2
}
trap stop_all INT TERM EXIT

start_node() { # role name port
  Csms__Role=$1 Csms__Storage__Provider=postgres Csms__Storage__ConnectionString="$db" \
  Csms__Api__AdminToken=local-cluster Csms__Cluster__Address=127.0.0.1 Csms__Cluster__ListenAddress=127.0.0.1 \
  Csms__Cluster__SiloId="$2-$$" ASPNETCORE_URLS="http://127.0.0.1:$3" \
    dotnet "$CLUSTER_DIR/bin/CsmsCluster.Server.dll" >"$CLUSTER_DIR/$2.log" 2>&1 &
  pids+=($!)
  echo "$1 $2 (pid $!) on http://127.0.0.1:$3, log $CLUSTER_DIR/$2.log" >&2
}

for j in $(seq 1 "$silos"); do start_node silo "silo$j" $((base + 100 + j)); done
for i in $(seq 1 "$gateways"); do start_node gateway "gateway$i" $((base + i - 1)); done
for i in $(seq 1 "$gateways"); do
  until curl -sf "http://127.0.0.1:$((base + i - 1))/readyz" >/dev/null; do sleep 0.5; done
done
echo "cluster ready: chargers connect to ws://127.0.0.1:$base/ocpp/{id}; Ctrl-C stops it" >&2
wait
