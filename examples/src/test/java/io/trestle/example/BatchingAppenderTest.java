package io.trestle.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The access log's batching appender: every line arrives, in order, in few writes; nothing queued is lost at stop. */
class BatchingAppenderTest {
    private LoggerContext context;
    private CountingStream sink;
    private BatchingAppender batching;
    private Logger logger;

    /** Records what is written and how often it is flushed. */
    private static final class CountingStream extends ByteArrayOutputStream {
        final AtomicInteger flushes = new AtomicInteger();

        @Override
        public void flush() {
            flushes.incrementAndGet();
        }

        synchronized List<String> lines() {
            String all = toString(StandardCharsets.US_ASCII);
            return all.isEmpty() ? List.of() : List.of(all.split("\n"));
        }
    }

    @BeforeEach
    void setUp() {
        setUpWith(20);
    }

    private void setUpWith(int maxDelayMillis) {
        context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        sink = new CountingStream();
        OutputStreamAppender<ILoggingEvent> out = new OutputStreamAppender<>();
        out.setContext(context);
        out.setName("OUT");
        out.setEncoder(encoder());
        out.setImmediateFlush(false);
        out.setOutputStream(sink);
        out.start();
        batching = new BatchingAppender();
        batching.setContext(context);
        batching.setName("BATCHED");
        batching.setMaxDelayMillis(maxDelayMillis);
        batching.addAppender(out);
        batching.start();
        logger = context.getLogger("trestle.access");
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
        logger.addAppender(batching);
    }

    private AccessLogEncoder encoder() {
        AccessLogEncoder encoder = new AccessLogEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    @AfterEach
    void tearDown() {
        context.stop();
    }

    private List<String> awaitLines(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> lines = sink.lines();
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
            lines = sink.lines();
        }
        return lines;
    }

    @Test
    void everyLineArrivesInOrderAndInFewerFlushesThanLines() throws Exception {
        int n = 5_000; // within the queue: the writer may sleep through the whole burst
        for (int i = 0; i < n; i++) {
            logger.info("line " + i);
        }
        List<String> lines = awaitLines(n);
        assertEquals(n, lines.size());
        for (int i = 0; i < n; i++) {
            assertEquals("line " + i, lines.get(i));
        }
        assertTrue(sink.flushes.get() < n / 10, "flushes: " + sink.flushes.get());
        assertEquals(0, batching.droppedCount());
    }

    @Test
    void aBurstThatHalfFillsTheQueueWakesTheWriterEarly() throws Exception {
        context.stop();
        setUpWith(60_000); // the writer's own timer would not fire within the test
        logger.info("first");
        assertEquals(1, awaitLines(1).size()); // the writer now sleeps a minute between batches
        for (int i = 0; i < 4096; i++) {
            logger.info("burst " + i);
        }
        assertEquals(4097, awaitLines(4097).size());
    }

    @Test
    void aLoneLineAfterAQuietSpellIsWrittenPromptly() throws Exception {
        logger.info("first");
        assertEquals(List.of("first"), awaitLines(1));
        Thread.sleep(200); // the writer has gone to sleep for good by now
        long start = System.nanoTime();
        logger.info("second");
        assertEquals(List.of("first", "second"), awaitLines(2));
        // Generous: the bound is 20 ms plus scheduling; a lost wake-up would never arrive at all.
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void linesFromManyThreadsAreAllWritten() throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int id = t;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 1000; i++) {
                    logger.info(id + ":" + i);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        List<String> lines = awaitLines(8000);
        assertEquals(8000, lines.size());
        assertEquals(8000, lines.stream().distinct().count());
    }

    @Test
    void stopWritesWhatIsStillQueued() throws IOException {
        for (int i = 0; i < 5000; i++) {
            logger.info("queued " + i);
        }
        context.stop();
        List<String> lines = sink.lines();
        assertEquals(5000, lines.size());
        assertEquals("queued 4999", lines.get(4999));
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        CountDownLatch writerStuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> written = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> slow = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                writerStuck.countDown();
                try {
                    release.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                written.add(e.getFormattedMessage());
            }
        };
        slow.setContext(context);
        slow.start();
        BatchingAppender small = new BatchingAppender();
        small.setContext(context);
        small.setName("SMALL");
        small.setQueueSize(10);
        small.addAppender(slow);
        small.start();
        Logger log = context.getLogger("small");
        log.setAdditive(false);
        log.addAppender(small);
        log.info("first"); // the writer takes it and blocks in the slow appender
        assertTrue(writerStuck.await(10, TimeUnit.SECONDS));
        long start = System.nanoTime();
        for (int i = 0; i < 25; i++) {
            log.info("next " + i);
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "logging blocked");
        assertEquals(15, small.droppedCount());
        release.countDown();
        small.stop();
        assertEquals(11, written.size());
        assertEquals("next 9", written.get(10));
    }
}
