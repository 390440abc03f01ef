package io.trestle.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import io.trestle.http1.Limits;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand keep-alive connections open at once over loopback, each making requests, and
 * afterwards nothing left behind: descriptors, platform threads and heap back near the start.
 */
class ConnectionLoadTest {
    private static final int WANTED = 10_000;
    /** Connections opened before the test waits for their first answers: well below the backlog of 1024. */
    private static final int WAVE = 500;
    private static final int REQUESTS_PER_CONNECTION = 3;

    @Test
    void tenThousandConcurrentKeepAliveConnectionsAreAllAnsweredAndLeaveNothingBehind() throws Exception {
        int n = DescriptorBudget.connections(WANTED);
        assertTrue(n >= 1000, "too few descriptors for a load test: room for " + n + " connections");
        Resources before = Resources.now();
        // The clients pace the test, not the server: a slow CI machine may need longer than the
        // default head and idle timeouts between waves, and this test is about capacity.
        Limits limits = Limits.DEFAULTS.withMaxConnections(WANTED)
                .withHeadTimeout(Duration.ofSeconds(60)).withIdleTimeout(Duration.ofSeconds(120));
        Server server = Server.builder().host("127.0.0.1").port(0).limits(limits).accessLog(false)
                .routes(r -> r.get("/c/{conn}/{n}", (req, res) -> res.text(req.pathParam("conn") + ":" + req.pathParam("n"))))
                .build().start();
        List<RawConnection> clients = new ArrayList<>(n);
        Tally tally = new Tally();
        long start = System.nanoTime();
        int held;
        Resources whileHeld;
        boolean drained;
        try {
            try {
                for (int from = 0; from < n; from += WAVE) {
                    int to = Math.min(n, from + WAVE);
                    for (int i = from; i < to; i++) {
                        clients.add(RawConnection.open("127.0.0.1", server.port()));
                    }
                    exchange(clients, from, to, 0, 1, tally);
                }
                held = server.openConnections();
                whileHeld = Resources.now();
                exchange(clients, 0, n, 1, REQUESTS_PER_CONNECTION, tally);
            } finally {
                Connections.closeAll(clients);
                clients.clear(); // their read buffers would otherwise count as the server's heap
            }
            drained = Connections.awaitOpenConnections(server, 0, 30);
        } finally {
            server.close();
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        Resources after = Resources.awaitSettled(r -> r.descriptors() <= before.descriptors() + 50
                && r.threads() <= before.threads() + 16, 30);

        System.out.println("[hardening] load: " + held + " keep-alive connections held at once, "
                + (tally.oks() + tally.errors()) + " requests made, " + tally.errors() + " errors, in " + elapsedMillis + " ms");
        System.out.println("[hardening] load: descriptors " + before.descriptors() + " before, " + whileHeld.descriptors()
                + " while held, " + after.descriptors() + " after; platform threads " + before.threads() + " -> "
                + whileHeld.threads() + " -> " + after.threads() + "; heap " + (before.heapBytes() >> 20) + " -> "
                + (whileHeld.heapBytes() >> 20) + " (server and clients) -> " + (after.heapBytes() >> 20) + " MiB");

        assertEquals(0, tally.errors(), "failed exchanges, first: " + tally.firstErrors());
        assertEquals(n * REQUESTS_PER_CONNECTION, tally.oks());
        assertEquals(n, held, "connections the server held at once");
        assertTrue(drained, "server connections left open after the clients closed: " + server.openConnections());
        assertTrue(after.descriptors() <= before.descriptors() + 50, "descriptors: " + before.describe() + " -> " + after.describe());
        assertTrue(after.threads() <= before.threads() + 16, "platform threads: " + before.describe() + " -> " + after.describe());
        assertTrue(after.heapBytes() <= before.heapBytes() + (64L << 20), "heap: " + before.describe() + " -> " + after.describe());
    }

    /** Every connection in {@code [from, to)} makes requests {@code first..last-1} in turn, all connections at once. */
    private static void exchange(List<RawConnection> clients, int from, int to, int first, int last, Tally tally) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = from; i < to; i++) {
                RawConnection c = clients.get(i);
                int id = i;
                threads.execute(() -> {
                    for (int r = first; r < last; r++) {
                        request(c, id, r, tally);
                    }
                });
            }
        }
    }

    private static void request(RawConnection c, int id, int r, Tally tally) {
        String expected = id + ":" + r;
        try {
            c.send("GET /c/" + id + "/" + r + " HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse res = c.readResponse();
            if (res.status() == 200 && expected.equals(res.bodyText()) && res.header("Connection") == null) {
                tally.ok();
            } else {
                tally.error("connection " + id + " request " + r + ": " + res.statusLine() + " " + res.bodyText());
            }
        } catch (IOException | RuntimeException e) {
            tally.error("connection " + id + " request " + r + ": " + e);
        }
    }
}
