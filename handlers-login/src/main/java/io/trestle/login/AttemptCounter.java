package io.trestle.login;

import java.time.Duration;

/**
 * Counts sign-in attempts per key (a user name, a client address) within a sliding time window,
 * for throttling, and remembers keys for a while (an address that signed a user in). The default,
 * {@link InMemoryAttemptCounter}, counts in this process; a shared one (Redis) lets several
 * servers throttle together.
 *
 * <pre>{@code
 * Duration wait = counter.attempt("user:eiger", 5, Duration.ofMinutes(15));
 * if (!wait.isZero()) { ... answer 429 with Retry-After ... }
 * boolean ok = verify(...);
 * if (ok) counter.clear("user:eiger");            // a success wipes the user's failures
 * }</pre>
 *
 * <p>Checking and recording are one step so that parallel attempts cannot all pass the check
 * before any of them is recorded. A counter that cannot reach where it counts (Redis) throws
 * {@link StoreUnavailableException}. Implementations must be safe for concurrent use.
 */
public interface AttemptCounter extends AutoCloseable {

    /**
     * Records an attempt for {@code key} and returns {@link Duration#ZERO} when fewer than
     * {@code limit} were recorded within the last {@code window}; otherwise records nothing and
     * returns how long until the next attempt would be allowed (positive).
     */
    Duration attempt(String key, int limit, Duration window);

    /**
     * Records an attempt for {@code key} with a limit that slows down instead of locking out:
     * while fewer than {@code limit} attempts are within the last {@code window}, every attempt
     * is recorded; from then on one attempt at a time, each after a pause that starts at
     * {@code firstPause} and doubles with every attempt let through, up to {@code maxPause}. The
     * pauses start over once the count is below the limit again. Returns {@link Duration#ZERO}
     * after recording, else how long until the next attempt would be let through (nothing is
     * recorded).
     *
     * <pre>{@code
     * counter.attemptWithBackoff("user:eiger", 100, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(1));
     * }</pre>
     */
    Duration attemptWithBackoff(String key, int limit, Duration window, Duration firstPause, Duration maxPause);

    /** Remembers {@code key} for {@code window} from now (again from now if it was remembered). */
    void remember(String key, Duration window);

    /** Whether {@code key} was {@linkplain #remember remembered} and its window has not passed. */
    boolean remembers(String key);

    /** Takes back the latest attempt recorded for {@code key} (it did not fail after all). */
    void forgive(String key);

    /** Forgets every attempt of {@code key}. */
    void clear(String key);

    /** Releases connections or threads the counter holds. */
    @Override
    default void close() {
    }
}
