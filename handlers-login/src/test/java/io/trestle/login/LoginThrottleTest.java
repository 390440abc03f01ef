package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    final MutableClock clock = new MutableClock();
    final LoginThrottle throttle = new LoginThrottle(new InMemoryAttemptCounter(clock), 5, 20, Duration.ofMinutes(15));

    @Test
    void userNamesAreCountedWithoutCase() {
        for (String name : new String[] {"eiger", "EIGER", "Eiger", "eIgEr", "eigeR"}) {
            assertTrue(throttle.begin(name, "10.0.0.1").isZero());
        }
        assertFalse(throttle.begin("eiger", "10.0.0.2").isZero(), "a sixth try from another address is throttled too");
        assertTrue(throttle.begin("other", "10.0.0.1").isZero(), "other user names are not");
    }

    @Test
    void aClientIsThrottledAcrossUserNames() {
        for (int i = 0; i < 20; i++) {
            assertTrue(throttle.begin("user" + i, "10.0.0.1").isZero());
        }
        assertFalse(throttle.begin("fresh", "10.0.0.1").isZero());
        assertTrue(throttle.begin("fresh", "10.0.0.2").isZero());
    }

    @Test
    void aClientRefusalDoesNotCountAgainstTheUser() {
        for (int i = 0; i < 20; i++) {
            throttle.begin("user" + i, "10.0.0.1");
        }
        for (int i = 0; i < 10; i++) {
            assertFalse(throttle.begin("victim", "10.0.0.1").isZero());
        }
        assertTrue(throttle.begin("victim", "10.0.0.2").isZero(), "the victim's own count stayed at zero");
    }

    @Test
    void successClearsTheUserButNotTheClient() {
        for (int i = 0; i < 4; i++) {
            throttle.begin("ann", "10.0.0.1");
        }
        assertTrue(throttle.begin("ann", "10.0.0.1").isZero());
        throttle.succeeded("ann", "10.0.0.1");
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.begin("ann", "10.0.0.1").isZero(), "ann starts over");
        }
        // The client has 4 + 5 failures and one success (forgiven): 11 more reach its 20.
        for (int i = 0; i < 11; i++) {
            assertTrue(throttle.begin("u" + i, "10.0.0.1").isZero(), "u" + i);
        }
        assertFalse(throttle.begin("u-last", "10.0.0.1").isZero());
    }

    @Test
    void anAbandonedAttemptCountsForNobody() {
        for (int i = 0; i < 10; i++) {
            assertTrue(throttle.begin("ann", "10.0.0.1").isZero());
            throttle.abandoned("ann", "10.0.0.1");
        }
    }

    @Test
    void theWaitIsUntilTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            throttle.begin("ann", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Duration.ofMinutes(14), throttle.begin("ann", "10.0.0.1"));
        clock.advance(Duration.ofMinutes(14));
        assertTrue(throttle.begin("ann", "10.0.0.1").isZero());
    }
}
