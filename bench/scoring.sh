#!/usr/bin/env bash
# The full scoring run vs. one hand-written SQL statement computing just the RFM aggregates (the lower bound),
# on a PostgreSQL demo bank (issue 4 item 7: run ≤ 60 s for 1,000,000 customers, ratio ≤ 3).
# Usage: PGDATABASE=bankcrm_gen_1m bench/scoring.sh   (PGHOST/PGPORT/PGUSER/PGPASSWORD as for psql)
# Env: RUN_DATE (default 2026-11-24), BATCH (Scoring__BatchSize, default: the app's), MIGRATE=1 to migrate first.
#      PG_OPTIONS: session settings of the app's connections, e.g. "-c max_parallel_workers_per_gather=0".
set -euo pipefail
cd "$(dirname "$0")/.."

: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=bankcrm}" "${PGPASSWORD:=bankcrm}" "${PGDATABASE:?set PGDATABASE}"
export PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE
RUN_DATE=${RUN_DATE:-2026-11-24}
CONN="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$PGDATABASE;Command Timeout=900${PG_OPTIONS:+;Options=$PG_OPTIONS}"
export Database__Provider=Postgres ConnectionStrings__Crm="$CONN" Demo__Enabled=false Logging__LogLevel__Default=Warning
if [ -n "${BATCH:-}" ]; then export Scoring__BatchSize="$BATCH"; fi
APP="dotnet src/BankCrm.Web/bin/Release/net10.0/BankCrm.Web.dll"

dotnet build -c Release src/BankCrm.Web >/dev/null
if [ "${MIGRATE:-0}" = 1 ]; then $APP migrate; fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "postgres: $(psql -Atc 'show server_version')"
echo "database: $PGDATABASE, $(psql -Atc 'select count(*) from customers') customers, $(psql -Atc "select reltuples::bigint from pg_class where relname='transactions'") transactions (estimate)"
echo "churn model: $(psql -Atc 'select count(*) from ml_models' 2>/dev/null || echo '?') stored (none: the run skips churn)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

start=$(date +%s.%N)
$APP score --date "$RUN_DATE" --force
run=$(echo "$(date +%s.%N) - $start" | bc)
echo "load after run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "run: $(psql -Atc "select customers_scored || ' customers, ' || round(extract(epoch from finished_at - started_at)::numeric, 1) || ' s in scoring_runs' from scoring_runs where run_date = '$RUN_DATE'")"

# The RFM window of the run: the 12 China months ending with the run date, as UTC instants; interest (11) and
# fees (12) are the bank's doing and do not count (src/BankCrm.Data/Scoring/SignalSql.cs).
start=$(date +%s.%N)
psql -Atc "SELECT customer_id, max(occurred_at), count(*), sum(abs(amount)) FROM transactions
  WHERE occurred_at >= (date '$RUN_DATE' + 1 - interval '12 months' - interval '8 hours') AT TIME ZONE 'UTC'
    AND occurred_at < (date '$RUN_DATE' + 1 - interval '8 hours') AT TIME ZONE 'UTC' AND kind NOT IN (11, 12)
  GROUP BY customer_id" >/dev/null
bound=$(echo "$(date +%s.%N) - $start" | bc)
echo "load after bound: $(cut -d' ' -f1-3 /proc/loadavg)"

printf 'scoring run (wall, incl. start-up): %.1f s\nRFM aggregate SQL (lower bound): %.1f s\nratio: %.2f (goal ≤ 3)\n' "$run" "$bound" "$(echo "$run / $bound" | bc -l)"
