package io.trestle.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.trestle.Server;
import io.trestle.server.Dispatcher;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testsupport.LogCapture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One server, one fault at a time: each fault costs only its own request, and a connection held
 * open across all of them, as well as new ones, keep getting quick answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultIsolationTest {
    private static final long FILE_SIZE = 50L << 20;
    private static final int SLOW_CHUNK = 64 * 1024;
    private static final int SLOW_CHUNKS = 512; // 32 MiB: far more than loopback socket buffers hold
    private static final long QUICK_NANOS = TimeUnit.SECONDS.toNanos(2);

    @TempDir
    Path dir;
    private Server server;
    private RawConnection other;
    private volatile CountDownLatch unblock = new CountDownLatch(1);
    private volatile CountDownLatch slowBodyEnded = new CountDownLatch(1);
    private final AtomicLong slowBodyWritten = new AtomicLong();
    private LogCapture logged;

    @BeforeAll
    void start() throws IOException {
        // Expected failures are captured for assertions instead of filling the test output.
        logged = LogCapture.of(Dispatcher.class, Level.WARN).quiet();
        server = Server.builder().host("127.0.0.1").port(0).accessLog(false)
                .shutdownGrace(Duration.ofSeconds(2))
                .routes(r -> r
                        .get("/ok", (req, res) -> res.text("ok"))
                        .get("/throw", (req, res) -> {
                            throw new IllegalStateException("boom from a handler");
                        })
                        .get("/block", (req, res) -> {
                            unblock.await();
                            res.text("unblocked");
                        })
                        .get("/slow-body", (req, res) -> streamSlowly(res.outputStream()))
                        .post("/echo", (req, res) -> res.send(req.bodyBytes()))
                        .get("/files/{name}", (req, res) -> {
                            res.contentType("application/octet-stream");
                            res.file(dir.resolve(req.pathParam("name")));
                        }))
                .build().start();
        other = RawConnection.open("127.0.0.1", server.port());
    }

    @AfterEach
    void releaseAndCheckNothingIsLeft() throws Exception {
        unblock.countDown();
        unblock = new CountDownLatch(1);
        assertTrue(Connections.awaitOpenConnections(server, 1, 10),
                "connections left after the fault: " + server.openConnections());
        assertOthersServed();
        logged.clear();
    }

    @AfterAll
    void stop() throws IOException {
        other.close();
        server.close();
        logged.close();
    }

    @Test
    void handlerThatThrowsGets500AndTheConnectionStaysUsable() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", server.port())) {
            RawResponse res = Connections.get(c, "/throw");
            assertEquals(500, res.status());
            assertFalse(res.bodyText().contains("boom"), "internals must not leak to the client: " + res.bodyText());
            assertEquals("ok", Connections.get(c, "/ok").bodyText(), "the same connection serves on");
        }
        assertOthersServed();
        assertTrue(logged.thrown(Level.ERROR).contains("boom from a handler"), "the failure is logged with its cause");
    }

    @Test
    void handlerThatBlocksForeverHoldsOnlyItsOwnConnection() throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", server.port())) {
            c.send("GET /block HTTP/1.1\r\nHost: x\r\n\r\n");
            c.timeout(300);
            assertTrue(readTimesOut(c), "the blocked request answered");
            assertOthersServed();
            unblock.countDown();
            c.timeout(10_000);
            assertEquals("unblocked", c.readResponse().bodyText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "GET /ok HTT",
        "GET /ok HTTP/1.1\r\nHo",
        "GET /ok HTTP/1.1\r\nHost: x\r\n",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nthe start of a body",
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nthe start",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n",
    })
    void clientThatLeavesMidRequestCostsNothingElse(String partial) throws Exception {
        try (RawConnection c = RawConnection.open("127.0.0.1", server.port())) {
            c.send(partial);
            Thread.sleep(50); // let the server start reading it
        }
        assertOthersServed();
    }

    @Test
    void clientThatLeavesMidResponseStopsTheStreamingHandler() throws Exception {
        slowBodyEnded = new CountDownLatch(1);
        try (RawConnection c = RawConnection.open("127.0.0.1", server.port())) {
            c.send("GET /slow-body HTTP/1.1\r\nHost: x\r\n\r\n");
            byte[] start = c.socket().getInputStream().readNBytes(SLOW_CHUNK);
            assertEquals(SLOW_CHUNK, start.length);
            assertTrue(new String(start, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200 "));
        }
        assertOthersServed();
        assertTrue(slowBodyEnded.await(10, TimeUnit.SECONDS), "the handler went on writing to a closed connection");
        long total = (long) SLOW_CHUNK * SLOW_CHUNKS;
        System.out.println("[hardening] faults: the client left after " + SLOW_CHUNK + " bytes; the streaming handler stopped after "
                + slowBodyWritten.get() + " of " + total + " bytes");
        assertTrue(slowBodyWritten.get() < total, "the handler wrote the whole body to a client that left");
    }

    enum FileChange { DELETED, TRUNCATED }

    @ParameterizedTest(name = "file {0} while being served")
    @EnumSource(FileChange.class)
    void fileChangedWhileServedNeverYieldsAFullLengthOfWrongBytes(FileChange change) throws Exception {
        Path file = dir.resolve(change.name().toLowerCase() + ".bin");
        FilePattern.write(file, FILE_SIZE);
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(64 * 1024); // keeps the server mid-transfer while the client reads slowly
            s.connect(server.address(), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET /files/" + file.getFileName() + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            long announced = Connections.contentLength(Connections.readHead(in));
            assertEquals(FILE_SIZE, announced);
            byte[] buf = new byte[16 * 1024];
            long received = 0;
            long mismatch = -1;
            boolean changed = false;
            boolean closed = false;
            while (received < announced) {
                int n = readOrEof(in, buf);
                if (n < 0) {
                    closed = true;
                    break;
                }
                if (mismatch < 0) {
                    mismatch = FilePattern.firstMismatch(buf, n, received);
                }
                if (!changed && received + n >= 1 << 20) {
                    change(file, change);
                    changed = true;
                    assertOthersServed(); // while the transfer is under way
                } else if (!changed) {
                    Thread.sleep(2); // a slow reader
                }
                received += n;
            }
            System.out.println("[hardening] faults: file " + change.name().toLowerCase() + " while served: client got "
                    + received + " of " + announced + " announced bytes, " + (mismatch < 0 ? "all correct" : "wrong at " + mismatch)
                    + (closed ? ", connection closed" : ", connection open"));
            assertTrue(changed, "the file was never changed mid-transfer");
            assertEquals(-1, mismatch, "a byte differs from the file at offset " + mismatch);
            assertEquals(received < announced, closed, "a body ends short exactly when the connection closes");
            if (change == FileChange.TRUNCATED) {
                assertTrue(received < announced, "the body of a truncated file cannot be whole");
            }
            if (!closed) {
                s.getOutputStream().write("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertTrue(Connections.readHead(in).startsWith("HTTP/1.1 200 "), "a whole body leaves the connection in step");
            }
        }
        assertOthersServed();
    }

    /** A normal request on the connection held across all faults, then one on a new connection: each quick. */
    private void assertOthersServed() throws IOException {
        long begin = System.nanoTime();
        assertEquals("ok", Connections.get(other, "/ok").bodyText());
        long held = System.nanoTime() - begin;
        begin = System.nanoTime();
        try (RawConnection c = RawConnection.open("127.0.0.1", server.port())) {
            assertEquals("ok", Connections.get(c, "/ok").bodyText());
        }
        long fresh = System.nanoTime() - begin;
        assertTrue(held < QUICK_NANOS && fresh < QUICK_NANOS, "others slowed down: " + held / 1_000_000 + " ms and "
                + fresh / 1_000_000 + " ms");
    }

    private void streamSlowly(OutputStream out) throws IOException, InterruptedException {
        slowBodyWritten.set(0);
        byte[] chunk = new byte[SLOW_CHUNK];
        try {
            for (int i = 0; i < SLOW_CHUNKS; i++) {
                out.write(chunk);
                out.flush();
                slowBodyWritten.addAndGet(chunk.length);
                Thread.sleep(5);
            }
        } finally {
            slowBodyEnded.countDown();
        }
    }

    private static void change(Path file, FileChange change) throws IOException {
        switch (change) {
            case DELETED -> Files.delete(file);
            case TRUNCATED -> {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(1 << 20);
                }
            }
        }
    }

    private static boolean readTimesOut(RawConnection c) throws IOException {
        try {
            c.socket().getInputStream().read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    /** Reads some bytes; a reset after a short body counts as its end, like a close. */
    private static int readOrEof(InputStream in, byte[] buf) throws IOException {
        try {
            return in.read(buf);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException reset) {
            return -1;
        }
    }
}
