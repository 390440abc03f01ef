package io.trestle.login.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sliding-window counter in a real Redis behaves as the in-memory one, across servers. */
class RedisAttemptCounterTest extends RealRedisTest {
    static final Duration WINDOW = Duration.ofMinutes(15);

    RedisAttemptCounter counter;

    @BeforeEach
    void newCounter() {
        inspect.scriptFlush();
        counter = new RedisAttemptCounter(link, "test:", clock);
    }

    private void attempts(RedisAttemptCounter c, String key, int n) {
        for (int i = 0; i < n; i++) {
            assertEquals(Duration.ZERO, c.attempt(key, 5, WINDOW), "attempt " + (i + 1));
        }
    }

    @Test
    void theAttemptAfterTheLimitWaitsUntilTheOldestLeavesTheWindow() {
        attempts(counter, "user:ann", 5);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Duration.ofMinutes(14), counter.attempt("user:ann", 5, WINDOW));
        assertEquals(Duration.ofMinutes(14), counter.attempt("user:ann", 5, WINDOW), "a refused attempt is not recorded");
    }

    @Test
    void theWindowSlides() {
        attempts(counter, "user:ann", 3);
        clock.advance(Duration.ofMinutes(10));
        attempts(counter, "user:ann", 2);
        assertTrue(counter.attempt("user:ann", 5, WINDOW).compareTo(Duration.ZERO) > 0);
        clock.advance(Duration.ofMinutes(5)); // the first three leave the window
        attempts(counter, "user:ann", 3);
        assertEquals(Duration.ofMinutes(10), counter.attempt("user:ann", 5, WINDOW));
    }

    @Test
    void keysCountApart() {
        attempts(counter, "user:ann", 5);
        assertEquals(Duration.ZERO, counter.attempt("user:eiger", 5, WINDOW));
        assertEquals(Duration.ZERO, counter.attempt("client:127.0.0.1", 5, WINDOW));
    }

    @Test
    void forgiveTakesBackTheLatestAttempt() {
        attempts(counter, "user:ann", 5);
        counter.forgive("user:ann");
        assertEquals(Duration.ZERO, counter.attempt("user:ann", 5, WINDOW));
        counter.forgive("user:nobody"); // nothing to take back: harmless
    }

    @Test
    void clearForgetsEveryAttempt() {
        attempts(counter, "user:ann", 5);
        counter.clear("user:ann");
        attempts(counter, "user:ann", 5);
    }

    @Test
    void serversCountTogether() {
        RedisAttemptCounter other = new RedisAttemptCounter(link, "test:", clock);
        attempts(counter, "user:ann", 3);
        attempts(other, "user:ann", 2);
        assertTrue(counter.attempt("user:ann", 5, WINDOW).compareTo(Duration.ZERO) > 0);
        assertTrue(other.attempt("user:ann", 5, WINDOW).compareTo(Duration.ZERO) > 0);
    }

    @Test
    void keysAreHashedAndExpireWithTheWindow() {
        attempts(counter, "user:my secret password", 1);
        Set<String> keys = inspect.keys("*");
        assertEquals(Set.of("test:attempts:" + KeyHash.sha256("user:my secret password")), keys);
        long ttl = inspect.pttl(keys.iterator().next());
        assertTrue(ttl > WINDOW.minusSeconds(60).toMillis() && ttl <= WINDOW.toMillis(), "TTL " + ttl);
    }

    @Test
    void parallelAttemptsNeverPassTheLimit() throws Exception {
        int threads = 16;
        List<Callable<Duration>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            RedisAttemptCounter c = i % 2 == 0 ? counter : new RedisAttemptCounter(link, "test:", clock);
            tasks.add(() -> c.attempt("user:ann", 5, WINDOW));
        }
        int allowed = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (Future<Duration> f : pool.invokeAll(tasks)) {
                if (f.get().isZero()) {
                    allowed++;
                }
            }
        }
        assertEquals(5, allowed);
    }

    @Test
    void aLimitBelowOneIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> counter.attempt("user:ann", 0, WINDOW));
    }

    static final Duration SECOND = Duration.ofSeconds(1);
    static final Duration MINUTE = Duration.ofMinutes(1);

    private Duration backoff(RedisAttemptCounter c, String key) {
        return c.attemptWithBackoff(key, 3, WINDOW, SECOND, MINUTE);
    }

    @Test
    void withBackoffAttemptsPassOneAtATimeAfterAPauseThatDoubles() {
        RedisAttemptCounter other = new RedisAttemptCounter(link, "test:", clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, backoff(i % 2 == 0 ? counter : other, "user:ann"), "below the limit, attempt " + (i + 1));
        }
        assertEquals(Duration.ZERO, backoff(counter, "user:ann"), "at the limit, the first passes at once");
        long[] pauses = {1, 2, 4, 8, 16, 32, 60, 60};
        for (long seconds : pauses) {
            assertEquals(Duration.ofSeconds(seconds), backoff(counter, "user:ann"));
            assertEquals(Duration.ofSeconds(seconds), backoff(other, "user:ann"), "the same on another server; nothing changed");
            clock.advance(Duration.ofSeconds(seconds));
            assertEquals(Duration.ZERO, backoff(other, "user:ann"));
        }
    }

    @Test
    void withBackoffThePausesStartOverBelowTheLimit() {
        for (int i = 0; i < 6; i++) {
            clock.advance(backoff(counter, "user:ann"));
            backoff(counter, "user:ann");
        }
        assertTrue(backoff(counter, "user:ann").compareTo(SECOND) > 0);
        clock.advance(WINDOW);
        for (int i = 0; i < 4; i++) {
            assertEquals(Duration.ZERO, backoff(counter, "user:ann"));
        }
        assertEquals(SECOND, backoff(counter, "user:ann"));
    }

    @Test
    void withBackoffParallelAttemptsPassOneAtATime() throws Exception {
        for (int i = 0; i < 3; i++) {
            backoff(counter, "user:ann");
        }
        List<Callable<Duration>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            RedisAttemptCounter c = i % 2 == 0 ? counter : new RedisAttemptCounter(link, "test:", clock);
            tasks.add(() -> backoff(c, "user:ann"));
        }
        int allowed = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<Duration> f : pool.invokeAll(tasks)) {
                if (f.get().isZero()) {
                    allowed++;
                }
            }
        }
        assertEquals(1, allowed);
    }

    @Test
    void withBackoffKeysAreHashedExpireWithTheWindowAndClearTakesBoth() {
        for (int i = 0; i < 4; i++) {
            backoff(counter, "user:my secret password");
        }
        String hash = KeyHash.sha256("user:my secret password");
        assertEquals(Set.of("test:attempts:" + hash, "test:attempts-backoff:" + hash), inspect.keys("*"));
        for (String key : inspect.keys("*")) {
            long ttl = inspect.pttl(key);
            assertTrue(ttl > WINDOW.minusSeconds(60).toMillis() && ttl <= WINDOW.toMillis(), key + " TTL " + ttl);
        }
        counter.clear("user:my secret password");
        assertEquals(Set.of(), inspect.keys("*"));
    }

    @Test
    void rememberedKeysAreHashedAndRememberedForTheirWindow() {
        assertFalse(counter.remembers("signed-in:10.0.0.1 ann"));
        counter.remember("signed-in:10.0.0.1 ann", WINDOW);
        RedisAttemptCounter other = new RedisAttemptCounter(link, "test:", clock);
        assertTrue(other.remembers("signed-in:10.0.0.1 ann"), "every server knows");
        assertFalse(other.remembers("signed-in:10.0.0.2 ann"));
        String key = "test:remembered:" + KeyHash.sha256("signed-in:10.0.0.1 ann");
        assertEquals(Set.of(key), inspect.keys("*"));
        long ttl = inspect.pttl(key);
        assertTrue(ttl > WINDOW.minusSeconds(60).toMillis() && ttl <= WINDOW.toMillis(), "TTL " + ttl);
        clock.advance(WINDOW.minusMillis(1));
        assertTrue(counter.remembers("signed-in:10.0.0.1 ann"));
        clock.advance(Duration.ofMillis(1));
        assertFalse(counter.remembers("signed-in:10.0.0.1 ann"), "the window is by the servers' clock");
    }
}
