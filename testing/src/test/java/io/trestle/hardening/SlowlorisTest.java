package io.trestle.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Slowloris: hundreds of clients trickle a request head one byte a second. The head timeout
 * closes each of them, whatever they send, while a normal client keeps getting quick answers.
 */
class SlowlorisTest {
    private static final int SLOW_CLIENTS = 500;
    private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(3);
    private static final int TRICKLE_MILLIS = 1000;
    /** A slow client still open this long after connecting has not been closed at the head timeout. */
    private static final long GIVE_UP_MILLIS = 15_000;
    private static final byte[] HEAD = "GET /a HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);

    /** How one slow client ended: {@code how} is 408, closed, reset or open; {@code millis} after connecting. */
    private record Ending(String how, long millis) {
    }

    @Test
    void fiveHundredTricklingClientsAreClosedAtTheHeadTimeoutWithoutSlowingOthers() throws Exception {
        Server.Builder builder = Server.builder().accessLog(false).headTimeout(HEAD_TIMEOUT)
                .routes(r -> r.get("/a", (req, res) -> res.text("A")));
        try (TrestleTest t = TrestleTest.start(builder);
             ExecutorService slow = Executors.newVirtualThreadPerTaskExecutor();
             RawConnection keptAlive = t.connect()) {
            List<Future<Ending>> endings = new ArrayList<>(SLOW_CLIENTS);
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                long startDelay = i * 2L; // spread over a second, so the trickles do not arrive in lockstep
                endings.add(slow.submit(() -> trickle(t.port(), startDelay)));
            }
            Latencies others = new Latencies();
            int peakOpen = 0;
            int wrongAnswers = 0;
            long start = System.nanoTime();
            while (!allDone(endings) && System.nanoTime() - start < GIVE_UP_MILLIS * 2_000_000) {
                // Alternate a kept-alive connection with new ones: the acceptor must keep up too.
                boolean fresh = others.count() % 2 == 1;
                long begin = System.nanoTime();
                RawResponse res = fresh ? getOnNewConnection(t) : Connections.get(keptAlive, "/a");
                others.record(System.nanoTime() - begin);
                wrongAnswers += res.status() == 200 && "A".equals(res.bodyText()) ? 0 : 1;
                peakOpen = Math.max(peakOpen, t.server().openConnections());
                Thread.sleep(5);
            }
            Map<String, Integer> byKind = new TreeMap<>();
            long slowestClose = 0;
            long fastestClose = Long.MAX_VALUE;
            for (Future<Ending> f : endings) {
                Ending e = f.get();
                byKind.merge(e.how(), 1, Integer::sum);
                slowestClose = Math.max(slowestClose, e.millis());
                fastestClose = Math.min(fastestClose, e.millis());
            }
            System.out.println("[hardening] slowloris: " + SLOW_CLIENTS + " clients trickling a byte every "
                    + TRICKLE_MILLIS + " ms, head timeout " + HEAD_TIMEOUT.toMillis() + " ms, server held up to " + peakOpen
                    + " connections; endings " + byKind + ", closed " + fastestClose + "-" + slowestClose + " ms after connecting");
            System.out.println("[hardening] slowloris: the others meanwhile: " + others.describe() + ", " + wrongAnswers + " wrong answers");

            assertEquals(0, byKind.getOrDefault("open", 0), "slow clients never closed: " + byKind);
            assertTrue(fastestClose >= HEAD_TIMEOUT.toMillis() - 100, "closed before the head timeout: " + fastestClose + " ms");
            assertTrue(slowestClose <= HEAD_TIMEOUT.toMillis() + 7_000, "closed late: " + slowestClose + " ms");
            assertTrue(peakOpen > SLOW_CLIENTS / 2, "the slow clients were not held at once: " + peakOpen);
            assertEquals(0, wrongAnswers);
            assertTrue(others.count() >= 20, "too few requests from the others: " + others.count());
            assertTrue(others.percentileMillis(99) < 1000, others.describe());
            assertTrue(Connections.awaitOpenConnections(t.server(), 1, 10), "left open: " + t.server().openConnections());
        }
    }

    /** Sends a head one byte per {@link #TRICKLE_MILLIS}, the waits being reads that notice the server's answer or close. */
    private static Ending trickle(int port, long startDelay) throws InterruptedException {
        Thread.sleep(startDelay);
        long connected = System.nanoTime();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(TRICKLE_MILLIS);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            for (int i = 0; millisSince(connected) < GIVE_UP_MILLIS; i++) {
                try {
                    out.write(i < HEAD.length ? HEAD[i] : 'a');
                } catch (IOException e) {
                    return new Ending("reset", millisSince(connected));
                }
                try {
                    int b = in.read();
                    if (b < 0) {
                        return new Ending("closed", millisSince(connected));
                    }
                    long at = millisSince(connected);
                    String answer = (char) b + new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    return new Ending(answer.startsWith("HTTP/1.1 408 ") ? "408" : "unexpected " + answer, at);
                } catch (SocketTimeoutException stillOpen) {
                    // the trickle goes on
                } catch (IOException e) {
                    return new Ending("reset", millisSince(connected));
                }
            }
            return new Ending("open", millisSince(connected));
        } catch (IOException e) {
            return new Ending("connect failed: " + e, millisSince(connected));
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static boolean allDone(List<Future<Ending>> futures) {
        for (Future<Ending> f : futures) {
            if (!f.isDone()) {
                return false;
            }
        }
        return true;
    }

    private static RawResponse getOnNewConnection(TrestleTest t) throws IOException {
        try (RawConnection c = t.connect()) {
            return Connections.get(c, "/a");
        }
    }
}
