#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `tidnav sim millennium|cosmic` as a region's test environment runs them: each
# simulator starts from its seed and prints its URLs; a `tidnav adapter` of that
# system, configured from what the simulator printed, answers a 2.0
# GetAvailableTimeslots and a 1.1 GetSubjectOfCareSchedule through `tidnav
# call`; SIGTERM stops simulator and adapter with exit code 0.
# Usage: sim_fhir_adapters.sh TIDNAV WORKDIR FIXTURES (millennium|cosmic)
set -euo pipefail
tidnav=$1
fixtures=$3
system=$4
. "$(dirname "$0")/lib.sh"
sys_start "$tidnav" "$2"
sys_client_cert consumer SE2321000016-1177
tls=(--cert pki/localhost.crt --key pki/localhost.key)
consumer=(--cert pki/consumer.crt --key pki/consumer.key --ca pki/tidnav-dev-ca.crt)
unit=SE2321000016-ABC1
printed() {  # $1: label of a line the simulator printed; its URL
  sed -n "s|^ *$1: *\(https://[^ ]*\).*|\1|p" sim.out | head -1
}

echo "== tidnav sim $system"
"$tidnav" sim "$system" --seed "$fixtures/$system/seed.json" "${tls[@]}" --port-file sim.port > sim.out 2> sim.err &
sim=$!; pids+=($sim)
wait_for sim.port "tidnav sim $system" sim.err
for _ in $(seq 100); do grep -q "token URL" sim.out && break; sleep 0.05; done
cat sim.out
base=$(printed "base URL"); token=$(printed "token URL")
port=$(tr -dc 0-9 < sim.port)
case "$base" in https://127.0.0.1:"$port"/*) ;; *) echo "base URL not printed with the bound port: '$base'"; exit 1 ;; esac
[ -n "$token" ] || { echo "token URL not printed"; exit 1; }

if [ "$system" = millennium ]; then
  code_set=https://fhir.cerner.com/ec2458f2-1e24-41c8-b71b-0e701af7583d/codeSet/14249
  cat > adapter.yaml <<YAML
system: millennium
name: "Millennium system test"
listen: { address: 127.0.0.1, port: 0, port_file: adapter.port }
tls: { cert: pki/localhost.crt, key: pki/localhost.key, ca: pki/tidnav-dev-ca.crt }
state_dir: state
units:
  - { hsa_id: $unit, native_id: LOC-ASA, name: "Vårdcentralen Åsa" }
time_types:
  - { unit: $unit, code: "2572307", system: "$code_set", name: "Läkarbesök 30 min" }
  - { unit: $unit, code: "2572311", system: "$code_set", name: "Sjuksköterskebesök 20 min" }
practitioners:
  - { hsa_id: SE2321000016-DOC1, native_id: PR-1, first_name: Doris, last_name: Doktorsson, title: Läkare }
backend: { base_url: "$base", token_url: "$token", client_id: tidnav-test, client_secret: sim-secret, ca: pki/tidnav-dev-ca.crt }
YAML
  booking=M-900
else
  cat > adapter.yaml <<YAML
system: cosmic
name: "Cosmic system test"
listen: { address: 127.0.0.1, port: 0, port_file: adapter.port }
tls: { cert: pki/localhost.crt, key: pki/localhost.key, ca: pki/tidnav-dev-ca.crt }
state_dir: state
units:
  - { hsa_id: $unit, native_id: $unit, name: "Vårdcentralen Åsa" }
backend: { base_url: "$base", token_url: "$token", client_id: tidnav-test, client_secret: sim-secret,
           subscription_key: sim-subscription-key, ca: pki/tidnav-dev-ca.crt }
YAML
  booking=A-900
fi

echo "== tidnav adapter (system: $system) in front of it"
sys_start_adapter

sys_march_2031_timeslots 3
grep -q "2031031[012]" timeslots.xml || { echo "no time on 10-12 March 2031"; cat timeslots.xml; exit 1; }
echo "2.0 GetAvailableTimeslots: $n times"

"$tidnav" call --url "$url" "${consumer[@]}" --raw --contract 1.1:GetSubjectOfCareSchedule --logical-address "$unit" \
  --actor 191212121212:subject_of_care \
  --field healthcare_facility="$unit" --field subject_of_care=191212121212 > schedule.xml 2> schedule.err \
  || { echo "GetSubjectOfCareSchedule failed"; cat schedule.xml schedule.err adapter.log; exit 1; }
"$tidnav" validate schedule.xml || { echo "GetSubjectOfCareSchedule answer is not schema-valid"; cat schedule.xml; exit 1; }
grep -q "$booking" schedule.xml || { echo "the seeded booking $booking is not in the schedule"; cat schedule.xml; exit 1; }
echo "1.1 GetSubjectOfCareSchedule: lists $booking"

echo "== SIGTERM"
kill -TERM "$adapter"; rc=0; wait "$adapter" || rc=$?
[ "$rc" = 0 ] || { echo "adapter exited $rc on SIGTERM"; cat adapter.log; exit 1; }
kill -TERM "$sim"; rc=0; wait "$sim" || rc=$?
[ "$rc" = 0 ] || { echo "simulator exited $rc on SIGTERM"; cat sim.err; exit 1; }
pids=()
echo "sim $system system test passed"
