package io.trestle.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The connection cap under a flood ten times beyond it: every extra client gets a 503 and a
 * closed socket, the server never holds more than the cap, and the held connections keep working.
 */
class ConnectionCapFloodTest {
    private static final int CAP = 100;
    private static final int FLOOD = 1000;
    private static final int WAVE = 250;

    @ParameterizedTest(name = "flood clients send a request first: {0}")
    @ValueSource(booleans = {false, true})
    void floodBeyondTheCapGets503sAndNoGrowth(boolean sendFirst) throws Exception {
        Server.Builder builder = Server.builder().accessLog(false).maxConnections(CAP)
                .routes(r -> r.get("/a", (req, res) -> res.text("A")));
        List<RawConnection> held = new ArrayList<>(CAP);
        try (TrestleTest t = TrestleTest.start(builder)) {
            for (int i = 0; i < CAP; i++) {
                RawConnection c = t.connect();
                held.add(c);
                assertEquals("A", Connections.get(c, "/a").bodyText());
            }
            assertEquals(CAP, t.server().openConnections());
            int descriptorsBefore = Resources.openDescriptors();

            Tally tally = new Tally();
            AtomicInteger peak = new AtomicInteger();
            AtomicBoolean flooding = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().start(() -> {
                while (flooding.get()) {
                    peak.accumulateAndGet(t.server().openConnections(), Math::max);
                    LockSupport.parkNanos(200_000); // often enough to see growth, without taking a core from the flood
                }
            });
            long start = System.nanoTime();
            for (int from = 0; from < FLOOD; from += WAVE) {
                try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int i = from; i < Math.min(FLOOD, from + WAVE); i++) {
                        threads.execute(() -> expectRefusal(t, sendFirst, tally));
                    }
                }
            }
            long floodMillis = (System.nanoTime() - start) / 1_000_000;
            flooding.set(false);
            sampler.join();
            int descriptorsAfter = Resources.awaitSettled(r -> r.descriptors() <= descriptorsBefore + 50, 10).descriptors();

            int stillServed = 0;
            for (RawConnection c : held) {
                stillServed += "A".equals(Connections.get(c, "/a").bodyText()) ? 1 : 0;
            }
            System.out.println("[hardening] flood (request first: " + sendFirst + "): cap " + CAP + ", " + FLOOD
                    + " extra clients in " + floodMillis + " ms: " + tally.oks() + " got 503 + close, " + tally.errors()
                    + " errors; peak open connections " + peak.get() + "; descriptors " + descriptorsBefore + " -> "
                    + descriptorsAfter + "; held connections still served: " + stillServed);

            assertEquals(0, tally.errors(), "first: " + tally.firstErrors());
            assertEquals(FLOOD, tally.oks());
            assertTrue(peak.get() <= CAP, "open connections went to " + peak.get());
            assertEquals(CAP, stillServed);
            assertEquals(CAP, t.server().openConnections());
            assertTrue(descriptorsAfter <= descriptorsBefore + 50, descriptorsBefore + " -> " + descriptorsAfter);
        } finally {
            Connections.closeAll(held);
        }
    }

    private static void expectRefusal(TrestleTest t, boolean sendFirst, Tally tally) {
        try (RawConnection c = t.connect()) {
            if (sendFirst) {
                c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            }
            RawResponse res = c.readResponse();
            if (res.status() == 503 && "close".equals(res.header("Connection")) && c.isClosedByServer(5000)) {
                tally.ok();
            } else {
                tally.error(res.statusLine() + " Connection: " + res.header("Connection"));
            }
        } catch (IOException | RuntimeException e) {
            tally.error(e.toString());
        }
    }
}
