package io.trestle.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import io.trestle.discovery.Sources;
import io.trestle.testsupport.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
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

/** The example app as its users meet it: flags, discovery of its modules, the routes command. */
class ExampleAppTest {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ExampleApp.app().console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).environment(Map.of()).launch(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void servesItsModulesFoundByDiscovery() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(root.resolve("index.html"), "<h1>hi</h1>");
        try (Server server = ExampleApp.start("--port", "0", "--root", root.toString(),
                "--plugins", tmp.resolve("plugins").toString(), "--users", REPO.resolve("users.properties").toString());
             HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> index = client.send(HttpRequest.newBuilder(server.uri().resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, index.statusCode());
            assertEquals("<h1>hi</h1>", index.body());
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(health.body().contains("\"status\":\"up\""), health.body());
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/login"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"eiger\",\"password\":\"123456\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            HttpResponse<String> getLogin = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, getLogin.statusCode(), "an API route wins over the static files");
        }
    }

    @Test
    void accessLogGoesToTheFileItIsGiven() throws Exception {
        Path log = tmp.resolve("logs").resolve("access.log");
        Files.createDirectories(log.getParent());
        try (Server server = ExampleApp.start("--port", "0", "--root", tmp.toString(), "--plugins", tmp.resolve("plugins").toString(),
                "--users", REPO.resolve("users.properties").toString(), "--access-log-to", log.toString());
             HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/health"))
                    .header("User-Agent", "example-test").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
        }
        String lines = Files.readString(log, StandardCharsets.US_ASCII);
        assertTrue(lines.matches("127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /api/health HTTP/1\\.1\" 200 \\d+ \"-\" \"example-test\"\n"),
                lines);
    }

    @Test
    void anAccessLogThatCannotBeOpenedIsAUsageError() {
        Run r = run("--port", "0", "--root", tmp.toString(), "--plugins", tmp.resolve("plugins").toString(),
                "--users", REPO.resolve("users.properties").toString(),
                "--access-log-to", tmp.resolve("no-such-folder").resolve("access.log").toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("--access-log-to") && r.err().contains("no-such-folder"), r.err());
    }

    @Test
    void unknownFlagIsAUsageErrorWithStatus2() {
        Run r = run("--prot", "9090");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--prot"), r.err());
        assertTrue(r.err().contains("--port"), "suggests the close match: " + r.err());
    }

    @Test
    void badValueIsAUsageErrorWithStatus2() {
        Run r = run("--port", "eighty");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("port"), r.err());
    }

    @Test
    void helpListsCoreAndModuleSettings() {
        Run r = run("--help");
        assertEquals(0, r.status(), r.err());
        for (String flag : new String[] {"--port", "--root", "--plugins", "--users", "--list-dirs", "TRESTLE_PORT"}) {
            assertTrue(r.out().contains(flag), flag + " in:\n" + r.out());
        }
    }

    @Test
    void helpShowsTheSecurityHeaderSettingsWithTheAppsPolicy() {
        Run r = run("--help");
        assertEquals(0, r.status(), r.err());
        String flat = r.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("--frame-options VALUE"), r.out());
        assertTrue(flat.contains("(default: DENY; env TRESTLE_FRAME_OPTIONS)"), r.out());
        assertTrue(flat.contains("--content-security-policy VALUE"), r.out());
        assertTrue(flat.contains("(default: " + ExampleApp.CONTENT_SECURITY_POLICY + "; env TRESTLE_CONTENT_SECURITY_POLICY)"),
                r.out());
        for (String line : r.out().split("\n")) {
            assertTrue(line.length() <= 100, "too long: " + line);
        }
    }

    @Test
    void aFrameOptionsValueBrowsersDoNotKnowIsAUsageError() {
        Run r = run("--port", "0", "--frame-options", "ALLOW-FROM https://example.com");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("frame-options") && r.err().contains("DENY or SAMEORIGIN"), r.err());
    }

    @Test
    void routesCommandPrintsTheTable() {
        Run r = run("routes", "--plugins", tmp.resolve("none").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("/api/login"), r.out());
        assertTrue(r.out().contains("/api/health"), r.out());
        assertTrue(r.out().contains("/{path...}"), r.out());
    }

    /** {@code routes > routes.txt} holds the table only: discovery's log lines go to standard error. */
    @Test
    void routesPrintsOnlyTheTableOnStandardOutputAndItsLogOnStandardError() {
        Run r;
        // At INFO, discovery's lines reach the console appender, which writes to System.out.
        try (LogCapture discovery = LogCapture.of(Sources.class)) {
            r = run("routes", "--plugins", tmp.resolve("none").toString(), "--users", REPO.resolve("users.properties").toString());
        }
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).matches("METHOD +PATH +HANDLER +SOURCE"), r.out());
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.matches("(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|FILTER) +/\\S* +\\S.* +classpath"),
                    "a table row: '" + line + "' in\n" + r.out());
        }
        assertTrue(r.err().contains("class path: "), "discovery's log on standard error:\n" + r.err());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run r = run("fly");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unknown command 'fly'"), r.err());
    }

    static URI base(Server s) {
        return s.uri();
    }
}
