#!/usr/bin/env bash
# Runs every test. Installs what the tests need when it is missing (Debian's chromium, CJK fonts,
# PostgreSQL, Redis), starts a private PostgreSQL cluster for the run, then runs dotnet test on both databases.
# The Redis tests start their own redis-server on a free loopback port.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
installed() { dpkg -s "$1" >/dev/null 2>&1; }

need=()
installed chromium || need+=(chromium)
installed fonts-noto-cjk || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/redis-server ] || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# A private cluster: trust auth on loopback, gone when the run ends.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgport=${AIGO_PG_PORT:-55432}
pgdir=$(mktemp -d /tmp/aigo-pg.XXXXXX)
pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pgdir"
pg "$pgbin/initdb -D $pgdir/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
pg "$pgbin/pg_ctl -D $pgdir/data -l $pgdir/log -w -o \"-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off\" start" >/dev/null
stop_pg() { pg "$pgbin/pg_ctl -D $pgdir/data -m fast -w stop" >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap stop_pg EXIT
export AIGO_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100"

results=$(mktemp -d /tmp/aigo-results.XXXXXX)
export AIGO_SCREENSHOTS=${AIGO_SCREENSHOTS:-$PWD/artifacts/screenshots}
status=0
dotnet test AiGO.Blazor.sln --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" || status=$?

# One plain closing line, whatever the runner printed above.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  n=$(echo "$counters" | sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
rm -rf "$results"
echo "Screenshots: $AIGO_SCREENSHOTS"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status
