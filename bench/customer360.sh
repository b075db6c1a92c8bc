#!/usr/bin/env bash
# Customer 360 API vs. the hand-written Npgsql reference, and customer search, on a PostgreSQL demo bank.
# Usage: PGDATABASE=bankcrm_1m bench/customer360.sh   (PGHOST/PGPORT/PGUSER/PGPASSWORD as for psql;
#        fill the database first with: dotnet run --project src/BankCrm.Web -- seed --customers 1000000)
# Env: POOL (max DB connections per server, default 16), SECONDS_SAT (20), SECONDS_RATE (30), RATE (500), SEARCH_RATE (200)
set -euo pipefail
cd "$(dirname "$0")/.."

: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=bankcrm}" "${PGPASSWORD:=bankcrm}" "${PGDATABASE:?set PGDATABASE}"
export PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE
POOL=${POOL:-16}; SECONDS_SAT=${SECONDS_SAT:-20}; SECONDS_RATE=${SECONDS_RATE:-30}; RATE=${RATE:-500}; SEARCH_RATE=${SEARCH_RATE:-200}
CONN="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$PGDATABASE;Maximum Pool Size=$POOL"
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

dotnet build -c Release src/BankCrm.Web >/dev/null
dotnet build -c Release bench/BankCrm.Bench.Load >/dev/null
LOAD="dotnet bench/BankCrm.Bench.Load/bin/Release/net10.0/BankCrm.Bench.Load.dll"

# The per-user API rate limit (600/min) is lifted: this measures what the server can do.
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Database__Provider=Postgres ConnectionStrings__Crm="$CONN" Demo__Enabled=false Security__ApiRateLimitPerMinute=100000000 \
  dotnet src/BankCrm.Web/bin/Release/net10.0/BankCrm.Web.dll --urls http://127.0.0.1:5091 >"$WORK/app.log" 2>&1 &
$LOAD raw-server --pg "$CONN" --urls http://127.0.0.1:5090 >"$WORK/raw.log" 2>&1 &
for _ in $(seq 60); do curl -sf http://127.0.0.1:5091/health >/dev/null && break; sleep 1; done
TOKEN=$(curl -sf -X POST http://127.0.0.1:5091/api/v1/auth/token -H 'content-type: application/json' \
  -d "{\"userName\":\"${BENCH_USER:-admin}\",\"password\":\"${BENCH_PASSWORD:-Demo@12345}\"}" | python3 -c 'import sys,json;print(json.load(sys.stdin)["accessToken"])')

psql -Atc "SELECT id FROM customers TABLESAMPLE SYSTEM (2) REPEATABLE (42) LIMIT 20000" >"$WORK/ids"
sed 's|^|http://127.0.0.1:5091/api/v1/customers/|; s|$|/360|' "$WORK/ids" >"$WORK/api.urls"
sed 's|^|http://127.0.0.1:5090/raw/customers/|; s|$|/360|' "$WORK/ids" >"$WORK/raw.urls"
# Search terms as staff type them: two characters of a name, a full mobile, an ID number, a customer number.
psql -At -F $'\t' -c "SELECT substr(name, 1, 2), mobile, id_number, customer_number FROM customers TABLESAMPLE SYSTEM (1) REPEATABLE (7) WHERE type = 1 LIMIT 2500" \
  | python3 -c '
import sys, urllib.parse
for line in sys.stdin:
    for term in line.rstrip("\n").split("\t"):
        if term: print("http://127.0.0.1:5091/api/v1/customers?pageSize=20&q=" + urllib.parse.quote(term))' >"$WORK/search.urls"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "database: $PGDATABASE, $(psql -Atc 'select count(*) from customers') customers, $(psql -Atc "select reltuples::bigint from pg_class where relname='transactions'") transactions (estimate); pool $POOL"
$LOAD load --label "raw-sql saturation c=50" --urls-file "$WORK/raw.urls" --concurrency 50 --seconds "$SECONDS_SAT"
$LOAD load --label "api saturation c=50" --urls-file "$WORK/api.urls" --token "$TOKEN" --concurrency 50 --seconds "$SECONDS_SAT"
$LOAD load --label "api fixed rate ${RATE}/s" --urls-file "$WORK/api.urls" --token "$TOKEN" --rate "$RATE" --seconds "$SECONDS_RATE"
$LOAD load --label "raw-sql fixed rate ${RATE}/s" --urls-file "$WORK/raw.urls" --rate "$RATE" --seconds "$SECONDS_RATE"
$LOAD load --label "search fixed rate ${SEARCH_RATE}/s" --urls-file "$WORK/search.urls" --token "$TOKEN" --rate "$SEARCH_RATE" --seconds "$SECONDS_RATE"
