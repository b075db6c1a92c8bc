#!/usr/bin/env bash
# The full scoring run vs. one hand-written SQL statement computing just the RFM aggregates (the lower bound),
# on a PostgreSQL demo bank (issue 4 item 7: run ≤ 60 s for 1,000,000 customers, ratio ≤ 3).
# Usage: PGDATABASE=bankcrm_1m bench/scoring.sh   (PGHOST/PGPORT/PGUSER/PGPASSWORD as for psql)
# Env: RUN_DATE (default 2026-11-24), REPEAT (default 1: pairs of run + bound, back to back),
#      BATCH (Scoring__BatchSize, default: the app's), MIGRATE=1 to migrate first,
#      KEEP=1 to time a re-run over the date's existing scores (score --force deletes them inside the run),
#      PG_OPTIONS: session settings of the app's connections, e.g. "-c jit=off".
set -euo pipefail
cd "$(dirname "$0")/.."

: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=bankcrm}" "${PGPASSWORD:=bankcrm}" "${PGDATABASE:?set PGDATABASE}"
export PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE
RUN_DATE=${RUN_DATE:-2026-11-24}
CONN="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$PGDATABASE;Command Timeout=900${PG_OPTIONS:+;Options=$PG_OPTIONS}"
export Database__Provider=Postgres ConnectionStrings__Crm="$CONN" Demo__Enabled=false Logging__LogLevel__Default=Warning
if [ -n "${BATCH:-}" ]; then export Scoring__BatchSize="$BATCH"; fi
APP="dotnet src/BankCrm.Web/bin/Release/net10.0/BankCrm.Web.dll"
load() { cut -d' ' -f1-3 /proc/loadavg; }
since() { echo "$(date +%s.%N) - $1" | bc; }

dotnet build -c Release src/BankCrm.Web >/dev/null
if [ "${MIGRATE:-0}" = 1 ]; then $APP migrate; fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "postgres: $(psql -Atc 'show server_version')"
echo "database: $PGDATABASE, $(psql -Atc 'select count(*) from customers') customers, $(psql -Atc "select reltuples::bigint from pg_class where relname='transactions'") transactions (estimate)"
echo "churn models stored: $(psql -Atc "select count(*) from ml_models where kind = 'churn'" 2>/dev/null || echo "?") (with none the run skips churn; train one with: model train churn)"
echo "previous completed run: $(psql -Atc "select coalesce(max(run_date)::text, 'none') from scoring_runs where run_date < '$RUN_DATE' and status = 2")"

for round in $(seq "${REPEAT:-1}"); do
  if [ "${KEEP:-0}" != 1 ]; then
    # The nightly run scores a date for the first time. To time that again and again, the date's rows of the
    # previous round are deleted and vacuumed first (not part of the timing; printed for the record).
    start=$(date +%s.%N)
    psql -qc "DELETE FROM customer_needs WHERE run_date = '$RUN_DATE'" -c "DELETE FROM customer_scores WHERE run_date = '$RUN_DATE'" \
      -c "VACUUM customer_needs" -c "VACUUM customer_scores"
    printf 'round %s: cleared the date'"'"'s earlier scores in %.1f s (not timed)\n' "$round" "$(since "$start")"
  fi

  echo "load before run: $(load)"
  start=$(date +%s.%N)
  $APP score --date "$RUN_DATE" --force
  run=$(since "$start")
  echo "load after run: $(load)"
  echo "run: $(psql -Atc "select customers_scored || ' customers, ' || round(extract(epoch from finished_at - started_at)::numeric, 1) || ' s in scoring_runs' from scoring_runs where run_date = '$RUN_DATE'")"

  # The RFM window of the run: the 12 China months ending with the run date, as UTC instants; interest (11) and
  # fees (12) are the bank's doing and do not count (src/BankCrm.Data/Scoring/SignalSql.cs).
  start=$(date +%s.%N)
  psql -Atc "SELECT customer_id, max(occurred_at), count(*), sum(abs(amount)) FROM transactions
    WHERE occurred_at >= (date '$RUN_DATE' + 1 - interval '12 months' - interval '8 hours') AT TIME ZONE 'UTC'
      AND occurred_at < (date '$RUN_DATE' + 1 - interval '8 hours') AT TIME ZONE 'UTC' AND kind NOT IN (11, 12)
    GROUP BY customer_id" >/dev/null
  bound=$(since "$start")
  echo "load after bound: $(load)"

  printf 'round %s: scoring run (wall, incl. start-up): %.1f s; RFM aggregate SQL (lower bound): %.1f s; ratio %.2f (goal ≤ 3)\n' \
    "$round" "$run" "$bound" "$(echo "$run / $bound" | bc -l)"
done
