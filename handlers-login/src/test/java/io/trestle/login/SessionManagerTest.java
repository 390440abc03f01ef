package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

class SessionManagerTest {
    final MutableClock clock = new MutableClock();
    final InMemorySessionStore store = new InMemorySessionStore(clock);
    final SessionManager sessions = new SessionManager(store, clock, Duration.ofMinutes(30), Duration.ofHours(12));

    @Test
    void idsAre256RandomBitsInBase64Url() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = sessions.create("ann").id();
            assertEquals(43, id.length());
            assertTrue(SessionIds.isWellFormed(id), id);
            assertEquals(32, java.util.Base64.getUrlDecoder().decode(id).length);
            ids.add(id);
        }
        assertEquals(1000, ids.size());
    }

    @Test
    void aNewSessionIsFoundWithItsUser() {
        Session s = sessions.create("ann");
        assertEquals("ann", sessions.find(s.id()).orElseThrow().username());
        assertEquals(clock.instant().plus(Duration.ofMinutes(30)), s.expiresAt());
    }

    @Test
    void anIdleSessionExpiresAndIsDeleted() {
        Session s = sessions.create("ann");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id()).isPresent(), "used after 29 minutes: the idle clock restarts");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id()).isPresent());
        clock.advance(Duration.ofMinutes(30));
        assertTrue(sessions.find(s.id()).isEmpty(), "30 minutes unused");
        assertTrue(store.find(s.id()).isEmpty(), "deleted from the store too");
    }

    @Test
    void aBusySessionStillEndsAfterItsMaximumLifetime() {
        Session s = sessions.create("ann");
        for (int i = 0; i < 12 * 3 - 1; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(sessions.find(s.id()).isPresent(), "after " + (i + 1) * 20 + " minutes");
        }
        clock.advance(Duration.ofMinutes(20));
        assertTrue(sessions.find(s.id()).isEmpty(), "12 hours after sign-in");
    }

    @Test
    void theIdleDeadlineNeverPassesTheAbsoluteOne() {
        SessionManager short12 = new SessionManager(store, clock, Duration.ofMinutes(30), Duration.ofMinutes(40));
        Session s = short12.create("ann");
        clock.advance(Duration.ofMinutes(20));
        Session touched = short12.find(s.id()).orElseThrow();
        assertEquals(s.createdAt().plus(Duration.ofMinutes(40)), touched.expiresAt());
    }

    @Test
    void usesWithinASecondDoNotRewriteTheSession() {
        Session s = sessions.create("ann");
        clock.advance(Duration.ofMillis(500));
        assertEquals(s, sessions.find(s.id()).orElseThrow());
        clock.advance(Duration.ofMillis(500));
        assertNotEquals(s, sessions.find(s.id()).orElseThrow());
        assertEquals(clock.instant(), store.find(s.id()).orElseThrow().lastAccessAt());
    }

    @Test
    void endDeletesTheSession() {
        Session s = sessions.create("ann");
        sessions.end(s.id());
        assertTrue(sessions.find(s.id()).isEmpty());
        assertEquals(0, store.size());
        sessions.end(s.id()); // twice is harmless
    }

    static Stream<String> malformedIds() {
        String x42 = "x".repeat(42);
        return Stream.of("", "abc", x42 + "=", x42 + "xx", x42 + "+", x42 + "/", x42 + "é", x42);
    }

    @ParameterizedTest
    @NullSource
    @MethodSource("malformedIds")
    void malformedIdsAreRefusedWithoutAStoreLookup(String id) {
        SessionStore failing = new SessionStore() {
            public java.util.Optional<Session> find(String i) { throw new AssertionError("looked up " + i); }
            public void save(Session s) { throw new AssertionError(); }
            public void delete(String i) { throw new AssertionError(); }
        };
        SessionManager m = new SessionManager(failing, clock, Duration.ofMinutes(1), Duration.ofMinutes(2));
        assertTrue(m.find(id).isEmpty());
        m.end(id);
    }

    @Test
    void timeoutsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SessionManager(store, clock, Duration.ZERO, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new SessionManager(store, clock, Duration.ofMinutes(1), Duration.ofSeconds(-1)));
    }

    @Test
    void toStringDoesNotShowTheId() {
        Session s = sessions.create("ann");
        assertFalse(s.toString().contains(s.id()));
    }

    @Test
    void theStoreSweepsExpiredSessionsWithoutAThread() {
        for (int i = 0; i < 10; i++) {
            sessions.create("user" + i);
        }
        clock.advance(Duration.ofMinutes(31));
        Session kept = sessions.create("late");
        assertEquals(1, store.size(), "the save after the sweep interval dropped the 10 expired ones");
        assertTrue(sessions.find(kept.id()).isPresent());
    }
}
