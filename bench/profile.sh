#!/usr/bin/env bash
# Profiles Trestle under load with JFR: where the CPU time goes (hot methods), what allocates
# (top sites and classes), and bytes allocated per request end to end.
#
#   bench/profile.sh                  plaintext, 64 connections
#   bench/profile.sh json-c64         any run.sh scenario but session-c64
#
# The recording covers only the measured window (started and stopped with jcmd after a warm-up).
# Writes bench/results/<date>-profile-<scenario>.md and keeps the .jfr in bench/target/profile/.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench/.." && pwd)
target="$bench/target"
scenario=${1:-plaintext-c64}
duration=${DURATION:-15}

case "$scenario" in
    plaintext-c64) path=/plaintext conns=64 pipeline=1 ;;
    plaintext-c256) path=/plaintext conns=256 pipeline=1 ;;
    pipelined-x16) path=/plaintext conns=64 pipeline=16 ;;
    json-c64) path=/json conns=64 pipeline=1 ;;
    static-1k) path=/static/1k.txt conns=64 pipeline=1 ;;
    static-1m) path=/static/1m.bin conns=64 pipeline=1 ;;
    *) echo "unknown scenario '$scenario'" >&2; exit 2 ;;
esac

command -v wrk >/dev/null 2>&1 || { echo "wrk is missing: run bench/run.sh once, or apt-get install wrk" >&2; exit 1; }
. "$repo/bin/find-java"
JAVA_HOME=${JAVA_HOME:-}
JAVA_HOME=$(trestle_find_java)
export JAVA_HOME
jar=${TRESTLE_JAR:-$repo/examples/target/trestle-example.jar}
if [ "${NO_BUILD:-0}" != 1 ] && [ "$jar" = "$repo/examples/target/trestle-example.jar" ]; then
    (cd "$repo" && ./mvnw -q -DskipTests package)
fi
"$bench/trestle-plugin/build.sh" "$JAVA_HOME"
mkdir -p "$target/www/static" "$target/profile" "$bench/results"
[ -s "$target/www/static/1k.txt" ] || head -c 1024 /dev/zero | tr '\0' 'x' > "$target/www/static/1k.txt"
[ -s "$target/www/static/1m.bin" ] || head -c 1048576 /dev/urandom > "$target/www/static/1m.bin"

port=18180
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
# DebugNonSafepoints lets JFR place samples on the real line, not the nearest safepoint.
# shellcheck disable=SC2086
taskset -c 0 "$JAVA_HOME/bin/java" ${JVM_FLAGS:-} -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
    -jar "$jar" --port "$port" --root "$target/www" --plugins "$target/plugins" --users "$repo/users.properties" \
    > "$target/profile/trestle.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 3000); do
    curl -s -o /dev/null -f --max-time 1 "http://127.0.0.1:$port/plaintext" && break
    kill -0 $pid 2>/dev/null || { tail -20 "$target/profile/trestle.log" >&2; exit 1; }
    sleep 0.01
done

wrk_args=(-t1 "-c$conns" --latency --timeout 5s)
tail_args=()
if [ "$pipeline" -gt 1 ]; then wrk_args+=(-s "$bench/scripts/pipeline.lua"); tail_args=(-- "$pipeline"); fi
echo "warming up" >&2
taskset -c 1 wrk "${wrk_args[@]}" -d10s "http://127.0.0.1:$port$path" "${tail_args[@]+"${tail_args[@]}"}" > /dev/null

jfr="$target/profile/$scenario.jfr"
rm -f "$jfr"
# CPU-time sampling (JDK 25, Linux) sees time in native socket calls too, which the default
# execution sampler misses; per-socket-call events are off, they would only add overhead.
"$JAVA_HOME/bin/jcmd" $pid JFR.start name=bench settings=profile filename="$jfr" \
    'jdk.CPUTimeSample#enabled=true' 'jdk.CPUTimeSample#throttle=1ms' \
    'jdk.SocketRead#enabled=false' 'jdk.SocketWrite#enabled=false' > /dev/null
echo "recording ${duration}s of $scenario" >&2
taskset -c 1 wrk "${wrk_args[@]}" "-d${duration}s" "http://127.0.0.1:$port$path" "${tail_args[@]+"${tail_args[@]}"}" \
    > "$target/profile/$scenario-wrk.txt"
"$JAVA_HOME/bin/jcmd" $pid JFR.stop name=bench > /dev/null
requests=$(awk '/requests in/ {print $1}' "$target/profile/$scenario-wrk.txt")

out="$bench/results/$(date -u +%F)-profile-$scenario.md"
{
    echo "# JFR profile of Trestle: $scenario"
    echo
    echo "$(date -u '+%F %H:%M') UTC; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc --all) CPUs;" \
        "load average $(cut -d' ' -f1-3 /proc/loadavg); ${duration}s recorded after a 10 s warm-up;" \
        "$requests requests ($(awk '/Requests\/sec/ {print $2}' "$target/profile/$scenario-wrk.txt") req/s under JFR)."
    echo
    echo "## Allocation per request (end to end: accept, parse, route, filters, handle, write, access log)"
    echo
    "$JAVA_HOME/bin/jfr" print --json --events jdk.ThreadAllocationStatistics,jdk.ObjectAllocationSample "$jfr" \
        | python3 "$bench/scripts/alloc_per_request.py" "$requests"
    echo
    echo "## Hot methods (top frames of jdk.CPUTimeSample: CPU time, native code included)"
    echo
    echo '```'
    "$JAVA_HOME/bin/jfr" view --width 180 --truncate beginning cpu-time-hot-methods "$jfr" | head -34
    echo '```'
    echo
    echo "## Where CPU time goes, by the first Trestle frame on the stack"
    echo
    echo "Each sample is charged to the innermost io.trestle method on its stack: the Trestle code"
    echo "that is running, or that called the JDK or library code that is."
    echo
    echo '```'
    "$JAVA_HOME/bin/jfr" print --json --stack-depth 64 --events jdk.CPUTimeSample "$jfr" \
        | python3 "$bench/scripts/first_frames.py" io.trestle. 25
    echo '```'
    echo
    echo "## Allocation by site (jdk.ObjectAllocationSample, weighted)"
    echo
    echo "Sampled weights over-represent large, rare allocations (the two 16 KiB buffers each new"
    echo "connection makes show up high although there are only $conns connections): the bytes per"
    echo "request above come from the threads' exact counters instead."
    echo
    echo '```'
    "$JAVA_HOME/bin/jfr" view --width 180 --truncate beginning allocation-by-site "$jfr" | head -28
    echo '```'
    echo
    echo "## Allocation by class"
    echo
    echo '```'
    "$JAVA_HOME/bin/jfr" view --width 180 allocation-by-class "$jfr" | head -24
    echo '```'
} > "$out"
cat "$out"
echo "saved $out (recording: $jfr)" >&2
