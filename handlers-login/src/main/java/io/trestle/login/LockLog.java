package io.trestle.login;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which sign-in refusals are worth a log line: the first of each lock, not one per
 * request. A lock is logged, then refusals of the same key stay quiet until the quiet time given
 * with that line has passed; the next line says how many were refused in between. The map is
 * capped, so a flood of locks cannot fill the heap: when it is full, keys whose quiet time is over
 * are dropped, and beyond that lines are skipped and counted into a summary at most once a minute.
 *
 * <pre>{@code
 * long unlogged = locks.due("user-client:203.0.113.7 eiger", Duration.ofMinutes(14));
 * if (unlogged >= 0) log.warn("... locked ({} more refused since the last line)", unlogged);
 * }</pre>
 */
final class LockLog {
    static final int MAX_KEYS = 10_000;
    private static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Clock clock;
    private final int maxKeys;
    private final ConcurrentMap<String, Quiet> byKey = new ConcurrentHashMap<>();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong nextSummary = new AtomicLong();

    LockLog(Clock clock) {
        this(clock, MAX_KEYS);
    }

    LockLog(Clock clock, int maxKeys) {
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    /**
     * Called for every refusal of {@code key}: returns -1 while the key is quiet, else (the caller
     * logs a line) how many refusals went unlogged since its last line, and starts a quiet time of
     * {@code quiet}.
     */
    long due(String key, Duration quiet) {
        long now = clock.millis();
        Quiet q = byKey.get(key);
        if (q == null) {
            if (byKey.size() >= maxKeys) {
                byKey.values().removeIf(old -> old.isOver(now));
                if (byKey.size() >= maxKeys) {
                    skippedOne(now);
                    return -1;
                }
            }
            q = byKey.computeIfAbsent(key, k -> new Quiet());
        }
        synchronized (q) {
            if (!q.isOver(now)) {
                q.refused++;
                return -1;
            }
            long unlogged = q.refused;
            q.refused = 0;
            q.until = now + quiet.toMillis();
            return unlogged;
        }
    }

    /** How many keys are in a quiet time or waiting to be swept. */
    int size() {
        return byKey.size();
    }

    private void skippedOne(long now) {
        long n = skipped.incrementAndGet();
        long due = nextSummary.get();
        if (now >= due && nextSummary.compareAndSet(due, now + SUMMARY_INTERVAL.toMillis())) {
            skipped.addAndGet(-n);
            log.warn("Sign-ins are being refused for over {} users or addresses at once; {} refusals not logged one by one",
                    maxKeys, n);
        }
    }

    /** One key's quiet time; guarded by itself. */
    private static final class Quiet {
        volatile long until; // read unlocked when sweeping
        long refused;

        boolean isOver(long now) {
            return now >= until;
        }
    }
}
