#!/usr/bin/env bash
# Builds bench/target/plugins/trestle-bench-plugin.jar with javac and jar against core's compiled
# classes (core/target/classes), so nothing is installed into the shared ~/.m2.
# Usage: bench/trestle-plugin/build.sh JAVA_HOME
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
java_home=$1
classes="$repo/core/target/classes"
if [ ! -f "$classes/io/trestle/Plugin.class" ]; then
    echo "build-plugin: $classes has no compiled core; run ./mvnw -q -DskipTests package first" >&2
    exit 1
fi
out="$repo/bench/target/plugin-classes"
rm -rf "$out" && mkdir -p "$out" "$repo/bench/target/plugins"
# -proc:full runs core's @Route indexer (found on the class path through its META-INF/services entry;
# JDK 23+ runs none unless asked), so the jar carries META-INF/trestle/route-index and the app skips
# the ClassGraph scan of it.
"$java_home/bin/javac" --release 21 -proc:full -cp "$classes" -d "$out" \
    $(find "$here/src/main/java" -name '*.java')
cp -r "$here/src/main/resources/." "$out/"
"$java_home/bin/jar" --create --file "$repo/bench/target/plugins/trestle-bench-plugin.jar" -C "$out" .
