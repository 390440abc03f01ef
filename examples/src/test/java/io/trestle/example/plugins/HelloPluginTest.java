package io.trestle.example.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import io.trestle.example.ExampleApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example plugin jar in the example app, as the README's "Write a plugin" section uses it. */
class HelloPluginTest {
    static final Path USERS = HelloPluginJar.REPO.resolve("users.properties");

    @TempDir
    Path tmp;
    Path plugins;
    Path root;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void folders() throws IOException {
        plugins = Files.createDirectories(tmp.resolve("plugins"));
        root = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(root.resolve("index.html"), "<h1>app</h1>");
    }

    private Server app(String... more) throws Exception {
        String[] base = {"--port", "0", "--root", root.toString(), "--plugins", plugins.toString(), "--users", USERS.toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return ExampleApp.start(args);
    }

    @Test
    void everyKindOfRouteOfTheJarIsServed() throws Exception {
        HelloPluginJar.write(plugins.resolve("hello-plugin.jar"));
        try (Server app = app("--hello-greeting", "Hi")) {
            HttpResponse<String> hello = get(app, "/hello/Ada");
            assertEquals(200, hello.statusCode());
            assertEquals("{\"message\":\"Hi, Ada!\",\"name\":\"Ada\"}", hello.body(), "annotated handler, plugin setting");
            assertEquals("1.0", hello.headers().firstValue("X-Hello-Plugin").orElse(null), "the plugin's filter");
            assertTrue(get(app, "/hello").body().contains("\"plugin\":\"hello-plugin 1.0\""), "route registered in code");

            HttpResponse<String> created = send(app, HttpRequest.newBuilder(app.uri().resolve("/api/notes"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"buy milk\"}")));
            assertEquals(201, created.statusCode(), created.body());
            assertEquals("/api/notes/1", created.headers().firstValue("Location").orElse(null));
            assertEquals("[{\"id\":1,\"text\":\"buy milk\"}]", get(app, "/api/notes").body());
            assertEquals("{\"id\":1,\"text\":\"buy milk\"}", get(app, "/api/notes/1").body());
            assertEquals(204, send(app, HttpRequest.newBuilder(app.uri().resolve("/api/notes/1")).DELETE()).statusCode());
            assertEquals(404, get(app, "/api/notes/1").statusCode());

            HttpResponse<String> page = get(app, "/hello-plugin/");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Hello from a plugin jar"), "the jar's META-INF/resources page");
            assertEquals("<h1>app</h1>", get(app, "/").body(), "the web root still serves");
            assertEquals(200, get(app, "/api/health").statusCode(), "and the app's own routes");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POST | /api/notes | {\"text\":\"\"}     | 400 | a note needs a non-empty",
        "POST | /api/notes | {\"text\":       | 400 | malformed JSON",
        "POST | /api/notes | []               | 400 | JSON does not match",
        "GET  | /api/notes/x1 |               | 400 | a note id is a number",
        "GET  | /api/notes/99 |               | 404 | no note 99",
        "GET  | /hello/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | | 400 | at most 64 characters"
    })
    void badInputGetsAClearClientError(String method, String path, String body, int status, String message) throws Exception {
        HelloPluginJar.write(plugins.resolve("hello-plugin.jar"));
        try (Server app = app()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(app.uri().resolve(path)).header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = send(app, request);
            assertEquals(status, r.statusCode(), r.body());
            assertTrue(r.body().contains(message), r.body());
        }
    }

    @Test
    void theJarDroppedIntoTheRunningAppGoesLiveAndGoesAwayWhenRemoved() throws Exception {
        try (Server app = app()) {
            assertEquals(404, get(app, "/hello/Ada").statusCode());
            Path staged = HelloPluginJar.write(tmp.resolve("hello-plugin.jar"));
            Files.copy(staged, plugins.resolve("hello-plugin.jar"));
            assertEquals("{\"message\":\"Hello, Ada!\",\"name\":\"Ada\"}", await(app, "/hello/Ada", r -> r.statusCode() == 200).body());
            assertEquals(200, get(app, "/hello-plugin/hello.js").statusCode());

            Files.delete(plugins.resolve("hello-plugin.jar"));
            await(app, "/hello/Ada", r -> r.statusCode() == 404);
            assertEquals(404, get(app, "/hello-plugin/").statusCode(), "its web files went with it");
        }
    }

    @Test
    void withNoReloadTheFolderIsNotWatched() throws Exception {
        try (Server app = app("--no-reload")) {
            HelloPluginJar.write(plugins.resolve("hello-plugin.jar"));
            Thread.sleep(2500);      // several settle times and a full rescan period of the watcher, were it on
            assertEquals(404, get(app, "/hello/Ada").statusCode());
        }
        try (Server app = app()) {
            assertEquals(200, get(app, "/hello/Ada").statusCode(), "a restart picks the jar up");
        }
    }

    @Test
    void theRoutesCommandListsTheJarsRoutesWithTheirSource() throws Exception {
        HelloPluginJar.write(plugins.resolve("hello-plugin.jar"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ExampleApp.app().console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).environment(Map.of())
                .launch("routes", "--plugins", plugins.toString(), "--users", USERS.toString());
        String table = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(table.lines().anyMatch(l -> l.matches("GET +/hello/\\{name} +com\\.example\\.hello\\.HelloHandler +hello-plugin\\.jar")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("DELETE +/api/notes/\\{id} +com\\.example\\.hello\\.NotesApi#delete +hello-plugin\\.jar")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("GET +/api/health +io\\.trestle\\.example\\.Health +classpath")), table);
        assertFalse(table.contains("Exception"), table);
    }

    private HttpResponse<String> get(Server app, String path) throws Exception {
        return send(app, HttpRequest.newBuilder(app.uri().resolve(path)));
    }

    private HttpResponse<String> send(Server app, HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> await(Server app, String path, Predicate<HttpResponse<String>> fits) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> r = get(app, path);
        while (!fits.test(r) && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
            r = get(app, path);
        }
        assertTrue(fits.test(r), path + " answers " + r.statusCode() + " " + r.body());
        return r;
    }
}
