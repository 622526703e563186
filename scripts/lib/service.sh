# Sourced by the load scripts (load-test.sh, soak.sh): one Borderline service from the server jar on loopback.
#   start_service PORT LOG_PREFIX [JVM OPTIONS...]   builds the jar if missing (or runs $BORDERLINE_JAR, e.g. an
#                                                    older build side by side), starts it in the background, sets
#                                                    pid and log, and stops it (and removes the log, first
#                                                    copied to $keep_log if the caller set it) on exit,
#                                                    keeping the script's own exit status
#   wait_for URL                                     waits up to 60 s for URL to answer 2xx; exits 1 with the
#                                                    service's log if the service died first
#   wait_for_log TEXT [SECONDS]                      waits (default 300 s) for the service's log to hold TEXT,
#                                                    e.g. the background warm-up's last line; exits 1 if it died
start_service() {
  local port="$1" prefix="$2"
  shift 2
  local jar="${BORDERLINE_JAR:-borderline-server/target/borderline.jar}"
  [ -f "$jar" ] || mvn -B -q package -DskipTests
  mkdir -p target
  log="$(mktemp "/tmp/$prefix.XXXXXX")"
  java "$@" -jar "$jar" --port "$port" >"$log" 2>&1 &
  pid=$!
  trap 'rc=$?; kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; [ -z "${keep_log:-}" ] || cp "$log" "$keep_log"; rm -f "$log"; exit $rc' EXIT
}

wait_for() {
  for _ in $(seq 1 240); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.25
  done
  curl -fs "$1" >/dev/null
}

wait_for_log() {
  for _ in $(seq 1 $(( ${2:-300} * 4 ))); do
    grep -q "$1" "$log" && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.25
  done
  echo "service: no '$1' in its log after ${2:-300} s" >&2; exit 1
}
