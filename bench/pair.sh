#!/usr/bin/env bash
# Trestle against one peer, measured in turns: both servers run at once (pinned to CPU 0; the one
# not under load is idle), and every scenario is measured for each in alternation, round after
# round. This machine's speed drifts by up to 30 % over minutes (for Netty as for Trestle), which
# run.sh's one-server-after-the-other passes take in; paired windows seconds apart do not.
#
#   bench/pair.sh                      Trestle and Netty, 5 rounds (~9 min)
#   bench/pair.sh vertx 3              another peer, 3 rounds
#   BASE_JAR=/path/to/trestle-example.jar bench/pair.sh base 5
#                                      this build against another Trestle build (the peer "base"
#                                      is that jar, run with the same settings and bench plugin):
#                                      a change's cost in CPU per request, within the pair's spread
#
# Needs the jars run.sh builds (run it once, or: ./mvnw -q -DskipTests package &&
# ./mvnw -q -f bench/pom.xml -DskipTests package). Environment: DURATION, WARMUP (seconds per
# window), JVM_FLAGS (given to both JVMs; none by default), SCENARIOS (a subset of the five).
set -euo pipefail

peer=${1:-netty}
rounds=${2:-5}
duration=${DURATION:-6}
warmup=${WARMUP:-2}
bench=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench/.." && pwd)
target="$bench/target"
scenarios=${SCENARIOS:-"plaintext-c64 plaintext-c256 pipelined-x16 json-c64 static-1k"}

. "$repo/bin/find-java"
JAVA_HOME=${JAVA_HOME:-}
JAVA_HOME=$(trestle_find_java)
java="$JAVA_HOME/bin/java"
trestle_jar="$repo/examples/target/trestle-example.jar"
if [ "$peer" = base ]; then
    peer_jar=${BASE_JAR:?"BASE_JAR names the other Trestle build's trestle-example.jar"}
else
    peer_jar="$bench/peers/$peer/target/peer-$peer.jar"
fi
for f in "$trestle_jar" "$peer_jar" "$target/plugins/trestle-bench-plugin.jar" "$target/www/static/1k.txt"; do
    [ -f "$f" ] || { echo "missing $f: run bench/run.sh once first" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

pids=()
stop_all() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop_all EXIT INT TERM

start() {   # start NAME PORT CMD...
    local name=$1 port=$2
    shift 2
    taskset -c 0 "$@" > "$target/logs/pair-$name.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1000); do
        curl -s -o /dev/null -f --max-time 1 "http://127.0.0.1:$port/plaintext" && return 0
        sleep 0.02
    done
    echo "$name did not start; see $target/logs/pair-$name.log" >&2
    exit 1
}

tport=$((31000 + RANDOM % 500))
pport=$((tport + 1000))
start trestle "$tport" "$java" ${JVM_FLAGS:-} -jar "$trestle_jar" --port "$tport" --root "$target/www" \
    --plugins "$target/plugins" --users "$repo/users.properties"
tpid=${pids[0]}
if [ "$peer" = base ]; then
    start "$peer" "$pport" "$java" ${JVM_FLAGS:-} -jar "$peer_jar" --port "$pport" --root "$target/www" \
        --plugins "$target/plugins" --users "$repo/users.properties"
else
    start "$peer" "$pport" "$java" ${JVM_FLAGS:-} -jar "$peer_jar" "$pport" "$target/www"
fi
ppid=${pids[1]}

cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }

# measure PORT PID SCENARIO SECONDS -> "requests/s cpu-us-per-request"
measure() {
    local port=$1 pid=$2 scenario=$3 secs=$4 conns=64 path=/plaintext depth=1
    case "$scenario" in
        plaintext-c256) conns=256 ;;
        pipelined-x16) depth=16 ;;
        json-c64) path=/json ;;
        static-1k) path=/static/1k.txt ;;
    esac
    local args=(-t1 "-c$conns" "-d${secs}s" --timeout 5s)
    [ "$depth" -gt 1 ] && args+=(-s "$bench/scripts/pipeline.lua")
    local t0 t1 out
    t0=$(cpu_ticks "$pid")
    if [ "$depth" -gt 1 ]; then
        out=$(taskset -c 1 wrk "${args[@]}" "http://127.0.0.1:$port$path" -- "$depth")
    else
        out=$(taskset -c 1 wrk "${args[@]}" "http://127.0.0.1:$port$path")
    fi
    t1=$(cpu_ticks "$pid")
    echo "$out" | awk -v ticks=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '
        /requests in/ {n = $1} /Requests\/sec/ {r = $2}
        END {printf "%.0f %.2f\n", r, (n > 0 ? ticks / hz * 1e6 / n : 0)}'
}

log "warming up both servers (plaintext and json, 10 s each)"
for p in "$tport:$tpid" "$pport:$ppid"; do
    measure "${p%%:*}" "${p##*:}" plaintext-c64 10 > /dev/null
    measure "${p%%:*}" "${p##*:}" json-c64 10 > /dev/null
done

raw=$(mktemp)
for round in $(seq "$rounds"); do
    for scenario in $scenarios; do
        # Alternate who goes first, so neither always follows the other's load.
        if [ $((round % 2)) -eq 1 ]; then order="trestle $peer"; else order="$peer trestle"; fi
        for name in $order; do
            if [ "$name" = trestle ]; then port=$tport pid=$tpid; else port=$pport pid=$ppid; fi
            measure "$port" "$pid" "$scenario" "$warmup" > /dev/null
            result=$(measure "$port" "$pid" "$scenario" "$duration")
            printf '%s\t%s\t%s\t%s\n' "$round" "$scenario" "$name" "$result" | tr ' ' '\t' >> "$raw"
            log "[$round] $scenario $name: $result"
        done
    done
done

mkdir -p "$bench/results"
out="$bench/results/$(date -u +%Y-%m-%d-%H%M)-pair-$peer.md"
python3 - "$raw" "$peer" "$rounds" "$duration" > "$out" <<'EOF'
import statistics, sys, collections, datetime, platform
raw, peer, rounds, duration = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
rows = collections.defaultdict(dict)   # (scenario, round) -> name -> (rps, cpu)
order = []
for line in open(raw):
    rnd, scenario, name, rps, cpu = line.split()
    rows[(scenario, rnd)][name] = (float(rps), float(cpu))
    if scenario not in order:
        order.append(scenario)
print(f"# Trestle and {peer}, measured in turns\n")
print(f"- {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; {rounds} rounds; {duration} s windows; both servers pinned to CPU 0, `wrk -t1` to CPU 1")
print("- per scenario: medians over the rounds, and the median of the per-round ratios (each ratio from two windows seconds apart)\n")
print(f"| scenario | Trestle req/s | {peer} req/s | req/s ratio {peer}/Trestle | Trestle CPU-µs/req | {peer} CPU-µs/req | CPU ratio Trestle/{peer} |")
print("|---|--:|--:|--:|--:|--:|--:|")
for s in order:
    pairs = [v for (sc, _), v in rows.items() if sc == s and "trestle" in v and peer in v]
    t_rps = statistics.median(p["trestle"][0] for p in pairs); p_rps = statistics.median(p[peer][0] for p in pairs)
    t_cpu = statistics.median(p["trestle"][1] for p in pairs); p_cpu = statistics.median(p[peer][1] for p in pairs)
    r_rps = statistics.median(p[peer][0] / p["trestle"][0] for p in pairs)
    r_cpu = statistics.median(p["trestle"][1] / p[peer][1] for p in pairs)
    print(f"| {s} | {t_rps:,.0f} | {p_rps:,.0f} | {r_rps:.2f}× | {t_cpu:.1f} | {p_cpu:.1f} | {r_cpu:.2f}× |")
print("\nEvery window (round: Trestle req/s · CPU-µs, peer req/s · CPU-µs):\n")
for s in order:
    cells = []
    for (sc, rnd), v in sorted(rows.items(), key=lambda kv: int(kv[0][1])):
        if sc == s and "trestle" in v and peer in v:
            cells.append(f"{rnd}: {v['trestle'][0]:,.0f} · {v['trestle'][1]:.1f}, {v[peer][0]:,.0f} · {v[peer][1]:.1f}")
    print(f"- {s}: " + "; ".join(cells))
EOF
rm -f "$raw"
log "saved $out"
cat "$out"
