package io.trestle.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testsupport.Programs;
import io.trestle.testsupport.RequiresProgram;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged fat jar, started as a user starts it: start-up time, first response, SIGTERM. */
class ExampleJarIT {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = REPO.resolve("examples/target/trestle-example.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** Debian's JDK 17, too old for the jar: where its package puts it. */
    static final String JAVA_17 = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java|/usr/lib/jvm/java-17-openjdk-arm64/bin/java";

    @Test
    void startsServesAndStopsOnSigterm() throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--port", "0", "--plugins", "target/no-plugins")
                .directory(REPO.toFile()).redirectErrorStream(true).start();
        try (HttpClient client = HttpClient.newHttpClient()) {
            BufferedReader log = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            URI uri = CompletableFuture.supplyAsync(() -> AppLog.awaitListening(log)).get(30, TimeUnit.SECONDS);
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(uri.resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            long firstResponseMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("example app: start-up to first response " + firstResponseMs + " ms");
            assertEquals(200, first.statusCode());
            assertTrue(first.body().contains("<form"), "the login page");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "graceful exit on SIGTERM");
            Thread.ofVirtual().start(() -> drain(log));
        } finally {
            p.destroyForcibly();
        }
    }

    /** With the access log sent to logback, SIGTERM still writes every line its asynchronous appender holds. */
    @Test
    void theAccessLogThroughLogbackKeepsEveryLineAtSigterm() throws Exception {
        Path out = Files.createTempFile("access", ".out");
        Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--port", "0", "--plugins", "target/no-plugins",
                "--access-log-to", "logger")
                .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        int requests = 300;
        try (HttpClient client = HttpClient.newHttpClient()) {
            URI uri = awaitListeningIn(out, p);
            for (int i = 0; i < requests; i++) {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri.resolve("/api/health"))
                        .header("User-Agent", "jar-it-" + i).build(), HttpResponse.BodyHandlers.discarding());
                assertEquals(200, r.statusCode());
            }
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "graceful exit on SIGTERM");
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            String line = "127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /api/health HTTP/1\\.1\" 200 \\d+ \"-\" \"jar-it-\\d+\"";
            long logged = lines.stream().filter(l -> l.matches(line)).count();
            assertEquals(requests, logged, "every request's line, as it is:\n"
                    + String.join("\n", lines.subList(0, Math.min(40, lines.size()))));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }

    /** The address the app logs in {@code out}, a file the process writes to; waits up to 30 s. */
    static URI awaitListeningIn(Path out, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && p.isAlive()) {
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                URI uri = AppLog.listeningAddress(line);
                if (uri != null) {
                    return uri;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the app did not listen: " + Files.readString(out));
    }

    /** What {@code trestle routes > routes.txt} writes: the table only; the log goes to standard error. */
    @Test
    void routesPrintsOnlyTheTableOnStandardOutput() throws Exception {
        Path err = Files.createTempFile("routes", ".err");
        try {
            Process p = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "routes", "--plugins", "target/no-plugins")
                    .directory(REPO.toFile()).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String log = Files.readString(err);
            assertEquals(0, p.exitValue(), out + log);
            List<String> lines = out.lines().toList();
            assertTrue(lines.get(0).matches("METHOD +PATH +HANDLER +SOURCE"), out);
            assertTrue(lines.size() > 3, out);
            for (String line : lines.subList(1, lines.size())) {
                assertTrue(line.matches("(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|FILTER) +/\\S* +\\S.* +classpath"),
                        "a table row: '" + line + "' in\n" + out);
            }
            assertTrue(log.contains("class path: ") && log.contains("Login API on /api/login"), "the log on standard error:\n" + log);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    @Test
    @RequiresProgram(value = JAVA_17, install = "apt-get install -y openjdk-17-jre-headless")
    void anOldJavaGetsAOneLineMessage() throws Exception {
        Path old = Programs.require(JAVA_17);
        Process p = new ProcessBuilder(old.toString(), "-jar", JAR.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertTrue(out.contains("needs Java 21 or newer"), out);
        assertTrue(!out.contains("Exception"), "no stack trace: " + out);
    }

    static void drain(BufferedReader log) {
        try {
            while (log.readLine() != null) {
                // keep the pipe from filling
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
