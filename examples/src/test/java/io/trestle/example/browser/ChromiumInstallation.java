package io.trestle.example.browser;

import io.trestle.example.ExternalPrograms;
import java.nio.file.Path;
import java.util.Optional;

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
        Optional<Path> browser = ExternalPrograms.find(searchPath, "chromium", "chromium-browser");
        Optional<Path> driver = ExternalPrograms.find(searchPath, "chromedriver");
        if (browser.isPresent() && driver.isPresent()) {
            return new ChromiumInstallation(browser.get(), driver.get());
        }
        return ExternalPrograms.missing("Real-browser tests need chromium and chromedriver on PATH (browser: "
                + ExternalPrograms.describe(browser) + ", driver: " + ExternalPrograms.describe(driver)
                + "). Install them: " + INSTALL_HINT, ci);
    }
}
