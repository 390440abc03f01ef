package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Command;
import io.trestle.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswdCommandTest {
    @TempDir
    Path dir;

    /** A terminal whose typed passwords are given in advance; remembers the prompts and the arrays it handed out. */
    static final class FakeIo implements Command.CommandIo {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final Deque<String> typed;
        final List<String> prompts = new ArrayList<>();
        final List<char[]> handedOut = new ArrayList<>();

        FakeIo(String... typed) {
            this.typed = new ArrayDeque<>(List.of(typed));
        }

        public PrintStream out() {
            return new PrintStream(out, true, StandardCharsets.UTF_8);
        }

        public PrintStream err() {
            return new PrintStream(err, true, StandardCharsets.UTF_8);
        }

        public char[] readPassword(String prompt) {
            prompts.add(prompt);
            if (typed.isEmpty()) {
                return null; // end of input
            }
            char[] chars = typed.pop().toCharArray();
            handedOut.add(chars);
            return chars;
        }

        String outText() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String errText() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    private Config config(Path users) {
        return Config.of(Map.of("users", users.toString(), "pbkdf2-iterations", "1000"));
    }

    private int run(Path users, FakeIo io, String... args) throws Exception {
        return new PasswdCommand().run(List.of(args), config(users), io);
    }

    @Test
    void addsAUserToANewFile() throws Exception {
        Path users = dir.resolve("users.properties");
        FakeIo io = new FakeIo("s3cret-pass", "s3cret-pass");
        assertEquals(0, run(users, io, "ann"));
        assertEquals(List.of("New password for ann: ", "Repeat it: "), io.prompts);
        assertTrue(io.outText().contains("Added ann"), io.outText());
        PasswordHash h = UsersFile.read(users).hash("ann");
        assertTrue(h.matches("s3cret-pass".toCharArray()));
        assertEquals(1000, h.iterations());
        assertFalse(Files.readString(users).contains("s3cret-pass"), "never the password itself");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
        }
    }

    @Test
    void changesAPasswordKeepingOtherUsersAndComments() throws Exception {
        Path users = dir.resolve("users.properties");
        String bob = PasswordHash.create("bob-pw".toCharArray(), 1000).encoded();
        String ann = PasswordHash.create("old".toCharArray(), 1000).encoded();
        Files.writeString(users, "# our users\nann=" + ann + "\n\n# the builder\nbob=" + bob + "\n");
        FakeIo io = new FakeIo("brand new", "brand new");
        assertEquals(0, run(users, io, "ann"));
        assertTrue(io.outText().contains("Changed the password of ann"), io.outText());
        List<String> lines = Files.readAllLines(users);
        assertEquals("# our users", lines.get(0));
        assertTrue(lines.get(1).startsWith("ann=pbkdf2-sha256$1000$"));
        assertEquals(List.of("", "# the builder", "bob=" + bob), lines.subList(2, 5));
        UsersFile back = UsersFile.read(users);
        assertTrue(back.hash("ann").matches("brand new".toCharArray()));
        assertFalse(back.hash("ann").matches("old".toCharArray()));
        assertTrue(back.hash("bob").matches("bob-pw".toCharArray()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void differentPasswordsChangeNothing() throws Exception {
        Path users = dir.resolve("users.properties");
        FakeIo io = new FakeIo("one", "two");
        assertEquals(1, run(users, io, "ann"));
        assertTrue(io.errText().contains("differ"), io.errText());
        assertFalse(Files.exists(users));
    }

    @Test
    void anEmptyPasswordChangesNothingAndIsNotAskedTwice() throws Exception {
        Path users = dir.resolve("users.properties");
        String before = "ann=" + PasswordHash.create("pw".toCharArray(), 1000).encoded() + "\n";
        Files.writeString(users, before);
        FakeIo io = new FakeIo("", "");
        assertEquals(1, run(users, io, "ann"));
        assertTrue(io.errText().contains("empty"), io.errText());
        assertEquals(1, io.prompts.size());
        assertEquals(before, Files.readString(users));
    }

    @Test
    void endOfInputChangesNothing() throws Exception {
        Path users = dir.resolve("users.properties");
        assertEquals(1, run(users, new FakeIo(), "ann"));
        assertEquals(1, run(users, new FakeIo("only once"), "ann"));
        assertFalse(Files.exists(users));
    }

    @Test
    void aShortPasswordIsAcceptedWithAWarning() throws Exception {
        Path users = dir.resolve("users.properties");
        FakeIo io = new FakeIo("123456", "123456");
        assertEquals(0, run(users, io, "eiger"));
        assertTrue(io.errText().contains("warning"), io.errText());
        assertTrue(UsersFile.read(users).hash("eiger").matches("123456".toCharArray()));
    }

    @Test
    void thePasswordArraysAreWipedAfterUse() throws Exception {
        FakeIo io = new FakeIo("wipe me", "wipe me");
        assertEquals(0, run(dir.resolve("users.properties"), io, "ann"));
        for (char[] chars : io.handedOut) {
            assertEquals("\0".repeat(7), new String(chars));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a=b", "#ann", "an\u00efs", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void badNamesAreAUsageErrorBeforeAnyPrompt(String name) throws Exception {
        FakeIo io = new FakeIo("pw", "pw");
        assertEquals(2, run(dir.resolve("users.properties"), io, name));
        assertTrue(io.prompts.isEmpty());
        assertFalse(io.errText().isBlank());
    }

    @Test
    void wrongArgumentCountsAreAUsageError() throws Exception {
        FakeIo io = new FakeIo();
        assertEquals(2, run(dir.resolve("u"), io));
        assertEquals(2, run(dir.resolve("u"), io, "ann", "bob"));
        assertTrue(io.errText().contains("usage: passwd NAME"), io.errText());
    }

    @Test
    void aBrokenUsersFileIsReportedBeforeAnyPrompt() throws Exception {
        Path users = dir.resolve("users.properties");
        Files.writeString(users, "ann=not-a-hash\n");
        FakeIo io = new FakeIo("pw", "pw");
        assertEquals(1, run(users, io, "bob"));
        assertTrue(io.prompts.isEmpty());
        assertTrue(io.errText().contains(":1:"), io.errText());
        assertEquals("ann=not-a-hash\n", Files.readString(users));
    }

    @Test
    void aMissingFolderIsReported() throws Exception {
        FakeIo io = new FakeIo("pw", "pw");
        assertEquals(1, run(dir.resolve("no/such/users.properties"), io, "ann"));
        assertTrue(io.errText().contains("does not exist"), io.errText());
    }

    @Test
    void isFoundByServiceLoaderAndDeclaresItsSettings() {
        PasswdCommand found = null;
        for (Command c : ServiceLoader.load(Command.class)) {
            if (c instanceof PasswdCommand p) {
                found = p;
            }
        }
        assertEquals("passwd", found == null ? null : found.name());
        assertEquals(List.of("users", "pbkdf2-iterations"), found.settings().stream().map(s -> s.name()).toList());
        assertEquals("users.properties", found.settings().get(0).defaultValue());
    }
}
