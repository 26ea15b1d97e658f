#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `tidnav conform` as a region runs it before a producer goes live: against a
# memory-system `tidnav adapter` it exits 0 and writes a JUnit file that parses
# and has no <failure>, and an HTML report; against `tidnav sim demo` (which
# offers only a few reading contracts) it passes what is offered and skips the
# rest (exit 0: the demo refuses a malformed personnummer as the contracts
# require); addressed to a unit the demo does not serve it exits 1 with
# failures in the JUnit file.
# Usage: conform_cli.sh TIDNAV WORKDIR FIXTURES (2.0|1.1)
set -euo pipefail
tidnav=$1
fixtures=$3
family=$4
. "$(dirname "$0")/lib.sh"
sys_start "$tidnav" "$2"
sys_client_cert consumer SE2321000016-1177
client=(--cert pki/consumer.crt --key pki/consumer.key --ca pki/tidnav-dev-ca.crt)
unit=SE2321000016-ABC1

cat > adapter.yaml <<YAML
system: memory
name: conform system test
listen: { address: 127.0.0.1, port: 0, port_file: adapter.port }
tls: { cert: pki/localhost.crt, key: pki/localhost.key, ca: pki/tidnav-dev-ca.crt }
state_dir: state
units:
  - { hsa_id: $unit, native_id: VC-ASA }
backend: { seed: $fixtures/adapters/memory-booking-system.json }
YAML
sys_start_adapter

echo "== tidnav conform --family $family against a memory adapter"
# The seed's free times lie on 10-13 March 2031; a short SLA sample keeps the run short.
rc=0
"$tidnav" conform --url "$url" --logical-address "$unit" "${client[@]}" \
  --family "$family" --person 191212121212 --from 20310310 --days 4 --calls 3 \
  --junit good.xml --html good.html > good.out 2> good.err || rc=$?
cat good.out
[ "$rc" = 0 ] || { echo "conform exited $rc against the memory adapter"; tail -20 good.err; exit 1; }
xmllint --noout good.xml || { echo "the JUnit file does not parse"; exit 1; }
grep -q "<testcase" good.xml || { echo "the JUnit file has no testcase"; exit 1; }
if grep -q "<failure" good.xml; then echo "the JUnit file has a <failure>"; exit 1; fi
grep -qi "<html" good.html || { echo "no HTML report"; exit 1; }
grep -q "make.slot-taken" good.html || { echo "the HTML report does not name the checks"; exit 1; }

echo "== tidnav conform --family $family against tidnav sim demo"
"$tidnav" sim demo --cert pki/localhost.crt --key pki/localhost.key --ca pki/tidnav-dev-ca.crt --hsa-id "$unit" \
  --port-file demo.port 2> demo.log &
pids+=($!)
wait_for demo.port "tidnav sim demo" demo.log
rc=0
"$tidnav" conform --url "https://localhost:$(tr -dc 0-9 < demo.port)/demo" --logical-address "$unit" "${client[@]}" \
  --family "$family" --person 191212121212 --calls 3 --junit demo.xml > demo.out 2> demo.err || rc=$?
cat demo.out
[ "$rc" = 0 ] || { echo "conform exited $rc against tidnav sim demo (expected 0)"; tail -20 demo.err; exit 1; }
grep -q "errors.malformed *PASS" demo.out || { echo "the demo's answer to a malformed personnummer did not pass"; exit 1; }
grep -q "<skipped" demo.xml || { echo "what the demo does not offer is not skipped"; exit 1; }

echo "== tidnav conform --family $family against tidnav sim demo, addressed to a unit it does not serve"
rc=0
"$tidnav" conform --url "https://localhost:$(tr -dc 0-9 < demo.port)/demo" --logical-address SE2321000016-NONE \
  "${client[@]}" --family "$family" --person 191212121212 --calls 3 --junit bad.xml > bad.out 2> bad.err || rc=$?
cat bad.out
[ "$rc" = 1 ] || { echo "conform exited $rc against the wrong unit (expected 1)"; tail -20 bad.err; exit 1; }
xmllint --noout bad.xml || { echo "the JUnit file of the failed run does not parse"; exit 1; }
grep -q "<failure" bad.xml || { echo "exit 1 but no <failure> in the JUnit file"; exit 1; }

kill -TERM "$adapter"; rc=0; wait "$adapter" || rc=$?
[ "$rc" = 0 ] || { echo "adapter exited $rc on SIGTERM"; exit 1; }
echo "conform $family system test passed"
