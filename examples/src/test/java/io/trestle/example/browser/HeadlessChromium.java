package io.trestle.example.browser;

import io.trestle.testsupport.Programs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Chromium with a throw-away profile, driven by its chromedriver (Debian's packages
 * put both in {@code /usr/bin}). Both paths are handed to Selenium explicitly, so Selenium Manager
 * never looks for (or downloads) anything. Closing it quits the browser and deletes the profile.
 */
final class HeadlessChromium implements AutoCloseable {
    /** The programs a test that starts one requires, for {@code @RequiresProgram}. */
    static final String BROWSER = "chromium|chromium-browser";
    static final String DRIVER = "chromedriver";
    static final String INSTALL_HINT = "apt-get install -y chromium chromium-driver";

    static final Dimension DESKTOP = new Dimension(1280, 800);
    static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private HeadlessChromium(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Starts the browser found as {@link #BROWSER}, driven by {@link #DRIVER}. */
    static HeadlessChromium start(Path screenshots) throws IOException {
        Path browser = Programs.require(BROWSER, INSTALL_HINT);
        Path chromedriver = Programs.require(DRIVER, INSTALL_HINT);
        // Selenium Manager is skipped anyway when both paths are given; this keeps it offline
        // should a future Selenium consult it regardless.
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("trestle-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            Files.createDirectories(screenshots);
            return new HeadlessChromium(driver, profile, screenshots);
        } catch (RuntimeException e) {
            deleteTree(profile);
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Makes the page's viewport {@code size}, as a phone (touch-less, but with mobile viewport
     * rules) when {@code mobile}. Emulated through DevTools: a headless window has a minimum
     * width and a margin around its viewport, so resizing the window cannot give 390 px.
     */
    void viewport(Dimension size, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", size.width, "height", size.height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Emulates the system's light or dark colour scheme ({@code prefers-color-scheme}). */
    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Saves what the page shows now as {@code <screenshots>/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** The console messages since the last call (the browser forgets them once read). */
    List<LogEntry> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    // Best effort: a browser helper process may still be writing its last files while it exits,
    // and a leftover directory under the temp folder is no reason to fail a test.
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete the browser profile " + root + ": " + e);
        }
    }
}
