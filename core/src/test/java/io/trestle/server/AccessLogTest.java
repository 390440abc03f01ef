package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.trestle.Server;
import io.trestle.testing.RawConnection;
import io.trestle.testing.TrestleTest;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The access log's lines, as written for requests over real sockets. */
class AccessLogTest {
    private static final DateTimeFormatter CLF_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    private final Logger logger = (Logger) LoggerFactory.getLogger("trestle.access");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level level;

    @BeforeEach
    void capture() {
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(level);
        lines.stop();
    }

    private static Server.Builder server() {
        return Server.builder().routes(r -> r.get("/hello", (req, res) -> res.text("Hello")));
    }

    private List<String> logged(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (lines.list.size() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        synchronized (lines.list) {
            return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Test
    void writesOneCombinedLogFormatLinePerRequest() throws Exception {
        try (TrestleTest t = TrestleTest.start(server()); RawConnection c = t.connect()) {
            c.send("GET /hello?x=1 HTTP/1.1\r\nHost: x\r\nReferer: http://r.example/\r\nUser-Agent: agent \"quoted\"\r\n\r\n");
            assertEquals("Hello", c.readResponse().bodyText());
            c.send("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(404, c.readResponse().status());
        }
        List<String> logged = logged(2);
        String first = logged.get(0);
        assertTrue(first.matches("127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /hello\\?x=1 HTTP/1\\.1\" 200 \\d+ "
                + "\"http://r\\.example/\" \"agent \\\\\"quoted\\\\\"\""), first);
        assertTrue(logged.get(1).matches("127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /missing HTTP/1\\.1\" 404 \\d+ \"-\" \"-\""),
                logged.get(1));
    }

    @Test
    void theTimeStampIsTheSecondOfTheResponse() throws Exception {
        try (TrestleTest t = TrestleTest.start(server()); RawConnection c = t.connect()) {
            for (int i = 0; i < 2; i++) {
                long before = System.currentTimeMillis() / 1000;
                c.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
                c.readResponse();
                long after = System.currentTimeMillis() / 1000;
                String line = logged(i + 1).get(i);
                String stamp = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
                long logged = ZonedDateTime.parse(stamp, CLF_TIME).toEpochSecond();
                assertTrue(logged >= before && logged <= after, line + " not within " + before + ".." + after);
                // The second request goes out in a later second than the first.
                Thread.sleep(1100);
            }
        }
    }
}
