#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `tidnav hub` as operators run it: --check reports every error at once,
# SIGHUP reloads (a route added to hub.yaml becomes routable), route-check
# passes and fails as expected, and SIGTERM drains and exits 0.
set -euo pipefail
tidnav=$1
work=$2
rm -rf "$work"; mkdir -p "$work"
"$tidnav" pki init --dir "$work/pki" >/dev/null
"$tidnav" pki issue localhost --kind server --dir "$work/pki" >/dev/null
"$tidnav" pki issue consumer --kind client --hsa-id SE2321000016-1177 --dir "$work/pki" >/dev/null

ns=urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1
write_config() {  # $1: routes block
  cat > "$work/hub.yaml" <<YAML
instance: { name: "system test", id: sys-hub }
listeners:
  https: { address: 127.0.0.1, port: 0, cert: pki/localhost.crt, key: pki/localhost.key, ca: pki/tidnav-dev-ca.crt }
  admin: { address: 127.0.0.1, port: 0 }
call_log: { path: "" }
$1
YAML
}

echo "== --check lists every error"
write_config "routes: [ { contract: $ns, logical_address: '', url: 'ftp://x' } ]
permissions: [ { consumer: '', contract: $ns, logical_address: A } ]"
if "$tidnav" hub --config "$work/hub.yaml" --check > "$work/check.out" 2>&1; then echo "check passed a bad config"; exit 1; fi
cat "$work/check.out"
for want in "routes\[0\].logical_address" "routes\[0\].url" "permissions\[0\].consumer"; do
  grep -q "$want" "$work/check.out" || { echo "missing error for $want"; exit 1; }
done

echo "== start with one route, add another, SIGHUP"
write_config "routes: [ { contract: $ns, logical_address: SE-A, url: 'https://127.0.0.1:1/a' } ]
permissions: [ { consumer: SE2321000016-1177, contract: $ns, logical_address: SE-A } ]"
"$tidnav" hub --config "$work/hub.yaml" --check
"$tidnav" hub --config "$work/hub.yaml" --port-file "$work/ports" 2> "$work/hub.log" &
hub=$!
trap 'kill $hub 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$work/ports" ] && break; sleep 0.05; done
admin="http://127.0.0.1:$(awk '$1=="admin"{print $2}' "$work/ports")"
grep -q '"vagval:1 behorigheter:1"\|vagval:1 behorigheter:1' <<< "$(curl -fsS "$admin/status")"

cat > "$work/cases.yaml" <<YAML
- { name: known unit, consumer: SE2321000016-1177, contract: $ns, address: SE-B, expect: "https://127.0.0.1:1/b" }
YAML
if "$tidnav" route-check --config "$work/hub.yaml" "$work/cases.yaml"; then echo "route-check passed before the route exists"; exit 1; fi

write_config "routes:
  - { contract: $ns, logical_address: SE-A, url: 'https://127.0.0.1:1/a' }
  - { contract: $ns, logical_address: SE-B, url: 'https://127.0.0.1:1/b' }
permissions:
  - { consumer: SE2321000016-1177, contract: $ns, logical_address: SE-A }
  - { consumer: SE2321000016-1177, contract: $ns, logical_address: SE-B }"
"$tidnav" route-check --config "$work/hub.yaml" "$work/cases.yaml"
kill -HUP $hub
for _ in $(seq 100); do grep -q 'vagval:2' <<< "$(curl -fsS "$admin/status")" && break; sleep 0.05; done
grep -q 'vagval:2' <<< "$(curl -fsS "$admin/status")" || { echo "SIGHUP did not reload"; cat "$work/hub.log"; exit 1; }
curl -fsS "$admin/metrics" | grep 'tidnav_reloads_total{result="ok"} 1' >/dev/null  # not -q: curl must be able to write all of it

echo "== SIGTERM drains and exits 0"
kill -TERM $hub
wait $hub
trap - EXIT
echo "hub system test passed"
