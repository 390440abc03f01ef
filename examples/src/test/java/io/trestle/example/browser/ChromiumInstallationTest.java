package io.trestle.example.browser;

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

/** How the browser test finds Chromium, and what it does when it can't. */
class ChromiumInstallationTest {

    @TempDir
    Path dir;

    @Test
    void findsBothExecutablesOnThePath() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path browser = executable(bin.resolve("chromium"));
        Path driver = executable(bin.resolve("chromedriver"));

        String path = empty + File.pathSeparator + File.pathSeparator + bin;
        assertEquals(new ChromiumInstallation(browser, driver), ChromiumInstallation.requireOrSkip(path, null));
    }

    @Test
    void acceptsTheOtherNameOfTheBrowser() throws IOException {
        Path browser = executable(dir.resolve("chromium-browser"));
        assertEquals(Optional.of(browser), ExternalPrograms.find(dir.toString(), "chromium", "chromium-browser"));
    }

    @Test
    void ignoresFilesThatAreNotExecutable() throws IOException {
        Files.createFile(dir.resolve("chromedriver"));
        assertEquals(Optional.empty(), ExternalPrograms.find(dir.toString(), "chromedriver"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "false", "1"})
    void missingBrowserSkipsOutsideCi(String ci) {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> ChromiumInstallation.requireOrSkip(dir.toString(), ci));
        assertTrue(e.getMessage().contains(ChromiumInstallation.INSTALL_HINT), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE"})
    void missingBrowserFailsOnCi(String ci) throws IOException {
        executable(dir.resolve("chromium"));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> ChromiumInstallation.requireOrSkip(dir.toString(), ci));
        assertTrue(e.getMessage().contains("driver: not found"), e.getMessage());
        assertTrue(e.getMessage().contains(ChromiumInstallation.INSTALL_HINT), e.getMessage());
    }

    private static Path executable(Path file) throws IOException {
        Files.createFile(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
