package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsersFileTest {
    static final String ANN = PasswordHash.create("ann-pw".toCharArray(), 1000).encoded();
    static final String BOB = PasswordHash.create("bob-pw".toCharArray(), 1000).encoded();

    @TempDir
    Path dir;

    @Test
    void readsUsersSkippingCommentsAndBlankLines() {
        UsersFile f = UsersFile.parse("\uFEFF# users\n\n! also a comment\nann=" + ANN + "\n  bob = " + BOB + "  \n", "u");
        assertEquals(List.of("ann", "bob"), List.copyOf(f.users().keySet()));
        assertTrue(f.hash("ann").matches("ann-pw".toCharArray()));
        assertTrue(f.hash("bob").matches("bob-pw".toCharArray()));
        assertNull(f.hash("carl"));
    }

    @Test
    void anEmptyFileHasNoUsers() {
        assertTrue(UsersFile.parse("", "u").users().isEmpty());
        assertTrue(UsersFile.parse("# only a comment\n", "u").users().isEmpty());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("ann\n", ":1: expected name="),
                Arguments.of("# c\nann " + ANN + "\n", ":2: expected name="),
                Arguments.of("=" + ANN + "\n", ":1: the user name is empty"),
                Arguments.of("a b=" + ANN + "\n", ":1: the user name may hold"),
                Arguments.of("ann=" + ANN + "\nann=" + BOB + "\n", ":2: user 'ann' appears twice"),
                Arguments.of("ann=plain-password\n", ":1: bad hash for 'ann'"),
                Arguments.of("ann=pbkdf2-sha256$x$y$z\n", ":1: bad hash for 'ann'"),
                Arguments.of("x".repeat(65) + "=" + ANN + "\n", ":1: the user name is longer than 64"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badLinesAreReportedWithFileAndLine(String text, String expected) {
        UsersFileException e = assertThrows(UsersFileException.class, () -> UsersFile.parse(text, "users.properties"));
        assertTrue(e.getMessage().startsWith("users.properties:"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aBadHashMessageDoesNotEchoTheLine() {
        UsersFileException e = assertThrows(UsersFileException.class,
                () -> UsersFile.parse("ann=hunter2-in-clear\n", "u"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "a=b", "a:b", "#a", "!a", "a\\b", "a\"b", "a'b", "é", "a\tb", "a\u0000"})
    void namesThatCannotBeInTheFileAreRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> UsersFile.checkName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eiger", "Ann.Smith", "ann@example.com", "a-b_c+d", "x"})
    void ordinaryNamesAreAccepted(String name) {
        UsersFile.checkName(name);
        assertEquals(name, UsersFile.empty().withUser(name, PasswordHash.parse(ANN)).users().keySet().iterator().next());
    }

    @Test
    void withUserReplacesTheLineInPlaceAndKeepsEverythingElse() {
        String text = "# header\nann=" + ANN + "\n\n# bob's\nbob=" + BOB + "\n";
        UsersFile f = UsersFile.parse(text, "u");
        PasswordHash newAnn = PasswordHash.create("new".toCharArray(), 1000);
        String out = f.withUser("ann", newAnn).text();
        assertEquals("# header\nann=" + newAnn.encoded() + "\n\n# bob's\nbob=" + BOB + "\n", out);
        assertEquals(text, f.text(), "the original is unchanged");
    }

    @Test
    void withUserAppendsANewUser() {
        UsersFile f = UsersFile.parse("# c\nann=" + ANN, "u");
        PasswordHash carl = PasswordHash.create("c".toCharArray(), 1000);
        UsersFile g = f.withUser("carl", carl);
        assertEquals("# c\nann=" + ANN + "\ncarl=" + carl.encoded() + "\n", g.text());
        assertEquals(UsersFile.parse(g.text(), "u").users(), g.users());
    }

    @Test
    void writeReplacesTheFileAtomicallyWithOwnerOnlyPermissions() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "# keep me\nann=" + ANN + "\n");
        UsersFile.read(file).withUser("bob", PasswordHash.parse(BOB)).write(file);
        UsersFile back = UsersFile.read(file);
        assertEquals(List.of("ann", "bob"), List.copyOf(back.users().keySet()));
        assertTrue(Files.readString(file).startsWith("# keep me\n"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void writeCreatesAMissingFile() throws Exception {
        Path file = dir.resolve("new.properties");
        UsersFile.empty().withUser("ann", PasswordHash.parse(ANN)).write(file);
        assertNotNull(UsersFile.read(file).hash("ann"));
    }

    @Test
    void writeFollowsASymbolicLinkInsteadOfReplacingIt() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("users.properties");
        Files.writeString(real, "ann=" + ANN + "\n");
        Path link = dir.resolve("link.properties");
        try {
            Files.createSymbolicLink(link, real);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            Assumptions.abort("no symbolic links here");
        }
        UsersFile.read(link).withUser("bob", PasswordHash.parse(BOB)).write(link);
        assertTrue(Files.isSymbolicLink(link));
        assertNotNull(UsersFile.read(real).hash("bob"));
    }

    @Test
    void readingAMissingFileSaysSo() {
        assertThrows(java.nio.file.NoSuchFileException.class, () -> UsersFile.read(dir.resolve("absent")));
    }
}
