#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# A running sandbox driven from outside through sandbox.json: the 1177
# consumer is answered, the "unauthorized" consumer (a valid certificate of the
# same CA) gets VP007, and SIGTERM stops every child.
set -euo pipefail
tidnav=$1
work=$2
. "$(dirname "$0")/lib.sh"
sys_run_sandbox "$tidnav" "$work"
call() {  # call <client>
  "$tidnav" call --url "$url" --cert "$(field "$1" cert)" --key "$(field "$1" key)" --ca "$ca" \
    --contract 1.1:GetSubjectOfCareSchedule --logical-address 5565594230 --actor 191212121212 \
    --field healthcare_facility=5565594230 --field subject_of_care=191212121212
}
echo "== 1177"
call 1177 > "$work/1177.out"
grep -q "timeslotDetail" "$work/1177.out" || { cat "$work/1177.out"; echo "no bookings for 1177"; exit 1; }
echo "== unauthorized"
if call unauthorized > "$work/unauth.out" 2>&1; then echo "unauthorized was answered"; exit 1; fi
cat "$work/unauth.out"
grep -q "VP007" "$work/unauth.out" || { echo "no VP007"; exit 1; }
echo "== dashboard citizen view"
dash=$(sed -n '/"dashboard": {/,/}/p' "$m" | grep -oE '"url": "[^"]*"' | sed -E 's/.*: "(.*)"/\1/')
token_file=$(sed -n '/"dashboard": {/,/}/p' "$m" | grep -oE '"token_file": "[^"]*"' | sed -E 's/.*: "(.*)"/\1/')
[ -n "$dash" ] && [ -f "$token_file" ] || { echo "no dashboard url or token file in sandbox.json"; exit 1; }
[ "$(stat -c %a "$token_file")" = 600 ] || { echo "token file is not 0600"; exit 1; }
! grep -qF "$(cat "$token_file")" "$work/sb/config/hub.yaml" || { echo "the token itself is in hub.yaml"; exit 1; }
body='{"person": "191212121212", "contract": "schedule"}'
citizen() {  # citizen <curl args...>: prints the body, then the HTTP status on its own line
  curl -sS --max-time 20 -X POST -H 'Content-Type: application/json' -d "$body" -w '\n%{http_code}\n' "$@" \
    "$dash/api/citizen"
}
citizen -H "Authorization: Bearer $(cat "$token_file")" > "$work/citizen.out"
head -c 600 "$work/citizen.out"; echo
[ "$(tail -1 "$work/citizen.out")" = 200 ] || { echo "citizen view with the token was not answered 200"; exit 1; }
# The bookings (rows, not the ProcessingStatus of units) come from several systems:
# SKM Millennium, SKP PASiS, SKB PMO, JKC Cosmic.
systems=$(sed -E 's/.*"rows"://' "$work/citizen.out" | grep -oE 'SE2321000016-(SKM|SKP|SKB|JKC)[0-9]' \
          | sed -E 's/.*-(...).$/\1/' | sort -u | wc -l)
[ "$systems" -ge 3 ] || { echo "citizen view lists bookings from $systems system(s), expected 3 or more"; exit 1; }
echo "citizen view: bookings from $systems systems"
citizen > "$work/citizen-none.out"
[ "$(tail -1 "$work/citizen-none.out")" = 401 ] || { cat "$work/citizen-none.out"; echo "no token was not refused with 401"; exit 1; }
citizen -H "Authorization: Bearer not-the-token" > "$work/citizen-wrong.out"
[ "$(tail -1 "$work/citizen-wrong.out")" = 401 ] || { cat "$work/citizen-wrong.out"; echo "a wrong token was not refused with 401"; exit 1; }
grep -q "timeslotDetail\|SE2321000016-SK" "$work/citizen-wrong.out" && { echo "a refused request got data"; exit 1; }
echo "without the token: 401"
echo "== SIGTERM"
pids=$(sed -n '/"pids"/,/}/p' "$m" | grep -oE ': [0-9]+' | tr -dc '0-9\n')
kill -TERM $sb
for _ in $(seq 300); do kill -0 $sb 2>/dev/null || break; sleep 0.1; done
if kill -0 $sb 2>/dev/null; then echo "sandbox did not stop"; exit 1; fi
wait $sb && rc=0 || rc=$?
trap - EXIT
[ "$rc" -eq 0 ] || { tail -20 "$work/sandbox.out"; echo "sandbox exit code $rc"; exit 1; }
grep -q "Stopped." "$work/sandbox.out"
for p in $pids; do
  if kill -0 "$p" 2>/dev/null && ! grep -q '^State:.*Z' "/proc/$p/status" 2>/dev/null; then
    echo "process $p still runs"; exit 1
  fi
done
echo "sandbox running passed"
