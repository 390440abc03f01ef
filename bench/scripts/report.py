#!/usr/bin/env python3
"""Turns bench/run.sh's raw measurements (wrk outputs, CPU ticks, RSS) into the Markdown report.

Every cell is the median over the runs. Ratios are the peer's figure divided by Trestle's
(> 1.00 means the peer did more requests per second).
"""
import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
from collections import defaultdict

SCENARIOS = [
    ("plaintext-c64", "plaintext c64"),
    ("plaintext-c256", "plaintext c256"),
    ("pipelined-x16", "pipelined x16"),
    ("json-c64", "json c64"),
    ("static-1k", "static 1 KiB"),
    ("static-1m", "static 1 MiB"),
    ("session-c64", "session c64"),
]
CPU_SCENARIOS = ["plaintext-c64", "plaintext-c256", "pipelined-x16", "json-c64"]
SERVER_ORDER = ["trestle", "netty", "vertx", "jetty", "undertow", "helidon", "jdk", "nginx"]
SERVER_NAMES = {
    "trestle": "Trestle", "netty": "Netty", "vertx": "Vert.x", "jetty": "Jetty", "undertow": "Undertow",
    "helidon": "Helidon SE", "jdk": "JDK HttpServer", "nginx": "nginx",
}
# wrk's one thread this busy means the client, not the server, may be the limit.
CLIENT_BOUND = 0.90

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def duration_ms(text):
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(m.group(1)) * UNITS[m.group(2)] if m else None


def parse_wrk(path):
    out = {"rps": None, "p50": None, "p99": None, "requests": 0, "errors": 0, "non2xx": 0}
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return out
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    out["rps"] = float(m.group(1)) if m else None
    for pct in ("50", "99"):
        m = re.search(r"^\s+%s%%\s+(\S+)" % pct, text, re.M)
        v = duration_ms(m.group(1)) if m else None
        # wrk's histogram misses most pipelined responses and prints 0.00us: no figure, not zero
        out["p" + pct] = v if v else None
    m = re.search(r"(\d+) requests in", text)
    out["requests"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    # read errors are the connection closes some servers do at the end; count the rest
    out["errors"] = int(m.group(1)) + int(m.group(3)) + int(m.group(4)) if m else 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    out["non2xx"] = int(m.group(1)) if m else 0
    return out


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt_rps(v):
    if v is None:
        return "—"
    if v >= 100_000:
        return "%.0fk" % (v / 1000)
    if v >= 10_000:
        return "%.1fk" % (v / 1000)
    return "%.0f" % v


def fmt_ms(v):
    if v is None:
        return "—"
    return "%.2f" % v if v < 10 else "%.1f" % v


def command_output(cmd):
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
        return done.stdout + done.stderr
    except (OSError, subprocess.SubprocessError):
        return ""


def machine(args):
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    java = command_output([args.java, "-version"]).strip().splitlines()
    nginx = command_output([args.nginx, "-v"]).strip()
    wrk = command_output(["wrk", "-v"]).strip().splitlines()
    versions = {}
    try:
        pom = open(args.versions).read()
        for key in ("jetty", "undertow", "netty", "helidon", "vertx", "jackson"):
            m = re.search(r"<%s\.version>([^<]+)<" % key, pom)
            versions[key] = m.group(1) if m else "?"
    except OSError:
        pass
    mem_kb = 0
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem_kb = int(line.split()[1])
    except OSError:
        pass
    return cpu, os.cpu_count(), mem_kb, java, nginx, wrk, versions


def main():
    ap = argparse.ArgumentParser()
    # Several files (separate run.sh invocations) may be given: their runs are pooled.
    ap.add_argument("--measures", required=True, nargs="+")
    ap.add_argument("--servers", required=True, nargs="+")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--duration", type=float, default=10)
    ap.add_argument("--jvm-flags", default="")
    ap.add_argument("--java", default="java")
    ap.add_argument("--nginx", default="nginx")
    ap.add_argument("--load-before", default="")
    ap.add_argument("--load-after", default="")
    ap.add_argument("--clk-tck", type=int, default=100)
    ap.add_argument("--versions", default="")
    args = ap.parse_args()

    cells = defaultdict(list)  # (server, scenario) -> [measurement dicts]
    for line in (l for f in args.measures for l in open(f)):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 7:
            continue
        run, server, scenario, out, ticks, wrk_cpu, secs = parts
        w = parse_wrk(out)
        secs = float(secs)
        w["cpu_us"] = (int(ticks) / args.clk_tck * 1e6 / w["requests"]) if w["requests"] else None
        w["wrk_busy"] = float(wrk_cpu) / secs if secs else None
        w["server_busy"] = int(ticks) / args.clk_tck / secs if secs else None
        cells[(server, scenario)].append(w)

    startup = defaultdict(list)
    rss = defaultdict(list)
    failed = set()
    for line in (l for f in args.servers for l in open(f)):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 4:
            continue
        run, server, ms, kb = parts
        if ms == "FAILED":
            failed.add(server)
            continue
        startup[server].append(int(ms))
        rss[server].append(int(kb) if kb.isdigit() else None)

    present = [s for s in SERVER_ORDER if any(k[0] == s for k in cells) or s in startup or s in failed]
    scen = [(k, label) for k, label in SCENARIOS if any(c[1] == k for c in cells)]

    def cell(server, scenario, key):
        return median([m[key] for m in cells.get((server, scenario), [])])

    cpu, ncpu, mem_kb, java, nginx, wrk, versions = machine(args)
    print("# Trestle side-by-side benchmark")
    print()
    print("- date: %s UTC; %d run(s), medians; %g s per scenario after a warm-up" % (
        subprocess.run(["date", "-u", "+%F %H:%M"], capture_output=True, text=True).stdout.strip(),
        args.runs, args.duration))
    print("- machine: %s, %s CPUs, %.0f GiB; %s %s" % (
        cpu, ncpu, mem_kb / 1048576, platform.system(), platform.release()))
    print("- load average before / after: %s / %s (the machine is shared: other work adds noise)" % (
        args.load_before, args.load_after))
    print("- JVM: %s; flags for every JVM: `%s`" % (java[0] if java else "?", args.jvm_flags or "none"))
    print("- %s; %s; peers: Jetty %s, Undertow %s, Netty %s, Helidon %s, Vert.x %s; Jackson %s everywhere" % (
        wrk[0] if wrk else "wrk", nginx.replace("nginx version: ", ""), versions.get("jetty"),
        versions.get("undertow"), versions.get("netty"), versions.get("helidon"), versions.get("vertx"),
        versions.get("jackson")))
    print("- server pinned to CPU 0, `wrk -t1` to CPU 1; pipelined = 16 requests per write; loopback only")
    if failed:
        print("- **did not start**: %s" % ", ".join(SERVER_NAMES[s] for s in sorted(failed)))
    print()

    print("## Requests per second (ratio to Trestle)")
    print()
    header = ["server"] + [label for _, label in scen] + ["start-up", "peak RSS"]
    print("| " + " | ".join(header) + " |")
    print("|---|" + "--:|" * (len(header) - 1))
    flagged = False
    for s in present:
        row = [SERVER_NAMES[s]]
        for k, _ in scen:
            v = cell(s, k, "rps")
            t = cell("trestle", k, "rps")
            text = fmt_rps(v)
            if v is not None and t and s != "trestle":
                text += " (%.2f×)" % (v / t)
            busy = cell(s, k, "wrk_busy")
            errs = sum(m["errors"] + m["non2xx"] for m in cells.get((s, k), []))
            if busy is not None and busy > CLIENT_BOUND:
                text += " ᶜ"
                flagged = True
            if errs:
                text += " ⚠%d" % errs
                flagged = True
            row.append(text)
        ms = median(startup.get(s, []))
        kb = median(rss.get(s, []))
        row.append("%.2f s" % (ms / 1000) if ms is not None else "—")
        row.append("%.0f MiB" % (kb / 1024) if kb is not None else "—")
        print("| " + " | ".join(row) + " |")
    print()
    if flagged:
        print("ᶜ wrk's own core was over %d %% busy: the client may be the limit, compare CPU-µs/request. "
              "⚠N: N socket errors or non-2xx answers." % int(CLIENT_BOUND * 100))
        print()

    cpu_scen = [(k, label) for k, label in scen if k in CPU_SCENARIOS]
    if cpu_scen:
        print("## Server CPU time per request (µs; lower is better) and wrk's core use")
        print()
        header = ["server"] + [label for _, label in cpu_scen]
        print("| " + " | ".join(header) + " |")
        print("|---|" + "--:|" * (len(header) - 1))
        for s in present:
            row = [SERVER_NAMES[s]]
            for k, _ in cpu_scen:
                v = cell(s, k, "cpu_us")
                busy = cell(s, k, "wrk_busy")
                sbusy = cell(s, k, "server_busy")
                if v is None:
                    row.append("—")
                else:
                    row.append("%.1f (server %.0f %%, wrk %.0f %%)" % (v, 100 * (sbusy or 0), 100 * (busy or 0)))
            print("| " + " | ".join(row) + " |")
        print()

    if "trestle" in present and len(present) > 1:
        print("## Targets")
        print()
        print("| target | measured | verdict | note |")
        print("|---|---|---|---|")
        for name, value, verdict, note in targets(cell, startup, rss):
            if value == "—":
                continue  # a scenario this run left out
            print("| %s | %s | %s | %s |" % (name, value, verdict, note))
        print()

    print("## Latency p50 / p99 (ms)")
    print()
    header = ["server"] + [label for _, label in scen]
    print("| " + " | ".join(header) + " |")
    print("|---|" + "--:|" * (len(header) - 1))
    for s in present:
        row = [SERVER_NAMES[s]]
        for k, _ in scen:
            p50, p99 = cell(s, k, "p50"), cell(s, k, "p99")
            row.append("—" if p50 is None else "%s / %s" % (fmt_ms(p50), fmt_ms(p99)))
        print("| " + " | ".join(row) + " |")
    print()


def targets(cell, startup, rss):
    """The issue's targets, each with the measured figure and whether it is met."""
    java_peers = ["netty", "vertx", "jetty", "undertow", "helidon", "jdk"]
    rows = []

    def ratio(a, b):
        return a / b if a is not None and b else None

    def add(name, value, ok, note=""):
        rows.append((name, value, "—" if ok is None else ("met" if ok else "**missed**"), note))

    r = ratio(cell("trestle", "pipelined-x16", "rps"), cell("netty", "pipelined-x16", "rps"))
    add("pipelined ≥ 1.0× Netty", "—" if r is None else "%.2f×" % r, None if r is None else r >= 1.0)
    for k, label in (("plaintext-c64", "plaintext c64"), ("plaintext-c256", "plaintext c256"), ("json-c64", "json c64")):
        t, n = cell("trestle", k, "cpu_us"), cell("netty", k, "cpu_us")
        add("%s: CPU-µs/request ≤ Netty's" % label, "—" if t is None or n is None else "%.1f vs %.1f" % (t, n),
            None if t is None or n is None else t <= n)
        best = max(((cell(p, k, "rps") or 0, p) for p in java_peers), default=(0, None))
        tr = cell("trestle", k, "rps")
        busy = cell("trestle", k, "wrk_busy")
        note = "wrk over 90 % busy: reported, not targeted" if busy and busy > CLIENT_BOUND else ""
        add("%s: requests/s ≥ 0.95× best peer" % label,
            "—" if not tr or not best[0] else "%.2f× %s" % (tr / best[0], SERVER_NAMES[best[1]]),
            None if not tr or not best[0] else tr >= 0.95 * best[0], note)
    best = max(((cell(p, "static-1k", "rps") or 0, p) for p in java_peers), default=(0, None))
    tr = cell("trestle", "static-1k", "rps")
    add("static 1 KiB ahead of every Java peer", "—" if not tr or not best[0] else "%.2f× %s" % (tr / best[0], SERVER_NAMES[best[1]]),
        None if not tr or not best[0] else tr > best[0])
    r = ratio(cell("trestle", "static-1m", "rps"), cell("nginx", "static-1m", "rps"))
    add("static 1 MiB ≥ 0.9× nginx", "—" if r is None else "%.2f×" % r, None if r is None else r >= 0.9)
    peers_p99 = [(cell(p, "plaintext-c256", "p99"), p) for p in java_peers + ["nginx"]]
    peers_p99 = [x for x in peers_p99 if x[0] is not None]
    t = cell("trestle", "plaintext-c256", "p99")
    if peers_p99 and t is not None:
        best = min(peers_p99)
        add("p99 at 256 connections ≤ best peer's", "%.1f ms vs %.1f ms (%s)" % (t, best[0], SERVER_NAMES[best[1]]), t <= best[0])
    st = median(startup.get("trestle", []))
    add("start-up ≤ 0.5 s", "—" if st is None else "%.2f s" % (st / 1000), None if st is None else st <= 500)
    lean = [(median(rss.get(p, [])), p) for p in java_peers if median(rss.get(p, []))]
    tr = median(rss.get("trestle", []))
    if lean and tr:
        m = min(lean)
        add("peak RSS ≤ half the leanest Java peer's", "%.0f MiB vs %.0f MiB (%s)" % (tr / 1024, m[0] / 1024, SERVER_NAMES[m[1]]),
            tr <= m[0] / 2)
    add("≤ 1 KB allocated per plaintext request", "see bench/profile.sh", None)
    return rows


if __name__ == "__main__":
    sys.exit(main())
