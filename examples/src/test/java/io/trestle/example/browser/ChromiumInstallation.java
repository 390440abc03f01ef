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
        return requireOrSkip(System.getenv("PATH"), System.getenv("CI"));
    }

    static ChromiumInstallation requireOrSkip(String searchPath, String ci) {
        Optional<Path> browser = findOnPath(searchPath, "chromium", "chromium-browser");
        Optional<Path> driver = findOnPath(searchPath, "chromedriver");
        if (browser.isPresent() && driver.isPresent()) {
            return new ChromiumInstallation(browser.get(), driver.get());
        }
        String reason = "Real-browser tests need chromium and chromedriver on PATH (browser: " + describe(browser)
                + ", driver: " + describe(driver) + "). Install them: " + INSTALL_HINT;
        if ("true".equalsIgnoreCase(ci)) {
            return Assertions.fail(reason + " (failing because CI=true)");
        }
        return Assumptions.abort(reason);
    }

    /** The first executable file named one of {@code names} in the folders of {@code searchPath}. */
    static Optional<Path> findOnPath(String searchPath, String... names) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String dir : searchPath.split(File.pathSeparator)) {
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
