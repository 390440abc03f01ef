package io.trestle.http1;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one log line through per interval and counts the others, so that a flood of clients
 * refused or closed for the same reason makes a few lines that say how many, not one each.
 *
 * <pre>{@code
 * long skipped = limiter.permit();
 * if (skipped >= 0) {
 *     LOG.warn("refused {}: too many connections{}", peer, LogLimiter.more(skipped));
 * }
 * }</pre>
 */
public final class LogLimiter {
    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    public LogLimiter(long interval, TimeUnit unit) {
        this.intervalNanos = unit.toNanos(interval);
    }

    /**
     * Whether a line may be logged now: the number of lines held back since the last one that
     * was (0 or more), or -1 when this one must be held back too.
     */
    public long permit() {
        long now = System.nanoTime();
        long allowedFrom = next.get();
        if ((allowedFrom == Long.MIN_VALUE || now - allowedFrom >= 0) && next.compareAndSet(allowedFrom, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return -1;
    }

    /** {@code " (and 12 more like it since the last line)"}, or "" for 0. */
    public static String more(long skipped) {
        return skipped <= 0 ? "" : " (and " + skipped + " more like it since the last such line)";
    }
}
