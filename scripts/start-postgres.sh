#!/bin/sh
# Starts a throwaway PostgreSQL cluster for tests and CI, and prints the variables to use it:
#
#   eval "$(scripts/start-postgres.sh)"        # exports DATABASE_URL and PARTAGE_PG_DIR
#   npm run test:node                            # server tests now also run on PostgreSQL
#   "$PARTAGE_PG_BIN/pg_ctl" -D "$PARTAGE_PG_DIR/data" stop   # when done (or just let it die)
#
# Needs a Debian `postgresql` package (any version ≥ 13). The cluster lives in a temporary folder,
# listens on 127.0.0.1 only (trust authentication) and runs without fsync: it is for tests, never
# for data you want to keep. Logs go to stderr; stdout carries only the export lines.
# Environment: PGPORT picks the port (default: the first free one from 55432).
set -eu

log() { printf '%s\n' "$*" >&2; }

bin="${PARTAGE_PG_BIN:-}"
if [ -z "$bin" ]; then
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    bin="$(pg_config --bindir)"
  else
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  fi
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  log "start-postgres: no PostgreSQL found (install the Debian package: apt-get install -y postgresql)"
  exit 1
fi

port="${PGPORT:-}"
if [ -z "$port" ]; then
  port=55432
  # /dev/tcp is a bash feature; under another sh the probe always fails and we trust pg_ctl.
  while [ "$port" -lt 55532 ] && bash -c "echo > /dev/tcp/127.0.0.1/$port" >/dev/null 2>&1; do
    port=$((port + 1))
  done
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/partage-pg.XXXXXX")"
# PostgreSQL refuses to run as root: run it as the postgres system user then.
run() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  chown postgres "$dir"
  run() { runuser -u postgres -- "$@"; }
fi

log "start-postgres: initdb in $dir/data ($bin)"
run "$bin/initdb" -D "$dir/data" -U partage --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >&2 || { cat "$dir/server.log" >&2; exit 1; }
run "$bin/createdb" -h 127.0.0.1 -p "$port" -U partage partage >&2

log "start-postgres: PostgreSQL listening on 127.0.0.1:$port (stop: $bin/pg_ctl -D $dir/data stop)"
echo "export DATABASE_URL='postgres://partage@127.0.0.1:$port/partage'"
echo "export PARTAGE_PG_DIR='$dir'"
echo "export PARTAGE_PG_BIN='$bin'"
