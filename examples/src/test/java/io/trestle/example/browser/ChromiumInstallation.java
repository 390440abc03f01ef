package io.trestle.example.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the browser and its driver live: {@code chromium} and {@code chromedriver}, looked up on
 * {@code PATH} (Debian's packages put both in {@code /usr/bin}). Both paths are handed to
 * Selenium explicitly, so Selenium Manager never looks for (or downloads) anything.
 */
record ChromiumInstallation(Path browser, Path driver) {

    static final String INSTALL_HINT = "apt-get install -y chromium chromium-driver";

    /**
     * The installation, or: a skipped test on a developer's machine, a failed one on CI
     * ({@code CI=true}), where a missing browser means a broken build image, not a choice.
     */
    static ChromiumInstallation requireOrSkip() {
        Optional<ChromiumInstallation> found = onPath();
        if (found.isPresent()) {
            return found.get();
        }
        String reason = "Real-browser tests need chromium and chromedriver on PATH ("
                + "browser: " + describe(findOnPath("chromium", "chromium-browser"))
                + ", driver: " + describe(findOnPath("chromedriver")) + "). Install them: " + INSTALL_HINT;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return Assertions.fail(reason + " (failing because CI=true)");
        }
        return Assumptions.abort(reason);
    }

    static Optional<ChromiumInstallation> onPath() {
        Optional<Path> browser = findOnPath("chromium", "chromium-browser");
        Optional<Path> driver = findOnPath("chromedriver");
        if (browser.isEmpty() || driver.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChromiumInstallation(browser.get(), driver.get()));
    }

    static Optional<Path> findOnPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(Optional<Path> path) {
        return path.map(Path::toString).orElse("not found");
    }
}
