#!/usr/bin/env bash
# "Who read customer X in the last 30 days" over a large audit log on PostgreSQL (issue 11: ≤ 200 ms p95 over
# 10,000,000 audit rows), timed through the app's own API (GET /api/v1/audit?customer=…&from=…, AuditLogQuery).
# Usage: bench/audit-query.sh   (PGHOST/PGPORT/PGUSER/PGPASSWORD as for psql; the role needs CREATEDB)
# Env: AUDIT_DB (database, default bankcrm_audit_bench; dropped and re-created unless KEEP=1),
#      ROWS (audit entries, default 10000000), CUSTOMERS (customer ids they name, default 100000),
#      LIST_SIZE (customers per list read, default 20), RATE (queries/s, default 20), RUN_SECONDS (default 30), KEEP=1 to reuse a filled database
set -euo pipefail
cd "$(dirname "$0")/.."

: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=bankcrm}" "${PGPASSWORD:=bankcrm}"
export PGHOST PGPORT PGUSER PGPASSWORD
export PGDATABASE=${AUDIT_DB:-bankcrm_audit_bench}
ROWS=${ROWS:-10000000}; CUSTOMERS=${CUSTOMERS:-100000}; LIST_SIZE=${LIST_SIZE:-20}; RATE=${RATE:-20}; SECONDS_RUN=${RUN_SECONDS:-30}
CONN="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$PGDATABASE;Command Timeout=3600"
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
export Database__Provider=Postgres ConnectionStrings__Crm="$CONN" Logging__LogLevel__Default=Warning
APP="dotnet src/BankCrm.Web/bin/Release/net10.0/BankCrm.Web.dll"
since() { echo "$(date +%s.%N) - $1" | bc; }

dotnet build -c Release src/BankCrm.Web >/dev/null
dotnet build -c Release bench/BankCrm.Bench.Load >/dev/null
LOAD="dotnet bench/BankCrm.Bench.Load/bin/Release/net10.0/BankCrm.Bench.Load.dll"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "postgres: $(psql -d postgres -Atc 'show server_version')"

if [ "${KEEP:-0}" != 1 ]; then
  psql -d postgres -qc "DROP DATABASE IF EXISTS $PGDATABASE" -c "CREATE DATABASE $PGDATABASE"
  # A small demo bank brings the staff logins (auditor1) and a real chain of a few entries to start from.
  $APP seed --customers 1000 >/dev/null
  start=$(date +%s.%N)
  # Bulk load: drop the secondary indexes and the per-customer key, fill with generate_series, build them again.
  psql -Atc "SELECT indexdef FROM pg_indexes WHERE tablename = 'audit_entries' AND indexname <> 'pk_audit_entries'" >"$WORK/indexes.sql"
  sed -i 's/$/;/' "$WORK/indexes.sql"
  psql -qAtc "SELECT 'DROP INDEX ' || indexname || ';' FROM pg_indexes WHERE tablename = 'audit_entries' AND indexname <> 'pk_audit_entries'" | psql -q
  psql -qc "ALTER TABLE audit_entry_customers DROP CONSTRAINT pk_audit_entry_customers"
  # A year of activity by 500 members of staff: 55 % reads of one customer, 15 % sensitive reads, 10 % list reads
  # naming LIST_SIZE customers each, 20 % other entries (sign-ins, changes). Hashes are random: this data measures
  # the query, it is not a chain (audit verify reports it broken, by design of the bench).
  psql -q -v ON_ERROR_STOP=1 <<SQL
SET synchronous_commit = off;
CREATE TEMP TABLE bench_base AS SELECT coalesce(max(id), 0) AS base FROM audit_entries;
INSERT INTO audit_entries (id, occurred_at, actor_id, actor_name, action, customer_id, fields, purpose, detail, remote_ip, previous_hash, hash)
SELECT base + g,
       now() - interval '365 days' + (g::float8 / $ROWS) * interval '365 days',
       'staff-' || (g * 7 % 500), 'staff' || (g * 7 % 500),
       CASE WHEN k < 55 THEN 'customer.viewed' WHEN k < 70 THEN 'customer.viewed_sensitive' WHEN k < 80 THEN 'customers.listed' ELSE 'login.succeeded' END,
       CASE WHEN k < 70 THEN (g * 2654435761) % $CUSTOMERS + 1 END,
       CASE WHEN k < 55 THEN 'GetCustomer' WHEN k < 70 THEN 'balances,transactions' WHEN k < 80 THEN 'ListCustomers' END,
       NULL,
       CASE WHEN k >= 70 AND k < 80 THEN '{"view":"ListCustomers","query":{"q":"张*"},"count":$LIST_SIZE,"customers":['
            || (SELECT string_agg(((g * 31 + j * 4729) % $CUSTOMERS + 1)::text, ',') FROM generate_series(0, $LIST_SIZE - 1) j) || ']}' END,
       '10.1.' || (g % 250) || '.' || (g % 200),
       md5(g::text) || md5((g + 1)::text), md5((g + 2)::text) || md5((g + 3)::text)
FROM bench_base, (SELECT g, (g * 7919) % 100 AS k FROM generate_series(1::bigint, $ROWS) g) s;
INSERT INTO audit_entry_customers (customer_id, occurred_at, entry_id)
SELECT customer_id, occurred_at, id FROM audit_entries, bench_base WHERE id > base AND customer_id IS NOT NULL;
INSERT INTO audit_entry_customers (customer_id, occurred_at, entry_id)
SELECT (g * 31 + j * 4729) % $CUSTOMERS + 1, e.occurred_at, e.id
FROM audit_entries e, bench_base, LATERAL (SELECT e.id - base AS g) n, generate_series(0, $LIST_SIZE - 1) j
WHERE e.id > base AND e.action = 'customers.listed';
SQL
  psql -q -v ON_ERROR_STOP=1 -f "$WORK/indexes.sql"
  psql -qc "ALTER TABLE audit_entry_customers ADD CONSTRAINT pk_audit_entry_customers PRIMARY KEY (customer_id, occurred_at, entry_id)"
  psql -qc "VACUUM ANALYZE audit_entries" -c "VACUUM ANALYZE audit_entry_customers"
  printf 'filled in %.0f s\n' "$(since "$start")"
fi
echo "audit_entries: $(psql -Atc 'select count(*) from audit_entries') rows ($(psql -Atc "select pg_size_pretty(pg_total_relation_size('audit_entries'))")); audit_entry_customers: $(psql -Atc 'select count(*) from audit_entry_customers') rows ($(psql -Atc "select pg_size_pretty(pg_total_relation_size('audit_entry_customers'))"))"
echo "last 30 days: $(psql -Atc "select count(*) from audit_entries where occurred_at >= now() - interval '30 days'") entries"

ASPNETCORE_ENVIRONMENT=Production Demo__Enabled=false Scheduler__Enabled=false Security__ApiRateLimitPerMinute=100000000 $APP --urls http://127.0.0.1:5093 >"$WORK/app.log" 2>&1 &
for _ in $(seq 120); do curl -sf http://127.0.0.1:5093/health >/dev/null && break; sleep 1; done
TOKEN=$(curl -sf -X POST http://127.0.0.1:5093/api/v1/auth/token -H 'content-type: application/json' \
  -d '{"userName":"auditor1","password":"Demo@12345"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["accessToken"])')
FROM=$(date -u -d '30 days ago' +%Y-%m-%dT%H:%M:%SZ)
python3 -c "
import random
random.seed(11)
for _ in range(5000):
    print(f'http://127.0.0.1:5093/api/v1/audit?customer={random.randint(1, $CUSTOMERS)}&from=$FROM&pageSize=50')" >"$WORK/urls"
echo "sample answer: $(curl -sf -H "Authorization: Bearer $TOKEN" "$(head -1 "$WORK/urls")" | python3 -c 'import sys,json; d=json.load(sys.stdin); print(d["total"], "entries name the customer;", len(d["items"]), "on the page")')"
$LOAD load --label "who read customer X in the last 30 days, ${RATE}/s" --urls-file "$WORK/urls" --token "$TOKEN" --rate "$RATE" --seconds "$SECONDS_RUN" --warmup 5
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
