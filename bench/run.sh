#!/usr/bin/env bash
# Side-by-side load benchmark: Trestle (the example app plus the bench plugin) against JDK
# HttpServer, Jetty 12, Undertow, Netty, Helidon 4 SE, Vert.x 5 and nginx, on the same endpoints.
# Each server runs pinned to CPU 0, wrk to CPU 1. See bench/README.md.
#
#   bench/run.sh                          full run (~15 min): every server, every scenario
#   bench/run.sh --quick plaintext-c64    one scenario, shorter windows (< 2 min)
#   bench/run.sh --runs 3                 three passes, medians reported (~45 min)
#   bench/run.sh --servers trestle,netty  a subset (nginx, jdk, jetty, undertow, netty, helidon, vertx, trestle)
#
# Environment: JVM_FLAGS (the same for every JVM; none by default), DURATION and WARMUP
# (seconds per scenario), TRESTLE_JAR (a prebuilt example jar instead of building one),
# NO_BUILD=1 (use what is built).
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench/.." && pwd)
target="$bench/target"
scripts="$bench/scripts"

ALL_SCENARIOS="plaintext-c64 plaintext-c256 pipelined-x16 json-c64 static-1k static-1m session-c64"
ALL_SERVERS="trestle netty vertx jetty undertow helidon jdk nginx"
scenarios=$ALL_SCENARIOS
servers=$ALL_SERVERS
runs=1
quick=""
duration=${DURATION:-10}
warmup=${WARMUP:-3}
first_warmup=10

usage() {
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --quick)
            [ $# -ge 2 ] || usage 2
            quick=$2
            case " $ALL_SCENARIOS " in *" $quick "*) ;; *) echo "unknown scenario '$quick'; one of: $ALL_SCENARIOS" >&2; exit 2 ;; esac
            scenarios=$quick
            duration=${DURATION:-5}
            warmup=${WARMUP:-2}
            first_warmup=3
            shift 2 ;;
        --runs)
            [ $# -ge 2 ] && [ "$2" -ge 1 ] 2>/dev/null || { echo "--runs needs a positive count" >&2; exit 2; }
            runs=$2
            shift 2 ;;
        --servers)
            [ $# -ge 2 ] || usage 2
            servers=${2//,/ }
            for s in $servers; do
                case " $ALL_SERVERS " in *" $s "*) ;; *) echo "unknown server '$s'; one of: $ALL_SERVERS" >&2; exit 2 ;; esac
            done
            shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "unknown argument '$1'" >&2; usage 2 ;;
    esac
done

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---- tools -----------------------------------------------------------------------------------

ensure_tools() {
    local need=()
    command -v wrk >/dev/null 2>&1 || need+=(wrk)
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
    command -v python3 >/dev/null 2>&1 || need+=(python3)
    command -v curl >/dev/null 2>&1 || need+=(curl)
    command -v taskset >/dev/null 2>&1 || need+=(util-linux)
    if [ ${#need[@]} -gt 0 ]; then
        log "installing ${need[*]}"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo=sudo
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
    fi
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
    . "$repo/bin/find-java"
    JAVA_HOME=${JAVA_HOME:-}
    JAVA_HOME=$(trestle_find_java)
    export JAVA_HOME
    JAVA="$JAVA_HOME/bin/java"
    if [ "$(nproc --all)" -lt 2 ]; then
        echo "the benchmark pins the server and wrk to CPUs 0 and 1: this machine has one CPU" >&2
        exit 1
    fi
}

# ---- build -----------------------------------------------------------------------------------

build() {
    mkdir -p "$target/www/static" "$target/logs" "$target/raw"
    # The same two files for every server; 1m.bin is random so no layer can compress it.
    [ -s "$target/www/static/1k.txt" ] || head -c 1024 /dev/zero | tr '\0' 'x' > "$target/www/static/1k.txt"
    [ -s "$target/www/static/1m.bin" ] || head -c 1048576 /dev/urandom > "$target/www/static/1m.bin"

    TRESTLE_JAR=${TRESTLE_JAR:-$repo/examples/target/trestle-example.jar}
    local built=1
    for s in $servers; do
        case "$s" in
            trestle) [ -f "$TRESTLE_JAR" ] || built=0 ;;
            nginx) ;;
            *) [ -f "$bench/peers/$s/target/peer-$s.jar" ] || built=0 ;;
        esac
    done
    # A quick run keeps to its two minutes: it builds only what is missing.
    if [ -n "$quick" ] && [ "$built" = 1 ]; then
        log "--quick: using the jars already built (run without --quick, or delete them, to rebuild)"
    elif [ "${NO_BUILD:-0}" != 1 ]; then
        if [[ " $servers " == *" trestle "* ]] && [ "$TRESTLE_JAR" = "$repo/examples/target/trestle-example.jar" ]; then
            log "building the example app (./mvnw -q -DskipTests package)"
            (cd "$repo" && ./mvnw -q -DskipTests package)
        fi
        log "building the peers (bench/pom.xml)"
        (cd "$repo" && ./mvnw -q -f bench/pom.xml -DskipTests package -pl \
            peers/common,peers/jdk,peers/jetty,peers/undertow,peers/netty,peers/helidon,peers/vertx)
    fi
    if [[ " $servers " == *" trestle "* ]]; then
        [ -f "$TRESTLE_JAR" ] || { echo "no example app at $TRESTLE_JAR" >&2; exit 1; }
        "$bench/trestle-plugin/build.sh" "$JAVA_HOME"
    fi
}

# ---- servers ---------------------------------------------------------------------------------

free_port() {
    local p=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
    echo "$p"
}

# Prints the command line that starts server $1 on port $2.
server_command() {
    local name=$1 port=$2
    case "$name" in
        trestle)
            echo "$JAVA ${JVM_FLAGS:-} -jar $TRESTLE_JAR --port $port --root $target/www --plugins $target/plugins --users $repo/users.properties" ;;
        nginx)
            local prefix="$target/nginx"
            mkdir -p "$prefix/tmp"
            local user=""
            [ "$(id -u)" -ne 0 ] || user="user root;"
            sed -e "s|@PORT@|$port|g" -e "s|@WWW@|$target/www|g" -e "s|@PREFIX@|$prefix|g" -e "s|@USER@|$user|" \
                "$scripts/nginx.conf.in" > "$prefix/nginx.conf"
            echo "$NGINX -p $prefix -c $prefix/nginx.conf" ;;
        *)
            echo "$JAVA ${JVM_FLAGS:-} -jar $bench/peers/$name/target/peer-$name.jar $port $target/www" ;;
    esac
}

# Which scenarios a server takes part in.
serves() {
    local name=$1 scenario=$2
    case "$scenario" in
        session-*) [ "$name" = trestle ] ;;
        json-*) [ "$name" != nginx ] ;;
        *) true ;;
    esac
}

scenario_path() {
    case "$1" in
        plaintext-*|pipelined-*) echo /plaintext ;;
        json-*) echo /json ;;
        static-1k) echo /static/1k.txt ;;
        static-1m) echo /static/1m.bin ;;
        session-*) echo /api/session ;;
    esac
}

scenario_connections() {
    case "$1" in
        *-c256) echo 256 ;;
        *) echo 64 ;;
    esac
}

# utime + stime of a process (all its threads), in clock ticks.
cpu_ticks() {
    sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}

peak_rss_kb() {
    awk '/^VmHWM:/ {print $2}' "/proc/$1/status"
}

SERVER_PID=""
STARTUP_MS=0

stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 100); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}
trap stop_server EXIT INT TERM

# Starts server $1 pinned to CPU 0 and waits for its first 200; sets SERVER_PID and STARTUP_MS.
start_server() {
    local name=$1 port=$2 run=$3
    local cmd probe
    cmd=$(server_command "$name" "$port")
    probe=/plaintext
    local t0 t1
    t0=$(date +%s%N)
    # shellcheck disable=SC2086 # the command is a word list on purpose
    taskset -c 0 $cmd > "$target/logs/$name-$run.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 3000); do
        if taskset -c 1 curl -s -o /dev/null -f --max-time 1 "http://127.0.0.1:$port$probe"; then
            t1=$(date +%s%N)
            STARTUP_MS=$(( (t1 - t0) / 1000000 ))
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.01
    done
    log "$name did not answer $probe; its log:"
    tail -20 "$target/logs/$name-$run.log" >&2
    stop_server
    return 1
}

# Logs in as the demo user and prints the session cookie (name=value).
login_cookie() {
    local port=$1 jar="$target/cookies.txt"
    rm -f "$jar"
    curl -s -f -o /dev/null -c "$jar" -H 'Content-Type: application/json' \
        --data '{"username":"eiger","password":"123456"}' "http://127.0.0.1:$port/api/login" || return 1
    awk '!/^#/ && NF >= 7 {c = $6 "=" $7} /^#HttpOnly_/ {c = $6 "=" $7} END {if (c != "") print c}' "$jar"
}

# Runs wrk pinned to CPU 1; output to $5, wrk's own CPU seconds (user+sys) to stdout.
run_wrk() {
    local url=$1 conns=$2 secs=$3 pipeline=$4 out=$5
    shift 5
    local args=(-t1 "-c$conns" "-d${secs}s" --latency --timeout 5s)
    local tf
    tf=$(mktemp)
    if [ "$pipeline" -gt 1 ]; then
        args+=(-s "$scripts/pipeline.lua")
    fi
    for h in "$@"; do args+=(-H "$h"); done
    local TIMEFORMAT='%U %S' rc=0
    # A failed wrk (refused connections; wrk 4.1 may even crash then) is recorded, not fatal.
    if [ "$pipeline" -gt 1 ]; then
        { time taskset -c 1 wrk "${args[@]}" "$url" -- "$pipeline" > "$out" 2>&1 || rc=$?; } 2> "$tf"
    else
        { time taskset -c 1 wrk "${args[@]}" "$url" > "$out" 2>&1 || rc=$?; } 2> "$tf"
    fi
    [ "$rc" -eq 0 ] || log "wrk exited with $rc on $url: $(head -c 200 "$out")"
    awk 'NF == 2 {print $1 + $2; found = 1} END {if (!found) print 0}' "$tf"
    rm -f "$tf"
}

# ---- the run ---------------------------------------------------------------------------------

measure_server() {
    local name=$1 run=$2
    local port startup
    port=$(free_port $((28000 + RANDOM % 2000)))
    log "[$run] $name: starting on port $port"
    if ! start_server "$name" "$port" "$run"; then
        printf '%s\t%s\tFAILED\t0\n' "$run" "$name" >> "$servers_tsv"
        return 0
    fi
    startup=$STARTUP_MS
    local base="http://127.0.0.1:$port"
    local headers=()
    if [[ " $scenarios " == *" session-"* ]] && [ "$name" = trestle ]; then
        local cookie
        if cookie=$(login_cookie "$port") && [ -n "$cookie" ]; then
            headers=("Cookie: $cookie")
        else
            log "[$run] trestle: login failed; the session scenario is skipped"
        fi
    fi
    log "[$run] $name: up in ${startup} ms; warming up"
    local warm_path=/plaintext
    run_wrk "$base$warm_path" 64 "$first_warmup" 1 "$target/raw/warmup.txt" > /dev/null
    if [ "$name" != nginx ] && [ -z "$quick" ]; then
        run_wrk "$base/json" 64 "$first_warmup" 1 "$target/raw/warmup.txt" > /dev/null
    fi
    for scenario in $scenarios; do
        serves "$name" "$scenario" || continue
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            log "[$run] $name has exited; its log:"
            tail -20 "$target/logs/$name-$run.log" >&2
            SERVER_PID=""
            printf '%s\t%s\tFAILED\t0\n' "$run" "$name" >> "$servers_tsv"
            return 0
        fi
        if [[ "$scenario" == session-* ]] && [ ${#headers[@]} -eq 0 ]; then
            continue
        fi
        local path conns pipeline=1
        path=$(scenario_path "$scenario")
        conns=$(scenario_connections "$scenario")
        [[ "$scenario" != pipelined-* ]] || pipeline=16
        local hdr=()
        [[ "$scenario" != session-* ]] || hdr=("${headers[@]}")
        run_wrk "$base$path" "$conns" "$warmup" "$pipeline" "$target/raw/warmup.txt" "${hdr[@]+"${hdr[@]}"}" > /dev/null
        local out="$target/raw/$stamp-$run-$name-$scenario.txt" before after wrk_cpu
        before=$(cpu_ticks "$SERVER_PID")
        wrk_cpu=$(run_wrk "$base$path" "$conns" "$duration" "$pipeline" "$out" "${hdr[@]+"${hdr[@]}"}")
        after=$(cpu_ticks "$SERVER_PID")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$name" "$scenario" "$out" "$((after - before))" \
            "$wrk_cpu" "$duration" >> "$measures_tsv"
        log "[$run] $name $scenario: $(awk '/Requests\/sec/ {print $2}' "$out") req/s"
    done
    local rss
    rss=$(peak_rss_kb "$SERVER_PID" 2>/dev/null || echo 0)
    stop_server
    printf '%s\t%s\t%s\t%s\n' "$run" "$name" "$startup" "$rss" >> "$servers_tsv"
}

main() {
    ensure_tools
    build
    stamp=$(date -u +%Y%m%d-%H%M%S)
    measures_tsv="$target/raw/$stamp-measures.tsv"
    servers_tsv="$target/raw/$stamp-servers.tsv"
    : > "$measures_tsv"
    : > "$servers_tsv"
    local load_before
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    # Each pass starts one server further down the list: the machine's speed drifts over minutes,
    # and a server measured first in every pass met the same phase each time (in the 15:39 run
    # Trestle, always first, started in 1.10-1.50 s against 0.99 s in interleaved runs).
    local -a order
    read -r -a order <<< "$servers"
    for run in $(seq "$runs"); do
        local shift_by=$(( (run - 1) % ${#order[@]} ))
        for name in "${order[@]:shift_by}" "${order[@]:0:shift_by}"; do
            measure_server "$name" "$run"
        done
    done
    mkdir -p "$bench/results"
    local day file
    day=$(date -u +%F)
    file="$bench/results/$day${quick:+-quick-$quick}.md"
    [ ! -e "$file" ] || file="$bench/results/$day${quick:+-quick-$quick}-$(date -u +%H%M).md"
    # --jvm-flags=VALUE: flags start with '-', which argparse would take for an option of its own.
    # Written aside first, so a failed report leaves no empty results file.
    python3 "$scripts/report.py" \
        --measures "$measures_tsv" --servers "$servers_tsv" --runs "$runs" \
        --duration "$duration" --jvm-flags="${JVM_FLAGS:-}" --java "$JAVA" --nginx "$NGINX" \
        --load-before "$load_before" --load-after "$(cut -d' ' -f1-3 /proc/loadavg)" \
        --clk-tck "$(getconf CLK_TCK)" --versions "$bench/pom.xml" > "$file.part"
    mv "$file.part" "$file"
    cat "$file"
    log "saved $file"
}

main
