#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `tidnav sim crm10|crm11` with known producer defects switched on, and the
# PASiS / PMO `tidnav adapter` in front: a 2.0 GetAvailableTimeslots through
# the adapter answers schema-valid (the defects are read leniently and never
# reach the consumer), and `tidnav adapter reindex` finds the person's
# bookings and exits 0.
# Usage: sim_legacy_adapters.sh TIDNAV WORKDIR FIXTURES (pasis|pmo)
set -euo pipefail
tidnav=$1
fixtures=$3
profile=$4
. "$(dirname "$0")/lib.sh"
sys_start "$tidnav" "$2"
sys_client_cert consumer SE2321000016-1177
sys_client_cert adapter SE2321000016-TNAV
consumer=(--cert pki/consumer.crt --key pki/consumer.key --ca pki/tidnav-dev-ca.crt)

if [ "$profile" = pasis ]; then
  sim=crm10; unit=SE2321000016-PAS1
  defects=(--defect 12-digit-timestamps --defect empty-elements --defect non-hsa-performer)
  extra=""
else
  sim=crm11; unit=SE2321000016-PMO1
  defects=(--defect personnummer-hyphen --defect empty-elements --defect non-hsa-performer)
  # The region's decisions for 2.0 calls without a 1.1 counterpart (adapters/pmo/README.md).
  extra="  service_actor: { id: SE2321000016-TNAV, type: subject_of_care_agent }
  anonymous_subject_of_care: \"191212121212\"
  unknown_first_name: Okänt
  unknown_last_name: Okänt"
fi

echo "== tidnav sim $sim ${defects[*]}"
"$tidnav" sim "$sim" --seed "$fixtures/$profile/seed.json" --cert pki/localhost.crt --key pki/localhost.key \
  --ca pki/tidnav-dev-ca.crt --port-file sim.port "${defects[@]}" > sim.out 2> sim.err &
pids+=($!)
wait_for sim.port "tidnav sim $sim" sim.err
cat sim.out

cat > adapter.yaml <<YAML
system: $profile
name: "$profile system test"
listen: { address: 127.0.0.1, port: 0, port_file: adapter.port }
tls: { cert: pki/localhost.crt, key: pki/localhost.key, ca: pki/tidnav-dev-ca.crt }
state_dir: state
units:
  - { hsa_id: $unit, native_id: $unit }
backend:
  endpoint: https://localhost:$(tr -dc 0-9 < sim.port)/crm/{contract}
  client: { cert: pki/adapter.crt, key: pki/adapter.key, ca: pki/tidnav-dev-ca.crt }
  id_store: state/bridge-ids.db
$extra
engagement_index:
  url: https://localhost:1/
  logical_address: "5565594230"
  client: { cert: pki/adapter.crt, key: pki/adapter.key }
  source_system: SE2321000016-SYS1
  data_controller: SE2321000016-VG01
YAML

echo "== tidnav adapter (system: $profile) in front of it"
sys_start_adapter

sys_march_2031_timeslots 1
# The non-hsa-performer defect must not leak: performers are HSA-ids again.
if grep -q "LAK-SE" timeslots.xml; then echo "a LAK-<HSA-id> performer reached the consumer"; cat timeslots.xml; exit 1; fi
echo "2.0 GetAvailableTimeslots through the $profile adapter: $n times, schema-valid"

echo "== tidnav adapter reindex"
"$tidnav" adapter reindex --config adapter.yaml --person 191212121212 > reindex.out 2>&1 \
  || { echo "reindex exited non-zero"; cat reindex.out; exit 1; }
cat reindex.out
# The seed books 191212121212 twice at this unit; each booking is queued under
# both domains the adapter serves (2.0 and 1.1).
grep -q "^2 booking(s) of 19121212-" reindex.out || { echo "reindex did not find the person's two bookings"; exit 1; }
grep -q "^4 EI transaction(s) queued in state/ei-outbox.db" reindex.out || { echo "reindex queued no EI posts"; exit 1; }

kill -TERM "$adapter"; rc=0; wait "$adapter" || rc=$?
[ "$rc" = 0 ] || { echo "adapter exited $rc on SIGTERM"; cat adapter.log; exit 1; }
echo "sim $sim $profile system test passed"
