package io.trestle.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/trestle}, the README's first command: it finds a JDK, and on JDK 25+ its first run
 * writes an AOT cache when it stops that later runs start from.
 */
class LauncherScriptIT {
    static final Path REPO = ExampleJarIT.REPO;
    static final Path CACHE = REPO.resolve("examples/target/trestle-example.aot");

    @Test
    void theFirstRunWritesAnAotCacheQuietlyAndTheNextStartsFromIt() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25; this is " + Runtime.version());
        Files.deleteIfExists(CACHE);
        List<String> first = runOnce();
        assertTrue(Files.size(CACHE) > 0, "no AOT cache written: " + first);
        assertFalse(first.stream().anyMatch(l -> l.contains("[warning]")), "the JVM's AOT warnings reach the user: " + first);

        List<String> second = runOnce();
        assertFalse(second.stream().anyMatch(l -> l.contains("[aot]") || l.contains("AOTCache")),
                "a run from the cache should say nothing about it: " + second);
        assertTrue(Files.size(CACHE) > 0, "the cache was used, not removed");
    }

    /** Starts {@code bin/trestle}, checks the login page, stops it with SIGTERM; returns what it printed. */
    private static List<String> runOnce() throws Exception {
        ProcessBuilder launch = new ProcessBuilder(REPO.resolve("bin/trestle").toString(), "--port", "0", "--plugins", "target/no-plugins")
                .directory(REPO.toFile()).redirectErrorStream(true);
        launch.environment().put("JAVA_HOME", System.getProperty("java.home")); // the JDK this test checked
        launch.environment().remove("TRESTLE_NO_AOT");
        Process p = launch.start();
        List<String> lines = new ArrayList<>();
        try (HttpClient client = HttpClient.newHttpClient()) {
            BufferedReader log = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            URI uri = CompletableFuture.supplyAsync(() -> ExampleJarIT.awaitListening(log)).get(60, TimeUnit.SECONDS);
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri.resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            p.toHandle().destroy(); // SIGTERM, keeping our end of its output open: a first run writes the cache now
            for (String line; (line = log.readLine()) != null; ) {
                lines.add(line);
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bin/trestle did not stop");
            return lines;
        } finally {
            p.destroyForcibly();
        }
    }
}
