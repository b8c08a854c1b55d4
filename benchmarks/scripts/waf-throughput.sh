#!/usr/bin/env bash
# Throughput of the demo's notes API with the WAF filter on and off, measured with wrk.
#
#   benchmarks/scripts/waf-throughput.sh [seconds per run, default 30]
#
# Starts demo/target/demo.jar twice on a free local port, once with WAF_ON_ARGS (default
# "--waf on") and once with WAF_OFF_ARGS (default "--waf off"), each time with a copy of the
# production tenants.yaml that adds a tenant "wafbench" whose rate limit (10^6 requests/s) does not
# cap the run, and drives GET /notes with five query arguments and browser-like headers (the benign
# GET of WafBenchmark) for that tenant: wrk -t2 -c32 --latency after a 10 s warmup. Prints
# requests/s, p50 and p99 latency and non-2xx counts per mode, and the WAF's overhead. Installs wrk
# with apt-get when missing (needs root). DEMO_JAR, WRK_THREADS, WRK_CONNECTIONS override defaults.
# The machine is shared: the client and the server compete for the same cores, so compare the two
# modes of one run, not runs of different days.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-30}
jar=${DEMO_JAR:-$root/demo/target/demo.jar}
threads=${WRK_THREADS:-2}
connections=${WRK_CONNECTIONS:-32}
on_args=${WAF_ON_ARGS:---waf on}
off_args=${WAF_OFF_ARGS:---waf off}

command -v wrk >/dev/null || apt-get install -y -q wrk >&2
if [[ ! -f $jar ]]; then
  echo "$jar is missing: mvn -DskipTests package -pl demo -am" >&2
  exit 2
fi

work=$(mktemp -d)
pid=""
cleanup() {
  if [[ -n $pid ]]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

config=$work/tenants.yaml
cp "$root/demo/src/main/resources/config/production/"*.yaml "$work/"
cat >>"$config" <<'YAML'
  wafbench:
    plan: enterprise
    displayName: WAF throughput benchmark
    homeRegion: eu-west-1
    isolation: ROW
    timeZone: UTC
    settings:
      ratelimit: { requests-per-second: 1000000, burst: 1000000 }
YAML

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

path='/notes?page=2&size=20&sort=created_at&q=quarterly%20report&lang=en-US'
headers=(
  -H 'X-Tenant-Id: wafbench'
  -H 'User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'
  -H 'Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
  -H 'Accept-Language: en-US,en;q=0.9,de;q=0.8'
  -H 'Accept-Encoding: gzip, deflate, br'
  -H 'Referer: https://notes.example.com/app/notes'
)

# Runs one mode; prints "mode rps p50 p99 non2xx".
measure() {
  local mode=$1 args=$2 port
  port=$(free_port)
  # shellcheck disable=SC2086 # args is a list of flags
  # wrk is one client address: lift the shield's per-IP ban threshold so it measures the WAF, not
  # the ban (DemoProtection.IP_LIMIT_ENV).
  DEMO_SHIELD_IP_REQUESTS_PER_MINUTE=1000000000 \
    java -jar "$jar" --port "$port" --config "$config" --data-dir "$work/data-$mode" $args \
    >"$work/demo-$mode.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/demo-$mode.log" >&2; exit 1; }
    sleep 1
  done
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "http://127.0.0.1:$port$path")
  echo "$mode: GET /notes answers $status" >&2
  wrk -t"$threads" -c"$connections" -d10s "${headers[@]}" "http://127.0.0.1:$port$path" >/dev/null
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "${headers[@]}" \
    "http://127.0.0.1:$port$path" >"$work/wrk-$mode.txt"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
  cat "$work/wrk-$mode.txt" >&2
  awk -v mode="$mode" '
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = $2 }
    $1 == "99%" { p99 = $2 }
    /Non-2xx/ { non2xx = $NF }
    END { printf "%s %s %s %s %s\n", mode, rps, p50, p99, (non2xx == "" ? 0 : non2xx) }
  ' "$work/wrk-$mode.txt"
}

off=$(measure off "$off_args")
on=$(measure on "$on_args")
echo
printf '%-4s %12s %10s %10s %8s\n' mode requests/s p50 p99 non-2xx
printf '%-4s %12s %10s %10s %8s\n' $off
printf '%-4s %12s %10s %10s %8s\n' $on
read -r _ off_rps _ <<<"$off"
read -r _ on_rps _ <<<"$on"
awk -v on="$on_rps" -v off="$off_rps" \
  'BEGIN { printf "WAF overhead: %.1f%% fewer requests/s (%.2fx)\n", (1 - on / off) * 100, off / on }'
