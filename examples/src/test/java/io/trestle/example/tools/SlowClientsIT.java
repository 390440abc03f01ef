package io.trestle.example.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testsupport.Programs;
import io.trestle.testsupport.RequiresProgram;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * slowhttptest's four attacks on the packaged app over plain HTTP, 1,000 connections each (200
 * slow readers) and 60 s at most, with a {@link NormalClient} measured alongside. Slowloris (a head trickled a header
 * every 10 s) must end at the head timeout (20 s); a body trickled at a few bytes a second must end at
 * the minimum request rate (256 B/s averaged over 10 s), and a download read 32 bytes every 5 s at
 * the write timeout (30 s; see {@link #slowReadEndsAtTheWriteTimeout()}), rather than be held as
 * long as the client likes; a flood of overlapping {@code Range}
 * headers (Apache Killer) must be answered without amplification. When the app lets connections
 * go is read from its descriptors ({@link DescriptorTrace}). In each, the normal client keeps
 * being served (errors at most 1%, p99 under 2 s), and after the attack the app's descriptors come
 * back to where they were.
 *
 * <p>The CSV and HTML of each run (connection states per second, the client's view) are kept in
 * {@code target/tools}.
 */
@RequiresProgram(value = "slowhttptest", install = "apt-get install -y slowhttptest")
class SlowClientsIT {
    /** Connections each attack opens, and how many a second. */
    static final int CONNECTIONS = 1000;
    static final int RATE = 200;
    /**
     * slowhttptest's run length: it ends earlier once every connection is closed, except the slow
     * reader, which still counts a connection the app has closed until it has read what the kernel
     * buffered (MiBs at 6 B/s), so that run always takes this long.
     */
    static final int SECONDS = 60;
    static final double P99_BOUND_MS = 2000;
    /** Descriptors over the pre-attack count that still count as "back to baseline". */
    static final int FD_SLACK = 20;
    /**
     * The slow reader's download: bigger than the kernel's send buffer can take (on loopback it
     * grows to hold a whole 1 MiB response, which leaves the app nothing to wait on).
     */
    static final int BIG_FILE = 8 << 20;
    /** Slow readers: fewer, as each pins up to a few MiB of kernel memory (tcp_wmem) for the run. */
    static final int SLOW_READERS = 200;
    static final Path OUT = Path.of("target/tools").toAbsolutePath();

    @TempDir
    static Path tmp;
    static JarApp app;
    static Path slowhttptest;
    /** The app's warnings printed so far, so that each attack prints its own. */
    static int warningsSeen;

    @BeforeAll
    static void start() throws Exception {
        slowhttptest = Programs.require("slowhttptest");
        Files.createDirectories(OUT);
        // The shipped web root, plus an 8 MiB file for the slow reader, as a real site's videos and
        // archives are.
        Path root = tmp.resolve("root");
        try (Stream<Path> files = Files.walk(JarApp.REPO.resolve("resources"))) {
            for (Path f : files.toList()) {
                Path to = root.resolve(JarApp.REPO.resolve("resources").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        byte[] big = new byte[BIG_FILE];
        new Random(17).nextBytes(big);
        Files.write(root.resolve("big.bin"), big);
        app = JarApp.start(tmp, "--root", root.toString());
        warningsSeen = app.logLines(" WARN ").size(); // start-up's own (the demo account)
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void slowlorisEndsAtTheHeadTimeout() throws Exception {
        // A header line every 10 s: never a stall long enough for a stall timeout, never a head.
        // Each ends at its 20 s head timeout.
        attack("slowloris", List.of("-H", "-i", "10"), "/", CONNECTIONS).assertHeldAtMost(28);
    }

    @Test
    void slowBodyEndsAtTheMinimumRequestRate() throws Exception {
        // An 8 KiB JSON body to the login API, up to 10 bytes every 2 s: about 4 B/s, far under
        // 256 B/s, but never a 30 s stall for the body timeout. Each ends after the rate's 10 s window.
        attack("slow-body", List.of("-B", "-i", "2", "-x", "10", "-s", "8192", "-t", "POST", "-f", "application/json"),
                "/api/login", CONNECTIONS).assertHeldAtMost(20);
    }

    @Test
    void slowReadEndsAtTheWriteTimeout() throws Exception {
        // A 512 B..1 KiB receive window, 32 bytes read every 5 s: about 6 B/s. The app's write
        // blocks once the kernel's send buffer is full, and Linux wakes a blocked writer only when
        // half that buffer (MiBs on loopback) has drained, so the server sees no progress to
        // measure a rate on: a reader this slow is cut by the 30 s write timeout (with a reset, so
        // the kernel drops what it still queues) — once, not "as long as the client likes".
        attack("slow-read", List.of("-X", "-w", "512", "-y", "1024", "-n", "5", "-z", "32", "-k", "1"), "/big.bin",
                SLOW_READERS).assertHeldAtMost(40);
    }

    @Test
    void rangeFloodIsAnsweredWithoutAmplification() throws Exception {
        // Apache Killer: HEAD requests whose Range lists ~3,000 overlapping ranges.
        attack("range", List.of("-R", "-a", "10", "-b", "3000"), "/big.bin", CONNECTIONS);

        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            // The attack's own header: 0-, then 5-0, 5-1, ... (mostly invalid, far too many): the whole file.
            String killer = "bytes=0-," + IntStream.range(0, 500).mapToObj(i -> "5-" + i).collect(Collectors.joining(","));
            HttpResponse<byte[]> whole = get(client, "/big.bin", killer);
            assertEquals(200, whole.statusCode(), "an unusable Range is ignored");
            assertEquals(BIG_FILE, whole.body().length);
            // 50 valid overlapping ranges are merged into one part, not 50 copies of it.
            String overlapping = IntStream.range(0, 50).mapToObj(i -> i + "-" + (i + 1000)).collect(Collectors.joining(",", "bytes=", ""));
            HttpResponse<byte[]> merged = get(client, "/big.bin", overlapping);
            assertEquals(206, merged.statusCode());
            assertEquals("bytes 0-1049/" + BIG_FILE, merged.headers().firstValue("Content-Range").orElse(null));
            assertEquals(1050, merged.body().length);
            // And a plain Range on a shipped file works.
            HttpResponse<byte[]> part = get(client, "/js/api.js", "bytes=0-99");
            assertEquals(206, part.statusCode());
            assertEquals(100, part.body().length);
        }
    }

    /**
     * Runs one slowhttptest attack against {@code path} with the normal client alongside; asserts
     * what holds for every mode (the client served, the app alive, descriptors back) and returns
     * the connection states for the mode's own assertions.
     */
    private Attack attack(String name, List<String> mode, String path, int connections) throws Exception {
        Path prefix = OUT.resolve("slowhttptest-" + name);
        List<String> command = new ArrayList<>(List.of(slowhttptest.toString()));
        command.addAll(mode);
        command.addAll(List.of("-c", String.valueOf(connections), "-r", String.valueOf(RATE), "-l", String.valueOf(SECONDS),
                "-p", "5", "-g", "-o", prefix.toString(), "-u", app.uri(path).toString()));
        Tool tool;
        NormalClient.Stats during;
        DescriptorTrace descriptors = DescriptorTrace.start(app);
        try (descriptors; NormalClient client = NormalClient.start(app.uri("/css/app.css"), app.uri("/api/health"))) {
            tool = Tool.run(command, tmp, OUT.resolve("slowhttptest-" + name + ".txt"), SECONDS + 60);
            client.close();
            during = client.stats();
        }
        SlowRun run = SlowRun.parse(Path.of(prefix + ".csv"), tool.output());
        long afterStart = System.nanoTime();
        int baseline = descriptors.baseline();
        int after = app.awaitDescriptorsAtMost(baseline + FD_SLACK, 30_000);
        long afterMs = (System.nanoTime() - afterStart) / 1_000_000;
        System.out.println(name + ": slowhttptest saw " + run.summary());
        System.out.println(name + ": " + descriptors.summary());
        System.out.println(name + ": normal client during the attack: " + during);
        System.out.println(name + ": app descriptors " + baseline + " before, " + after + " " + afterMs
                + " ms after slowhttptest ended (slowhttptest took " + tool.millis() + " ms, exit " + tool.exitStatus() + ")");

        assertEquals(0, tool.exitStatus(), () -> "slowhttptest failed:\n" + Tool.tail(tool.output(), 3000));
        // What the app logged about it (a closed slow client is logged at WARN, rate-limited).
        app.logLines(" WARN ").stream().skip(warningsSeen).limit(5).forEach(l -> System.out.println(name + ": app> " + l));
        warningsSeen = app.logLines(" WARN ").size();
        assertTrue(app.isAlive(), "the app survived " + name + "; its errors: " + app.logLines(" ERROR "));
        assertTrue(during.requests() >= 10, name + ": the normal client ran: " + during);
        assertTrue(during.errors().size() <= during.requests() / 100, name + ": the normal client was served: " + during
                + " " + during.errors().stream().limit(10).toList());
        assertTrue(during.p99Ms() < P99_BOUND_MS, name + ": the normal client's p99 stayed under " + P99_BOUND_MS + " ms: " + during);
        assertTrue(after <= baseline + FD_SLACK, name + ": descriptors back near " + baseline + " within 30 s, still " + after);
        return new Attack(name, connections, run, descriptors);
    }

    /** One attack's connection states, as slowhttptest saw them and as the app's descriptors show them. */
    record Attack(String name, int connections, SlowRun run, DescriptorTrace descriptors) {
        /**
         * The attack held its connections (at least 90% connected at once), and the app let them
         * go at most {@code seconds} after it held them all, before slowhttptest gave up: the
         * app's descriptors fell back to a tenth of their peak over the baseline. From the peak,
         * because the last connections opened then, and their limit runs from their own start.
         */
        void assertHeldAtMost(double seconds) {
            assertTrue(run.peak() >= connections * 9 / 10, name + ": the attack held its connections at all: " + run.summary());
            double released = descriptors.releasedAt();
            assertTrue(released >= 0 && released - descriptors.peakAt() <= seconds, name + ": the app let the slow connections go "
                    + seconds + " s after it held them all: " + descriptors.summary() + "; slowhttptest saw " + run.summary());
        }
    }

    private static HttpResponse<byte[]> get(HttpClient client, String path, String range) throws Exception {
        URI uri = app.uri(path);
        return client.send(HttpRequest.newBuilder(uri).header("Range", range).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
