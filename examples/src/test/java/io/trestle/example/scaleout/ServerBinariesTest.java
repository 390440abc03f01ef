package io.trestle.example.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.example.ExternalPrograms;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** How the scale-out test finds Redis and nginx, and what it does when it can't. */
class ServerBinariesTest {
    @TempDir
    Path dir;

    @Test
    void findsBothInTheFoldersOfThePath() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path sbin = Files.createDirectory(dir.resolve("sbin"));
        Path redis = executable(bin.resolve("redis-server"));
        Path nginx = executable(sbin.resolve("nginx"));
        String path = bin + File.pathSeparator + File.pathSeparator + sbin;
        assertEquals(new ServerBinaries(redis, nginx), ServerBinaries.requireOrSkip(path, null));
    }

    @Test
    void ignoresFilesThatAreNotExecutable() throws IOException {
        Files.createFile(dir.resolve("nginx"));
        assertEquals(Optional.empty(), ExternalPrograms.find(dir.toString(), "nginx"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "false", "1"})
    void aMissingProgramSkipsOutsideCi(String ci) throws IOException {
        executable(dir.resolve("nginx"));
        TestAbortedException e = assertThrows(TestAbortedException.class, () -> ServerBinaries.requireOrSkip(dir.toString(), ci));
        assertTrue(e.getMessage().contains("redis-server: not found"), e.getMessage());
        assertTrue(e.getMessage().contains(ServerBinaries.INSTALL_HINT), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE"})
    void aMissingProgramFailsOnCi(String ci) throws IOException {
        executable(dir.resolve("redis-server"));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> ServerBinaries.requireOrSkip(dir.toString(), ci));
        assertTrue(e.getMessage().contains("nginx: not found"), e.getMessage());
        assertTrue(e.getMessage().contains("CI=true"), e.getMessage());
    }

    private static Path executable(Path file) throws IOException {
        Files.createFile(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
