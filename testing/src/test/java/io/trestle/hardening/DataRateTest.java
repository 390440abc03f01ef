package io.trestle.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import io.trestle.http1.Http1Connection;
import io.trestle.testing.TrestleTest;
import io.trestle.testsupport.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Minimum data rates over real sockets: a body trickled too slowly gets 408, a client reading a
 * response too slowly is closed, and neither a handler's work, nor an idle event stream, nor a
 * client reading at many times the minimum is ever cut. Most use a 2 s window to keep them short;
 * bounds are generous (the machine is shared).
 */
class DataRateTest {
    private static final Duration WINDOW = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private static Server.Builder server() {
        return Server.builder().accessLog(false)
                .routes(r -> r.post("/upload", (req, res) -> res.text("got " + req.body().readAllBytes().length)));
    }

    /** The response (status line first) or "closed"/"reset", and how long after the head it came. */
    private record Ending(String answer, long millis) {
    }

    /** Sends a head for a 1,000-byte body, then one body byte every {@code gapMillis}. */
    private static Ending trickleBody(int port, long gapMillis, long giveUpMillis) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout((int) gapMillis);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            while (millisSince(start) < giveUpMillis) {
                try {
                    out.write('a');
                } catch (IOException e) {
                    return new Ending("reset", millisSince(start));
                }
                try {
                    int b = in.read();
                    long at = millisSince(start);
                    if (b < 0) {
                        return new Ending("closed", at);
                    }
                    return new Ending((char) b + new String(in.readAllBytes(), StandardCharsets.ISO_8859_1), at);
                } catch (SocketTimeoutException goOn) {
                    // nothing yet: the trickle goes on
                } catch (IOException e) {
                    return new Ending("reset", millisSince(start));
                }
            }
            return new Ending("still open", millisSince(start));
        }
    }

    @Test
    void aBodyTrickledAtOneByteEveryTwoSecondsGets408WithinTheDefaultWindow() throws Exception {
        try (LogCapture log = LogCapture.of(Http1Connection.class);
             TrestleTest t = TrestleTest.start(server())) {
            Ending e = trickleBody(t.port(), 2000, 40_000);
            System.out.println("[hardening] body at 1 B / 2 s, defaults (256 B/s over 10 s): " + e.answer().lines().findFirst().orElse("")
                    + " after " + e.millis() + " ms");
            assertTrue(e.answer().startsWith("HTTP/1.1 408 "), e.answer());
            assertTrue(e.millis() >= 8_000 && e.millis() <= 25_000, "cut off after " + e.millis() + " ms");
            String line = log.awaitLine(Duration.ofSeconds(5), "request body too slow", "127.0.0.1", "the minimum is 256 B/s");
            assertTrue(line.startsWith("INFO"), line);
        }
    }

    @Test
    void aBodyTrickledTooSlowlyIsCutOffAfterAShortWindowToo() throws Exception {
        try (TrestleTest t = TrestleTest.start(server().dataRateWindow(WINDOW))) {
            Ending e = trickleBody(t.port(), 500, 20_000);
            assertTrue(e.answer().startsWith("HTTP/1.1 408 "), e.answer());
            assertTrue(e.answer().contains("Connection: close"), e.answer());
            assertTrue(e.millis() >= 1_500 && e.millis() <= 10_000, "cut off after " + e.millis() + " ms");
        }
    }

    @Test
    void aSlowBodyIsServedWhenTheRateIsOff() throws Exception {
        Server.Builder off = server().dataRateWindow(WINDOW).minRequestDataRate(0).bodyTimeout(Duration.ofSeconds(20));
        try (TrestleTest t = TrestleTest.start(off)) {
            Ending e = trickleBody(t.port(), 500, 5_000);
            assertEquals("still open", e.answer()); // only the stall timeout would end it
        }
    }

    @Test
    void aHandlerPausingBetweenReadsIsNotCounted() throws Exception {
        Server.Builder b = Server.builder().accessLog(false)
                .dataRateWindow(WINDOW).minRequestDataRate(64 * 1024)
                .routes(r -> r.post("/pause", (req, res) -> {
                    InputStream body = req.body();
                    byte[] first = body.readNBytes(1000);
                    Thread.sleep(WINDOW.toMillis() * 2); // the handler's own work: longer than the window
                    res.text("got " + (first.length + body.readAllBytes().length));
                }));
        try (TrestleTest t = TrestleTest.start(b)) {
            // The body goes in two parts: the second while the handler sleeps.
            try (Socket s = new Socket("127.0.0.1", t.port())) {
                s.setSoTimeout(20_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /pause HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n" + "a".repeat(1000))
                        .getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(WINDOW.toMillis());
                out.write("b".repeat(1000).getBytes(StandardCharsets.US_ASCII));
                String head = Connections.readHead(s.getInputStream());
                assertTrue(head.startsWith("HTTP/1.1 200 "), head);
            }
            // Waiting for the next request is the idle timeout's business, not the rate's.
            try (Socket s = new Socket("127.0.0.1", t.port())) {
                s.setSoTimeout(20_000);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                for (int i = 0; i < 2; i++) {
                    out.write(("POST /pause HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n" + "c".repeat(2000))
                            .getBytes(StandardCharsets.US_ASCII));
                    String head = Connections.readHead(in);
                    assertTrue(head.startsWith("HTTP/1.1 200 "), head);
                    in.readNBytes((int) Connections.contentLength(head));
                    Thread.sleep(WINDOW.toMillis() + 500);
                }
            }
        }
    }

    /**
     * A 16 MiB response (more than the loopback socket buffers hold: about 3 MiB here) to a
     * client with a 4 KiB receive buffer reading 32 bytes every 500 ms. A minimum of 256 KiB/s over
     * 2 s, so that the allowance for the kernel's send buffer (half of it, at the minimum rate)
     * stays a few seconds. The client cannot tell: the bytes already queued towards it still
     * trickle in after the server has reset the connection, so the server's side is checked.
     */
    @Test
    void aClientReadingTooSlowlyIsClosed() throws Exception {
        byte[] big = new byte[16 << 20];
        Server.Builder b = Server.builder().accessLog(false).dataRateWindow(WINDOW).minResponseDataRate(256 * 1024)
                .routes(r -> r.get("/big", (req, res) -> res.contentType("application/octet-stream").send(big)));
        try (LogCapture log = LogCapture.of(Http1Connection.class);
             TrestleTest t = TrestleTest.start(b);
             Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(new InetSocketAddress("127.0.0.1", t.port()));
            s.setSoTimeout(500);
            s.getOutputStream().write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            long received = 0;
            byte[] buf = new byte[32];
            String line = null;
            while (line == null && millisSince(start) < 40_000) {
                try {
                    int n = s.getInputStream().read(buf);
                    if (n < 0) {
                        break;
                    }
                    received += n;
                    Thread.sleep(500);
                } catch (SocketTimeoutException nothing) {
                    // go on
                } catch (IOException reset) {
                    break;
                }
                line = log.find("reads the response too slowly");
            }
            long millis = millisSince(start);
            System.out.println("[hardening] slow reader (32 B / 500 ms, min 256 KiB/s over 2 s): closed by the server after "
                    + millis + " ms (" + received + " bytes read): " + line);
            assertTrue(line != null, "never closed; read " + received);
            assertTrue(line.startsWith("INFO") && line.contains("127.0.0.1"), line);
            assertTrue(millis <= 25_000, "closed only after " + millis + " ms (by the 30 s write timeout?)");
            assertTrue(Connections.awaitOpenConnections(t.server(), 0, 10), "left open: " + t.server().openConnections());
        }
    }

    /**
     * A file of 8 MiB, beyond what the socket buffers hold, to a client reading 1 MiB/s while the
     * minimum is 64 KiB/s: the ratio of 1 MiB at 4 KiB/s against 256 B/s, 16 times faster, and
     * scaled up in speed so the test takes seconds rather than minutes.
     */
    @Test
    void aFileStillDownloadsToAClientSixteenTimesFasterThanTheMinimum() throws Exception {
        Path file = dir.resolve("file.bin");
        byte[] data = new byte[8 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        Files.write(file, data);
        Server.Builder b = Server.builder().accessLog(false).dataRateWindow(WINDOW).minResponseDataRate(64 * 1024)
                .routes(r -> r.get("/file", (req, res) -> res.contentType("application/octet-stream").file(file)));
        try (TrestleTest t = TrestleTest.start(b); Socket s = new Socket("127.0.0.1", t.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /file HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String head = Connections.readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 200 "), head);
            long start = System.nanoTime();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[16 * 1024];
            while (got.size() < data.length) {
                // 16 KiB every 15.6 ms: 1 MiB/s, paced against the clock
                long due = start + (long) got.size() * 1_000_000_000L / (1 << 20);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int n = in.read(buf, 0, Math.min(buf.length, data.length - got.size()));
                if (n < 0) {
                    break;
                }
                got.write(buf, 0, n);
            }
            System.out.println("[hardening] 8 MiB at 1 MiB/s (min 64 KiB/s over 2 s): " + got.size() + " bytes in "
                    + millisSince(start) + " ms");
            assertEquals(data.length, got.size());
            assertTrue(java.util.Arrays.equals(data, got.toByteArray()));
        }
    }

    @Test
    void anIdleEventStreamIsNotClosed() throws Exception {
        Server.Builder b = Server.builder().accessLog(false).dataRateWindow(WINDOW).minResponseDataRate(64 * 1024)
                .routes(r -> r.get("/events", (req, res) -> {
                    res.contentType("text/event-stream");
                    OutputStream out = res.outputStream();
                    for (int i = 0; i < 3; i++) {
                        out.write(("data: " + i + "\n\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread.sleep(WINDOW.toMillis() * 2); // idle: longer than the window
                    }
                }));
        try (TrestleTest t = TrestleTest.start(b); Socket s = new Socket("127.0.0.1", t.port())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write("GET /events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String head = Connections.readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 200 "), head);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[256];
            while (!got.toString(StandardCharsets.US_ASCII).contains("data: 2")) {
                int n = in.read(buf);
                assertTrue(n > 0, "closed after " + got);
                got.write(buf, 0, n);
            }
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
