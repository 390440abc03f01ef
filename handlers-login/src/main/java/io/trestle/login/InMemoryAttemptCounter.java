package io.trestle.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts attempts in this process's memory: per key, the times of the attempts still inside the
 * window (and, for a limit with backoff, when the next attempt may pass and the pause after it).
 * Keys whose attempts have all left their window, and remembered keys whose window has passed,
 * are swept by whichever call comes first after each sweep interval: no thread of its own.
 *
 * <pre>{@code
 * AttemptCounter counter = new InMemoryAttemptCounter();
 * }</pre>
 */
public final class InMemoryAttemptCounter implements AttemptCounter {
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final ConcurrentMap<String, Attempts> byKey = new ConcurrentHashMap<>();
    // Remembered key -> the epoch millisecond its window ends.
    private final ConcurrentMap<String, Long> remembered = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Instant nextSweep;

    public InMemoryAttemptCounter() {
        this(Clock.systemUTC());
    }

    /** With {@code clock} as the time source (tests pass a fake one). */
    public InMemoryAttemptCounter(Clock clock) {
        this.clock = clock;
        this.nextSweep = clock.instant().plus(SWEEP_INTERVAL);
    }

    @Override
    public Duration attempt(String key, int limit, Duration window) {
        return attemptWithBackoff(key, limit, window, null, null);
    }

    @Override
    public Duration attemptWithBackoff(String key, int limit, Duration window, Duration firstPause, Duration maxPause) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        long now = clock.millis();
        sweepIfDue(now);
        while (true) {
            Attempts a = byKey.computeIfAbsent(key, k -> new Attempts());
            synchronized (a) {
                if (a.removed) {
                    continue; // swept between lookup and lock: use a fresh entry
                }
                long wait = firstPause == null
                        ? a.tryAdd(now, limit, window.toMillis())
                        : a.tryAddWithBackoff(now, limit, window.toMillis(), firstPause.toMillis(), maxPause.toMillis());
                return Duration.ofMillis(wait);
            }
        }
    }

    @Override
    public void remember(String key, Duration window) {
        long now = clock.millis();
        sweepIfDue(now);
        remembered.put(key, now + window.toMillis());
    }

    @Override
    public boolean remembers(String key) {
        Long until = remembered.get(key);
        return until != null && clock.millis() < until;
    }

    @Override
    public void forgive(String key) {
        Attempts a = byKey.get(key);
        if (a != null) {
            synchronized (a) {
                a.removeLatest();
            }
        }
    }

    @Override
    public void clear(String key) {
        Attempts a = byKey.remove(key);
        if (a != null) {
            synchronized (a) {
                a.removed = true;
            }
        }
    }

    /** How many keys are tracked (counted or remembered), stale ones not yet swept included. */
    public int size() {
        return byKey.size() + remembered.size();
    }

    private void sweepIfDue(long now) {
        Instant at = Instant.ofEpochMilli(now);
        if (at.isBefore(nextSweep)) {
            return;
        }
        synchronized (this) {
            if (at.isBefore(nextSweep)) {
                return;
            }
            nextSweep = at.plus(SWEEP_INTERVAL);
        }
        for (var e : byKey.entrySet()) {
            Attempts a = e.getValue();
            synchronized (a) {
                if (a.isStale(now)) {
                    a.removed = true;
                    byKey.remove(e.getKey(), a);
                }
            }
        }
        remembered.values().removeIf(until -> until <= now);
    }

    /**
     * The attempt times of one key, oldest first, in a ring that grows to the limit (past it with
     * backoff, by one per pause). Guarded by itself.
     */
    private static final class Attempts {
        private long[] times = new long[4];
        private int start;
        private int count;
        private long windowMillis;
        // With backoff, once the limit is reached: when the next attempt may pass, and the pause after it.
        private long nextAllowed;
        private long nextPause;
        boolean removed;

        /** Returns 0 after recording {@code now}, or the milliseconds to wait without recording. */
        long tryAdd(long now, int limit, long windowMillis) {
            this.windowMillis = windowMillis;
            dropOlderThan(now - windowMillis);
            if (count >= limit) {
                long wait = at(count - limit) + windowMillis - now;
                return Math.max(1, wait);
            }
            add(now);
            return 0;
        }

        /** Like {@link #tryAdd}, but at the limit lets one attempt through per pause, the pause doubling. */
        long tryAddWithBackoff(long now, int limit, long windowMillis, long firstPause, long maxPause) {
            this.windowMillis = windowMillis;
            dropOlderThan(now - windowMillis);
            if (count < limit) {
                nextAllowed = 0;
                nextPause = 0;
            } else {
                if (now < nextAllowed) {
                    return nextAllowed - now;
                }
                long pause = Math.min(nextPause == 0 ? firstPause : nextPause, maxPause);
                nextAllowed = now + pause;
                nextPause = Math.min(pause * 2, maxPause);
            }
            add(now);
            return 0;
        }

        private void add(long now) {
            if (count == times.length) {
                grow();
            }
            times[(start + count) % times.length] = now;
            count++;
        }

        void removeLatest() {
            if (count > 0) {
                count--;
            }
        }

        boolean isStale(long now) {
            return count == 0 || at(count - 1) <= now - windowMillis;
        }

        private void dropOlderThan(long cutoff) {
            while (count > 0 && times[start] <= cutoff) {
                start = (start + 1) % times.length;
                count--;
            }
        }

        private long at(int i) {
            return times[(start + i) % times.length];
        }

        private void grow() {
            long[] bigger = new long[times.length * 2];
            for (int i = 0; i < count; i++) {
                bigger[i] = at(i);
            }
            times = bigger;
            start = 0;
        }
    }
}
