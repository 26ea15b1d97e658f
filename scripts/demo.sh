#!/usr/bin/env bash
# Interim demo (until `tidnav sandbox` exists): a development PKI, one simulated
# producer on loopback, and contract calls to it over mutual TLS with `tidnav call`.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
tidnav="$build/tools/tidnav"
work=${TIDNAV_DEMO_DIR:-var/demo}
rm -rf "$work"; mkdir -p "$work"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Development PKI in $work/pki (generated now, never committed)"
"$tidnav" pki init --dir "$work/pki"
"$tidnav" pki issue localhost --kind server --dir "$work/pki" >/dev/null
"$tidnav" pki issue "1177" --kind client --hsa-id SE2321000016-1177 --dir "$work/pki"

step "Simulated producer for care unit SE2321000016-DEMO"
"$tidnav" sim demo --cert "$work/pki/localhost.crt" --key "$work/pki/localhost.key" \
  --ca "$work/pki/tidnav-dev-ca.crt" --port-file "$work/sim.port" &
sim=$!
trap 'kill $sim 2>/dev/null; wait $sim 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$work/sim.port" ] && break; sleep 0.1; done
url="https://localhost:$(cat "$work/sim.port")/"
tls=(--cert "$work/pki/1177.crt" --key "$work/pki/1177.key" --ca "$work/pki/tidnav-dev-ca.crt")

step "crm:scheduling 1.1 GetSubjectOfCareSchedule for 191212121212"
"$tidnav" call --url "$url" "${tls[@]}" --contract 1.1:GetSubjectOfCareSchedule \
  --logical-address SE2321000016-DEMO --actor 191212121212 \
  --field healthcare_facility=SE2321000016-DEMO --field subject_of_care=191212121212

step "scheduling 2.0 GetAppointments for 191212121212"
"$tidnav" call --url "$url" "${tls[@]}" --contract 2.0:GetAppointments --logical-address SE2321000016-DEMO \
  --field actor.actorId.root=1.2.752.129.2.1.3.1 --field actor.actorId.extension=191212121212 \
  --field actor.actorType.code=116154003 --field actor.actorType.codeSystem=1.2.752.116.2.1.1 \
  --field personId.root=1.2.752.129.2.1.3.1 --field personId.extension=191212121212

step "An envelope from a file: PingForConfiguration"
"$tidnav" call --url "$url" "${tls[@]}" --file tests/fixtures/monitoring-1.0/PingForConfiguration-request.xml

step "A contract the unit does not offer gives a SOAP fault (exit code 1)"
if "$tidnav" call --url "$url" "${tls[@]}" --contract 1.1:CancelBooking --logical-address SE2321000016-DEMO \
     --actor 191212121212 --field healthcare_facility=SE2321000016-DEMO --field bookingId=DEMO-1001; then
  echo "expected a fault"; exit 1
fi

step "Demo done. Try it yourself: $tidnav call --help"
