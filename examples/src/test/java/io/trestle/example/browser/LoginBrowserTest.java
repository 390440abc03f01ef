package io.trestle.example.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testsupport.RequiresProgram;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.Color;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The example app's sign-in flow in a real (headless) Chromium: the pages from
 * {@code resources/} served by the app, talking to its login API. Screenshots of every step land
 * in {@code examples/target/screenshots/}.
 *
 * <p>Skipped, with the install command, where Chromium is missing; failed instead when
 * {@code CI=true}. {@code -Dtrestle.browser.url=http://host:port/} runs it against a server that
 * is already running (the packaged jar, say) instead of one started here.
 */
@RequiresProgram(value = {HeadlessChromium.BROWSER, HeadlessChromium.DRIVER}, install = HeadlessChromium.INSTALL_HINT)
class LoginBrowserTest {

    private static final String USER = "eiger";
    private static final String PASSWORD = "123456";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static AppUnderTest app;
    private static HeadlessChromium chromium;
    private static WebDriver driver;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        app = AppUnderTest.start(USER, PASSWORD);
        base = app.baseUri();
        chromium = HeadlessChromium.start(SCREENSHOTS);
        driver = chromium.driver();
    }

    @AfterAll
    static void stop() throws Exception {
        try (AppUnderTest a = app; HeadlessChromium c = chromium) {
            // closes both, the browser first
        }
    }

    /** Every test starts as a new visitor: desktop window, no session cookie. */
    @BeforeEach
    void newVisitor() {
        driver.get(base.resolve("/favicon.svg").toString());
        chromium.viewport(HeadlessChromium.DESKTOP, false);
        chromium.colorScheme("light");
        driver.manage().deleteAllCookies();
        chromium.consoleMessages(); // forget the previous test's console
    }

    @Test
    void signsInShowsWhoIsSignedInAndSignsOut() throws Exception {
        LoginPage form = LoginPage.open(driver, base, "");
        assertEquals("Sign in · Trestle", driver.getTitle());
        assertEquals("username", form.focusedId(), "the first field has the focus");
        assertEquals("", form.message().getText());
        chromium.screenshot("01-form");

        form.signIn(USER, PASSWORD);
        WelcomePage welcome = WelcomePage.expectSignedIn(driver, USER);
        assertTrue(driver.getCurrentUrl().endsWith("/welcome.html"), driver.getCurrentUrl());
        assertEquals("Welcome · Trestle", driver.getTitle());
        chromium.screenshot("02-welcome");

        LoginPage back = welcome.signOut();
        assertEquals("You have signed out.", back.message().getText());
        chromium.screenshot("03-signed-out");
        assertEquals(List.of(), errors(chromium.consoleMessages()), "console errors on the happy path");

        WelcomePage.open(driver, base);
        LoginPage.expect(driver).awaitMessage("Please sign in to continue.");
    }

    /** The policy the example app sets (ExampleApp), as its pages must run under it. */
    private static final String POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Test
    void pagesAndErrorsCarryTheAppsPolicyAndCannotBeFramed() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String path : List.of("/", "/welcome.html", "/no-such-page")) {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
                assertEquals(POLICY, res.headers().firstValue("Content-Security-Policy").orElse(null), path);
                assertEquals("DENY", res.headers().firstValue("X-Frame-Options").orElse(null), path);
            }
        }
    }

    @Test
    void theSignInFlowRunsUnderThePolicyWithoutAViolation() throws Exception {
        // Violations are seen twice over: Chrome's console ("Refused to ..."), and the page's
        // securitypolicyviolation events, kept in sessionStorage across the flow's navigations.
        String collector = "document.addEventListener('securitypolicyviolation', e => {"
                + " const seen = JSON.parse(sessionStorage.getItem('csp') || '[]');"
                + " seen.push(e.effectiveDirective + ' ' + e.blockedURI); sessionStorage.setItem('csp', JSON.stringify(seen)); });";
        Object id = chromium.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of("source", collector)).get("identifier");
        try {
            LoginPage form = LoginPage.open(driver, base, "");
            form.signIn("", "");
            form.awaitMessage("Enter your username and password.");
            form.signIn(USER, "not-the-password");
            form.awaitMessage("Wrong username or password.");
            driver.findElement(By.id("toggle-password")).click();
            form.signIn(USER, PASSWORD);
            WelcomePage welcome = WelcomePage.expectSignedIn(driver, USER);
            LoginPage back = welcome.signOut();
            back.awaitMessage("You have signed out.");
            WelcomePage.open(driver, base);
            LoginPage.expect(driver).awaitMessage("Please sign in to continue.");

            assertEquals(List.of(), policyViolations(chromium.consoleMessages()), "console: CSP violations");
            assertEquals("[]", violationEvents(), "securitypolicyviolation events");

            // The check can fail: inline script, which the policy forbids, is reported both ways.
            ((JavascriptExecutor) driver).executeScript("const s = document.createElement('script');"
                    + " s.textContent = 'window.inlineRan = true'; document.head.appendChild(s);");
            new WebDriverWait(driver, LoginPage.WAIT).until(d -> !"[]".equals(violationEvents()));
            assertTrue(violationEvents().contains("script-src"), violationEvents());
            assertEquals(null, ((JavascriptExecutor) driver).executeScript("return window.inlineRan === true ? true : null"),
                    "the inline script did not run");
            assertFalse(policyViolations(chromium.consoleMessages()).isEmpty(), "the console reports it too");
        } finally {
            chromium.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", java.util.Map.of("identifier", id));
        }
    }

    private static String violationEvents() {
        return (String) ((JavascriptExecutor) driver).executeScript("return sessionStorage.getItem('csp') || '[]'");
    }

    private static List<String> policyViolations(List<LogEntry> console) {
        return console.stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }

    @Test
    void welcomePageWithoutSessionSendsToTheForm() throws Exception {
        WelcomePage.open(driver, base);
        new WebDriverWait(driver, LoginPage.WAIT).until(ExpectedConditions.urlContains("reason=session-required"));
        LoginPage form = LoginPage.expect(driver);
        assertEquals("Please sign in to continue.", form.awaitMessage("Please sign in to continue."));
        chromium.screenshot("04-no-session");
    }

    @Test
    void wrongPasswordShowsInlineMessage() throws Exception {
        LoginPage form = LoginPage.open(driver, base, "");
        form.signIn(USER, "not-the-password");
        form.awaitMessage("Wrong username or password.");
        chromium.screenshot("05-wrong-password");

        assertTrue(driver.getCurrentUrl().endsWith("/"), "still at the form: " + driver.getCurrentUrl());
        assertEquals("", form.password().getDomProperty("value"), "the wrong password is cleared");
        assertEquals("password", form.focusedId());
        assertEquals("true", form.password().getDomAttribute("aria-invalid"));
        assertTrue(form.submitButton().isEnabled());
    }

    record EmptyFields(String name, String username, String password, String message, String focus) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<EmptyFields> emptyFields() {
        return Stream.of(
                new EmptyFields("both", "", "", "Enter your username and password.", "username"),
                new EmptyFields("username", "", PASSWORD, "Enter your username.", "username"),
                new EmptyFields("blank-username", "   ", PASSWORD, "Enter your username.", "username"),
                new EmptyFields("password", USER, "", "Enter your password.", "password"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyFields")
    void emptyFieldsShowInlineMessageWithoutPosting(EmptyFields c) throws Exception {
        LoginPage form = LoginPage.open(driver, base, "");
        FetchStub.count(driver);
        form.signIn(c.username(), c.password());
        form.awaitMessage(c.message());
        chromium.screenshot("06-empty-" + c.name());

        assertEquals(0, FetchStub.calls(driver), "nothing is posted");
        assertEquals(c.focus(), form.focusedId(), "the first empty field gets the focus");
        WebDriverWait wait = new WebDriverWait(driver, LoginPage.WAIT);
        wait.until(d -> "true".equals(driver.switchTo().activeElement().getDomAttribute("aria-invalid")));
    }

    /** An answer the page must explain; status 0 stands for a dropped connection. */
    record Answer(String name, int status, String headers, String body, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Answer> answers() {
        String json = "\"Content-Type\": \"application/json\"";
        return Stream.of(
                new Answer("throttled-retry-after", 429, "{" + json + ", \"Retry-After\": \"30\"}",
                        "{\"message\":\"too many attempts\",\"code\":-2}",
                        "Too many attempts. Try again in 30 seconds."),
                new Answer("throttled-body-only", 429, "{" + json + "}",
                        "{\"message\":\"too many attempts\",\"code\":-2,\"retryAfter\":90}",
                        "Too many attempts. Try again in 1 minute 30 seconds."),
                new Answer("throttled-no-time", 429, "{}", "",
                        "Too many attempts. Please wait a moment, then try again."),
                new Answer("bad-request", 400, "{" + json + "}",
                        "{\"message\":\"username is too long\",\"code\":2}",
                        "The server did not accept this: username is too long"),
                new Answer("server-error", 500, "{\"Content-Type\": \"text/html\"}", "<h1>Internal Server Error</h1>",
                        "The server had a problem (status 500). Please try again in a moment."),
                new Answer("bad-gateway", 502, "{}", "",
                        "The server had a problem (status 502). Please try again in a moment."),
                new Answer("busy", 503, "{" + json + ", \"Retry-After\": \"1\"}",
                        "{\"message\":\"busy, try again\",\"code\":-4}",
                        "The server is busy right now. Please try again in a moment."),
                new Answer("not-json", 415, "{" + json + "}", "{\"message\":\"send JSON\",\"code\":3}",
                        "Something unexpected happened (status 415). Please try again."),
                new Answer("network-down", 0, "{}", "",
                        "Could not reach the server. Check your connection and try again."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void failedSignInShowsInlineMessage(Answer a) throws Exception {
        LoginPage form = LoginPage.open(driver, base, "");
        if (a.status() == 0) {
            FetchStub.failNetwork(driver);
        } else {
            FetchStub.answer(driver, a.status(), a.headers(), a.body());
        }
        form.signIn(USER, PASSWORD);
        assertEquals(a.message(), form.awaitMessage(a.message()));
        chromium.screenshot("07-answer-" + a.name());
        assertEquals(1, FetchStub.calls(driver));
        assertTrue(driver.getCurrentUrl().endsWith("/"), "still at the form: " + driver.getCurrentUrl());
    }

    @Test
    void throttledFormWaitsBeforeTheNextTry() {
        LoginPage form = LoginPage.open(driver, base, "");
        FetchStub.answer(driver, 429, "{\"Retry-After\": \"2\"}", "");
        form.signIn(USER, PASSWORD);
        form.awaitMessage("Too many attempts. Try again in 2 seconds.");
        assertFalse(form.submitButton().isEnabled(), "no new try before the server allows it");
        assertTrue(form.submitButton().getText().startsWith("Try again in"), form.submitButton().getText());

        form.awaitMessage("You can try again now.");
        assertTrue(form.submitButton().isEnabled());
        assertEquals("Sign in", form.submitButton().getText());
        assertEquals(1, FetchStub.calls(driver));
    }

    @Test
    void serverThrottlingShowsTheWaitFromRetryAfter() throws Exception {
        String user = "throttled-visitor";
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 429; attempt++) {
            status = postLogin(user, "wrong");
            assertTrue(status == 401 || status == 429, "a wrong password answers 401, then 429: " + status);
        }
        assertEquals(429, status, "the server throttles repeated failures");

        LoginPage form = LoginPage.open(driver, base, "");
        form.signIn(user, "wrong");
        new WebDriverWait(driver, LoginPage.WAIT)
                .withMessage(() -> "a throttle message, not \"" + form.message().getText() + "\"")
                .until(d -> form.message().getText().startsWith("Too many attempts. Try again in "));
        chromium.screenshot("07-answer-throttled-by-server");
        assertFalse(form.submitButton().isEnabled(), "no new try before the server allows it");
    }

    private static int postLogin(String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @Test
    void buttonIsDisabledWhileTheRequestIsInFlight() {
        LoginPage form = LoginPage.open(driver, base, "");
        FetchStub.hold(driver);
        form.signIn(USER, PASSWORD);
        new WebDriverWait(driver, LoginPage.WAIT).until(d -> !form.submitButton().isEnabled());
        assertEquals("Signing in…", form.submitButton().getText());

        form.password().sendKeys(Keys.ENTER);
        assertEquals(1, FetchStub.calls(driver), "Enter while busy does not post again");

        FetchStub.release(driver, 401, "{\"message\":\"failed\",\"code\":-1}");
        form.awaitMessage("Wrong username or password.");
        assertTrue(form.submitButton().isEnabled());
        assertEquals("Sign in", form.submitButton().getText());
    }

    @Test
    void showButtonRevealsAndHidesThePassword() {
        LoginPage form = LoginPage.open(driver, base, "");
        form.password().sendKeys("secret");
        var toggle = driver.findElement(By.id("toggle-password"));
        toggle.click();
        assertEquals("text", form.password().getDomProperty("type"));
        assertEquals("Hide password", toggle.getDomAttribute("aria-label"));
        toggle.click();
        assertEquals("password", form.password().getDomProperty("type"));
        assertEquals("secret", form.password().getDomProperty("value"));
    }

    @Test
    void phoneSizedWindowNeedsNoSidewaysScrolling() throws Exception {
        chromium.viewport(HeadlessChromium.PHONE, true);
        LoginPage form = LoginPage.open(driver, base, "");
        assertFitsWidth();
        chromium.screenshot("08-phone-form");

        form.signIn(USER, "wrong");
        form.awaitMessage("Wrong username or password.");
        assertFitsWidth();
        chromium.screenshot("09-phone-wrong-password");

        form.signIn(USER, PASSWORD);
        WelcomePage.expectSignedIn(driver, USER);
        assertFitsWidth();
        chromium.screenshot("10-phone-welcome");
    }

    @Test
    void darkSystemSettingGivesDarkPages() throws Exception {
        chromium.colorScheme("dark");
        LoginPage form = LoginPage.open(driver, base, "");
        form.signIn(USER, "wrong");
        form.awaitMessage("Wrong username or password.");
        String card = driver.findElement(By.className("card")).getCssValue("background-color");
        assertEquals("#182031", Color.fromString(card).asHex(), "the dark surface colour");
        chromium.screenshot("11-dark-wrong-password");

        form.signIn(USER, PASSWORD);
        WelcomePage.expectSignedIn(driver, USER);
        chromium.screenshot("12-dark-welcome");
    }

    private static void assertFitsWidth() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long window = (Long) js.executeScript("return window.innerWidth;");
        long viewport = (Long) js.executeScript("return document.documentElement.clientWidth;");
        long content = (Long) js.executeScript("return document.documentElement.scrollWidth;");
        assertEquals(HeadlessChromium.PHONE.width, window, "a phone-sized window");
        assertTrue(content <= viewport, "content " + content + " px wide in a " + viewport + " px viewport");
    }

    private static List<String> errors(List<LogEntry> console) {
        return console.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }
}
