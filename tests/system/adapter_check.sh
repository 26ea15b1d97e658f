#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `tidnav adapter` as operators run it: --check on a bad config exits 1 and
# lists every error; on a good one exits 0; the adapter then serves over
# mutual TLS (port file, PingForConfiguration, a 1.1 call), its plain admin
# listener answers /metrics and refuses a contract, SIGHUP with a broken config
# keeps it serving, SIGHUP after a certificate rotation presents the new
# certificate, and SIGTERM stops it.
set -euo pipefail
tidnav=$1
work=$2
fixtures=$3
rm -rf "$work"; mkdir -p "$work"
"$tidnav" pki init --dir "$work/pki" >/dev/null
"$tidnav" pki issue localhost --kind server --dir "$work/pki" >/dev/null
"$tidnav" pki issue consumer --kind client --hsa-id SE2321000016-1177 --dir "$work/pki" >/dev/null
"$tidnav" pki issue rotated --kind server --dns localhost --ip 127.0.0.1 --dir "$work/pki" >/dev/null

echo "== --check lists every error"
cat > "$work/bad.yaml" <<YAML
system: memory
colour: blue
tls: { cert: pki/nope.crt, key: pki/localhost.key, ca: pki/tidnav-dev-ca.crt }
families: [scheduling-3.0]
timeouts: { backend_ms: 9000 }
units: [ { hsa_id: SE2321000016-ABC1 } ]
backend: { seed: nope.json }
admin: { address: nowhere, port: 99999 }
YAML
if "$tidnav" adapter --config "$work/bad.yaml" --check > "$work/check.out" 2>&1; then
  echo "check passed a bad config"; exit 1
fi
cat "$work/check.out"
for want in "colour" "tls.cert" "families\[0\]" "state_dir" "timeouts.backend_ms" "units\[0\].native_id" "backend.seed" "admin.address" "admin.port"; do
  grep -q "$want" "$work/check.out" || { echo "missing error for $want"; exit 1; }
done

echo "== a good config checks and serves"
cat > "$work/adapter.yaml" <<YAML
system: memory
name: system test
listen: { address: 127.0.0.1, port: 0, port_file: adapter.port }
tls: { cert: pki/served.crt, key: pki/served.key, ca: pki/tidnav-dev-ca.crt }
admin: { port: 0, port_file: admin.port }
state_dir: state
units:
  - { hsa_id: SE2321000016-ABC1, native_id: VC-ASA }
  - { hsa_id: SE2321000016-BRG2, native_id: VC-BERGA }
backend: { seed: $fixtures/adapters/memory-booking-system.json }
YAML
cp "$work/pki/localhost.crt" "$work/pki/served.crt"; cp "$work/pki/localhost.key" "$work/pki/served.key"
"$tidnav" adapter --config "$work/adapter.yaml" --check
"$tidnav" adapter --config "$work/adapter.yaml" 2> "$work/adapter.log" &
adapter=$!
trap 'kill $adapter 2>/dev/null || true' EXIT
for _ in $(seq 200); do [ -s "$work/adapter.port" ] && break; sleep 0.05; done
[ -s "$work/adapter.port" ] || { echo "no port file"; cat "$work/adapter.log"; exit 1; }
url="https://localhost:$(cat "$work/adapter.port")/"
call() {
  "$tidnav" call --url "$url" --cert "$work/pki/consumer.crt" --key "$work/pki/consumer.key" \
    --ca "$work/pki/tidnav-dev-ca.crt" "$@"
}
call --contract 1.1:GetSubjectOfCareSchedule --logical-address SE2321000016-ABC1 \
  --field healthcare_facility=SE2321000016-ABC1 --field subject_of_care=191212121212 > "$work/schedule.out"
grep -q "BK-900" "$work/schedule.out" || { echo "no booking in the schedule"; cat "$work/schedule.out"; exit 1; }
grep -q '"event":"call"' "$work/adapter.log" || { echo "no call log line"; cat "$work/adapter.log"; exit 1; }

echo "== admin listener: plain-HTTP metrics, no contracts"
admin="http://127.0.0.1:$(cat "$work/admin.port")"
grep -q 'tidnav_adapter_calls_total{family="crm-scheduling-1.1"' <<< "$(curl -sf "$admin/metrics")" \
  || { echo "admin /metrics lacks the call"; exit 1; }
grep -q ready <<< "$(curl -sf "$admin/health/ready")" || { echo "admin /health/ready"; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: text/xml' --data-binary @"$work/schedule.out" "$admin/")
[ "$status" = 404 ] || { echo "a POST to the admin listener answered $status"; exit 1; }

served_subject() {
  openssl s_client -connect "127.0.0.1:$(cat "$work/adapter.port")" -cert "$work/pki/consumer.crt" \
    -key "$work/pki/consumer.key" -CAfile "$work/pki/tidnav-dev-ca.crt" </dev/null 2>/dev/null |
    openssl x509 -noout -subject
}
wait_log() {  # $1: pattern, $2: how many lines must match
  for _ in $(seq 100); do [ "$(grep -c "$1" "$work/adapter.log")" -ge "$2" ] && return 0; sleep 0.05; done
  echo "no $1 in the log"; cat "$work/adapter.log"; exit 1
}
served_subject | grep -q localhost || { echo "not serving the first certificate"; exit 1; }

echo "== SIGHUP with a broken config keeps serving"
cp "$work/adapter.yaml" "$work/adapter.good"
printf 'surprise: 1\n' >> "$work/adapter.yaml"
kill -HUP $adapter
wait_log '"event":"reload_failed"' 1
grep '"event":"reload_failed"' "$work/adapter.log" | grep surprise > /dev/null || { echo "error not logged"; exit 1; }
call --contract 1.1:GetSubjectOfCareSchedule --logical-address SE2321000016-ABC1 \
  --field healthcare_facility=SE2321000016-ABC1 --field subject_of_care=191212121212 > "$work/after-reload.out" \
  && grep -q BK-900 "$work/after-reload.out" || { echo "no longer serving after a failed reload"; exit 1; }

echo "== SIGHUP after rotating the certificate in place"
cp "$work/adapter.good" "$work/adapter.yaml"
cp "$work/pki/rotated.crt" "$work/pki/served.crt"; cp "$work/pki/rotated.key" "$work/pki/served.key"
kill -HUP $adapter
wait_log '"event":"reloaded"' 1
served_subject | grep -q rotated || { echo "the rotated certificate is not served: $(served_subject)"; exit 1; }

kill -TERM $adapter
wait $adapter
trap - EXIT
echo "adapter system test passed"
