package io.trestle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.trestle.testsupport.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The buffered access-log writer: batching, ordering, waiting for a slow output, failures. */
class BufferedAccessLogWriterTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    private LogCapture logged;

    @BeforeEach
    void capture() {
        logged = LogCapture.of(BufferedAccessLogWriter.class, Level.WARN);
    }

    @AfterEach
    void release() {
        logged.close();
    }

    /** An output that keeps what it was given, counting writes and whether it was closed. */
    private static final class Sink extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger writes = new AtomicInteger();
        volatile boolean closed;

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes.incrementAndGet();
            bytes.write(b, off, len);
        }

        @Override
        public void close() {
            closed = true;
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        /** An output that runs {@code before} (which may block or fail) ahead of each write here. */
        OutputStream after(IoAction before) {
            Sink sink = this;
            return new OutputStream() {
                @Override
                public void write(int b) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    before.run();
                    sink.write(b, off, len);
                }
            };
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void write(BufferedAccessLogWriter w, String line) {
        byte[] b = ("<" + line + ">").getBytes(StandardCharsets.US_ASCII);
        w.write(b, 1, b.length - 2); // an offset and length, as the server's reused buffer has
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void linesArriveWholeInOneWriteWithoutAClose() throws Exception {
        Sink sink = new Sink();
        BufferedAccessLogWriter w = new BufferedAccessLogWriter(sink, "sink", true, 1024, Duration.ofMillis(20));
        try {
            write(w, "first");
            write(w, "second");
            write(w, "third");
            await("the batch", () -> sink.text().equals("first\nsecond\nthird\n"));
            assertTrue(sink.writes.get() <= 2, "one write per batch, not per line: " + sink.writes.get());
            write(w, "after a quiet spell");
            await("the line after a pause", () -> sink.text().endsWith("third\nafter a quiet spell\n"));
        } finally {
            w.close();
        }
    }

    @Test
    void closeWritesWhatIsBufferedAndClosesTheOutputOnlyIfAsked() {
        Sink owned = new Sink();
        BufferedAccessLogWriter w = new BufferedAccessLogWriter(owned, "owned", true, 1024, LONG);
        write(w, "one");
        write(w, "two");
        w.close();
        assertEquals("one\ntwo\n", owned.text(), "written at close, not 30 s later");
        assertTrue(owned.closed);
        write(w, "after close");
        assertEquals("one\ntwo\n", owned.text(), "a closed writer takes no more lines");
        w.close(); // twice is harmless

        Sink shared = new Sink();
        BufferedAccessLogWriter s = new BufferedAccessLogWriter(shared, "standard output", false, 1024, LONG);
        write(s, "line");
        s.close();
        assertEquals("line\n", shared.text());
        assertFalse(shared.closed, "standard output stays open");
    }

    @Test
    void halfABufferWakesTheWriterBeforeTheDelay() throws Exception {
        Sink sink = new Sink();
        BufferedAccessLogWriter w = new BufferedAccessLogWriter(sink, "sink", true, 100, LONG);
        try {
            write(w, "x".repeat(10));  // wakes the idle writer: written at once
            await("the first line", () -> sink.text().length() == 11);
            write(w, "y".repeat(60));  // past half of 100 bytes: written without waiting 30 s
            await("the half-full buffer", () -> sink.text().length() == 72);
        } finally {
            w.close();
        }
    }

    @Test
    void manyThreadsLoseNoLineAndTearNone() throws Exception {
        Sink sink = new Sink();
        int threads = 8;
        int lines = 20_000;
        // Small buffers: the writers fill them far faster than they are swapped, and must wait.
        BufferedAccessLogWriter w = new BufferedAccessLogWriter(sink, "sink", true, 4096, Duration.ofMillis(1));
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            started.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < lines; i++) {
                    write(w, "t" + id + " " + i + " " + "z".repeat(i % 97));
                }
            }));
        }
        for (Thread t : started) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(t.isAlive(), "a writer is stuck");
        }
        w.close();
        String[] out = sink.text().split("\n", -1);
        assertEquals(threads * lines + 1, out.length, "every line once, each with its line end");
        assertEquals("", out[out.length - 1]);
        int[] next = new int[threads];
        for (int k = 0; k < out.length - 1; k++) {
            String[] parts = out[k].split(" ", -1);
            assertEquals(3, parts.length, out[k]);
            int id = Integer.parseInt(parts[0].substring(1));
            int i = Integer.parseInt(parts[1]);
            assertEquals(next[id]++, i, "each thread's lines in the order it wrote them");
            assertEquals("z".repeat(i % 97), parts[2], "a line is never torn");
        }
        assertTrue(w.waits() > 0, "the test meant writers to wait for room; they never did");
    }

    @Test
    void aStalledOutputMakesRequestsWaitAndLosesNothing() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Sink sink = new Sink();
        OutputStream stalled = sink.after(() -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        });
        BufferedAccessLogWriter w = new BufferedAccessLogWriter(stalled, "stalled", true, 64, Duration.ofMillis(1));
        AtomicInteger done = new AtomicInteger();
        Thread producer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 100; i++) {
                write(w, "line " + i);
                done.incrementAndGet();
            }
        });
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        // The writer thread is stuck with one buffer; the producer fills the other and then waits.
        int before = -1;
        for (int stable = 0; stable < 30; stable = done.get() == before ? stable + 1 : 0) {
            before = done.get();
            Thread.sleep(10);
        }
        assertTrue(before < 100, "lines taken while the output was stalled: " + before);
        assertTrue(w.waits() > 0);
        Thread.sleep(200);
        assertEquals(before, done.get(), "nothing is taken while both buffers are full");
        release.countDown();
        producer.join(10_000);
        assertFalse(producer.isAlive());
        w.close();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            expected.append("line ").append(i).append('\n');
        }
        assertEquals(expected.toString(), sink.text());
    }

    @Test
    void aFailingOutputIsReportedOnceAndItsRecoveryToo() throws Exception {
        AtomicBoolean failing = new AtomicBoolean(true);
        Sink sink = new Sink();
        OutputStream flaky = sink.after(() -> {
            if (failing.get()) {
                throw new IOException("No space left on device");
            }
        });
        BufferedAccessLogWriter w = new BufferedAccessLogWriter(flaky, "access.log", true, 1024, Duration.ofMillis(1));
        try {
            for (int i = 0; i < 5; i++) {
                write(w, "lost " + i); // never throws at the request
                Thread.sleep(10);
            }
            await("the error", () -> !logged.messages(Level.ERROR).isEmpty());
            failing.set(false);
            write(w, "kept");
            await("the line after recovery", () -> sink.text().equals("kept\n"));
            await("the recovery", () -> !logged.messages(Level.WARN).isEmpty());
        } finally {
            w.close();
        }
        List<String> errors = logged.messages(Level.ERROR);
        assertEquals(1, errors.size(), "reported once, not per batch: " + errors);
        assertTrue(errors.get(0).contains("access.log") && errors.get(0).contains("No space left on device"), errors.get(0));
        String recovery = logged.messages(Level.WARN).get(0);
        assertTrue(recovery.contains("again") && recovery.contains("bytes of lines were lost"), recovery);
    }

    @Test
    void aLineLongerThanABufferGoesOutWhole() {
        Sink sink = new Sink();
        BufferedAccessLogWriter w = new BufferedAccessLogWriter(sink, "sink", true, 64, LONG);
        write(w, "short");
        String longLine = "L".repeat(200);
        write(w, longLine);
        write(w, "after");
        w.close();
        String text = sink.text();
        assertTrue(text.contains(longLine + "\n"), text);
        assertEquals(("short\n" + longLine + "\nafter\n").length(), text.length());
    }
}
