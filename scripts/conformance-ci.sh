#!/usr/bin/env bash
# Runs the conformance suite against the reference server started as `npm start` would, first on
# the embedded database (a fresh data folder), then on PostgreSQL when DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."

run_against() {
  local label=$1 port=$2
  shift 2
  local log
  log=$(mktemp)
  if curl -sf "http://127.0.0.1:$port/v1/campaigns" >/dev/null 2>&1; then
    echo "port $port is already taken by another server"
    return 1
  fi
  # Own process group, so that stopping it also stops the node process behind npx/tsx.
  setsid env "$@" PORT="$port" PARTAGE_SANDBOX=1 PARTAGE_CHECK_RESPONSES=1 npx tsx server/main.ts >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/v1/campaigns" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "server ($label) died"; return 1; }
    sleep 0.5
  done
  echo "--- conformance on $label ---"
  local status=0
  npx tsx conformance/run.ts --base-url "http://127.0.0.1:$port/v1" || status=$?
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ "$status" = 0 ] || { tail -n 40 "$log"; return "$status"; }
}

data=$(mktemp -d)
run_against "embedded PGlite" 18787 DATABASE_URL= PARTAGE_DATA_DIR="$data"
if [ -n "${DATABASE_URL:-}" ]; then
  run_against "PostgreSQL" 18788 DATABASE_URL="$DATABASE_URL"
fi
