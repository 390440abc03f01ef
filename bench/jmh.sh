#!/usr/bin/env bash
# JMH micro-benchmarks of the hot path: request-head parser, route table, response writer, each
# with the GC profiler's bytes allocated per operation (gc.alloc.rate.norm).
#
#   bench/jmh.sh                       all benchmarks (~4 min)
#   bench/jmh.sh RouteTableBench       a subset (any JMH include pattern)
#   bench/jmh.sh -- -f 3 -wi 5         extra JMH options after --
#
# Builds core's jar (./mvnw -pl core package, never install) and bench/jmh's benchmarks.jar,
# then runs them pinned to CPU 0 when taskset is there. Results also go to bench/target/jmh.txt.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench/.." && pwd)
include=()
extra=()
while [ $# -gt 0 ]; do
    if [ "$1" = "--" ]; then shift; extra=("$@"); break; fi
    include+=("$1"); shift
done

. "$repo/bin/find-java"
JAVA_HOME=${JAVA_HOME:-}
JAVA_HOME=$(trestle_find_java)
export JAVA_HOME
core_jar="$repo/core/target/trestle-core-0.1.0-SNAPSHOT.jar"
if [ "${NO_BUILD:-0}" != 1 ]; then
    (cd "$repo" && ./mvnw -q -pl core -DskipTests package)
    (cd "$repo" && ./mvnw -q -f bench/pom.xml -pl jmh -DskipTests package -Dtrestle.core.jar="$core_jar")
fi
cp="$bench/jmh/target/benchmarks.jar:$core_jar"
pin=()
if command -v taskset >/dev/null 2>&1 && [ "$(nproc --all)" -ge 2 ]; then pin=(taskset -c 0); fi
mkdir -p "$bench/target"
${pin[@]+"${pin[@]}"} "$JAVA_HOME/bin/java" -cp "$cp" org.openjdk.jmh.Main -prof gc -rf text \
    -rff "$bench/target/jmh.txt" "${include[@]}" "${extra[@]+"${extra[@]}"}"
