package io.trestle.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand keep-alive connections open at once over loopback, each making requests, and
 * afterwards nothing left behind: descriptors, platform threads and heap back near the start.
 *
 * <p>The clients run in a JVM of their own ({@link LoadClientMain}): with both ends of every
 * connection in one JVM, an open-file limit of 20,000 holds fewer than 10,000 connections. Here
 * this JVM is the server alone, so its descriptors, threads and heap are the server's.
 */
class ConnectionLoadTest {
    private static final int WANTED = 10_000;
    /** Connections opened before the client waits for their first answers: well below the backlog of 1024. */
    private static final int WAVE = 500;
    private static final int REQUESTS_PER_CONNECTION = 3;
    /** How long the client may take in all, on a busy machine; the client gives up a little sooner. */
    private static final int DEADLINE_SECONDS = 90;
    private static final Pattern HELD = Pattern.compile("HELD (\\d+) descriptors=(-?\\d+)");
    private static final Pattern SUMMARY = Pattern.compile(
            "SUMMARY held=(\\d+) requests=(\\d+) ok=(\\d+) errors=(\\d+) outcome=(.*?) first=(.*)");
    /** Put on the queue of the client's lines once its output ends. */
    private static final String END = new String("end of the client's output");

    @Test
    void tenThousandConcurrentKeepAliveConnectionsAreAllAnsweredAndLeaveNothingBehind() throws Exception {
        int n = DescriptorBudget.connections(WANTED);
        assertTrue(n >= 1000, "too few descriptors for a load test: room for " + n + " connections");
        Resources before = Resources.now();
        // The clients pace the test, not the server: a slow CI machine may need longer than the
        // default head and idle timeouts between waves, and this test is about capacity.
        Server server = Server.builder().host("127.0.0.1").port(0).accessLog(false)
                .maxConnections(WANTED).headTimeout(Duration.ofSeconds(60)).idleTimeout(Duration.ofSeconds(120))
                .routes(r -> r.get("/c/{conn}/{n}", (req, res) -> res.text(req.pathParam("conn") + ":" + req.pathParam("n"))))
                .build().start();
        long start = System.nanoTime();
        long deadline = start + DEADLINE_SECONDS * 1_000_000_000L;
        Process client = null;
        Deque<String> output = new ArrayDeque<>(); // the client's last lines, for a failure message
        int held;
        Resources whileHeld;
        Matcher heldLine;
        Matcher summary;
        int exit;
        boolean drained;
        try {
            try {
                client = startClient(server.port(), n);
                BlockingQueue<String> lines = readLines(client, output);
                heldLine = awaitLine(lines, HELD, deadline, output);
                held = server.openConnections();
                whileHeld = Resources.now();
                OutputStream go = client.getOutputStream();
                go.write("GO\n".getBytes(StandardCharsets.US_ASCII));
                go.flush();
                summary = awaitLine(lines, SUMMARY, deadline, output);
                assertTrue(client.waitFor(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS),
                        "the client process did not exit: " + snapshot(output));
                exit = client.exitValue();
            } finally {
                if (client != null) {
                    client.destroyForcibly();
                    client.waitFor(10, TimeUnit.SECONDS);
                    closeQuietly(client.getOutputStream());
                    closeQuietly(client.getInputStream());
                }
            }
            drained = Connections.awaitOpenConnections(server, 0, 30);
        } finally {
            server.close();
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        Resources after = Resources.awaitSettled(r -> r.descriptors() <= before.descriptors() + 50
                && r.threads() <= before.threads() + 16, 30);

        int clientHeld = Integer.parseInt(summary.group(1));
        int requests = Integer.parseInt(summary.group(2));
        int oks = Integer.parseInt(summary.group(3));
        int errors = Integer.parseInt(summary.group(4));
        System.out.println("[hardening] load: " + held + " keep-alive connections held at once by the server ("
                + clientHeld + " by the client process, " + heldLine.group(2) + " descriptors there), " + requests
                + " requests made, " + oks + " answered correctly, " + errors + " errors, in " + elapsedMillis + " ms");
        System.out.println("[hardening] load: server descriptors " + before.descriptors() + " before, " + whileHeld.descriptors()
                + " while held, " + after.descriptors() + " after; platform threads " + before.threads() + " -> "
                + whileHeld.threads() + " -> " + after.threads() + "; heap " + (before.heapBytes() >> 20) + " -> "
                + (whileHeld.heapBytes() >> 20) + " -> " + (after.heapBytes() >> 20) + " MiB");

        assertEquals(0, errors, "failed exchanges, first: " + summary.group(6));
        assertEquals(0, exit, "client exit status; its last lines: " + snapshot(output));
        assertEquals(n, clientHeld, "connections the client held at once");
        assertEquals(n, held, "connections the server held at once");
        assertEquals(n * REQUESTS_PER_CONNECTION, requests, "requests made");
        assertEquals(n * REQUESTS_PER_CONNECTION, oks, "requests answered correctly");
        assertTrue(drained, "server connections left open after the clients closed: " + server.openConnections());
        assertTrue(after.descriptors() <= before.descriptors() + 50, "descriptors: " + before.describe() + " -> " + after.describe());
        assertTrue(after.threads() <= before.threads() + 16, "platform threads: " + before.describe() + " -> " + after.describe());
        assertTrue(after.heapBytes() <= before.heapBytes() + (64L << 20), "heap: " + before.describe() + " -> " + after.describe());
    }

    /** {@link LoadClientMain} in a new JVM: the same {@code java} and class path as this one. */
    private static Process startClient(int port, int n) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx1g", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), LoadClientMain.class.getName(),
                "127.0.0.1", Integer.toString(port), Integer.toString(n), Integer.toString(REQUESTS_PER_CONNECTION),
                Integer.toString(WAVE), Integer.toString(DEADLINE_SECONDS - 5));
        // One stream for both: a stack trace on stderr shows up in the failure message.
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * The client's lines, as they come, read on a virtual thread that ends when the process does;
     * the last 20 are kept in {@code output}.
     */
    private static BlockingQueue<String> readLines(Process client, Deque<String> output) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().name("load-client-output").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (output) {
                        output.addLast(line);
                        if (output.size() > 20) {
                            output.removeFirst();
                        }
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process was destroyed: its lines so far are all there is
            } finally {
                lines.add(END);
            }
        });
        return lines;
    }

    /** The first line matching {@code pattern}, skipping (and printing) others; fails past the deadline. */
    private static Matcher awaitLine(BlockingQueue<String> lines, Pattern pattern, long deadline, Deque<String> output)
            throws InterruptedException {
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertNotNull(line, "no " + pattern + " line from the client in time; its last lines: " + snapshot(output));
            assertTrue(line != END, "the client's output ended before a " + pattern + " line; its last lines: " + snapshot(output));
            Matcher m = pattern.matcher(line);
            if (m.matches()) {
                return m;
            }
            assertTrue(!line.startsWith("SUMMARY"), "the client stopped early: " + line);
            System.out.println("[hardening] load client: " + line);
        }
    }

    private static void closeQuietly(Closeable stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // a pipe to a process that is gone
        }
    }

    private static String snapshot(Deque<String> output) {
        synchronized (output) {
            return output.toString();
        }
    }
}
