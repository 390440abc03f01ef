package io.trestle.hardening;

import java.util.Arrays;

/** Request durations recorded by one thread, and their percentiles in milliseconds. */
final class Latencies {
    private long[] nanos = new long[1024];
    private int count;

    void record(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    int count() {
        return count;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100), nearest rank; 0 when nothing was recorded. */
    double percentileMillis(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    String describe() {
        return count + " requests, p50 " + round(percentileMillis(50)) + " ms, p99 " + round(percentileMillis(99))
                + " ms, max " + round(percentileMillis(100)) + " ms";
    }

    private static String round(double millis) {
        return Double.toString(Math.round(millis * 10) / 10.0);
    }
}
