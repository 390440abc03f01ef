package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testsupport.LogCapture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    static final Duration WINDOW = Duration.ofMinutes(15);
    final MutableClock clock = new MutableClock();
    final LoginThrottle throttle = new LoginThrottle(new InMemoryAttemptCounter(clock), 5, 100, 20, WINDOW, n -> true, clock);

    private LoginThrottle.Ticket begin(String user, String client) {
        return throttle.begin(user, client);
    }

    /** Fails {@code count} times for {@code user}, from addresses 10.1.x.y, {@code perAddress} failures each. */
    private void failSpread(String user, int count, int perAddress) {
        for (int i = 0; i < count; i++) {
            int a = i / perAddress;
            assertFalse(begin(user, "10.1." + a / 256 + "." + a % 256).refused(), "failure " + (i + 1));
        }
    }

    @Test
    void userNamesAreCountedWithoutCase() {
        for (String name : new String[] {"eiger", "EIGER", "Eiger", "eIgEr", "eigeR"}) {
            assertFalse(begin(name, "10.0.0.1").refused());
        }
        assertTrue(begin("eiger", "10.0.0.1").refused(), "a sixth try from the same address is throttled");
        assertFalse(begin("other", "10.0.0.1").refused(), "other user names are not");
    }

    @Test
    void fiveFailuresFromOneAddressDoNotLockTheUserOutElsewhere() {
        for (int i = 0; i < 5; i++) {
            assertFalse(begin("eiger", "10.0.0.1").refused());
        }
        LoginThrottle.Ticket attacker = begin("eiger", "10.0.0.1");
        assertEquals(WINDOW, attacker.retryAfter(), "until the attacker's first failure leaves the window");
        LoginThrottle.Ticket owner = begin("eiger", "10.0.0.2");
        assertFalse(owner.refused(), "the real user from another address goes ahead");
        throttle.succeeded(owner);
        assertTrue(begin("eiger", "10.0.0.1").refused(), "a success elsewhere does not lift the attacker's lock");
    }

    @Test
    void aClientIsThrottledAcrossUserNames() {
        for (int i = 0; i < 20; i++) {
            assertFalse(begin("user" + i, "10.0.0.1").refused());
        }
        assertTrue(begin("fresh", "10.0.0.1").refused());
        assertFalse(begin("fresh", "10.0.0.2").refused());
    }

    @Test
    void aClientRefusalDoesNotCountAgainstTheUser() {
        for (int i = 0; i < 20; i++) {
            begin("user" + i, "10.0.0.1");
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(begin("victim", "10.0.0.1").refused());
        }
        for (int i = 0; i < 5; i++) {
            assertFalse(begin("victim", "10.0.0.2").refused(), "the victim's own counts stayed at zero");
        }
    }

    @Test
    void successClearsTheUserFromThatClientButNotTheClient() {
        for (int i = 0; i < 4; i++) {
            begin("ann", "10.0.0.1");
        }
        LoginThrottle.Ticket right = begin("ann", "10.0.0.1");
        assertFalse(right.refused());
        throttle.succeeded(right);
        for (int i = 0; i < 5; i++) {
            assertFalse(begin("ann", "10.0.0.1").refused(), "ann starts over");
        }
        // The client has 4 + 5 failures and one success (forgiven): 11 more reach its 20.
        for (int i = 0; i < 11; i++) {
            assertFalse(begin("u" + i, "10.0.0.1").refused(), "u" + i);
        }
        assertTrue(begin("u-last", "10.0.0.1").refused());
    }

    @Test
    void anAbandonedAttemptCountsForNobody() {
        for (int i = 0; i < 150; i++) {
            LoginThrottle.Ticket t = begin("ann", "10.0.0.1");
            assertFalse(t.refused(), "attempt " + (i + 1));
            throttle.abandoned(t);
        }
    }

    @Test
    void theWaitIsUntilTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            begin("ann", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Duration.ofMinutes(14), begin("ann", "10.0.0.1").retryAfter());
        clock.advance(Duration.ofMinutes(14));
        assertFalse(begin("ann", "10.0.0.1").refused());
    }

    @Test
    void beyondTheGlobalLimitNewAddressesWaitOneSecondDoublingToSixty() {
        failSpread("eiger", 101, 4);
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60};
        for (int step = 0; step < expected.length; step++) {
            Duration wait = Duration.ofSeconds(expected[step]);
            assertEquals(wait, begin("eiger", "192.0.2." + step).retryAfter(), "step " + step);
            clock.advance(wait.minusMillis(1));
            assertEquals(Duration.ofMillis(1), begin("eiger", "198.51.100." + step).retryAfter(), "any new address waits");
            clock.advance(Duration.ofMillis(1));
            assertFalse(begin("eiger", "203.0.113." + step).refused(), "one attempt passes after the wait, step " + step);
        }
    }

    @Test
    void theHundredthFailureIsNotYetThrottled() {
        failSpread("eiger", 100, 4);
        assertFalse(begin("eiger", "192.0.2.1").refused(), "the 101st attempt goes ahead");
        assertEquals(Duration.ofSeconds(1), begin("eiger", "192.0.2.2").retryAfter());
    }

    @Test
    void anAddressThatSignedTheUserInIsNotHeldBackByTheGlobalLimit() {
        LoginThrottle.Ticket owner = begin("eiger", "10.9.9.9");
        throttle.succeeded(owner);
        clock.advance(Duration.ofMinutes(1));
        failSpread("eiger", 101, 4);
        assertTrue(begin("eiger", "192.0.2.1").refused(), "a new address waits");
        for (int i = 0; i < 3; i++) {
            LoginThrottle.Ticket again = begin("eiger", "10.9.9.9");
            assertFalse(again.refused(), "the owner's address, sign-in " + (i + 1));
            throttle.succeeded(again);
        }
        assertTrue(begin("EIGER", "192.0.2.1").refused(), "the owner's successes do not lift the slowdown for others");
        assertFalse(begin("ann", "192.0.2.1").refused(), "other users are not slowed down");
    }

    @Test
    void theOwnersAddressStillHasItsOwnPerAddressLimit() {
        throttle.succeeded(begin("eiger", "10.9.9.9"));
        failSpread("eiger", 101, 4);
        for (int i = 0; i < 5; i++) {
            assertFalse(begin("eiger", "10.9.9.9").refused());
        }
        assertTrue(begin("eiger", "10.9.9.9").refused(), "five failures from one address are still five");
    }

    @Test
    void anAddressIsRememberedForTheWindowOnly() {
        throttle.succeeded(begin("eiger", "10.9.9.9"));
        clock.advance(WINDOW);
        failSpread("eiger", 101, 4);
        assertEquals(Duration.ofSeconds(1), begin("eiger", "10.9.9.9").retryAfter(), "its sign-in is older than the window");
    }

    @Test
    void theSlowdownEndsWhenTheFailuresLeaveTheWindow() {
        failSpread("eiger", 101, 4);
        for (int step = 0; step < 4; step++) {
            clock.advance(begin("eiger", "192.0.2.1").retryAfter());
            assertFalse(begin("eiger", "192.0.2.1").refused());
        }
        assertTrue(begin("eiger", "192.0.2.2").refused());
        clock.advance(WINDOW);
        for (int i = 0; i < 4; i++) {
            assertFalse(begin("eiger", "192.0.2.2").refused(), "failures and pauses are gone");
        }
        failSpread("eiger", 97, 4);
        assertEquals(Duration.ofSeconds(1), begin("eiger", "192.0.2.3").retryAfter(), "the pauses start over at 1 s");
    }

    @Test
    void aGlobalRefusalCountsForNeitherTheClientNorTheUserFromIt() {
        failSpread("eiger", 101, 4);
        for (int i = 0; i < 30; i++) {
            assertTrue(begin("eiger", "192.0.2.1").refused());
        }
        assertFalse(begin("ann", "192.0.2.1").refused(), "the refused attempts did not count for the client");
    }

    @Test
    void eachLockIsLoggedOnceNotOncePerRefusal() throws Exception {
        try (LogCapture log = LogCapture.of(LoginThrottle.class)) {
            for (int i = 0; i < 5; i++) {
                begin("eiger", "10.0.0.1");
            }
            for (int i = 0; i < 50; i++) {
                assertTrue(begin("eiger", "10.0.0.1").refused());
            }
            assertEquals(1, log.lines().size(), log.lines().toString());
            String line = log.lines().get(0);
            assertTrue(line.startsWith("WARN") && line.contains("user 'eiger' from 10.0.0.1") && line.contains("900 s") && line.contains("5 failures within 15 min"), line);

            clock.advance(WINDOW.minusMinutes(1));
            failSpread("ann", 101, 4);
            for (int i = 0; i < 40; i++) {
                assertTrue(begin("ann", "192.0.2." + i).refused());
            }
            assertEquals(2, log.lines().size(), log.lines().toString());
            assertTrue(log.lines().get(1).contains("slowed down"), log.lines().get(1));

            clock.advance(Duration.ofMinutes(1)); // the attacker's lock ended: a new lock is a new line
            for (int i = 0; i < 5; i++) {
                begin("eiger", "10.0.0.1");
            }
            begin("eiger", "10.0.0.1");
            assertEquals(3, log.lines().size(), log.lines().toString());
        }
    }

    @Test
    void unknownUserNamesAreNotLogged() throws Exception {
        LoginThrottle t = new LoginThrottle(new InMemoryAttemptCounter(clock), 5, 100, 20, WINDOW, n -> false, clock);
        try (LogCapture log = LogCapture.of(LoginThrottle.class)) {
            for (int i = 0; i < 6; i++) {
                t.begin("hunter2", "10.0.0.1");
            }
            assertEquals(1, log.lines().size());
            assertFalse(log.lines().get(0).contains("hunter2"), log.lines().get(0));
            assertTrue(log.lines().get(0).contains("an unknown user name"), log.lines().get(0));
        }
    }
}
