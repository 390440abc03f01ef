package io.trestle.reload;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.discovery.JarStamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settle rule, with the clock given by the test: no sleeping. */
class SettleCheckTest {
    private static final long SETTLE = 300_000_000L;

    @TempDir
    Path dir;

    @Test
    void aCompleteJarSettlesOnceUnchangedForTheSettleTime() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), ReloadJars.swapJar("v1"));
        JarStamp stamp = JarStamp.of(jar);
        SettleCheck check = new SettleCheck(SETTLE);
        assertFalse(check.settled("a.jar", jar, stamp, 0), "first seen");
        assertFalse(check.settled("a.jar", jar, stamp, SETTLE - 1));
        assertTrue(check.waiting());
        assertTrue(check.settled("a.jar", jar, stamp, SETTLE));
        assertFalse(check.waiting(), "handed over, no longer tracked");
    }

    @Test
    void aChangeStartsTheWaitAgain() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), ReloadJars.swapJar("v1"));
        SettleCheck check = new SettleCheck(SETTLE);
        JarStamp first = JarStamp.of(jar);
        check.settled("a.jar", jar, first, 0);
        Files.write(jar, ReloadJars.swapJar("v12"));
        JarStamp second = JarStamp.of(jar);
        assertFalse(check.settled("a.jar", jar, second, SETTLE), "changed: waits again from now");
        assertFalse(check.settled("a.jar", jar, second, 2 * SETTLE - 1));
        assertTrue(check.settled("a.jar", jar, second, 2 * SETTLE));
    }

    @Test
    void halfAJarWaitsUntilTheGiveUpTime() throws Exception {
        byte[] whole = ReloadJars.swapJar("v1");
        Path jar = Files.write(dir.resolve("a.jar"), Arrays.copyOf(whole, whole.length / 2));
        JarStamp stamp = JarStamp.of(jar);
        SettleCheck check = new SettleCheck(SETTLE);
        check.settled("a.jar", jar, stamp, 0);
        assertFalse(check.settled("a.jar", jar, stamp, SETTLE), "unchanged, but no readable zip yet");
        assertFalse(check.settled("a.jar", jar, stamp, SETTLE * (SettleCheck.GIVE_UP_FACTOR - 1)));
        assertTrue(check.settled("a.jar", jar, stamp, SETTLE * SettleCheck.GIVE_UP_FACTOR),
                "handed over at last, so the deployer says why it cannot load it");
    }

    @Test
    void forgottenJarsStartOver() throws Exception {
        Path jar = Files.write(dir.resolve("a.jar"), ReloadJars.swapJar("v1"));
        JarStamp stamp = JarStamp.of(jar);
        SettleCheck check = new SettleCheck(SETTLE);
        check.settled("a.jar", jar, stamp, 0);
        check.retainOnly(Set.of());
        assertFalse(check.waiting());
        assertFalse(check.settled("a.jar", jar, stamp, SETTLE), "seen for the first time again");
    }
}
