#!/usr/bin/env bash
# Starts and stops a throwaway PostgreSQL server for tests. Source it, then call pg_test_start / pg_test_stop.
# pg_test_start exports CSMS_TEST_POSTGRES, an Npgsql connection string for a superuser on that server; tests
# create their own databases on it. Data lives in a temp directory with fsync off: it is thrown away.

pg_test_bin() {
  local dir
  for dir in "${PG_BIN:-}" /usr/lib/postgresql/*/bin; do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

pg_test_start() {
  local bin
  if ! bin=$(pg_test_bin); then
    echo "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin." >&2
    echo "Install them (Debian: apt-get install postgresql) or set PG_BIN; the PostgreSQL tests cannot run without them." >&2
    return 1
  fi
  PG_TEST_DIR=$(mktemp -d /tmp/csms-pg.XXXXXX)
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: run the server as the postgres system user (or nobody).
    local user=postgres; id "$user" >/dev/null 2>&1 || user=nobody
    chown "$user" "$PG_TEST_DIR"
    run=(runuser -u "$user" --)
  fi
  PG_TEST_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
  "${run[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U csms --auth=trust -E UTF8 --no-locale >"$PG_TEST_DIR/initdb.log" 2>&1 \
    || { echo "initdb failed; see $PG_TEST_DIR/initdb.log" >&2; cat "$PG_TEST_DIR/initdb.log" >&2; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
    -o "-p $PG_TEST_PORT -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { echo "PostgreSQL did not start; log:" >&2; cat "$PG_TEST_DIR/server.log" >&2; return 1; }
  PG_TEST_RUN=("${run[@]}")
  PG_TEST_BIN=$bin
  export CSMS_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=csms;Database=postgres;Pooling=true;Maximum Pool Size=50"
  echo "PostgreSQL test server on 127.0.0.1:$PG_TEST_PORT" >&2
}

pg_test_stop() {
  if [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR/data" ]; then
    "${PG_TEST_RUN[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
  fi
}
