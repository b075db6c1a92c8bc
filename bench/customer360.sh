#!/usr/bin/env bash
# Customer 360 API vs. the hand-written Npgsql reference, and customer search, on a PostgreSQL demo bank.
# Usage: PGDATABASE=bankcrm_1m bench/customer360.sh   (PGHOST/PGPORT/PGUSER/PGPASSWORD as for psql;
#        fill the database first with: dotnet run --project src/BankCrm.Web -- seed --customers 1000000)
# Env: POOL (max DB connections per server, default 16), SECONDS_SAT (20), SECONDS_RATE (30), RATE (500), SEARCH_RATE (200),
#      BENCH_USER (default compliance1: holdings access over every branch), BENCH_PASSWORD
# The 360 shows balances only after a step-up, so the script enrols the user's authenticator through the sign-in and
# set-up forms (any earlier enrolment of that user is reset first) and asks for a token with a TOTP code and a
# purpose. Every load run must end with errors=0, or the script fails: a run of refusals measures nothing.
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
ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Database__Provider=Postgres ConnectionStrings__Crm="$CONN" Demo__Enabled=false Scheduler__Enabled=false Security__ApiRateLimitPerMinute=100000000 \
  dotnet src/BankCrm.Web/bin/Release/net10.0/BankCrm.Web.dll --urls http://127.0.0.1:5091 >"$WORK/app.log" 2>&1 &
$LOAD raw-server --pg "$CONN" --urls http://127.0.0.1:5090 >"$WORK/raw.log" 2>&1 &
for _ in $(seq 60); do curl -sf http://127.0.0.1:5091/health >/dev/null && break; sleep 1; done
BENCH_USER=${BENCH_USER:-compliance1}; BENCH_PASSWORD=${BENCH_PASSWORD:-Demo@12345}
psql -qc "UPDATE \"AspNetUsers\" SET two_factor_enabled = false WHERE user_name = '$BENCH_USER'" \
  -c "DELETE FROM \"AspNetUserTokens\" WHERE user_id = (SELECT id FROM \"AspNetUsers\" WHERE user_name = '$BENCH_USER')"
TOKEN=$(BASE=http://127.0.0.1:5091 USER_NAME="$BENCH_USER" PASSWORD="$BENCH_PASSWORD" python3 - <<'PY'
import base64, hashlib, hmac, html, http.cookiejar, json, os, re, struct, time, urllib.parse, urllib.request

base, user, password = os.environ["BASE"], os.environ["USER_NAME"], os.environ["PASSWORD"]
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

def form(path, fields):
    page = opener.open(base + path).read().decode()
    hidden = {name: html.unescape(value) for name, value in re.findall(r'name="(__RequestVerificationToken|_handler)" value="([^"]*)"', page)}
    body = urllib.parse.urlencode({**hidden, **{"Input." + k: v for k, v in fields.items()}}).encode()
    return opener.open(base + path, body).read().decode()

def totp(key, step):
    secret = base64.b32decode(key.upper() + "=" * (-len(key) % 8))
    digest = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)

form("/account/login", {"UserName": user, "Password": password})
setup = opener.open(base + "/account/mfa/setup").read().decode()
key = re.search(r'id="mfa-key">([^<]+)<', setup).group(1).replace(" ", "")
step = int(time.time()) // 30
enabled = form("/account/mfa/setup", {"CurrentPassword": password, "Code": totp(key, step)})
assert 'id="mfa-enabled"' in enabled, "TOTP enrolment failed"
# A code is accepted once (replay protection): the token takes the next time step's code.
while int(time.time()) // 30 == step:
    time.sleep(0.5)
request = urllib.request.Request(base + "/api/v1/auth/token", json.dumps({
    "userName": user, "password": password, "twoFactorCode": totp(key, int(time.time()) // 30), "purpose": "性能基准测试"}).encode(),
    {"content-type": "application/json"})
print(json.load(urllib.request.urlopen(request))["accessToken"])
PY
)
curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:5091/api/v1/customers/$(psql -Atc 'SELECT min(id) FROM customers')/360" \
  || { echo "the 360 API refuses $BENCH_USER even after the step-up: nothing to measure" >&2; exit 1; }

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

# Runs one load and fails the benchmark when any request errored (a 403 or 500 is not a measurement).
run() { local line; line=$($LOAD load "$@"); echo "$line"; [[ $line == *" errors=0 "* ]] || { echo "FAILED: requests errored" >&2; exit 1; }; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); API user: $BENCH_USER with a step-up token"
echo "database: $PGDATABASE, $(psql -Atc 'select count(*) from customers') customers, $(psql -Atc "select reltuples::bigint from pg_class where relname='transactions'") transactions (estimate); pool $POOL"
run --label "raw-sql saturation c=50" --urls-file "$WORK/raw.urls" --concurrency 50 --seconds "$SECONDS_SAT"
run --label "api saturation c=50" --urls-file "$WORK/api.urls" --token "$TOKEN" --concurrency 50 --seconds "$SECONDS_SAT"
run --label "api fixed rate ${RATE}/s" --urls-file "$WORK/api.urls" --token "$TOKEN" --rate "$RATE" --seconds "$SECONDS_RATE"
run --label "raw-sql fixed rate ${RATE}/s" --urls-file "$WORK/raw.urls" --rate "$RATE" --seconds "$SECONDS_RATE"
run --label "search fixed rate ${SEARCH_RATE}/s" --urls-file "$WORK/search.urls" --token "$TOKEN" --rate "$SEARCH_RATE" --seconds "$SECONDS_RATE"
