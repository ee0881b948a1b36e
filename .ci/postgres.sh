#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the tests of the shared store (baton serve --store jdbc:postgresql:...).
#
#   eval "$(.ci/postgres.sh start)"      # prints export lines: BATON_TEST_POSTGRES_URL, _PASSWORD, _DIR
#   mvn -B verify                         # the PostgreSQL contract and replica tests now run
#   .ci/postgres.sh stop "$BATON_TEST_POSTGRES_DIR"
#
# The cluster lives in a fresh temporary folder, listens on a free port of 127.0.0.1 only (no Unix socket outside the
# folder), asks for a password (scram-sha-256) and holds one database and user, both named baton. Stop deletes the
# folder. Needs PostgreSQL's server binaries (Debian: apt-get install postgresql); as root they run as user postgres,
# since initdb refuses to run as root.
set -euo pipefail

bin_dir() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$found" ] && command -v initdb >/dev/null 2>&1; then
    found="$(dirname "$(command -v initdb)")"
  fi
  echo "$found"
}

# Runs a command as the cluster's owner: postgres when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  # dir and bin stay global: the clean-up trap runs after this function has returned.
  bin="$(bin_dir)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      bin="$(bin_dir)"
    fi
  fi
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres.sh: PostgreSQL's initdb is not installed (Debian: apt-get install postgresql)" >&2
    exit 1
  fi
  local port password
  dir="$(mktemp -d /tmp/baton-pg.XXXXXX)"
  # A start that fails half-way stops what it started and leaves no folder behind.
  trap 'if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi; rm -rf "$dir"' EXIT
  chmod 755 "$dir"
  mkdir "$dir/data"
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$dir/data"
  fi
  password="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
  printf '%s\n' "$password" > "$dir/pwfile"
  chmod 644 "$dir/pwfile"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  port="$(free_port)"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/data -c fsync=off" start >/dev/null \
    || { cat "$dir/data/server.log" >&2; exit 1; }
  PGPASSWORD="$password" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE baton LOGIN PASSWORD '$password'" -c "CREATE DATABASE baton OWNER baton" >&2
  rm -f "$dir/pwfile"
  echo "$bin" > "$dir/bin"
  trap - EXIT
  echo "export BATON_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$port/baton?user=baton'"
  echo "export BATON_TEST_POSTGRES_PASSWORD='$password'"
  echo "export BATON_TEST_POSTGRES_DIR='$dir'"
}

stop() {
  local dir="${1:-}"
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
    echo "postgres.sh stop: give the folder that start printed as BATON_TEST_POSTGRES_DIR" >&2
    exit 2
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    # Stops the postmaster by the PID it recorded: a fast shutdown ends its sessions and waits for it to exit.
    as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
