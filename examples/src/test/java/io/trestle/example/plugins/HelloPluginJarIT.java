package io.trestle.example.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.example.AppLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's steps with the real artifacts: the packaged app ({@code examples/target/trestle-example.jar})
 * and the packaged plugin ({@code examples/hello-plugin/target/hello-plugin.jar}), run as a user runs them.
 */
class HelloPluginJarIT {
    static final Path APP = HelloPluginJar.REPO.resolve("examples/target/trestle-example.jar");
    static final Path PLUGIN = HelloPluginJar.MODULE.resolve("target/hello-plugin.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path tmp;

    @BeforeAll
    static void packaged() {
        // The plugin module is built before this one in the whole reactor (./mvnw verify), not with -pl examples.
        Assumptions.assumeTrue(Files.isRegularFile(PLUGIN), "build the whole project first: " + PLUGIN + " is missing");
    }

    @Test
    void copyingThePluginJarIntoTheRunningAppsPluginsFolderServesItsRoutes() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Process app = new ProcessBuilder(JAVA, "-jar", APP.toString(), "--port", "0", "--plugins", plugins.toString())
                .directory(HelloPluginJar.REPO.toFile()).redirectErrorStream(true).start();
        BlockingQueue<String> log = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> pump(app, log));
        try (HttpClient client = HttpClient.newHttpClient()) {
            URI uri = AppLog.listeningAddress(awaitLine(log, "listening on "));
            assertEquals(404, client.send(HttpRequest.newBuilder(uri.resolve("/hello/Ada")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());

            Files.copy(PLUGIN, plugins.resolve("hello-plugin.jar"));
            String deployed = awaitLine(log, "plugin jar hello-plugin.jar deployed");
            System.out.println("hot deploy: " + deployed);
            HttpResponse<String> hello = client.send(HttpRequest.newBuilder(uri.resolve("/hello/Ada")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, hello.statusCode());
            assertEquals("{\"message\":\"Hello, Ada!\",\"name\":\"Ada\"}", hello.body());
            assertTrue(client.send(HttpRequest.newBuilder(uri.resolve("/hello-plugin/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("Hello from a plugin jar"));
            app.destroy();
            assertTrue(app.waitFor(20, TimeUnit.SECONDS), "graceful exit on SIGTERM");
        } finally {
            app.destroyForcibly();
        }
    }

    @Test
    void theRoutesCommandPrintsTheTableWithTheJarAndExits() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(PLUGIN, plugins.resolve("hello-plugin.jar"));
        Process routes = new ProcessBuilder(JAVA, "-jar", APP.toString(), "routes", "--plugins", plugins.toString())
                .directory(HelloPluginJar.REPO.toFile()).redirectErrorStream(true).start();
        String out = new String(routes.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(routes.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, routes.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("GET +/hello/\\{name} +com\\.example\\.hello\\.HelloHandler +hello-plugin\\.jar")), out);
        assertTrue(lines.stream().anyMatch(l -> l.matches("POST +/api/notes +com\\.example\\.hello\\.NotesApi#create +hello-plugin\\.jar")), out);
    }

    private static String awaitLine(BlockingQueue<String> log, String part) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = log.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(part)) {
                return line;
            }
        }
        throw new AssertionError("the app never logged '" + part + "'");
    }

    private static void pump(Process p, BlockingQueue<String> log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                System.out.println("app> " + line);
                log.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
