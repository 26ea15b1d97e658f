#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Certificate rotation without restart, as operators do it: the running
# `tidnav hub` gets a new server certificate on SIGHUP (new handshakes see
# it), and a SIGHUP naming a missing certificate keeps the one in use.
set -euo pipefail
tidnav=$1
work=$2
rm -rf "$work"; mkdir -p "$work"
"$tidnav" pki init --dir "$work/pki" >/dev/null
"$tidnav" pki issue localhost --kind server --dir "$work/pki" >/dev/null
"$tidnav" pki issue rotated --kind server --dns localhost --ip 127.0.0.1 --dir "$work/pki" >/dev/null
"$tidnav" pki issue consumer --kind client --hsa-id SE2321000016-1177 --dir "$work/pki" >/dev/null

write_config() {  # $1: certificate base name
  cat > "$work/hub.yaml" <<YAML
instance: { name: "rotation test", id: rot-hub }
listeners:
  https: { address: 127.0.0.1, port: 0, cert: pki/$1.crt, key: pki/$1.key, ca: pki/tidnav-dev-ca.crt }
  admin: { address: 127.0.0.1, port: 0 }
call_log: { path: "" }
audit: { path: "" }
YAML
}
subject() {  # the CN the https listener presents to a new handshake
  openssl s_client -connect "127.0.0.1:$port" -cert "$work/pki/consumer.crt" -key "$work/pki/consumer.key" \
    -CAfile "$work/pki/tidnav-dev-ca.crt" </dev/null 2>/dev/null | openssl x509 -noout -subject
}
reloaded() {  # waits until /status shows the n-th reload
  for _ in $(seq 100); do
    [ "$(curl -fsS "$admin/metrics" | awk -v r="$1" '$1 ~ "tidnav_reloads_total\\{result=\""r"\"\\}" {print $2}')" = "$2" ] && return 0
    sleep 0.05
  done
  return 1
}

write_config localhost
"$tidnav" hub --config "$work/hub.yaml" --port-file "$work/ports" 2> "$work/hub.log" &
hub=$!
trap 'kill $hub 2>/dev/null || true' EXIT
for _ in $(seq 200); do [ -s "$work/ports" ] && break; sleep 0.05; done
port=$(awk '$1=="https"{print $2}' "$work/ports")
admin="http://127.0.0.1:$(awk '$1=="admin"{print $2}' "$work/ports")"

echo "== before: $(subject)"
subject | grep -q "CN *= *localhost"

echo "== new certificate, SIGHUP"
write_config rotated
kill -HUP $hub
reloaded ok 1 || { echo "SIGHUP did not reload"; cat "$work/hub.log"; exit 1; }
echo "== after: $(subject)"
subject | grep -q "CN *= *rotated"

echo "== a missing certificate: the reload fails, the certificate in use stays"
write_config missing
kill -HUP $hub
reloaded failed 1 || { echo "the bad reload was not reported"; cat "$work/hub.log"; exit 1; }
subject | grep -q "CN *= *rotated"
grep -q reload_failed "$work/hub.log"

kill -TERM $hub
wait $hub
trap - EXIT
echo "certificate rotation test passed"
