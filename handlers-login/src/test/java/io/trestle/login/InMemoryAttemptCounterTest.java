package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryAttemptCounterTest {
    static final Duration WINDOW = Duration.ofMinutes(15);
    final MutableClock clock = new MutableClock();
    final InMemoryAttemptCounter counter = new InMemoryAttemptCounter(clock);

    @Test
    void allowsUpToTheLimitThenSaysHowLongToWait() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, counter.attempt("k", 5, WINDOW), "attempt " + (i + 1));
            clock.advance(Duration.ofMinutes(1));
        }
        // The first attempt was 5 minutes ago: it leaves the window in 10 minutes.
        assertEquals(Duration.ofMinutes(10), counter.attempt("k", 5, WINDOW));
        assertEquals(Duration.ofMinutes(10), counter.attempt("k", 5, WINDOW), "a refused attempt is not recorded");
    }

    @Test
    void theWindowSlides() {
        for (int i = 0; i < 5; i++) {
            counter.attempt("k", 5, WINDOW);
            clock.advance(Duration.ofMinutes(1));
        }
        clock.advance(Duration.ofMinutes(10)); // the first attempt is now 15 minutes old
        assertEquals(Duration.ZERO, counter.attempt("k", 5, WINDOW));
        assertEquals(Duration.ofMinutes(1), counter.attempt("k", 5, WINDOW), "the second one leaves a minute later");
    }

    @Test
    void keysAreIndependent() {
        for (int i = 0; i < 3; i++) {
            counter.attempt("a", 3, WINDOW);
        }
        assertTrue(counter.attempt("a", 3, WINDOW).compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, counter.attempt("b", 3, WINDOW));
    }

    @Test
    void forgiveTakesBackOneAttemptAndClearTakesAll() {
        for (int i = 0; i < 3; i++) {
            counter.attempt("k", 3, WINDOW);
        }
        counter.forgive("k");
        assertEquals(Duration.ZERO, counter.attempt("k", 3, WINDOW));
        assertTrue(counter.attempt("k", 3, WINDOW).compareTo(Duration.ZERO) > 0);
        counter.clear("k");
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, counter.attempt("k", 3, WINDOW));
        }
        counter.forgive("unknown");
        counter.clear("unknown");
    }

    @Test
    void parallelAttemptsCannotOvershootTheLimit() throws Exception {
        List<Callable<Duration>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tasks.add(() -> counter.attempt("k", 5, WINDOW));
        }
        int allowed = 0;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Duration> f : pool.invokeAll(tasks)) {
                if (f.get().isZero()) {
                    allowed++;
                }
            }
        }
        assertEquals(5, allowed);
    }

    @Test
    void staleKeysAreSwept() {
        for (int i = 0; i < 100; i++) {
            counter.attempt("k" + i, 5, WINDOW);
        }
        assertEquals(100, counter.size());
        clock.advance(Duration.ofMinutes(16));
        counter.attempt("fresh", 5, WINDOW);
        assertEquals(1, counter.size());
    }

    @Test
    void theLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> counter.attempt("k", 0, WINDOW));
    }

    static final Duration SECOND = Duration.ofSeconds(1);
    static final Duration MINUTE = Duration.ofMinutes(1);

    private Duration backoff(String key) {
        return counter.attemptWithBackoff(key, 3, WINDOW, SECOND, MINUTE);
    }

    @Test
    void withBackoffAttemptsPassOneAtATimeAfterAPauseThatDoubles() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, backoff("k"), "below the limit, attempt " + (i + 1));
        }
        assertEquals(Duration.ZERO, backoff("k"), "at the limit, the first passes at once");
        long[] pauses = {1, 2, 4, 8, 16, 32, 60, 60};
        for (long seconds : pauses) {
            assertEquals(Duration.ofSeconds(seconds), backoff("k"));
            assertEquals(Duration.ofSeconds(seconds), backoff("k"), "a refused attempt changes nothing");
            clock.advance(Duration.ofSeconds(seconds));
            assertEquals(Duration.ZERO, backoff("k"));
        }
    }

    @Test
    void withBackoffThePausesStartOverBelowTheLimit() {
        for (int i = 0; i < 6; i++) {
            clock.advance(backoff("k"));
            backoff("k");
        }
        assertTrue(backoff("k").compareTo(SECOND) > 0);
        clock.advance(WINDOW);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, backoff("k"));
        }
        assertEquals(Duration.ZERO, backoff("k"));
        assertEquals(SECOND, backoff("k"));
    }

    @Test
    void withBackoffParallelAttemptsPassOneAtATime() throws Exception {
        for (int i = 0; i < 3; i++) {
            backoff("k");
        }
        List<Callable<Duration>> tasks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tasks.add(() -> backoff("k"));
        }
        int allowed = 0;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Duration> f : pool.invokeAll(tasks)) {
                if (f.get().isZero()) {
                    allowed++;
                }
            }
        }
        assertEquals(1, allowed);
    }

    @Test
    void rememberedKeysAreRememberedForTheirWindow() {
        assertFalse(counter.remembers("k"));
        counter.remember("k", WINDOW);
        assertTrue(counter.remembers("k"));
        assertFalse(counter.remembers("other"));
        clock.advance(WINDOW.minusMillis(1));
        assertTrue(counter.remembers("k"));
        counter.remember("k", WINDOW);
        clock.advance(WINDOW.minusMillis(1));
        assertTrue(counter.remembers("k"), "remembering again starts the window again");
        clock.advance(Duration.ofMillis(1));
        assertFalse(counter.remembers("k"));
    }

    @Test
    void rememberedKeysAreSwept() {
        for (int i = 0; i < 50; i++) {
            counter.remember("k" + i, WINDOW);
        }
        assertEquals(50, counter.size());
        clock.advance(Duration.ofMinutes(16));
        counter.attempt("fresh", 5, WINDOW);
        assertEquals(1, counter.size());
    }
}
