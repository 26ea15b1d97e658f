#!/usr/bin/env bash
# Interim demo (until `tidnav sandbox` exists): a development PKI, one simulated
# producer and the routing hub on loopback, and contract calls through the hub
# over mutual TLS with `tidnav call`.
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

"$tidnav" pki issue hub --kind client --hsa-id 5565594230 --dir "$work/pki" >/dev/null

step "Simulated producer for care unit SE2321000016-DEMO"
"$tidnav" sim demo --cert "$work/pki/localhost.crt" --key "$work/pki/localhost.key" \
  --ca "$work/pki/tidnav-dev-ca.crt" --port-file "$work/sim.port" &
sim=$!
hub=
trap 'kill $sim $hub 2>/dev/null; wait $sim $hub 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$work/sim.port" ] && break; sleep 0.1; done
producer="https://localhost:$(cat "$work/sim.port")/demo"

step "Routing hub: routes and permissions for the demo unit (hub.yaml)"
{
  cat <<YAML
instance: { name: "tidnav demo", id: demo-hub }
listeners:
  https: { address: 127.0.0.1, port: 0, cert: pki/localhost.crt, key: pki/localhost.key, ca: pki/tidnav-dev-ca.crt }
  admin: { address: 127.0.0.1, port: 0 }
call_log: { path: calls.log }
wsdl_dir: $PWD/schemas
producers:
  tls: { ca: pki/tidnav-dev-ca.crt, cert: pki/hub.crt, key: pki/hub.key }
routes:
YAML
  for c in urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1 urn:riv:crm:scheduling:CancelBookingResponder:1 \
           urn:riv:supportprocess:logistics:scheduling:GetAppointmentsResponder:2 \
           urn:riv:itintegration:monitoring:PingForConfigurationResponder:1; do
    echo "  - { contract: \"$c\", logical_address: SE2321000016-DEMO, url: \"$producer\", riv_profile: RIVTABP21 }"
  done
  # The PingForConfiguration fixture is addressed to the unit SE2321000016-ABC1.
  echo "  - { contract: \"urn:riv:itintegration:monitoring:PingForConfigurationResponder:1\", logical_address: SE2321000016-ABC1, url: \"$producer\" }"
  echo "permissions:"
  echo "  - { consumer: SE2321000016-1177, contract: \"urn:riv:itintegration:monitoring:PingForConfigurationResponder:1\", logical_address: SE2321000016-ABC1 }"
  for c in urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1 urn:riv:crm:scheduling:CancelBookingResponder:1 \
           urn:riv:supportprocess:logistics:scheduling:GetAppointmentsResponder:2 \
           urn:riv:itintegration:monitoring:PingForConfigurationResponder:1; do
    echo "  - { consumer: SE2321000016-1177, contract: \"$c\", logical_address: SE2321000016-DEMO }"
  done
} > "$work/hub.yaml"
"$tidnav" hub --config "$work/hub.yaml" --check
"$tidnav" hub --config "$work/hub.yaml" --port-file "$work/hub.ports" 2>"$work/hub.log" &
hub=$!
for _ in $(seq 50); do [ -s "$work/hub.ports" ] && break; sleep 0.1; done
url="https://localhost:$(awk '$1=="https"{print $2}' "$work/hub.ports")/vp"
admin="http://127.0.0.1:$(awk '$1=="admin"{print $2}' "$work/hub.ports")"
echo "hub listening on $url (admin $admin), producer behind it at $producer"
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

step "An address the hub has no route for: VP004 from the hub (exit code 1)"
if "$tidnav" call --url "$url" "${tls[@]}" --contract 1.1:GetSubjectOfCareSchedule \
     --logical-address SE2321000016-NOWHERE --actor 191212121212 \
     --field healthcare_facility=SE2321000016-NOWHERE --field subject_of_care=191212121212; then
  echo "expected VP004"; exit 1
fi

step "The hub's own view: status and one line of its call log"
curl -fsS "$admin/status"; echo
curl -fsS "$admin/metrics" | grep '^tidnav_calls_total' || true
head -n 1 "$work/calls.log"

step "Demo done. Try it yourself: $tidnav call --help, $tidnav hub --help"
