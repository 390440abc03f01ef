#!/usr/bin/env python3
"""Summarizes CPU samples (jfr print --json on stdin) two ways:

1. by stage of a request (for stages over 5 %, also the methods at the top of their stacks): the innermost frame on the stack that belongs to a known part of the
   server decides (socket read, parse, route, filters, handler, response, socket write, access
   log, ...); samples with none are charged to JVM work by thread (GC, JIT, scheduler);
2. by the innermost frame whose class starts with argv[1] (default io.trestle.), top argv[2].
"""
import collections
import json
import sys

# (class prefix, stage), checked for each frame from the innermost outwards; first hit wins.
STAGES = [
    ("io.trestle.http1.ConnectionInput", "socket read (ConnectionInput)"),
    ("io.trestle.http1.ConnectionOutput", "socket write / flush (ConnectionOutput)"),
    ("io.trestle.server.AccessLog", "access log: line building (request thread)"),
    ("io.trestle.server.AccessLine", "access log: line building (request thread)"),
    ("io.trestle.BufferedAccessLogWriter", "access log: hand-over and writer thread"),
    ("io.trestle.LoggerAccessLogWriter", "access log: logger (logback)"),
    ("ch.qos.logback", "access log: logback (appender, encoder, console)"),
    ("io.trestle.http1.RequestHeadParser", "parse request head"),
    ("io.trestle.http1.FieldSection", "parse request head"),
    ("io.trestle.http1.RequestTarget", "parse request head"),
    ("io.trestle.http1.FramingRules", "parse request head"),
    ("io.trestle.http1.HeaderNames", "parse request head"),
    ("io.trestle.http1.PathDecoder", "request object (path, client, body)"),
    ("io.trestle.http1.ForwardedResolver", "request object (path, client, body)"),
    ("io.trestle.http1.Http1Request", "request object (path, client, body)"),
    ("io.trestle.http1.RequestBody", "request object (path, client, body)"),
    ("io.trestle.routing", "route lookup and filter selection"),
    ("io.trestle.login", "login module filters (CORS, session)"),
    ("io.trestle.staticfiles", "static files handler"),
    ("com.fasterxml.jackson", "JSON serialization"),
    ("io.trestle.json", "JSON serialization"),
    ("io.trestle.http1.Http1Response", "response head and body"),
    ("io.trestle.http1.StatusLines", "response head and body"),
    ("io.trestle.http1.DateCache", "response head and body"),
    ("io.trestle.bench.plugin", "handler (bench plugin)"),
    ("io.trestle.server.Dispatcher", "dispatch and filter chain"),
    ("io.trestle.http1.Http1Connection", "connection loop"),
    ("io.trestle.server", "accept and connection bookkeeping"),
    ("io.trestle", "other Trestle code"),
]


def thread_kind(e):
    t = (e["values"].get("eventThread") or e["values"].get("sampledThread") or {})
    name = t.get("javaName") or t.get("osName") or ""
    if "GC" in name or "G1" in name or name.startswith("GC "):
        return "JVM: garbage collector"
    if "Compiler" in name or "C1" in name or "C2" in name:
        return "JVM: JIT compiler"
    if name.startswith("ForkJoinPool") or t.get("virtual") or "Poller" in name or name.startswith("trestle-conn"):
        return "JVM: virtual-thread scheduling, parking, polling"
    if "JFR" in name or "Recorder" in name:
        return "JFR itself"
    return "JVM: other threads (%s)" % (name or "unnamed")


def main():
    prefix = sys.argv[1] if len(sys.argv) > 1 else "io.trestle."
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    events = json.load(sys.stdin)["recording"]["events"]
    stages = collections.Counter()
    leaves = collections.defaultdict(collections.Counter)
    frames_by = collections.Counter()
    total = 0
    for e in events:
        frames = ((e["values"].get("stackTrace") or {}).get("frames")) or []
        total += 1
        stage = None
        first = None
        for f in frames:
            cls = f["method"]["type"]["name"].replace("/", ".")
            if stage is None:
                for p, s in STAGES:
                    if cls.startswith(p):
                        stage = s
                        break
            if first is None and cls.startswith(prefix):
                first = "%s.%s" % (cls, f["method"]["name"])
            if stage and first:
                break
        stage = stage or thread_kind(e)
        stages[stage] += 1
        if frames:
            leaf = frames[0]["method"]
            leaves[stage]["%s.%s" % (leaf["type"]["name"].replace("/", ".").rsplit(".", 1)[-1], leaf["name"])] += 1
        frames_by[first or "(no %s frame)" % prefix] += 1
    print("%d samples" % total)
    print()
    print("by stage:")
    for name, n in stages.most_common():
        print("%6.2f%%  %s" % (100.0 * n / max(total, 1), name))
        if n * 20 >= total:  # the big ones: what runs at the top of their stacks
            for leaf, m in leaves[name].most_common(4):
                print("          %5.2f%%  %s" % (100.0 * m / total, leaf))
    print()
    print("by innermost %s method:" % prefix)
    for name, n in frames_by.most_common(top):
        print("%6.2f%%  %s" % (100.0 * n / max(total, 1), name))


if __name__ == "__main__":
    main()
