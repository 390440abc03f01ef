#!/usr/bin/env python3
"""Counts, over jdk.ExecutionSample events (jfr print --json on stdin), the first stack frame
whose class starts with argv[1]: which of our methods the CPU time is spent under or in.
Prints the top argv[2] with their share of all samples, and the share with no such frame."""
import collections
import json
import sys


def main():
    prefix = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    events = json.load(sys.stdin)["recording"]["events"]
    counts = collections.Counter()
    total = 0
    for e in events:
        frames = ((e["values"].get("stackTrace") or {}).get("frames")) or []
        total += 1
        for f in frames:
            m = f["method"]
            cls = m["type"]["name"]
            if cls.startswith(prefix):
                counts["%s.%s:%s" % (cls, m["name"], f.get("lineNumber", "?"))] += 1
                break
        else:
            counts["(no %s frame: JDK, library or GC code)" % prefix] += 1
    print("%d samples" % total)
    for name, n in counts.most_common(top):
        print("%6.2f%%  %s" % (100.0 * n / max(total, 1), name))


if __name__ == "__main__":
    main()
