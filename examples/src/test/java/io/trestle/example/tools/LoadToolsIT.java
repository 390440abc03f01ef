package io.trestle.example.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testsupport.Programs;
import io.trestle.testsupport.RequiresProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Short keep-alive load from two outside HTTP/1.1 clients, ApacheBench ({@code ab -k}) and
 * h2load ({@code --h1}): 20,000 requests over 50 connections to the health API and to a static
 * file of the packaged app, and not one failed, errored, timed out or non-2xx. A correctness
 * check under concurrency, not a benchmark (that is {@code bench/run.sh}): the rates are printed
 * but not asserted. Their reports are kept in {@code target/tools}.
 */
class LoadToolsIT {
    static final int REQUESTS = 20_000;
    static final int CONNECTIONS = 50;
    static final Path OUT = Path.of("target/tools").toAbsolutePath();

    @TempDir
    static Path tmp;
    static JarApp app;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(OUT);
        app = JarApp.start(tmp);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @RequiresProgram(value = "ab", install = "apt-get install -y apache2-utils")
    void apacheBenchKeepAliveHasNoFailures() throws Exception {
        for (String path : List.of("/api/health", "/css/app.css")) {
            String name = "ab" + path.replace('/', '-');
            Tool run = Tool.run(List.of(Programs.require("ab").toString(), "-k", "-n", String.valueOf(REQUESTS),
                    "-c", String.valueOf(CONNECTIONS), "-s", "10", app.uri(path).toString()), tmp, OUT.resolve(name + ".txt"), 120);
            String out = run.output();
            System.out.println(name + ": " + line(out, "Requests per second:") + "; " + line(out, "Failed requests:")
                    + "; " + line(out, "Keep-Alive requests:") + "; ms within which 99% were served: " + line(out, "  99%"));
            assertEquals(0, run.exitStatus(), () -> "ab failed:\n" + Tool.tail(out, 3000));
            assertEquals(REQUESTS, number(out, "Complete requests:\\s+(\\d+)"), () -> out);
            assertEquals(0, number(out, "Failed requests:\\s+(\\d+)"), () -> out);
            assertTrue(!out.contains("Non-2xx responses"), () -> out);
            // -k took: every request went over a kept-alive connection.
            assertEquals(REQUESTS, number(out, "Keep-Alive requests:\\s+(\\d+)"), () -> out);
        }
    }

    @Test
    @RequiresProgram(value = "h2load", install = "apt-get install -y nghttp2-client")
    void h2loadHttp1HasNoFailures() throws Exception {
        for (String path : List.of("/api/health", "/css/app.css")) {
            String name = "h2load" + path.replace('/', '-');
            Tool run = Tool.run(List.of(Programs.require("h2load").toString(), "--h1", "-n", String.valueOf(REQUESTS),
                    "-c", String.valueOf(CONNECTIONS), "-T", "10", app.uri(path).toString()), tmp, OUT.resolve(name + ".txt"), 120);
            String out = run.output();
            System.out.println(name + ": " + line(out, "finished in") + "; " + line(out, "requests:") + "; " + line(out, "status codes:"));
            assertEquals(0, run.exitStatus(), () -> "h2load failed:\n" + Tool.tail(out, 3000));
            Matcher m = Pattern.compile("requests: (\\d+) total, (\\d+) started, (\\d+) done, (\\d+) succeeded, (\\d+) failed, "
                    + "(\\d+) errored, (\\d+) timeout").matcher(out);
            assertTrue(m.find(), () -> "no requests line:\n" + out);
            assertEquals(REQUESTS, Integer.parseInt(m.group(4)), () -> "succeeded: " + m.group());
            assertEquals("0 0 0", m.group(5) + " " + m.group(6) + " " + m.group(7), () -> "failed, errored, timeout: " + m.group());
            assertTrue(out.contains("status codes: " + REQUESTS + " 2xx, 0 3xx, 0 4xx, 0 5xx"), () -> line(out, "status codes:"));
        }
    }

    private static String line(String out, String start) {
        return out.lines().filter(l -> l.contains(start)).findFirst().map(String::strip).orElse("(no line \"" + start.strip() + "\")");
    }

    private static int number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new AssertionError("no /" + regex + "/ in:\n" + out);
        }
        return Integer.parseInt(m.group(1));
    }
}
