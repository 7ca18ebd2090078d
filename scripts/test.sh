#!/usr/bin/env bash
# Runs the tests twice: every test (unit, component, integration, browser) on SQLite, then all but the browser tests
# on PostgreSQL. On a fresh Debian machine it first installs what the tests need from Debian's packages: Chromium for
# the browser tests, a CJK font so screenshots show Chinese, redis-server for the scale-out tests (started by the
# tests on a free port) and postgresql (a throwaway cluster on 127.0.0.1 in a temp folder, started here and always
# stopped). Idempotent.
# SALESCOCKPIT_TEST_DATABASES="Sqlite" (or "Postgres") runs on one provider only.
set -euo pipefail
cd "$(dirname "$0")/.."

databases=${SALESCOCKPIT_TEST_DATABASES:-Sqlite Postgres}
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"

postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[[ $databases == *Postgres* && ! -x "$(postgres_bin)/initdb" ]] && missing+=(postgresql)
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} from Debian's packages..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

pg_dir=""
stop_postgres() {
  if [ -n "$pg_dir" ]; then
    as_postgres "$(postgres_bin)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap stop_postgres EXIT

# initdb refuses to run as root: as root, the cluster belongs to the postgres user Debian's package creates.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

start_postgres() {
  local bin port
  bin=$(postgres_bin)
  port=$(free_port)
  pg_dir=$(mktemp -d /tmp/salescockpit-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  as_postgres "$bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log"
  # A throwaway cluster: durability settings off, connections for parallel tests and several app servers.
  as_postgres "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o \
    "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  export SALESCOCKPIT_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

dotnet tool restore >/dev/null
# The screenshot tours are for people to look at (scripts/screenshots.sh), not assertions CI needs. The browser tests
# drive the pages, which reach the database only through the services the other tests run on both providers: they
# run on SQLite only, which keeps the two passes inside CI's time.
own_filter=false
for arg in "$@"; do
  [ "$arg" = "--filter" ] && own_filter=true
done
filter_for() {
  $own_filter && return
  if [ "$1" = Postgres ]; then
    filter=(--filter "Category!=ScreenshotTour&FullyQualifiedName!~SalesCockpit.Tests.Browser.")
  else
    filter=(--filter "Category!=ScreenshotTour")
  fi
}
filter=()
no_build=()

status=0 passed=0 failed=0 skipped=0
for database in $databases; do
  [ "$database" = Postgres ] && start_postgres
  filter_for "$database"
  echo "=== Tests on $database ==="
  log=$(mktemp)
  SALESCOCKPIT_TEST_DB=$database dotnet test SalesCockpit.sln "${filter[@]}" "${no_build[@]}" "$@" 2>&1 | tee "$log" || status=$?
  # Each run ends with "Passed!/Failed! - Failed: N, Passed: N, Skipped: N, ..."; the runs add up to one closing line.
  summary=$(grep -E '(Passed|Failed)!\s+-\s+Failed:' "$log" | tail -1 || true)
  if [ -n "$summary" ]; then
    failed=$((failed + $(sed -E 's/.*Failed:\s+([0-9]+).*/\1/' <<<"$summary")))
    passed=$((passed + $(sed -E 's/.*Passed:\s+([0-9]+).*/\1/' <<<"$summary")))
    skipped=$((skipped + $(sed -E 's/.*Skipped:\s+([0-9]+).*/\1/' <<<"$summary")))
  fi
  rm -f "$log"
  # The later passes use the first pass's build (a caller's own --no-build is already in "$@").
  [[ " $* " == *" --no-build "* ]] || no_build=(--no-build)
done

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
