package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testsupport.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoAccountTest {
    /** The users file committed at the repository root; tests run in the module folder. */
    static final Path SHIPPED = Path.of("..", "users.properties");

    @Test
    void theShippedUsersFileHoldsTheDemoAccountAsAHashOnly() throws Exception {
        String text = Files.readString(SHIPPED);
        assertFalse(text.contains("123456"), "no plain password on disk");
        UsersFile users = UsersFile.read(SHIPPED);
        assertNotNull(users.hash("eiger"));
        assertTrue(users.hash("eiger").iterations() >= PasswordHash.RECOMMENDED_ITERATIONS);
        assertTrue(DemoAccount.isActive(users), "eiger / 123456 signs in");
        assertTrue(text.contains("DEMO ACCOUNT"), "the file says it is a demo account");
    }

    @Test
    void aChangedDemoPasswordIsNotReported() {
        UsersFile users = UsersFile.empty().withUser("eiger", PasswordHash.create("better one".toCharArray(), 1000));
        assertFalse(DemoAccount.isActive(users));
        assertFalse(DemoAccount.isActive(UsersFile.empty()));
    }

    @Test
    void loadingTheDemoAccountLogsAWarningInTheBackground(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.properties");
        UsersFile.empty().withUser("eiger", PasswordHash.create("123456".toCharArray(), 1000)).write(file);
        try (LogCapture log = LogCapture.of(DemoAccount.class)) {
            long opened = System.nanoTime();
            UserDirectory.open(file, 1000);
            // Checks of other tests' users files may still be running: wait for this file's warning.
            String line = log.awaitLine(Duration.ofSeconds(20), "WARN The demo account 'eiger'", file.toString());
            long waitedMillis = (System.nanoTime() - opened) / 1_000_000;
            assertTrue(line.contains("remove it from " + file + " before real use"), line);
            // Not during start-up: the hash waits until the server is likely up.
            assertTrue(waitedMillis >= DemoAccount.START_UP_GRACE_MILLIS, "warned after " + waitedMillis + " ms");
        }
    }
}
