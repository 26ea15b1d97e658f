# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the system test scripts (`. "$(dirname "$0")/lib.sh"`): the set-up
# they all share. After `sys_start "$tidnav" "$WORKDIR"` the script runs in a
# fresh folder $work with a dev PKI in pki/ (CA, a `localhost` server
# certificate); every process id appended to $pids is killed and $work removed
# when the script exits, however it exits.
#
# Under `set -o pipefail` never `cmd | grep -q P`: grep -q stops reading at the
# first match, cmd then dies of SIGPIPE and the pipeline fails at random. Use
# `grep -q P <<< "$(cmd)"` or a file.

sys_start() {  # $1: the tidnav binary, $2: WORKDIR (a prefix for mktemp)
  sys_tidnav=$1
  work=$(mktemp -d "${2%/}.XXXXXX")
  pids=()
  trap sys_cleanup EXIT
  cd "$work"
  "$sys_tidnav" pki init --dir pki >/dev/null
  "$sys_tidnav" pki issue localhost --kind server --dir pki >/dev/null
}

sys_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}

sys_client_cert() {  # $1: name (pki/$1.crt, pki/$1.key), $2: its HSA-id
  "$sys_tidnav" pki issue "$1" --kind client --hsa-id "$2" --dir pki >/dev/null
}

wait_for() {  # $1: a file that is written once the process is up, $2: what, $3: its log
  for _ in $(seq 200); do [ -s "$1" ] && return 0; sleep 0.05; done
  echo "$2 did not start"; cat "$3"; exit 1
}

sys_start_adapter() {  # checks and starts `tidnav adapter --config adapter.yaml`; sets $adapter (pid) and $url
  "$sys_tidnav" adapter --config adapter.yaml --check
  "$sys_tidnav" adapter --config adapter.yaml 2> adapter.log &
  adapter=$!; pids+=($adapter)
  wait_for adapter.port "tidnav adapter" adapter.log
  url="https://localhost:$(tr -dc 0-9 < adapter.port)/"
}

sys_march_2031_timeslots() {  # $1: at least this many; a 2.0 GetAvailableTimeslots for 10-12 March 2031
  # (where the test seeds' free times lie) to $unit at $url as ${consumer[@]}: a schema-valid
  # answer in timeslots.xml, the number of times in $n.
  "$sys_tidnav" call --url "$url" "${consumer[@]}" --raw --contract GetAvailableTimeslots --logical-address "$unit" \
    --field actor.actorId.root=1.2.752.129.2.1.3.1 --field actor.actorId.extension=191212121212 \
    --field actor.actorType.code=116154003 --field actor.actorType.codeSystem=1.2.752.116.2.1.1 \
    --field personId.root=1.2.752.129.2.1.3.1 --field personId.extension=191212121212 \
    --field startDateInclusive=20310310 --field endDateInclusive=20310312 > timeslots.xml 2> timeslots.err \
    || { echo "GetAvailableTimeslots failed"; cat timeslots.xml timeslots.err adapter.log; exit 1; }
  "$sys_tidnav" validate timeslots.xml || { echo "GetAvailableTimeslots answer is not schema-valid"; cat timeslots.xml; exit 1; }
  n=$(grep -o '<[a-zA-Z0-9]*:\?timeslot>' timeslots.xml | wc -l)
  [ "$n" -ge "$1" ] || { echo "expected the seed's March 2031 times, got $n"; cat timeslots.xml; exit 1; }
}

sys_run_sandbox() {  # $1: tidnav, $2: a folder (emptied): `tidnav sandbox` running until the script exits;
  # sets $sb (pid), $m (sandbox.json), $url (the hub), $ca; field() reads a client's cert|key|hsa_id.
  sys_tidnav=$1
  rm -rf "$2"; mkdir -p "$2"
  "$sys_tidnav" sandbox --dir "$2/sb" > "$2/sandbox.out" 2>&1 &
  sb=$!
  trap 'kill -TERM $sb 2>/dev/null; wait $sb 2>/dev/null || true' EXIT
  m="$2/sb/sandbox.json"
  for _ in $(seq 1200); do
    grep -q "Try it yourself" "$2/sandbox.out" 2>/dev/null && break
    kill -0 $sb 2>/dev/null || { cat "$2/sandbox.out"; echo "sandbox exited early"; exit 1; }
    sleep 0.1
  done
  grep -q "Try it yourself" "$2/sandbox.out" || { cat "$2/sandbox.out"; echo "sandbox not ready"; exit 1; }
  url=$(grep -oE '"url": "https://127.0.0.1:[0-9]+/vp"' "$m" | sed -E 's/.*: "(.*)"/\1/')
  ca=$(grep -oE '"ca": "[^"]*"' "$m" | head -1 | sed -E 's/.*: "(.*)"/\1/')
  [ -n "$url" ] && [ -n "$ca" ] || { echo "no hub url or ca in sandbox.json"; cat "$m"; exit 1; }
}

field() {  # field <client> <cert|key|hsa_id>, from sandbox.json ($m)
  sed -n "/\"$1\": {/,/}/p" "$m" | grep -oE "\"$2\": \"[^\"]*\"" | sed -E 's/.*: "(.*)"/\1/'
}
