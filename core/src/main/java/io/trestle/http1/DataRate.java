package io.trestle.http1;

import java.time.Duration;

/**
 * A minimum data rate, kept as a credit of time: the meter starts with one window of credit,
 * time spent waiting for the peer uses it up, and each byte that moves earns {@code 1/rate}
 * seconds back, the balance never above one window. Credit running out means the peer moved
 * fewer bytes than {@code rate} per second, averaged over the last window of waiting.
 *
 * <p>Only waiting is measured: time between reads (a handler at work) or between writes (an
 * idle server-sent-event stream) costs nothing.
 *
 * <pre>{@code
 * DataRate rate = new DataRate(256, Duration.ofSeconds(10));
 * long deadline = start + rate.credit();   // the wait may last this long
 * rate.moved(n, waitedNanos);
 * if (rate.exhausted()) ...                // slower than 256 B/s
 * }</pre>
 *
 * <p>Not thread-safe: one connection, one thread.
 */
final class DataRate {
    private final long bytesPerSecond;
    private final long windowNanos;
    private long credit;
    private long bytes;
    private long waited;

    DataRate(long bytesPerSecond, Duration window) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("a data rate must be positive: " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.windowNanos = window.toNanos();
        restart();
    }

    /** A full window of credit, and the totals cleared: a new body, a new connection. */
    void restart() {
        credit = windowNanos;
        bytes = 0;
        waited = 0;
    }

    /** How long the next wait may last, in nanoseconds (not more than one window; 0 or less: none). */
    long credit() {
        return credit;
    }

    /** How long waiting for {@code n} bytes may take, on top of the credit, counting them as earned. */
    long earnedBy(long n) {
        return n <= 0 ? 0 : Math.min(n, 1L << 32) * 1_000_000_000L / bytesPerSecond; // no overflow
    }

    /** Records that {@code n} bytes moved (0 or less: none) after {@code waitedNanos} of waiting. */
    void moved(long n, long waitedNanos) {
        waited += Math.max(0, waitedNanos);
        if (n > 0) {
            bytes += n;
        }
        credit = Math.min(windowNanos, credit - Math.max(0, waitedNanos) + earnedBy(n));
    }

    boolean exhausted() {
        return credit <= 0;
    }

    long bytesPerSecond() {
        return bytesPerSecond;
    }

    long windowNanos() {
        return windowNanos;
    }

    /** What was measured, for a log line: {@code 5 bytes in 10.2 s of waiting (0.5 B/s, the minimum is 256 B/s)}. */
    String describe() {
        long millis = waited / 1_000_000;
        String minimum = "the minimum is " + bytesPerSecond + " B/s";
        if (millis < 100) {
            return bytes + " bytes with no wait to speak of (" + minimum + ")";
        }
        long tenthsPerSecond = bytes * 10_000 / millis;
        return bytes + " bytes in " + millis / 1000 + "." + millis % 1000 / 100 + " s of waiting ("
                + tenthsPerSecond / 10 + "." + tenthsPerSecond % 10 + " B/s, " + minimum + ")";
    }
}
