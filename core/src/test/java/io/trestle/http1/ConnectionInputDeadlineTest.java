package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Deadlines and read timeouts: a head must arrive within its deadline however the client spreads
 * its bytes. Time bounds here are generous (seconds) on purpose; the assertions are about what
 * was read and thrown.
 */
class ConnectionInputDeadlineTest {
    private static final long GENEROUS_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Test
    void slowlorisHitsTheHeadDeadline() {
        slowlorisIsStoppedBy(in -> in.deadline(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200)));
    }

    @Test
    void slowlorisHitsADeadlineAfterToo() {
        slowlorisIsStoppedBy(in -> in.deadlineAfter(TimeUnit.MILLISECONDS.toNanos(200)));
    }

    private static void slowlorisIsStoppedBy(java.util.function.Consumer<ConnectionInput> deadline) {
        byte[] head = ("GET / HTTP/1.1\r\nHost: h\r\nX-Slow: " + "z".repeat(200) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        TrickleInputStream slow = TrickleInputStream.slow(head, 20);
        ConnectionInput in = new ConnectionInput(slow, 64, null);
        long start = System.nanoTime();
        deadline.accept(in);
        assertThrows(SocketTimeoutException.class, () -> new RequestHeadParser(Limits.DEFAULTS).parse(in));
        assertTrue(System.nanoTime() - start < GENEROUS_NANOS);
        // Each byte came quickly enough for a per-read timeout; only the deadline stopped it.
        assertTrue(slow.reads() < head.length, "read " + slow.reads() + " of " + head.length + " bytes");
    }

    @Test
    void deadlineInThePastFailsTheNextBlockingReadButNotBufferedOnes() throws IOException {
        ConnectionInput in = new ConnectionInput(TrickleInputStream.whole("abc"), 8, null);
        assertTrue(in.awaitData());
        in.deadline(System.nanoTime() - 1);
        assertEquals('a', in.read());
        assertEquals(2, in.skip(5));
        assertThrows(SocketTimeoutException.class, in::read);
        in.deadline(0);
        assertEquals(-1, in.read());
    }

    @Test
    void aDeadlineAfterStartsAtTheFirstReadThatWaits() throws Exception {
        ConnectionInput in = new ConnectionInput(TrickleInputStream.whole("abc"), 8, null);
        assertTrue(in.awaitData());
        in.deadlineAfter(1);
        Thread.sleep(5); // long past a deadline counted from now
        assertEquals('a', in.read());
        assertEquals(2, in.skip(5));
        assertEquals(-1, in.read(), "the first read that waits starts the clock, and may go ahead");
        assertThrows(SocketTimeoutException.class, in::read, "the next one is past the deadline");
        assertThrows(IllegalArgumentException.class, () -> in.deadlineAfter(0));
    }

    /** What {@link ConnectionInput} tells its guard before and after each read that may block. */
    private static final class RecordingGuard implements ReadGuard {
        final List<String> calls = new ArrayList<>();

        @Override
        public void beforeRead(long deadlineNanos, int timeoutMillis) {
            calls.add(deadlineNanos == 0 ? "timeout " + timeoutMillis : "deadline");
        }

        @Override
        public int afterRead(int n) {
            calls.add("read " + n);
            return n;
        }
    }

    @Test
    void theGuardSeesEachBlockingReadButNoBufferedOne() throws IOException {
        RecordingGuard guard = new RecordingGuard();
        ConnectionInput in = new ConnectionInput(TrickleInputStream.oneByteReads("abc"), 8, guard);
        in.readTimeout(1234);
        assertTrue(in.awaitData());
        assertEquals('a', in.read()); // buffered by awaitData: no read
        in.deadline(System.nanoTime() + GENEROUS_NANOS);
        assertEquals('b', in.read());
        in.deadline(0);
        in.readTimeout(0);
        assertEquals('c', in.read());
        assertEquals(-1, in.read());
        assertEquals(List.of("timeout 1234", "read 1", "deadline", "read 1", "timeout 0", "read 1", "timeout 0", "read -1"),
                guard.calls);
    }

    @Test
    void theSweeperEndsABlockedSocketReadAtItsDeadline() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            OutputStream out = client.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: h\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // ... and then nothing: the read blocks until the sweeper ends it.
            WatchedReads watched = new WatchedReads(accepted);
            Thread sweeper = Thread.ofVirtual().start(() -> {
                while (!watched.expired() && !Thread.currentThread().isInterrupted()) {
                    watched.expire(System.nanoTime());
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            try {
                ConnectionInput in = new ConnectionInput(accepted.getInputStream(), 64, watched);
                in.readTimeout((int) Duration.ofMinutes(5).toMillis());
                long start = System.nanoTime();
                in.deadline(start + TimeUnit.MILLISECONDS.toNanos(300));
                assertThrows(SocketTimeoutException.class, () -> new RequestHeadParser(Limits.DEFAULTS).parse(in));
                long took = System.nanoTime() - start;
                assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(300) && took < GENEROUS_NANOS, took + " ns");
                assertTrue(watched.expired());
            } finally {
                sweeper.interrupt();
                sweeper.join();
            }
        }
    }
}
