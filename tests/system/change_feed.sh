#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The change feed with the real binaries: `tidnav sim millennium|cosmic`, a
# `tidnav adapter` of that system with an engagement index, and a booking made
# directly in the simulator (its /_sim/direct door, never the adapter). The
# adapter's log must show the feed posting it to its EI outbox within a few
# polls (interval 300 ms), and the poll answering a cancel too. No hub runs:
# the outbox keeps the rows and retries (what a hub outage looks like).
# Usage: change_feed.sh TIDNAV WORKDIR FIXTURES (millennium|cosmic)
set -euo pipefail
tidnav=$1
fixtures=$3
system=$4
. "$(dirname "$0")/lib.sh"
sys_start "$tidnav" "$2"
sys_client_cert adapter SE2321000016-MILL
unit=SE2321000016-ABC1
printed() { sed -n "s|^ *$1: *\(https://[^ ]*\).*|\1|p" sim.out | head -1; }

"$tidnav" sim "$system" --seed "$fixtures/$system/seed.json" --cert pki/localhost.crt --key pki/localhost.key \
  --port-file sim.port > sim.out 2> sim.err &
pids+=($!)
wait_for sim.port "tidnav sim $system" sim.err
for _ in $(seq 100); do grep -q "token URL" sim.out && break; sleep 0.05; done
base=$(printed "base URL"); token=$(printed "token URL")
origin=$(echo "$base" | sed -E 's|^(https://[^/]*).*|\1|')

ei="engagement_index:
  url: https://127.0.0.1:9/
  logical_address: '5565594230'
  client: { cert: pki/adapter.crt, key: pki/adapter.key }
  source_system: SE2321000016-MILL
  data_controller: SE2321000016-REGS
  retry: { initial_ms: 1000, max_ms: 5000 }
  change_feed: { interval_ms: 300, overlap_ms: 2000 }"
if [ "$system" = millennium ]; then
  code_set=https://fhir.cerner.com/ec2458f2-1e24-41c8-b71b-0e701af7583d/codeSet/14249
  cat > adapter.yaml <<YAML
system: millennium
listen: { address: 127.0.0.1, port: 0, port_file: adapter.port }
tls: { cert: pki/localhost.crt, key: pki/localhost.key, ca: pki/tidnav-dev-ca.crt }
state_dir: state
units:
  - { hsa_id: $unit, native_id: LOC-ASA, name: "Vårdcentralen Åsa" }
time_types:
  - { unit: $unit, code: "2572307", system: "$code_set", name: "Läkarbesök 30 min" }
backend: { base_url: "$base", token_url: "$token", client_id: tidnav-test, client_secret: sim-secret, ca: pki/tidnav-dev-ca.crt }
$ei
YAML
else
  cat > adapter.yaml <<YAML
system: cosmic
listen: { address: 127.0.0.1, port: 0, port_file: adapter.port }
tls: { cert: pki/localhost.crt, key: pki/localhost.key, ca: pki/tidnav-dev-ca.crt }
state_dir: state
units:
  - { hsa_id: $unit, native_id: $unit, name: "Vårdcentralen Åsa" }
backend: { base_url: "$base", token_url: "$token", client_id: tidnav-test, client_secret: sim-secret,
           subscription_key: sim-subscription-key, ca: pki/tidnav-dev-ca.crt }
$ei
YAML
fi

sys_start_adapter
sleep 1  # the first poll sets the watermark at "now" (and may post the seed's bookings, changed a moment ago)

direct() {  # direct <action> <json>: the answer's body
  curl -sS --max-time 10 --cacert pki/tidnav-dev-ca.crt -H 'Content-Type: application/json' -d "$2" \
    "$origin/_sim/direct/$1"
}
polls() { grep '"event":"change_feed_poll"' adapter.log | grep -c 'posted=[1-9]' || true; }
posted() {  # posted <n>: waits (bounded) until n change_feed_poll lines posted something
  for _ in $(seq 100); do
    [ "$(polls)" -ge "$1" ] && return 0
    sleep 0.1
  done
  echo "the change feed did not post within 10 s"; cat adapter.log; exit 1
}
echo "== a booking made directly in $system"
before=$(polls)
answer=$(direct book '{"slot": "S-104", "patient": "191212121212"}')
echo "$answer" | head -c 300; echo
id=$(echo "$answer" | grep -oE '"id":"[^"]*"' | head -1 | sed -E 's/.*:"(.*)"/\1/')
[ -n "$id" ] || { echo "no booking id in the simulator's answer"; exit 1; }
posted $((before + 1))
grep '"event":"change_feed_poll"' adapter.log | tail -1
echo "== cancelled directly"
before=$(polls)
direct cancel "{\"id\": \"$id\"}" >/dev/null
posted $((before + 1))
grep '"event":"change_feed_poll"' adapter.log | tail -1
! grep -q '"event":"change_feed_failed"' adapter.log || { echo "a poll failed"; cat adapter.log; exit 1; }

kill -TERM "$adapter"; rc=0; wait "$adapter" || rc=$?
[ "$rc" = 0 ] || { echo "adapter exited $rc on SIGTERM"; cat adapter.log; exit 1; }
[ -s state/change-feed.db ] || { echo "no state/change-feed.db"; exit 1; }
echo "change feed $system system test passed"
