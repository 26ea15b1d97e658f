#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `tidnav call --expand` as a user runs it: two demo units behind `tidnav hub`,
# their engagements in the hub's index, one aggregated GetAppointments at the
# platform address, printed as a table of appointments fetched with
# GetAppointment through the same hub.
set -euo pipefail
tidnav=$1
work=$2
rm -rf "$work"; mkdir -p "$work"
cd "$work"
"$tidnav" pki init --dir pki >/dev/null
"$tidnav" pki issue localhost --kind server --dir pki >/dev/null
"$tidnav" pki issue consumer --kind client --hsa-id SE2321000016-1177 --dir pki >/dev/null
"$tidnav" pki issue hub --kind client --hsa-id SE2321000016-HUB1 --dir pki >/dev/null
tls=(--cert pki/localhost.crt --key pki/localhost.key --ca pki/tidnav-dev-ca.crt)
consumer=(--cert pki/consumer.crt --key pki/consumer.key --ca pki/tidnav-dev-ca.crt)

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
"$tidnav" sim demo "${tls[@]}" --hsa-id SE2321000016-U001 --port-file u1.port 2> u1.log & pids+=($!)
"$tidnav" sim demo "${tls[@]}" --hsa-id SE2321000016-U002 --port-file u2.port 2> u2.log & pids+=($!)
for f in u1.port u2.port; do
  for _ in $(seq 200); do [ -s "$f" ] && break; sleep 0.05; done
  [ -s "$f" ] || { echo "unit did not start ($f)"; exit 1; }
done
u1="https://localhost:$(tr -dc 0-9 < u1.port)/demo"
u2="https://localhost:$(tr -dc 0-9 < u2.port)/demo"

list=urn:riv:supportprocess:logistics:scheduling:GetAppointmentsResponder:2
one=urn:riv:supportprocess:logistics:scheduling:GetAppointmentResponder:2
upd=urn:riv:itintegration:engagementindex:UpdateResponder:1
me=SE2321000016-1177
cat > hub.yaml <<YAML
instance: { name: "expand system test", id: sys-expand }
listeners:
  https: { address: 127.0.0.1, port: 0, cert: pki/localhost.crt, key: pki/localhost.key, ca: pki/tidnav-dev-ca.crt }
  admin: { address: 127.0.0.1, port: 0 }
call_log: { path: "" }
producers:
  tls: { ca: pki/tidnav-dev-ca.crt, cert: pki/hub.crt, key: pki/hub.key }
engagement_index: { database: ei.db }
routes:
  - { contract: $upd, logical_address: "5565594230", url: "local:ei" }
  - { contract: $list, logical_address: "5565594230", url: "local:aggregate" }
  - { contract: $list, logical_address: SE2321000016-U001, url: "$u1" }
  - { contract: $list, logical_address: SE2321000016-U002, url: "$u2" }
  - { contract: $one, logical_address: SE2321000016-U001, url: "$u1" }
  - { contract: $one, logical_address: SE2321000016-U002, url: "$u2" }
permissions:
  - { consumer: $me, contract: $upd, logical_address: "5565594230" }
  - { consumer: $me, contract: $list, logical_address: "5565594230" }
  - { consumer: $me, contract: $list, logical_address: SE2321000016-U001 }
  - { consumer: $me, contract: $list, logical_address: SE2321000016-U002 }
  - { consumer: $me, contract: $one, logical_address: SE2321000016-U001 }
  - { consumer: $me, contract: $one, logical_address: SE2321000016-U002 }
YAML
"$tidnav" hub --config hub.yaml --port-file hub.ports 2> hub.log & pids+=($!)
for _ in $(seq 200); do [ -s hub.ports ] && break; sleep 0.05; done
[ -s hub.ports ] || { echo "hub did not start"; cat hub.log; exit 1; }
hub="https://localhost:$(awk '$1=="https"{print $2}' hub.ports)/vp"

post() {  # $1: unit
  echo "<upd:engagementTransaction><ei:deleteFlag>false</ei:deleteFlag><ei:engagement>
<ei:registeredResidentIdentification>191212121212</ei:registeredResidentIdentification>
<ei:serviceDomain>riv:supportprocess:logistics:scheduling</ei:serviceDomain><ei:categorization>NA</ei:categorization>
<ei:logicalAddress>$1</ei:logicalAddress><ei:businessObjectInstanceIdentifier>B-$1</ei:businessObjectInstanceIdentifier>
<ei:clinicalProcessInterestId>NA</ei:clinicalProcessInterestId><ei:mostRecentContent>20261206120000</ei:mostRecentContent>
<ei:sourceSystem>SE2321000016-SYS1</ei:sourceSystem><ei:dataController>SE2321000016-VG01</ei:dataController>
</ei:engagement></upd:engagementTransaction>"
}
cat > update.xml <<XML
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:itr="urn:riv:itintegration:registry:1"
  xmlns:upd="$upd" xmlns:ei="urn:riv:itintegration:engagementindex:1">
<soapenv:Header><itr:LogicalAddress>5565594230</itr:LogicalAddress></soapenv:Header>
<soapenv:Body><upd:Update>$(post SE2321000016-U001)$(post SE2321000016-U002)</upd:Update></soapenv:Body></soapenv:Envelope>
XML
"$tidnav" call --url "$hub" "${consumer[@]}" --file update.xml > update.out

echo "== aggregated GetAppointments, expanded"
rc=0
"$tidnav" call --url "$hub" "${consumer[@]}" --contract GetAppointments --logical-address 5565594230 \
  --field actor.actorId.root=1.2.752.129.2.1.3.1 --field actor.actorId.extension=191212121212 \
  --field actor.actorType.code=116154003 --field actor.actorType.codeSystem=1.2.752.116.2.1.1 \
  --field personId.root=1.2.752.129.2.1.3.1 --field personId.extension=191212121212 \
  --expand > table.out 2> table.err || rc=$?
cat table.out; cat table.err
[ "$rc" = 0 ] || { echo "call --expand exited $rc"; cat hub.log; exit 1; }
# Two units x two bookings, earliest first, each with its time, type and status.
grep -q "^4 appointments" table.out || { echo "expected 4 appointments"; exit 1; }
[ "$(grep -c "2027-01-15 09:30-10:00 *SE2321000016-U00[12] .*LAK30 .*confirmed" table.out)" = 2 ] || { echo "January rows"; exit 1; }
[ "$(grep -c "2027-02-03 14:00-14:15 *SE2321000016-U00[12] .*VID15 .*confirmed" table.out)" = 2 ] || { echo "February rows"; exit 1; }
first=$(grep -n "2027-01-15" table.out | head -1 | cut -d: -f1)
last=$(grep -n "2027-02-03" table.out | tail -1 | cut -d: -f1)
[ "$first" -lt "$last" ] || { echo "not earliest first"; exit 1; }
echo "call --expand system test passed"
