#!/usr/bin/env bash
# Builds BankCrm once and runs every test project (tests/*/*.csproj) against SQLite, PostgreSQL and Chromium.
# Works on a fresh Debian 12 machine as root with the .NET 10 SDK. Ends with one line summed over all projects:
#   N passed, N failed[, N skipped]
# and exits non-zero if anything failed or no test ran.
set -euo pipefail
cd "$(dirname "$0")"
started=$SECONDS

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Leave no MSBuild or compiler server running after the script.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

# --- System packages: PostgreSQL for the integration tests, Chromium and CJK fonts for the browser tests.
packages=(postgresql chromium fonts-noto-cjk)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "test.sh: missing packages ${missing[*]}; run as root or install them first." >&2
        exit 1
    fi
    echo "Installing ${missing[*]} ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- PostgreSQL on loopback, with the role the tests use to create (and drop) their own databases.
as_postgres() {
    if [[ $(id -un) == postgres ]]; then (cd / && "$@"); else (cd / && runuser -u postgres -- "$@"); fi
}
cluster=$(pg_lsclusters --no-header 2>/dev/null | head -n 1 || true)
if [[ -z $cluster ]]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    echo "Creating PostgreSQL $version cluster ..."
    pg_createcluster --locale C.UTF-8 "$version" main >/dev/null
    cluster=$(pg_lsclusters --no-header | head -n 1)
fi
read -r pg_version pg_name pg_port pg_status _ <<<"$cluster"
if [[ $pg_status != online* ]]; then
    echo "Starting PostgreSQL $pg_version/$pg_name ..."
    pg_ctlcluster "$pg_version" "$pg_name" start
fi
for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$pg_port" && break
    sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$pg_port" || { echo "test.sh: PostgreSQL did not accept connections on 127.0.0.1:$pg_port" >&2; exit 1; }
# Chinese names need UTF-8 databases. A cluster that apt created under the C locale (SQL_ASCII) is
# recreated once as C.UTF-8; it holds nothing yet on such a machine.
if [[ $(as_postgres psql -p "$pg_port" -tAc "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = 'template1'") != UTF8 ]]; then
    echo "Recreating PostgreSQL $pg_version/$pg_name with UTF-8 encoding ..."
    pg_dropcluster --stop "$pg_version" "$pg_name"
    pg_createcluster --locale C.UTF-8 --port "$pg_port" "$pg_version" "$pg_name" >/dev/null
    pg_ctlcluster "$pg_version" "$pg_name" start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$pg_port" && break; sleep 1; done
fi
if ! PGPASSWORD=bankcrm psql -h 127.0.0.1 -p "$pg_port" -U bankcrm -d postgres -tAc "SELECT 1" >/dev/null 2>&1; then
    if ! as_postgres psql -p "$pg_port" -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'bankcrm'" | grep -q 1; then
        as_postgres psql -p "$pg_port" -q -c "CREATE ROLE bankcrm LOGIN PASSWORD 'bankcrm' CREATEDB"
    fi
fi

export BANKCRM_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=bankcrm;Password=bankcrm"
export BANKCRM_CHROMIUM=/usr/bin/chromium

# --- Build once, then run each test project on the build.
echo "Building BankCrm.slnx (Release) ..."
if ! dotnet build BankCrm.slnx -c Release -nologo -v quiet -nodeReuse:false; then
    echo "test.sh: the build failed." >&2
    exit 1
fi

results=TestResults/test-sh
rm -rf "$results"
mkdir -p "$results"
passed=0 failed=0 skipped=0 broken=0

# Reads one attribute of the <Counters> element of a TRX file (0 when absent).
counter() {
    local value
    value=$(grep -o '<Counters [^>]*' "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || true)
    echo "${value:-0}"
}

for project in tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    echo
    echo "=== $name"
    project_started=$SECONDS
    dotnet test "$project" --no-build -c Release --results-directory "$results" \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" || true
    trx="$results/$name.trx"
    if [[ ! -f $trx ]]; then
        echo "test.sh: $name produced no results (crashed before reporting)." >&2
        broken=$((broken + 1))
        continue
    fi
    p=$(counter "$trx" passed)
    f=$(($(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted)))
    s=$(counter "$trx" notExecuted)
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
    echo "=== $name: $p passed, $f failed, $s skipped in $((SECONDS - project_started)) s"
done

echo
echo "Total time: $((SECONDS - started)) s"
# A project that crashed without results counts as one failure, so it cannot pass unnoticed.
failed=$((failed + broken))
summary="$passed passed, $failed failed"
if ((skipped > 0)); then summary+=", $skipped skipped"; fi
echo "$summary"
if ((failed > 0 || passed == 0)); then
    exit 1
fi
