#!/usr/bin/env bash
# Stateless replicas behind HAProxy (issue 14): two instances on loopback, HAProxy in front with health checks
# on /ready, a bounded wrk load through HAProxy, SIGTERM to one instance mid-run. Passes (exit 0) only if no
# request failed (no non-2xx answer, no socket error) and the survivor carried the rest. Also measures the
# throughput through HAProxy with one instance and with two (on 2 cores two are not faster: the point is
# availability). Needs haproxy and wrk (Debian) and the server jar (built if missing).
#   scripts/replicas.sh [SECONDS]          # load duration, default 20; the kill comes at 40 % of it
# Prints RESULT lines; writes target/replicas.txt; everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
jar=borderline-server/target/borderline.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
for tool in haproxy wrk curl; do command -v "$tool" >/dev/null || { echo "replicas: $tool is missing" >&2; exit 2; }; done
work="$(mktemp -d)"
mkdir -p target
out=target/replicas.txt
: > "$out"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
a=$(free_port); b=$(free_port); lb=$(free_port); stats=$(free_port)

start_instance() { # port name
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  java ${JAVA_OPTS:--Xmx2g -XX:MaxHeapFreeRatio=20 -XX:MinHeapFreeRatio=10 -XX:SoftRefLRUPolicyMSPerMB=0 -XX:SharedArchiveFile=borderline-server/target/borderline.jsa} -jar "$jar" --port "$1" --drain-s 4 >"$work/$2.log" 2>&1 &
  echo $!
}
wait_ready() { # port
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/ready")" = 200 ] && return 0
    sleep 0.1
  done
  echo "replicas: instance on port $1 not ready after 60 s" >&2; return 1
}
pid_a=$(start_instance "$a" a); pids+=("$pid_a")
pid_b=$(start_instance "$b" b); pids+=("$pid_b")
wait_ready "$a"; wait_ready "$b"
# the background warm-up (published layers, tile copies) takes both cores for seconds after /ready: throughput
# measured during it would be the warm-up's, not the service's
for _ in $(seq 1 1200); do
  grep -q "published layers computed" "$work/a.log" && grep -q "published layers computed" "$work/b.log" && break
  sleep 0.25
done
lb_up() { # port: HAProxy answers through a healthy server
  for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/ready")" = 200 ] && return 0
    sleep 0.1
  done
  echo "replicas: HAProxy on port $1 has no healthy server after 30 s" >&2; return 1
}

# The configuration documented in docs/operations.md ("Replicas behind HAProxy"), with this run's ports.
sed -e "s/@LB@/$lb/; s/@STATS@/$stats/; s/@A@/$a/; s/@B@/$b/" scripts/haproxy/borderline.cfg > "$work/haproxy.cfg"
haproxy -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 100); do
  curl -s "http://127.0.0.1:$stats/stats;csv" | grep -q '^be_borderline,a,.*UP' \
    && curl -s "http://127.0.0.1:$stats/stats;csv" | grep -q '^be_borderline,b,.*UP' && break
  sleep 0.2
done
lb_up "$lb"
served() { # server name -> 2xx answers so far
  curl -s "http://127.0.0.1:$stats/stats;csv" | awk -F, -v s="$1" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == "hrsp_2xx") c = i }
    $1 == "be_borderline" && $2 == s { print $c + 0 }'
}
load() { # seconds label
  wrk -t2 -c4 -d"$1s" -s scripts/load/borderline.lua "http://127.0.0.1:$lb" -- distance 0 20261201 \
    | grep '^RESULT' | sed "s/^RESULT/RESULT $2/"
}

# 1. Throughput through HAProxy with two instances, then through a second HAProxy that has only instance a
#    (a warm-up run first, so both figures are on warm JVMs).
load 3 warm_up >/dev/null
load 5 two_instances | tee -a "$out"
lb1=$(free_port); stats1=$(free_port)
sed -e "s/@LB@/$lb1/; s/@STATS@/$stats1/; s/@A@/$a/; /server b /d" scripts/haproxy/borderline.cfg > "$work/one.cfg"
haproxy -f "$work/one.cfg" -db >"$work/haproxy-one.log" 2>&1 &
one_pid=$!
for _ in $(seq 1 100); do
  curl -s "http://127.0.0.1:$stats1/stats;csv" | grep -q '^be_borderline,a,.*UP' && break
  sleep 0.2
done
lb_up "$lb1"
wrk -t2 -c4 -d5s -s scripts/load/borderline.lua "http://127.0.0.1:$lb1" -- distance 0 20261201 \
  | grep '^RESULT' | sed 's/^RESULT/RESULT one_instance/' | tee -a "$out"
kill "$one_pid"

# 2. Availability: load through HAProxy, SIGTERM to instance a at 40 % of the run.
before_a=$(served a); before_b=$(served b)
load "$seconds" failover > "$work/failover.txt" &
wrk_pid=$!
sleep "$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 0.4 }')"
kill -TERM "$pid_a"
killed_at_b=$(served b); killed_at_a=$(served a)
wait "$wrk_pid"
cat "$work/failover.txt" | tee -a "$out"
wait "$pid_a" 2>/dev/null || true
end_a=$(served a); end_b=$(served b)
line=$(cat "$work/failover.txt")
field() { echo "$line" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }
requests=$(field requests); non2xx=$(field non2xx)
errors=$(( $(field connect) + $(field read) + $(field write) + $(field timeout) ))
after_kill_a=$(( end_a - killed_at_a )); after_kill_b=$(( end_b - killed_at_b ))
summary="RESULT replicas requests=$requests failed=$(( non2xx + errors )) non2xx=$non2xx socket_errors=$errors"
summary+=" a_before_kill=$(( killed_at_a - before_a )) b_before_kill=$(( killed_at_b - before_b ))"
summary+=" a_after_kill=$after_kill_a b_after_kill=$after_kill_b"
echo "$summary" | tee -a "$out"
grep -i "ready\|stopp\|shutdown" "$work/a.log" | tail -3 || true
if [ "$(( non2xx + errors ))" -ne 0 ]; then
  echo "replicas: FAILED: $(( non2xx + errors )) failed requests" >&2; tail -20 "$work/haproxy.log" >&2; exit 1
fi
# the survivor carried the rest: b served most of what came after the kill, a only what was in flight/draining
if [ "$after_kill_b" -le 0 ] || [ "$after_kill_a" -gt "$after_kill_b" ]; then
  echo "replicas: FAILED: the survivor did not carry the load after the kill" >&2; exit 1
fi
echo "replicas: OK (zero failed requests; the survivor carried the rest)"
