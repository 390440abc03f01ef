package io.trestle.login.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
