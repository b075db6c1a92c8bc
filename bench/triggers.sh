#!/usr/bin/env bash
# Trigger evaluation of the shipped playbooks over a PostgreSQL demo bank: every enabled playbook's trigger and
# conditions, one INSERT … SELECT … ON CONFLICT DO NOTHING each (src/BankCrm.Data/Engagement/Playbooks), twice in a
# row: pass 1 enrols what fired, pass 2 is what every later five-minute evaluation costs (nothing new to enrol).
# Usage: PGDATABASE=bankcrm_pb_100k bench/triggers.sh   (PGHOST/PGPORT/PGUSER/PGPASSWORD as for psql)
# Env: AT (ISO instant to evaluate at, default now; e.g. 2027-01-01T02:00:00+08:00 is a holiday of holiday-greetings,
#      which enrols every customer), ROLLBACK=1 to evaluate inside one transaction that is rolled back (for a database
#      that is not yours: nothing is kept), MIGRATE=1 to migrate first, PG_OPTIONS as in bench/scoring.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=bankcrm}" "${PGPASSWORD:=bankcrm}" "${PGDATABASE:?set PGDATABASE}"
export PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE
CONN="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$PGDATABASE;Command Timeout=900${PG_OPTIONS:+;Options=$PG_OPTIONS}"
export Database__Provider=Postgres ConnectionStrings__Crm="$CONN" Demo__Enabled=false Logging__LogLevel__Default=Warning
APP="dotnet src/BankCrm.Web/bin/Release/net10.0/BankCrm.Web.dll"

dotnet build -c Release src/BankCrm.Web >/dev/null
if [ "${MIGRATE:-0}" = 1 ]; then $APP migrate; fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "postgres: $(psql -Atc 'show server_version')"
echo "database: $PGDATABASE, $(psql -Atc 'select count(*) from customers') customers, $(psql -Atc 'select count(*) from accounts') accounts," \
  "scoring runs: $(psql -Atc "select coalesce(string_agg(run_date::text, ', ' order by run_date), 'none') from scoring_runs where status = 2")"
echo "enrolments before: $(psql -Atc 'select count(*) from playbook_enrolments')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

args=(playbooks evaluate --repeat 2)
if [ -n "${AT:-}" ]; then args+=(--at "$AT"); fi
if [ "${ROLLBACK:-0}" = 1 ]; then args+=(--rollback); fi
start=$(date +%s.%N)
$APP "${args[@]}"
wall=$(echo "$(date +%s.%N) - $start" | bc)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "enrolments after: $(psql -Atc 'select count(*) from playbook_enrolments')"
printf 'wall, incl. start-up and both passes: %.1f s\n' "$wall"
