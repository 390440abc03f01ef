package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testsupport.LogCapture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockLogTest {
    final MutableClock clock = new MutableClock();

    @Test
    void aKeyIsDueOnceThenQuietUntilItsQuietTimeHasPassed() {
        LockLog locks = new LockLog(clock);
        assertEquals(0, locks.due("a", Duration.ofSeconds(10)));
        for (int i = 0; i < 7; i++) {
            assertEquals(-1, locks.due("a", Duration.ofSeconds(10)));
        }
        assertEquals(0, locks.due("b", Duration.ofSeconds(10)), "keys are apart");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(7, locks.due("a", Duration.ofSeconds(10)), "due again, with the refusals not logged");
        assertEquals(-1, locks.due("a", Duration.ofSeconds(10)));
    }

    @Test
    void theKeysAreCappedAndWhatDoesNotFitIsSummedUpOnceAMinute() throws Exception {
        LockLog locks = new LockLog(clock, 3);
        try (LogCapture log = LogCapture.of(LoginThrottle.class)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(0, locks.due("k" + i, Duration.ofMinutes(5)));
            }
            for (int i = 3; i < 100; i++) {
                assertEquals(-1, locks.due("k" + i, Duration.ofMinutes(5)), "no room for k" + i);
            }
            assertEquals(3, locks.size());
            assertEquals(1, log.lines().size(), log.lines().toString());
            assertTrue(log.lines().get(0).startsWith("WARN") && log.lines().get(0).contains("over 3"), log.lines().get(0));
            clock.advance(Duration.ofMinutes(1));
            locks.due("k-more", Duration.ofMinutes(5));
            assertEquals(2, log.lines().size());
            assertTrue(log.lines().get(1).contains("97 refusals"), log.lines().get(1));
            clock.advance(Duration.ofMinutes(4));
            assertEquals(0, locks.due("k-later", Duration.ofMinutes(5)), "keys whose quiet time is over make room");
            assertEquals(1, locks.size());
        }
    }
}
