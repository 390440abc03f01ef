package io.trestle.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.trestle.Server;
import io.trestle.http1.Limits;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import io.trestle.testsupport.LogCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code maxConnectionsPerClient}: one address may hold that many connections open; the next
 * gets a prebuilt 503 and is closed, a flood of them makes one log line, and a closed
 * connection frees its place.
 */
class ConnectionsPerClientTest {
    private static final int CAP = 3;

    @Test
    void theConnectionBeyondTheCapGets503AndClosingOneMakesRoom() throws Exception {
        Server.Builder b = Server.builder().accessLog(false).maxConnectionsPerClient(CAP)
                .routes(r -> r.get("/a", (req, res) -> res.text("A")));
        List<RawConnection> held = new ArrayList<>();
        try (LogCapture log = LogCapture.of("io.trestle.server.Acceptor");
             TrestleTest t = TrestleTest.start(b)) {
            for (int i = 0; i < CAP; i++) {
                RawConnection c = t.connect();
                held.add(c);
                assertEquals(200, Connections.get(c, "/a").status()); // accepted and counted
            }
            for (int i = 0; i < 5; i++) {
                try (RawConnection extra = t.connect()) {
                    extra.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
                    RawResponse res = extra.readResponse();
                    assertEquals(503, res.status());
                    assertTrue(res.bodyText().contains("too many connections from your address"), res.bodyText());
                    // An HTML page like any other error page: it carries the security headers too.
                    assertEquals("DENY", res.headers().get("X-Frame-Options"));
                    assertEquals("frame-ancestors 'none'", res.headers().get("Content-Security-Policy"));
                    assertEquals("nosniff", res.headers().get("X-Content-Type-Options"));
                    assertTrue(extra.isClosedByServer(5_000));
                }
            }
            List<String> warnings = log.messages(Level.WARN);
            assertEquals(1, warnings.size(), "a flood must not flood the log: " + warnings);
            assertTrue(warnings.get(0).contains("127.0.0.1"), warnings.get(0));

            // The others keep being served.
            assertEquals(200, Connections.get(held.get(0), "/a").status());

            // Closing one gives its place back (no leak), again and again.
            for (int round = 0; round < 3; round++) {
                held.remove(0).close();
                assertTrue(Connections.awaitOpenConnections(t.server(), CAP - 1, 10), "still open: " + t.server().openConnections());
                RawConnection again = t.connect();
                held.add(again);
                assertEquals(200, Connections.get(again, "/a").status());
            }
        } finally {
            Connections.closeAll(held);
        }
    }

    @Test
    void offByDefault() throws Exception {
        assertEquals(0, Limits.DEFAULTS.maxConnectionsPerClient());
        List<RawConnection> held = new ArrayList<>();
        try (TrestleTest t = TrestleTest.start(Server.builder().accessLog(false)
                .routes(r -> r.get("/a", (req, res) -> res.text("A"))))) {
            for (int i = 0; i < 20; i++) {
                RawConnection c = t.connect();
                held.add(c);
                assertEquals(200, Connections.get(c, "/a").status());
            }
        } finally {
            Connections.closeAll(held);
        }
    }
}
