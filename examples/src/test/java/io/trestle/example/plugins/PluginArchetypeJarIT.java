package io.trestle.example.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin a user gets from {@code io.trestle:trestle-plugin-archetype}, built by its own Maven
 * build, dropped into the running example app's {@code plugins/} folder: its route answers. The jar
 * is the one the archetype's integration test generated and built (with {@code mvn verify}, its
 * test included) in {@code archetype/target/test-classes/projects/basic/project/my-plugin}, from
 * the properties of the README's {@code archetype:generate} command.
 */
class PluginArchetypeJarIT {
    static final Path APP = HelloPluginJar.REPO.resolve("examples/target/trestle-example.jar");
    static final Path PLUGIN = HelloPluginJar.REPO.resolve(
            "archetype/target/test-classes/projects/basic/project/my-plugin/target/my-plugin.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String ROUTE = "/my-plugin/hello/Ada";

    @TempDir
    Path tmp;

    @BeforeAll
    static void built() {
        // The archetype module's integration test builds it before this module in the whole reactor
        // (./mvnw verify); not with -pl examples, nor with -DskipITs.
        Assumptions.assumeTrue(Files.isRegularFile(PLUGIN), "build the whole project first: " + PLUGIN + " is missing");
    }

    @Test
    void theJarHasARouteIndexAndNoTrestleClasses() throws IOException {
        try (JarFile jar = new JarFile(PLUGIN.toFile())) {
            JarEntry index = jar.getJarEntry("META-INF/trestle/route-index");
            assertNotNull(index, "proc full ran Trestle's @Route indexer");
            String lines = new String(jar.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(lines.lines().anyMatch(l -> l.startsWith("com.example.myplugin.HelloHandler class a ")), lines);
            assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("io/trestle/")
                    || e.getName().startsWith("com/fasterxml/") || e.getName().startsWith("org/slf4j/")),
                    "trestle-core is provided: the app brings it, the jar must not");
        }
    }

    @Test
    void copyingTheJarIntoTheRunningAppsPluginsFolderServesItsRoute() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Process app = new ProcessBuilder(JAVA, "-jar", APP.toString(), "--port", "0", "--plugins", plugins.toString())
                .directory(HelloPluginJar.REPO.toFile()).redirectErrorStream(true).start();
        try (HttpClient client = HttpClient.newHttpClient()) {
            BufferedReader log = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
            URI uri = CompletableFuture.supplyAsync(() -> AppLog.awaitListening(log)).get(30, TimeUnit.SECONDS);
            Thread.ofVirtual().start(() -> echo(log));
            assertEquals(404, get(client, uri.resolve(ROUTE)).statusCode());

            long copied = System.nanoTime();
            Files.copy(PLUGIN, plugins.resolve("my-plugin.jar"));
            HttpResponse<String> hello = awaitStatus(client, uri.resolve(ROUTE), 200);
            System.out.println("archetype plugin: jar copied -> route served in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - copied) + " ms");
            assertEquals("{\"message\":\"Hello, Ada!\",\"name\":\"Ada\"}", hello.body());
            assertEquals("application/json", hello.headers().firstValue("Content-Type").orElse(null));
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri.resolve(ROUTE))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode(), "the route serves GET only");

            app.destroy();
            assertTrue(app.waitFor(20, TimeUnit.SECONDS), "graceful exit on SIGTERM");
        } finally {
            app.destroyForcibly();
        }
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code uri} until it answers {@code status}: the app notices a new jar within a few seconds. */
    private static HttpResponse<String> awaitStatus(HttpClient client, URI uri, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> r = get(client, uri);
        while (r.statusCode() != status && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
            r = get(client, uri);
        }
        assertEquals(status, r.statusCode(), uri + " answered " + r.body());
        return r;
    }

    private static void echo(BufferedReader log) {
        try {
            for (String line; (line = log.readLine()) != null; ) {
                System.out.println("app> " + line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
