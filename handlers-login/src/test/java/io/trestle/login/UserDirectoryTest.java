package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testsupport.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTest {
    @TempDir
    Path dir;

    private Path usersFile(String... namePasswords) throws Exception {
        UsersFile f = UsersFile.empty();
        for (int i = 0; i < namePasswords.length; i += 2) {
            f = f.withUser(namePasswords[i], PasswordHash.create(namePasswords[i + 1].toCharArray(), 1000));
        }
        Path file = dir.resolve("users.properties");
        f.write(file);
        return file;
    }

    @Test
    void verifiesKnownUsersAndRefusesEverythingElse() throws Exception {
        UserDirectory users = UserDirectory.open(usersFile("ann", "ann-pw", "bob", "bob-pw"), 1000);
        assertTrue(users.verify("ann", "ann-pw".toCharArray()));
        assertTrue(users.verify("bob", "bob-pw".toCharArray()));
        assertFalse(users.verify("ann", "bob-pw".toCharArray()));
        assertFalse(users.verify("carl", "ann-pw".toCharArray()));
        assertFalse(users.verify("ANN", "ann-pw".toCharArray()), "names are case-sensitive");
        assertTrue(users.exists("ann"));
        assertFalse(users.exists("carl"));
    }

    @Test
    void openingHashesNothing() throws Exception {
        // One check at this cost takes minutes: opening must not run one (start-up stays fast).
        byte[] salt = new byte[16];
        byte[] hash = new byte[32];
        Path file = dir.resolve("users.properties");
        UsersFile.empty().withUser("ann", new PasswordHash(PasswordHash.MAX_ITERATIONS, salt, hash)).write(file);
        UserDirectory users = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> UserDirectory.open(file, 1000));
        assertTrue(users.exists("ann"));
    }

    @Test
    void picksUpAChangedFileWithoutARestart() throws Exception {
        Path file = usersFile("ann", "old");
        UserDirectory users = UserDirectory.open(file, 1000);
        assertTrue(users.verify("ann", "old".toCharArray()));
        UsersFile.read(file).withUser("ann", PasswordHash.create("new".toCharArray(), 1000))
                .withUser("bob", PasswordHash.create("b".toCharArray(), 1000)).write(file);
        assertTrue(users.verify("ann", "new".toCharArray()));
        assertFalse(users.verify("ann", "old".toCharArray()));
        assertTrue(users.verify("bob", "b".toCharArray()));
    }

    @Test
    void aChangedFileThatDoesNotParseIsIgnoredWithOneWarning() throws Exception {
        Path file = usersFile("ann", "pw");
        UserDirectory users = UserDirectory.open(file, 1000);
        try (LogCapture log = LogCapture.of(UserDirectory.class)) {
            Files.writeString(file, Files.readString(file) + "broken line\n");
            assertTrue(users.verify("ann", "pw".toCharArray()));
            assertTrue(users.verify("ann", "pw".toCharArray()));
            long warnings = log.lines().stream().filter(l -> l.startsWith("WARN Ignoring the changed users file")).count();
            assertTrue(warnings == 1, log.lines().toString());
            assertTrue(log.lines().get(0).contains(":2:"), "names the line: " + log.lines());
        }
    }

    @Test
    void aDeletedFileMeansNoUsers() throws Exception {
        Path file = usersFile("ann", "pw");
        UserDirectory users = UserDirectory.open(file, 1000);
        Files.delete(file);
        assertFalse(users.verify("ann", "pw".toCharArray()));
        usersFile("ann", "pw");
        assertTrue(users.verify("ann", "pw".toCharArray()), "and it comes back with the file");
    }

    @Test
    void aMissingFileAtStartIsAnEmptyDirectoryWithAWarning() throws Exception {
        try (LogCapture log = LogCapture.of(UserDirectory.class)) {
            UserDirectory users = UserDirectory.open(dir.resolve("absent.properties"), 1000);
            assertFalse(users.verify("ann", "pw".toCharArray()));
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN No users file at")), log.lines().toString());
        }
    }

    @Test
    void aBrokenFileAtStartIsAStartupError() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "# fine\nann=secret\n");
        UsersFileException e = assertThrows(UsersFileException.class, () -> UserDirectory.open(file, 1000));
        assertTrue(e.getMessage().contains("users.properties:2:"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
