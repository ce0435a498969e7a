#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests, on this machine only: initdb into a temporary folder,
# listening on 127.0.0.1 at a free port, trust authentication, removed at the end.
#
# Source it, then:
#   start_pg             starts the server; exports PG_URL (postgresql://faultline@127.0.0.1:PORT/faultline,
#                        a database ready for use), PG_PORT, PG_HOST (127.0.0.1), PG_USER (faultline),
#                        PG_DIR (the temporary folder) and PG_BIN (the server's binaries); installs an
#                        EXIT trap that calls stop_pg (after any EXIT trap already set)
#   pg_new_db NAME       creates another database and prints its URL
#   pg_psql URL ARGS…    runs psql on a database (quiet, stops at the first error)
#   stop_pg              stops the server and removes the folder (safe to call twice)
# Returns 77 from start_pg when PostgreSQL's server binaries are missing (CTest's skip code).
#
# initdb and postgres refuse to run as root: as root, the server runs as the unprivileged user
# `nobody` in a folder it owns. PG_BIN may name the binaries' folder (default: the newest
# /usr/lib/postgresql/*/bin).

pg__as_server_user() {  # runs a command as the user that owns the server
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u nobody -- "$@"
  else
    "$@"
  fi
}

pg__free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_pg() {
  if [ -z "${PG_BIN:-}" ]; then
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
    echo "pg_harness: PostgreSQL server binaries not found (install postgresql-15, or set PG_BIN)" >&2
    return 77
  fi
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/faultline_pg.XXXXXX")
  chmod 755 "$PG_DIR"
  mkdir "$PG_DIR/data" "$PG_DIR/run"
  if [ "$(id -u)" -eq 0 ]; then
    if ! id nobody >/dev/null 2>&1; then
      echo "pg_harness: running as root, but there is no user 'nobody' to run the server as" >&2
      return 1
    fi
    chown nobody "$PG_DIR/data" "$PG_DIR/run"
  fi
  local prev
  prev=$(trap -p EXIT | sed -e "s/^trap -- '//" -e "s/' EXIT\$//")
  # shellcheck disable=SC2064
  trap "stop_pg; ${prev:-:}" EXIT
  if ! pg__as_server_user "$PG_BIN/initdb" -D "$PG_DIR/data" -U faultline --auth=trust -E UTF8 --locale=C \
      >"$PG_DIR/initdb.log" 2>&1; then
    echo "pg_harness: initdb failed:" >&2
    cat "$PG_DIR/initdb.log" >&2
    return 1
  fi
  local attempt
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(pg__free_port)
    # fsync off: a test server need not survive a power cut, and runs much faster without it.
    if pg__as_server_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/run/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_DIR/run -c fsync=off -c max_connections=100" \
        start >/dev/null 2>&1; then
      break
    fi
    PG_PORT=""
  done
  if [ -z "$PG_PORT" ]; then
    echo "pg_harness: the server did not start:" >&2
    tail -n 20 "$PG_DIR/run/server.log" >&2
    return 1
  fi
  PG_HOST=127.0.0.1
  PG_USER=faultline
  "$PG_BIN/createdb" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" faultline || return 1
  PG_URL="postgresql://$PG_USER@$PG_HOST:$PG_PORT/faultline"
  export PG_URL PG_PORT PG_HOST PG_USER PG_DIR PG_BIN
}

pg_new_db() {
  "$PG_BIN/createdb" -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$1" || return 1
  echo "postgresql://$PG_USER@$PG_HOST:$PG_PORT/$1"
}

pg_psql() {
  local url=$1
  shift
  "$PG_BIN/psql" "$url" -X -q -v ON_ERROR_STOP=1 "$@"
}

stop_pg() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
      pg__as_server_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
    fi
    rm -rf "$PG_DIR"
  fi
  PG_DIR=""
}
