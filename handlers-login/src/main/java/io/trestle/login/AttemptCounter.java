package io.trestle.login;

import java.time.Duration;

/**
 * Counts sign-in attempts per key (a user name, a client address) within a sliding time window,
 * for throttling. The default, {@link InMemoryAttemptCounter}, counts in this process; a shared
 * one (Redis) lets several servers throttle together.
 *
 * <pre>{@code
 * Duration wait = counter.attempt("user:eiger", 5, Duration.ofMinutes(15));
 * if (!wait.isZero()) { ... answer 429 with Retry-After ... }
 * boolean ok = verify(...);
 * if (ok) counter.clear("user:eiger");            // a success wipes the user's failures
 * }</pre>
 *
 * <p>Checking and recording are one step so that parallel attempts cannot all pass the check
 * before any of them is recorded. Implementations must be safe for concurrent use.
 */
public interface AttemptCounter extends AutoCloseable {

    /**
     * Records an attempt for {@code key} and returns {@link Duration#ZERO} when fewer than
     * {@code limit} were recorded within the last {@code window}; otherwise records nothing and
     * returns how long until the next attempt would be allowed (positive).
     */
    Duration attempt(String key, int limit, Duration window);

    /** Takes back the latest attempt recorded for {@code key} (it did not fail after all). */
    void forgive(String key);

    /** Forgets every attempt of {@code key}. */
    void clear(String key);

    /** Releases connections or threads the counter holds. */
    @Override
    default void close() {
    }
}
