#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The change feed end to end, in the whole product (`tidnav sandbox`: hub with
# the engagement index and the aggregating services, four adapters, four
# simulators): a person with no booking at a Millennium unit gets one there,
# made directly in the Millennium simulator (its /_sim/direct door, never an adapter or the
# hub). Within the adapter's change-feed interval (2 s in the sandbox) the hub's
# aggregated crm:scheduling 1.1 GetSubjectOfCareSchedule lists it: the feed
# posted it to the EI, so the aggregator asks that unit. Bounded waits.
set -euo pipefail
tidnav=$1
work=$2
. "$(dirname "$0")/lib.sh"
sys_run_sandbox "$tidnav" "$work"
sim=$(sed -n '/"simulators": {/,/}/p' "$m" | grep -oE '"millennium": "https://[^"]*"' | sed -E 's/.*: "(.*)"/\1/')
[ -n "$sim" ] || { echo "no millennium simulator in sandbox.json"; cat "$m"; exit 1; }
view() {  # view <person>: the aggregated 1.1 schedule
  "$tidnav" call --url "$url" --cert "$(field 1177 cert)" --key "$(field 1177 key)" --ca "$ca" \
    --contract 1.1:GetSubjectOfCareSchedule --logical-address 5565594230 --actor "$1" \
    --field healthcare_facility=5565594230 --field subject_of_care="$1"
}

seed=$(find "$work/sb" -name millennium.json | head -1)
[ -n "$seed" ] || { echo "no Millennium seed in the sandbox"; exit 1; }
taken=$(grep -oE '"slot": "[^"]*"' "$seed" | sed -E 's/.*: "(.*)"/\1/' || true)
slot=""
for s in $(grep -oE '"id": "[A-Z0-9]+-[0-9]{8}-[0-9]{4}-[A-Z0-9]+"' "$seed" | sed -E 's/.*: "(.*)"/\1/' | tac); do
  grep -qx "$s" <<< "$taken" || { slot=$s; break; }
done
[ -n "$slot" ] || { echo "no free Millennium slot in the seed"; exit 1; }

unit="SE2321000016-${slot%%-*}"
# A person the EI knows nothing about at that unit: without the feed the aggregator would never ask it.
person=""
for p in 199010102383 196408233234 201212121212 198112189876 191212121212; do
  view "$p" > "$work/before.out" 2>&1 || { cat "$work/before.out"; echo "the aggregated view failed"; exit 1; }
  if ! grep -q "$unit" "$work/before.out"; then person=$p; break; fi
done
[ -n "$person" ] || { echo "every sandbox person already has bookings at $unit; nothing to show"; exit 1; }
echo "person without bookings at $unit: $person"

echo "== booked directly in Millennium: $slot for $person"
answer=$(curl -sS --max-time 10 --cacert "$ca" -H 'Content-Type: application/json' \
  -d "{\"slot\": \"$slot\", \"patient\": \"$person\"}" "$sim/_sim/direct/book")
id=$(echo "$answer" | grep -oE '"id":"[^"]*"' | head -1 | sed -E 's/.*:"(.*)"/\1/')
[ -n "$id" ] || { echo "the simulator did not book: $answer"; exit 1; }
echo "booking $id"

for _ in $(seq 45); do
  view "$person" > "$work/after.out" 2>&1 || true
  if grep -q "$id" "$work/after.out"; then
    echo "the aggregated view lists $id"
    echo "change feed sandbox passed"
    exit 0
  fi
  sleep 2
done
cat "$work/after.out"
grep -h change_feed "$work"/sb/log/*millennium*.log 2>/dev/null | tail -5 || true
echo "the aggregated view did not list $id within 90 s"
exit 1
