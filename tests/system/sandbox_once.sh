#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `tidnav sandbox --once`: every journey step succeeds (exit 0), sandbox.json
# has the documented shape with absolute paths that exist, and no child
# outlives the sandbox.
set -euo pipefail
tidnav=$1
work=$2
rm -rf "$work"; mkdir -p "$(dirname "$work")"
"$tidnav" sandbox --once --dir "$work" | tee "$work.out"
m="$work/sandbox.json"
[ -s "$m" ] || { echo "no sandbox.json"; exit 1; }
for key in '"hub"' '"url"' '"admin_url"' '"platform_hsa_id": "5565594230"' '"ca"' '"clients"' '"1177"' \
           '"operator"' '"unauthorized"' '"units"' '"hsa_id"' '"name"' '"system"' '"adapter_url"' '"persons"' \
           '"id": "191212121212"' '"pids"'; do
  grep -q "$key" "$m" || { echo "sandbox.json lacks $key"; exit 1; }
done
for sys in millennium cosmic pasis pmo; do
  grep -q "\"system\": \"$sys\"" "$m" || { echo "no unit on $sys"; exit 1; }
done
# Every certificate, key and the CA named in it exist, as absolute paths.
grep -oE '"(cert|key|ca)": "[^"]*"' "$m" | sed -E 's/.*: "(.*)"/\1/' | while read -r f; do
  case "$f" in /*) ;; *) echo "not absolute: $f"; exit 1 ;; esac
  [ -f "$f" ] || { echo "missing: $f"; exit 1; }
done
# The journey's own verdicts.
grep -q "Journey done: every step succeeded" "$work.out"
grep -q "VP007" "$work.out"
# The cancelled PASiS booking is gone and, being the person's only one there,
# its unit is no longer named by the engagement index, so no longer called.
grep -q "the PASiS booking gone and SE2321000016-SKP[0-9] no longer called" "$work.out"
# Patientdatalagen: every personal-data call of the journey left an audit
# record for the journey's person (issue 7's "done when").
audit=$("$tidnav" audit --config "$work/config/hub.yaml" --person 191212121212 --json)
for contract in '"GetAppointments"' '"GetAppointment"' '"GetSubjectOfCareSchedule"' '"MakeAppointment"' \
                '"UpdateAppointment"' '"CancelAppointment"'; do
  grep -q "$contract" <<<"$audit" || { echo "no audit record of $contract for 191212121212"; exit 1; }
done
# Other people's records are not in this person's log.
if grep -q '198112189876' <<<"$audit"; then echo "another person's record in the audit answer"; exit 1; fi
# No orphans: every pid in sandbox.json is gone.
pids=$(sed -n '/"pids"/,/}/p' "$m" | grep -oE ': [0-9]+' | tr -dc '0-9\n')
[ -n "$pids" ] || { echo "no pids in sandbox.json"; exit 1; }
for p in $pids; do
  if kill -0 "$p" 2>/dev/null && ! grep -q '^State:.*Z' "/proc/$p/status" 2>/dev/null; then
    echo "process $p still runs"; exit 1
  fi
done
echo "sandbox once passed"
