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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * slowhttptest's four attacks on the packaged app over plain HTTP, each bounded to 40 s, with a
 * {@link NormalClient} measured alongside. Slowloris (a head trickled a header every 10 s) must end
 * at the head timeout (20 s); a body trickled at a few bytes a second and a download read 32 bytes
 * every 5 s must end at the minimum data rates (256 B/s averaged over 10 s); a flood of
 * overlapping {@code Range} headers (Apache Killer) must be answered without amplification. In
 * each, the normal client keeps being served (no errors, p99 under 2 s), and after the attack the
 * app's descriptors come back to where they were.
 *
 * <p>The CSV and HTML of each run (connection states per second) are kept in {@code target/tools}.
 */
@RequiresProgram(value = "slowhttptest", install = "apt-get install -y slowhttptest")
class SlowClientsIT {
    /** Connections each attack opens, and how many a second. */
    static final int CONNECTIONS = 1000;
    static final int RATE = 200;
    /** slowhttptest's run length; it also ends earlier once the server has closed every connection. */
    static final int SECONDS = 40;
    /** By when (in seconds of the run) the server must have let the slow connections go. */
    static final int RELEASED_BY = 32;
    static final double P99_BOUND_MS = 2000;
    /** Descriptors over the pre-attack count that still count as "back to baseline". */
    static final int FD_SLACK = 20;
    static final int BIG_FILE = 1 << 20;
    static final Path OUT = Path.of("target/tools").toAbsolutePath();

    @TempDir
    static Path tmp;
    static JarApp app;
    static Path slowhttptest;

    @BeforeAll
    static void start() throws Exception {
        slowhttptest = Programs.require("slowhttptest");
        Files.createDirectories(OUT);
        // The shipped web root, plus a 1 MiB file: a download bigger than the socket buffers, for
        // the slow reader to hold, as a real site's images and archives are.
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
        SlowRun run = attack("slowloris", List.of("-H", "-i", "10"), "/");
        assertReleased("slowloris", run);
    }

    @Test
    void slowBodyEndsAtTheMinimumRequestRate() throws Exception {
        // An 8 KiB JSON body to the login API, up to 10 bytes every 2 s: about 4 B/s, far under 256 B/s.
        SlowRun run = attack("slow-body", List.of("-B", "-i", "2", "-x", "10", "-s", "8192", "-t", "POST",
                "-f", "application/json"), "/api/login");
        assertReleased("slow-body", run);
    }

    @Test
    void slowReadEndsAtTheMinimumResponseRate() throws Exception {
        // A 512 B..1 KiB receive window, 32 bytes read every 5 s: about 6 B/s of a 1 MiB download.
        SlowRun run = attack("slow-read", List.of("-X", "-w", "512", "-y", "1024", "-n", "5", "-z", "32", "-k", "1"),
                "/big.bin");
        assertReleased("slow-read", run);
    }

    @Test
    void rangeFloodIsAnsweredWithoutAmplification() throws Exception {
        // Apache Killer: HEAD requests whose Range lists ~3,000 overlapping ranges.
        SlowRun run = attack("range", List.of("-R", "-a", "10", "-b", "3000"), "/big.bin");
        System.out.println("range: " + run.summary());

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
    private SlowRun attack(String name, List<String> mode, String path) throws Exception {
        int baseline = app.openDescriptors();
        Path prefix = OUT.resolve("slowhttptest-" + name);
        List<String> command = new ArrayList<>(List.of(slowhttptest.toString()));
        command.addAll(mode);
        command.addAll(List.of("-c", String.valueOf(CONNECTIONS), "-r", String.valueOf(RATE), "-l", String.valueOf(SECONDS),
                "-p", "5", "-g", "-o", prefix.toString(), "-u", app.uri(path).toString()));
        Tool tool;
        NormalClient.Stats during;
        // The server's side of what the attack holds: the app's descriptors, sampled twice a second.
        AtomicInteger peakDescriptors = new AtomicInteger(baseline);
        AtomicBoolean attacking = new AtomicBoolean(true);
        Thread sampler = Thread.ofVirtual().name("fd-sampler").start(() -> {
            while (attacking.get() && app.isAlive()) {
                peakDescriptors.accumulateAndGet(app.openDescriptors(), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try (NormalClient client = NormalClient.start(app.uri("/css/app.css"), app.uri("/api/health"))) {
            tool = Tool.run(command, tmp, OUT.resolve("slowhttptest-" + name + ".txt"), SECONDS + 60);
            client.close();
            during = client.stats();
        } finally {
            attacking.set(false);
            sampler.join(5_000);
        }
        SlowRun run = SlowRun.parse(Path.of(prefix + ".csv"), tool.output());
        long releaseStart = System.nanoTime();
        int after = app.awaitDescriptorsAtMost(baseline + FD_SLACK, 30_000);
        long releaseMs = (System.nanoTime() - releaseStart) / 1_000_000;
        System.out.println(name + ": " + run.summary());
        System.out.println(name + ": normal client during the attack: " + during);
        System.out.println(name + ": app descriptors " + baseline + " before, at most " + peakDescriptors.get()
                + " during, " + after + " " + releaseMs
                + " ms after slowhttptest ended (slowhttptest took " + tool.millis() + " ms, exit " + tool.exitStatus() + ")");

        assertEquals(0, tool.exitStatus(), () -> "slowhttptest failed:\n" + Tool.tail(tool.output(), 3000));
        assertTrue(app.isAlive(), "the app survived " + name);
        assertTrue(during.requests() >= 10, name + ": the normal client ran: " + during);
        assertTrue(during.errors().size() <= during.requests() / 100, name + ": the normal client was served: " + during
                + " " + during.errors().stream().limit(10).toList());
        assertTrue(during.p99Ms() < P99_BOUND_MS, name + ": the normal client's p99 stayed under " + P99_BOUND_MS + " ms: " + during);
        assertTrue(after <= baseline + FD_SLACK, name + ": descriptors back near " + baseline + " within 30 s, still " + after);
        return run;
    }

    private static void assertReleased(String name, SlowRun run) {
        assertTrue(run.peak() >= CONNECTIONS * 9 / 10, name + ": the attack held its connections at all: " + run.summary());
        assertTrue(run.releasedAt() >= 0 && run.releasedAt() <= RELEASED_BY,
                name + ": the server let the slow connections go by second " + RELEASED_BY + ": " + run.summary());
    }

    private static HttpResponse<byte[]> get(HttpClient client, String path, String range) throws Exception {
        URI uri = app.uri(path);
        return client.send(HttpRequest.newBuilder(uri).header("Range", range).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
