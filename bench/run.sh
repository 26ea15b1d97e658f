#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Hub vs direct vs nginx in one run, all on 127.0.0.1 (see docs/performance.md).
#
#   bench/run.sh [--duration SECONDS] [--connections N] [--rate R]   (defaults: 10, 16)
#   BUILD_DIR=build-bench bench/run.sh --duration 1 --connections 2   # smoke run
#
# --rate sets the open-loop rate instead of half the direct maximum (on a small machine
# that half can exceed what a proxy carries at all, and then latency is only queueing).
#
# One fixed-answer producer (`tidnav bench serve`); three ways to reach it over mutual
# TLS: directly, through nginx (1 worker, upstream keep-alive), through `tidnav hub`
# (1 io thread). For each: a closed-loop run for maximum throughput, then an open-loop
# run at half of the *direct* maximum (or --rate) for latency. Results: a table on
# stdout and bench/results/latest.md.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
duration=10
connections=16
fixed_rate=
usage() { sed -n '3,15p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=${2:?--duration needs a value}; shift 2 ;;
    --connections) connections=${2:?--connections needs a value}; shift 2 ;;
    --rate) fixed_rate=${2:?--rate needs a value}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $duration =~ ^[0-9]+$ && $duration -ge 1 ]] || { echo "bench/run.sh: --duration must be whole seconds >= 1" >&2; exit 2; }
[[ $connections =~ ^[0-9]+$ && $connections -ge 1 ]] || { echo "bench/run.sh: --connections must be >= 1" >&2; exit 2; }
[[ -z $fixed_rate || ( $fixed_rate =~ ^[0-9]+$ && $fixed_rate -ge 1 ) ]] || { echo "bench/run.sh: --rate must be whole requests/s >= 1" >&2; exit 2; }
command_line="bench/run.sh --duration $duration --connections $connections${fixed_rate:+ --rate $fixed_rate}"

build_dir=${BUILD_DIR:-$root/build}
tidnav=$build_dir/tools/tidnav
if [ ! -x "$tidnav" ] || [ -d "$tidnav" ]; then
  tidnav=$(find "$build_dir" -type f -name tidnav -perm -u+x 2>/dev/null | head -n 1 || true)
fi
[ -n "$tidnav" ] && [ -x "$tidnav" ] || { echo "bench/run.sh: no tidnav binary under $build_dir (make build, or set BUILD_DIR)" >&2; exit 2; }
"$tidnav" bench --help >/dev/null 2>&1 || { echo "bench/run.sh: $tidnav has no 'bench' command; rebuild" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench/run.sh: python3 is needed (free ports, JSON)" >&2; exit 2; }

# Everything here shares the machine's cores with whatever else runs: say so when that is a lot.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
if python3 -c "import os, sys; sys.exit(0 if os.getloadavg()[0] > 0.5 * os.cpu_count() else 1)"; then
  echo "bench/run.sh: warning: load average $load_before on $(nproc) cores; other work will distort the numbers" >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/tidnav-bench.XXXXXX")
chmod 711 "$work"  # nginx workers (an unprivileged user when started as root) must reach their folder
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '== %s\n' "$*" >&2; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_for_port PORT PID NAME: until something accepts on 127.0.0.1:PORT (10 s at most).
wait_for_port() {
  local i
  for i in $(seq 100); do
    if ! kill -0 "$2" 2>/dev/null; then echo "bench/run.sh: $3 exited early" >&2; return 1; fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "bench/run.sh: $3 did not listen on port $1" >&2
  return 1
}

# ---------------------------------------------------------------- PKI
pki=$work/pki
log "development PKI in $pki"
"$tidnav" pki init --dir "$pki" >/dev/null
for name in producer hub nginx; do "$tidnav" pki issue "$name" --kind server --dir "$pki" >/dev/null; done
bench_hsa=SE2321000016-BNCH
"$tidnav" pki issue bench-client --kind client --hsa-id "$bench_hsa" --dir "$pki" >/dev/null
"$tidnav" pki issue hub-client --kind client --hsa-id SE2321000016-HUB1 --dir "$pki" >/dev/null
"$tidnav" pki issue nginx-client --kind client --hsa-id SE2321000016-NGX1 --dir "$pki" >/dev/null
ca=$pki/tidnav-dev-ca.crt

# ---------------------------------------------------------------- producer
log "producer: tidnav bench serve (1 io thread)"
"$tidnav" bench serve --listen 127.0.0.1:0 --threads 1 --cert "$pki/producer.crt" --key "$pki/producer.key" \
  --ca "$ca" >"$work/producer.out" 2>"$work/producer.err" &
pids+=($!)
producer_pid=$!
producer_port=
for _ in $(seq 100); do
  producer_port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/producer.out")
  [ -n "$producer_port" ] && break
  kill -0 "$producer_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$producer_port" ] || { echo "bench/run.sh: the producer did not start:" >&2; cat "$work/producer.err" >&2; exit 1; }

# Targets, in order; the first is the reference for "added latency".
targets=(direct)
declare -A url skipped
url[direct]="https://127.0.0.1:$producer_port/vp"

# ---------------------------------------------------------------- nginx
nginx_workers=1
nginx_bin=$(command -v nginx || true)
[ -z "$nginx_bin" ] && [ -x /usr/sbin/nginx ] && nginx_bin=/usr/sbin/nginx
nginx_version=
if [ -z "$nginx_bin" ]; then
  skipped[nginx]="SKIPPED: nginx not installed (Debian: apt-get install --no-install-recommends nginx-light)"
  echo "${skipped[nginx]}" >&2
else
  nginx_version=$("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //')
  nginx_port=$(free_port)
  ngx=$work/nginx
  mkdir -p "$ngx/logs"
  chmod 711 "$ngx"
  cat >"$ngx/nginx.conf" <<EOF
worker_processes $nginx_workers;
pid $ngx/nginx.pid;
error_log $ngx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $ngx/client_body;
  proxy_temp_path $ngx/proxy;
  fastcgi_temp_path $ngx/fastcgi;
  uwsgi_temp_path $ngx/uwsgi;
  scgi_temp_path $ngx/scgi;
  upstream producer {
    server 127.0.0.1:$producer_port;
    keepalive 64;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:$nginx_port ssl;
    ssl_certificate $pki/nginx.crt;
    ssl_certificate_key $pki/nginx.key;
    ssl_client_certificate $ca;
    ssl_verify_client on;
    ssl_protocols TLSv1.2 TLSv1.3;
    keepalive_requests 1000000;
    keepalive_timeout 300s;
    location / {
      proxy_pass https://producer;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_ssl_certificate $pki/nginx-client.crt;
      proxy_ssl_certificate_key $pki/nginx-client.key;
      proxy_ssl_trusted_certificate $ca;
      proxy_ssl_verify on;
      proxy_ssl_name localhost;
      proxy_ssl_session_reuse on;
    }
  }
}
EOF
  if "$nginx_bin" -t -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/logs/error.log" >"$ngx/test.out" 2>&1; then
    log "nginx $nginx_version ($nginx_workers worker) on port $nginx_port"
    "$nginx_bin" -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/logs/error.log" -g 'daemon off;' \
      >"$ngx/logs/stdout" 2>&1 &
    pids+=($!)
    wait_for_port "$nginx_port" $! nginx
    targets+=(nginx)
    url[nginx]="https://127.0.0.1:$nginx_port/vp"
  else
    skipped[nginx]="SKIPPED: nginx could not start here: $(tail -n 1 "$ngx/test.out")"
    echo "${skipped[nginx]}" >&2
  fi
fi

# ---------------------------------------------------------------- hub
contract=urn:riv:crm:scheduling:GetSubjectOfCareScheduleResponder:1
logical_address=SE2321000016-ABC1  # the one in the request fixture
hub_threads=1
if ! "$tidnav" hub --help >/dev/null 2>&1; then
  skipped[hub]="SKIPPED: tidnav hub not available"
  echo "${skipped[hub]}" >&2
else
  hub_port=$(free_port)
  cat >"$work/hub.yaml" <<EOF
# Written by bench/run.sh; see hub/core/hub_config.hpp.
instance: { name: "tidnav bench", id: tidnav-bench }
io_threads: $hub_threads
listeners:
  https: { address: 127.0.0.1, port: $hub_port, cert: $pki/hub.crt, key: $pki/hub.key, ca: $ca }
routes:
  - { contract: "$contract", logical_address: $logical_address, url: "https://127.0.0.1:$producer_port/vp", riv_profile: RIVTABP21 }
permissions:
  - { consumer: $bench_hsa, contract: "$contract", logical_address: $logical_address }
producers:
  tls: { ca: $ca, cert: $pki/hub-client.crt, key: $pki/hub-client.key }
EOF
  log "tidnav hub ($hub_threads io thread) on port $hub_port"
  "$tidnav" hub --config "$work/hub.yaml" >"$work/hub.out" 2>"$work/hub.err" &
  pids+=($!)
  if wait_for_port "$hub_port" $! "tidnav hub"; then
    targets+=(hub)
    url[hub]="https://127.0.0.1:$hub_port/vp"
  else
    skipped[hub]="SKIPPED: tidnav hub did not start: $(tail -n 3 "$work/hub.err" | tr '\n' ' ')"
    echo "${skipped[hub]}" >&2
  fi
fi

# ---------------------------------------------------------------- runs
body=$root/tests/fixtures/crm-scheduling-1.1/GetSubjectOfCareSchedule-request.xml
tls=(--cert "$pki/bench-client.crt" --key "$pki/bench-client.key" --ca "$ca")
warmup=1s

# bench TARGET MODE [extra args]: one run, JSON in $work/TARGET-MODE.json.
bench() {
  local target=$1 mode=$2
  shift 2
  log "$target, $mode: ${url[$target]}"
  local rc=0
  # In the background and waited for, so that INT/TERM reach the traps at once.
  "$tidnav" bench --url "${url[$target]}" "${tls[@]}" --body "$body" --connections "$connections" \
    --duration "${duration}s" --warmup "$warmup" --json "$work/$target-$mode.json" "$@" \
    >"$work/$target-$mode.txt" 2>"$work/$target-$mode.err" &
  pids+=($!)
  wait $! || rc=$?
  sed 's/^/   /' "$work/$target-$mode.txt" >&2
  if [ "$rc" -ne 0 ]; then
    echo "   (exit $rc: some requests failed; see the errors above)" >&2
    [ -s "$work/$target-$mode.json" ] || { cat "$work/$target-$mode.err" >&2; return 1; }
  fi
}

json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); v=eval(sys.argv[2], {}, {"d": d}); print(v)' "$@"; }

half_rate=$fixed_rate
for target in "${targets[@]}"; do
  bench "$target" closed
  if [ -z "$half_rate" ]; then
    half_rate=$(json "$work/direct-closed.json" 'max(1, round(d["rps"] / 2))')
    log "half of the direct maximum: $half_rate req/s"
  fi
  bench "$target" open --rate "$half_rate"
done

# ---------------------------------------------------------------- report
if [ -n "$fixed_rate" ]; then
  rate_origin="--rate; the direct maximum was $(json "$work/direct-closed.json" 'round(d["rps"])') req/s"
else
  rate_origin="half the direct maximum"
fi
mkdir -p "$root/bench/results"
cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
git_rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
git_dirty=$(git -C "$root" status --porcelain 2>/dev/null | grep -q . && echo " (uncommitted changes)" || true)
report=$work/latest.md
python3 - "$work" "$report" "$half_rate" "${targets[*]}" <<'EOF'
import json, sys
work, out, half, targets = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split()
def load(t, m): return json.load(open(f"{work}/{t}-{m}.json"))
ref = load("direct", "open")["latency_ms"]
rows = []
for t in targets:
    c, o = load(t, "closed"), load(t, "open")
    lat = o["latency_ms"]
    added = "–" if t == "direct" else f'{lat["p50"] - ref["p50"]:+.3f} / {lat["p99"] - ref["p99"]:+.3f}'
    failed = c["failed"] + o["failed"]
    note = []
    if failed: note.append(f"{failed} failed")
    if o.get("open_loop", {}).get("fell_behind"): note.append("generator fell behind")
    if o["rps"] < 0.95 * float(half): note.append("did not sustain the rate")
    rows.append(f'| {t} | {c["rps"]:.0f} | {lat["p50"]:.3f} / {lat["p99"]:.3f} | {added} | {", ".join(note) or "ok"} |')
with open(out, "w") as f:
    f.write(f"| target | req/s, closed loop | p50 / p99 ms at {half} req/s | added p50 / p99 ms vs direct | notes |\n")
    f.write("|---|---:|---:|---:|---|\n")
    f.write("\n".join(rows) + "\n")
EOF

{
  echo "# Benchmark: hub vs direct vs nginx"
  echo
  echo "- command: \`BUILD_DIR=$build_dir $command_line\`"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(nproc) cores, ${cpu_model:-unknown CPU}, $(uname -sr)"
  echo "- versions: tidnav $git_rev$git_dirty; nginx ${nginx_version:-not run}"
  echo "- load: tidnav bench, $connections connections, ${duration} s per run after $warmup warm-up, 1 io thread;" \
       "closed loop for throughput, open loop at $half_rate req/s for latency ($rate_origin)"
  echo "- load average (1/5/15 min) before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- producer: tidnav bench serve, 1 io thread; nginx: $nginx_workers worker process;" \
       "hub: io_threads $hub_threads. Generator, proxy and producer share the $(nproc) cores."
  echo
  cat "$report"
  for t in nginx hub; do
    [ -n "${skipped[$t]:-}" ] && { echo; echo "$t: ${skipped[$t]}"; }
  done
  true
} >"$root/bench/results/latest.md"

echo
cat "$root/bench/results/latest.md"
echo
echo "(written to bench/results/latest.md)"
