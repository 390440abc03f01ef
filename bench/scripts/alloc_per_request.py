#!/usr/bin/env python3
"""Bytes allocated per request from a JFR recording (jfr print --json on stdin; argv[1] = requests).

jdk.ThreadAllocationStatistics gives each thread's allocated-bytes counter at the start and the
end of the recording; virtual threads allocate in their carrier's counter, so the sum of the
differences covers every request's work. jdk.ObjectAllocationSample weights, summed, are JFR's
own estimate of the same total: a cross-check.
"""
import json
import sys


def main():
    requests = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 0
    events = json.load(sys.stdin)["recording"]["events"]
    first, last, names = {}, {}, {}
    sampled = 0
    for e in events:
        v = e["values"]
        if e["type"] == "jdk.ThreadAllocationStatistics":
            t = v.get("thread") or {}
            tid = t.get("javaThreadId") or t.get("osThreadId")
            names[tid] = t.get("javaName") or t.get("osName") or str(tid)
            first.setdefault(tid, v["allocated"])
            last[tid] = v["allocated"]
        elif e["type"] == "jdk.ObjectAllocationSample":
            sampled += v.get("weight", 0)
    per_thread = sorted(((last[t] - first[t], names[t]) for t in first), reverse=True)
    total = sum(d for d, _ in per_thread)
    if not requests:
        print("no requests counted")
        return
    print("| measure | bytes | per request |")
    print("|---|--:|--:|")
    print("| all threads (jdk.ThreadAllocationStatistics) | %d | **%.0f B** |" % (total, total / requests))
    print("| sampled estimate (jdk.ObjectAllocationSample weights) | %d | %.0f B |" % (sampled, sampled / requests))
    print()
    print("Threads that allocated most: " + ", ".join(
        "%s %.0f B/req" % (n, d / requests) for d, n in per_thread[:5] if d > 0))


if __name__ == "__main__":
    main()
