package io.trestle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application entry point as an app's {@code main} and its tests use it. */
class TrestleAppTest {
    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private Trestle.App app() {
        return Trestle.app("ping-app").scan("io.trestle.entry")
                .defaultValue("plugins", tmp.resolve("plugins").toString())
                .defaultValue("port", "0");
    }

    private static Run launch(Trestle.App app, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = app.console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .environment(Map.of()).launch(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void startServesTheScannedPackageWithTheAppsDefaults() throws Exception {
        try (Server server = app().start("--no-access-log");
             HttpClient client = HttpClient.newHttpClient()) {
            assertTrue(server.port() > 0, "port 0, the app's default, picked a free port");
            HttpResponse<String> ping = client.send(HttpRequest.newBuilder(server.uri().resolve("/ping")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ping.statusCode());
            assertEquals("pong", ping.body());
        }
    }

    @Test
    void aFlagOverridesTheAppsDefault() {
        StartupException e = assertThrows(StartupException.class, () -> app().start("--port", "eighty"));
        assertTrue(e.isUsageError());
        assertEquals(2, e.exitStatus());
        assertTrue(e.getMessage().contains("port"), e.getMessage());
    }

    @Test
    void anUnknownFlagIsAStartupExceptionWithTheUsageStatus() {
        StartupException e = assertThrows(StartupException.class, () -> app().start("--prot", "9090"));
        assertEquals(StartupException.USAGE, e.exitStatus());
        assertTrue(e.getMessage().contains("--prot"), e.getMessage());
    }

    @Test
    void aFailedStartIsAStartupExceptionWithStatus1() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("plugins.txt"), "x");
        StartupException e = assertThrows(StartupException.class, () -> app().start("--plugins", notAFolder.toString()));
        assertFalse(e.isUsageError());
        assertEquals(1, e.exitStatus());
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
    }

    @Test
    void launchReturnsTheExitStatusesAndMessagesOfTheCommandLine() throws Exception {
        Run usage = launch(app(), "--prot", "9090");
        assertEquals(2, usage.status());
        assertTrue(usage.err().startsWith("ping-app: "), usage.err());
        assertTrue(usage.err().contains("Run 'ping-app --help' to see every setting."), usage.err());

        Path notAFolder = Files.writeString(tmp.resolve("plugins.txt"), "x");
        Run failure = launch(app(), "routes", "--plugins", notAFolder.toString());
        assertEquals(1, failure.status());
        assertTrue(failure.err().startsWith("ping-app: cannot start: "), failure.err());

        Run routes = launch(app(), "routes");
        assertEquals(0, routes.status(), routes.err());
        assertTrue(routes.out().lines().anyMatch(l -> l.matches("GET +/ping +io\\.trestle\\.entry\\.Ping +classpath")), routes.out());
    }

    @Test
    void helpShowsTheAppsNameAndDefaults() {
        Run help = launch(app().defaultValue("content-security-policy", "default-src 'none'"), "--help");
        assertEquals(0, help.status(), help.err());
        String flat = help.out().replaceAll("\\s+", " ");
        assertTrue(help.out().contains("ping-app"), help.out());
        assertTrue(flat.contains("(default: default-src 'none'; env TRESTLE_CONTENT_SECURITY_POLICY)"), help.out());
        assertTrue(flat.contains("(default: io.trestle.entry; env TRESTLE_SCAN)"), help.out());
    }

    @Test
    void aCommandGivenInCodeRunsWithItsArgumentsAndSettings() {
        Command hello = new Greeter("hello", "prints a greeting",
                List.of(Setting.of("greeting", Setting.Kind.STRING, "hello", "the word to greet with")));
        Run run = launch(app().command(hello), "hello", "Ada", "--greeting", "hi");
        assertEquals(3, run.status(), run.err());
        assertEquals("hi Ada\n", run.out());

        Run help = launch(app().command(hello), "hello", "--help");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().startsWith("hello: prints a greeting"), help.out());
        assertTrue(help.out().contains("--greeting"), help.out());

        Run unknown = launch(app().command(hello), "fly");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown command 'fly' (commands: routes, hello)"), unknown.err());
    }

    @Test
    void mistakesInTheDescriptionAreRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> Trestle.app(" "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> app().defaultValue("prot", "1"));
        assertEquals("no server setting named 'prot'", e.getMessage());
        Command routes = new Greeter("routes", "shadows the built-in", List.of());
        assertThrows(IllegalArgumentException.class, () -> app().command(routes));
    }

    /** Prints its greeting setting and arguments; exits with 3, so the status is seen to be its own. */
    private record Greeter(String name, String description, List<Setting> settings) implements Command {
        @Override
        public int run(List<String> args, Config config, CommandIo io) {
            io.out().println(config.string("greeting", "?") + " " + String.join(" ", args));
            return 3;
        }
    }
}
