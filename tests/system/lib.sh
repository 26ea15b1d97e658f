# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the system test scripts (`. "$(dirname "$0")/lib.sh"`): the set-up
# they all share. After `sys_start "$tidnav" "$WORKDIR"` the script runs in a
# fresh folder $work with a dev PKI in pki/ (CA, a `localhost` server
# certificate); every process id appended to $pids is killed and $work removed
# when the script exits, however it exits.

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
