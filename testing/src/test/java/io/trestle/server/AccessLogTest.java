package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.AccessLogWriter;
import io.trestle.Server;
import io.trestle.testing.RawConnection;
import io.trestle.testing.TrestleTest;
import io.trestle.testsupport.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access log's lines, as written for requests over real sockets. */
class AccessLogTest {
    private static final DateTimeFormatter CLF_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    @TempDir
    Path tmp;

    /** Keeps every line it is given, as the server hands them over (a reused buffer). */
    private static final class Lines implements AccessLogWriter {
        private final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void write(byte[] line, int offset, int length) {
            lines.add(new String(line, offset, length, StandardCharsets.ISO_8859_1));
        }

        synchronized List<String> await(int atLeast) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (lines.size() < atLeast && System.nanoTime() < deadline) {
                wait(5);
            }
            return List.copyOf(lines);
        }
    }

    private static Server.Builder server() {
        return Server.builder().routes(r -> r.get("/hello", (req, res) -> res.text("Hello")));
    }

    @Test
    void writesOneCombinedLogFormatLinePerRequest() throws Exception {
        Lines lines = new Lines();
        try (TrestleTest t = TrestleTest.start(server().accessLog(lines)); RawConnection c = t.connect()) {
            c.send("GET /hello?x=1 HTTP/1.1\r\nHost: x\r\nReferer: http://r.example/\r\nUser-Agent: agent \"quoted\"\r\n\r\n");
            assertEquals("Hello", c.readResponse().bodyText());
            c.send("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(404, c.readResponse().status());
        }
        List<String> logged = lines.await(2);
        String first = logged.get(0);
        assertTrue(first.matches("127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /hello\\?x=1 HTTP/1\\.1\" 200 \\d+ "
                + "\"http://r\\.example/\" \"agent \\\\\"quoted\\\\\"\""), first);
        assertTrue(logged.get(1).matches("127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /missing HTTP/1\\.1\" 404 \\d+ \"-\" \"-\""),
                logged.get(1));
    }

    @Test
    void bytesBeyondAsciiFromTheClientAreEscaped() throws Exception {
        Lines lines = new Lines();
        try (TrestleTest t = TrestleTest.start(server().accessLog(lines)); RawConnection c = t.connect()) {
            byte[] head = "GET /hello HTTP/1.1\r\nHost: x\r\nUser-Agent: caf\u00e9 \\ bot\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
            c.send(head);
            assertEquals(200, c.readResponse().status());
        }
        String line = lines.await(1).get(0);
        assertTrue(line.endsWith("\"-\" \"caf\\xe9 \\\\ bot\""), line);
    }

    @Test
    void theTimeStampIsTheSecondOfTheResponse() throws Exception {
        Lines lines = new Lines();
        try (TrestleTest t = TrestleTest.start(server().accessLog(lines)); RawConnection c = t.connect()) {
            for (int i = 0; i < 2; i++) {
                long before = System.currentTimeMillis() / 1000;
                c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
                c.readResponse();
                long after = System.currentTimeMillis() / 1000;
                String line = lines.await(i + 1).get(i);
                String stamp = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
                long logged = ZonedDateTime.parse(stamp, CLF_TIME).toEpochSecond();
                assertTrue(logged >= before && logged <= after, line + " not within " + before + ".." + after);
                // The second request goes out in a later second than the first.
                Thread.sleep(1100);
            }
        }
    }

    @Test
    void byDefaultLinesGoToTheTrestleAccessLogger() throws Exception {
        try (LogCapture log = LogCapture.of("trestle.access")) {
            try (TrestleTest t = TrestleTest.start(server()); RawConnection c = t.connect()) {
                c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
                assertEquals(200, c.readResponse().status());
            }
            // The first line, at INFO.
            String line = log.awaitLine(Duration.ofSeconds(10));
            assertTrue(line.matches("INFO 127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /hello HTTP/1\\.1\" 200 \\d+ \"-\" \"-\""), line);
        }
    }

    @Test
    void aWriterThatWantsNoLinesGetsNone() throws Exception {
        AtomicInteger written = new AtomicInteger();
        AccessLogWriter off = new AccessLogWriter() {
            @Override
            public void write(byte[] line, int offset, int length) {
                written.incrementAndGet();
            }

            @Override
            public boolean isEnabled() {
                return false;
            }
        };
        try (TrestleTest t = TrestleTest.start(server().accessLog(off)); RawConnection c = t.connect()) {
            c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, c.readResponse().status());
        }
        assertEquals(0, written.get());
        Lines lines = new Lines();
        try (TrestleTest t = TrestleTest.start(server().accessLog(lines).accessLog(false)); RawConnection c = t.connect()) {
            c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, c.readResponse().status());
        }
        assertEquals(List.of(), lines.await(0), "accessLog(false) turns it off");
    }

    @Test
    void closingTheServerWritesTheFilesLastLines() throws Exception {
        Path file = tmp.resolve("access.log");
        Files.writeString(file, "an earlier line\n");
        try (TrestleTest t = TrestleTest.start(server().accessLog(AccessLogWriter.toFile(file))); RawConnection c = t.connect()) {
            c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, c.readResponse().status());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("an earlier line", lines.get(0), "appended to, not replaced");
        assertTrue(lines.get(1).contains("\"GET /hello HTTP/1.1\" 200 "), lines.get(1));
    }
}
