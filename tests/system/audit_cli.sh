#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The audit log end to end with the built binary: `tidnav hub` records a call
# naming a person (here one whose producer cannot be reached: VP009 is still
# an access attempt), SIGTERM flushes it, and `tidnav audit` prints it in
# every form the operator uses, and refuses bad input with exit code 2.
set -euo pipefail
tidnav=$1
work=$2
rm -rf "$work"; mkdir -p "$work"
"$tidnav" pki init --dir "$work/pki" >/dev/null
"$tidnav" pki issue localhost --kind server --dir "$work/pki" >/dev/null
"$tidnav" pki issue consumer --kind client --hsa-id SE2321000016-1177 --dir "$work/pki" >/dev/null

ns=urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1
cat > "$work/hub.yaml" <<YAML
instance: { name: "audit test", id: audit-hub }
listeners:
  https: { address: 127.0.0.1, port: 0, cert: pki/localhost.crt, key: pki/localhost.key, ca: pki/tidnav-dev-ca.crt }
  admin: { address: 127.0.0.1, port: 0 }
call_log: { path: calls.log }
producers: { connect_timeout_ms: 500, default_timeout_ms: 1000 }
routes: [ { contract: $ns, logical_address: SE2321000016-A001, url: 'https://127.0.0.1:1/a' } ]
permissions: [ { consumer: SE2321000016-1177, contract: $ns, logical_address: SE2321000016-A001 } ]
YAML
"$tidnav" hub --config "$work/hub.yaml" --port-file "$work/ports" 2> "$work/hub.log" &
hub=$!
trap 'kill $hub 2>/dev/null || true' EXIT
for _ in $(seq 200); do [ -s "$work/ports" ] && break; sleep 0.05; done
port=$(awk '$1=="https"{print $2}' "$work/ports")

echo "== a call naming 19121212-1212 at a unit whose producer is down"
if "$tidnav" call --url "https://localhost:$port/vp" --cert "$work/pki/consumer.crt" --key "$work/pki/consumer.key" \
     --ca "$work/pki/tidnav-dev-ca.crt" --contract 1.1:GetSubjectOfCareSchedule --logical-address SE2321000016-A001 \
     --field healthcare_facility=SE2321000016-A001 --field subject_of_care=19121212-1212 --timeout 10 > "$work/call.out" 2>&1; then
  echo "the call should have failed with VP009"; cat "$work/call.out"; exit 1
fi
grep -q VP009 "$work/call.out" || { echo "no VP009"; cat "$work/call.out"; exit 1; }

echo "== SIGTERM writes what is queued"
kill -TERM $hub
wait $hub
trap - EXIT
if grep -q 1212121212 "$work/calls.log" "$work/hub.log"; then echo "a personnummer reached the logs"; exit 1; fi

echo "== tidnav audit"
"$tidnav" audit --db "$work/audit.db" --person 191212121212 | tee "$work/audit.out"
grep -q "GetSubjectOfCareSchedule (crm:scheduling 1)  VP009  consumer SE2321000016-1177  units SE2321000016-A001  consumer" "$work/audit.out"
"$tidnav" audit --config "$work/hub.yaml" --person 121212+1212 --json > "$work/audit.json"
grep -q '"person": "191212121212"' "$work/audit.json"
grep -q '"outcome": "VP009"' "$work/audit.json"
grep -q '"care_units": \[' "$work/audit.json"
test "$("$tidnav" audit --db "$work/audit.db" --person 191212121212 --from 2000-01-01 --to 2000-01-02Z 2>/dev/null | wc -l)" = 0
test "$("$tidnav" audit --db "$work/audit.db" --person 197710102384 2>/dev/null | wc -l)" = 0

echo "== bad input: exit code 2 and a reason"
set +e
"$tidnav" audit --db "$work/audit.db" --person 191212121212 --from yesterday 2> "$work/err1"; rc1=$?
"$tidnav" audit --db "$work/missing.db" --person 191212121212 2> "$work/err2"; rc2=$?
"$tidnav" audit --person 191212121212 2> "$work/err3"; rc3=$?
set -e
[ $rc1 = 2 ] && grep -q "not a date" "$work/err1" || { echo "bad --from: rc=$rc1"; cat "$work/err1"; exit 1; }
[ $rc2 = 2 ] && grep -q "cannot open audit database" "$work/err2" || { echo "missing db: rc=$rc2"; cat "$work/err2"; exit 1; }
[ $rc3 = 2 ] || { echo "no --db: rc=$rc3"; exit 1; }
test ! -e "$work/missing.db"
echo "audit system test passed"
