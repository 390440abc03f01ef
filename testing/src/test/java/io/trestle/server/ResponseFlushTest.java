package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A finished response leaves before the connection waits for more input, whatever is buffered
 * behind its request: a stray empty line, or the first bytes of the next request. The client's
 * read timeout (5 s) is far below the head timeout (20 s) that used to release such a response.
 */
class ResponseFlushTest {
    /** Far below the 20 s head timeout that held the response before; generous under load. */
    private static final int PROMPT_MILLIS = 5_000;

    private static Server.Builder server() {
        return Server.builder().routes(r -> r
                .get("/a", (req, res) -> res.text("A"))
                .get("/b", (req, res) -> res.text("B"))
                .post("/echo", (req, res) -> res.send(req.bodyBytes())));
    }

    private static TrestleTest start() {
        return TrestleTest.start(server());
    }

    @Test
    void aPostFollowedByAStrayEmptyLineIsAnsweredAtOnce() throws Exception {
        try (TrestleTest t = start(); RawConnection c = t.connect().timeout(PROMPT_MILLIS)) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello\r\n");
            assertEquals("hello", c.readResponse().bodyText());
            // The empty line was skipped, not taken for the start of a broken request.
            c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("A", c.readResponse().bodyText());
        }
    }

    @Test
    void aResponseLeavesBeforeTheRestOfTheNextHeadArrives() throws Exception {
        try (TrestleTest t = start(); RawConnection c = t.connect().timeout(PROMPT_MILLIS)) {
            c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHo");
            assertEquals("A", c.readResponse().bodyText());
            c.send("st: x\r\n\r\n");
            assertEquals("B", c.readResponse().bodyText());
        }
    }

    @Test
    void aResponseLeavesBeforeTheRestOfABodyArrives() throws Exception {
        try (TrestleTest t = start(); RawConnection c = t.connect().timeout(PROMPT_MILLIS)) {
            c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhe");
            assertEquals("A", c.readResponse().bodyText());
            c.send("llo");
            assertEquals("hello", c.readResponse().bodyText());
        }
    }

    @Test
    void aResponseSurvivesTheClientHalfClosingInsideTheNextHead() throws Exception {
        try (TrestleTest t = start(); RawConnection c = t.connect().timeout(PROMPT_MILLIS)) {
            c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHo");
            c.socket().shutdownOutput();
            assertEquals("A", c.readResponse().bodyText());
            assertTrue(c.isClosedByServer(PROMPT_MILLIS), "the unfinished head is dropped and the connection closes");
        }
    }

    @Test
    void aResponseSurvivesTheClientHalfClosingAfterAStrayEmptyLine() throws Exception {
        try (TrestleTest t = start(); RawConnection c = t.connect().timeout(PROMPT_MILLIS)) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello\r\n");
            c.socket().shutdownOutput();
            assertEquals("hello", c.readResponse().bodyText());
            assertTrue(c.isClosedByServer(PROMPT_MILLIS));
        }
    }

    @Test
    void aStrayEmptyLineLeavesTheConnectionIdleNotReadingAHead() throws Exception {
        // A head timeout well below the idle timeout: an empty line must not start the head's clock.
        Server.Builder server = server().headTimeout(Duration.ofMillis(300)).idleTimeout(Duration.ofSeconds(30));
        try (TrestleTest t = TrestleTest.start(server); RawConnection c = t.connect().timeout(PROMPT_MILLIS)) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello\r\n");
            assertEquals("hello", c.readResponse().bodyText());
            c.timeout(1_500);
            assertThrows(SocketTimeoutException.class, c::readResponse, "no 408 for a connection at rest");
            c.timeout(PROMPT_MILLIS);
            c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse res = c.readResponse();
            assertEquals(200, res.status());
            assertEquals("A", res.bodyText());
        }
    }

    @Test
    void aConnectionAtRestAfterAStrayEmptyLineClosesAtOnceOnShutdown() throws Exception {
        Server server = server().shutdownGrace(Duration.ofSeconds(10))
                .host("127.0.0.1").port(0).build().start();
        try (RawConnection c = RawConnection.open("127.0.0.1", server.port()).timeout(PROMPT_MILLIS)) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello\r\n");
            assertEquals("hello", c.readResponse().bodyText());
            long started = System.nanoTime();
            CompletableFuture.runAsync(server::close).get(10, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5),
                    "an idle connection does not hold shutdown for the grace period");
            assertTrue(c.isClosedByServer(PROMPT_MILLIS));
        } finally {
            server.close();
        }
    }

    @Test
    void leadingEmptyLinesBeforeARequestLineAreIgnored() throws Exception {
        try (TrestleTest t = start(); RawConnection c = t.connect().timeout(PROMPT_MILLIS)) {
            c.send("\r\nGET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("A", c.readResponse().bodyText());
            c.send("\r\n\r\n\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"); // four: the most tolerated
            assertEquals("B", c.readResponse().bodyText());
            c.send("\r\n");
            c.send("\r\n");
            c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("A", c.readResponse().bodyText());
        }
    }

    @Test
    void moreThanFourEmptyLinesBeforeARequestLineAreRefused() throws Exception {
        try (TrestleTest t = start(); RawConnection c = t.connect().timeout(PROMPT_MILLIS)) {
            c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n\r\n\r\n");
            assertEquals("A", c.readResponse().bodyText());
            c.send("\r\n\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"); // five since the last request
            RawResponse res = c.readResponse();
            assertEquals(400, res.status());
            assertTrue(res.bodyText().contains("empty lines"), res.bodyText());
            assertTrue(c.isClosedByServer(PROMPT_MILLIS));
        }
    }

    @Test
    void aPipelinedBatchGetsEveryResponseInOrder() throws Exception {
        int n = 64;
        try (TrestleTest t = start(); RawConnection c = t.connect().timeout(PROMPT_MILLIS)) {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < n; i++) {
                batch.append(i % 2 == 0 ? "GET /a" : "GET /b").append(" HTTP/1.1\r\nHost: x\r\n\r\n");
            }
            batch.append("GET /a HTTP/1.1\r\n"); // and the start of one more
            c.send(batch.toString());
            for (int i = 0; i < n; i++) {
                assertEquals(i % 2 == 0 ? "A" : "B", c.readResponse().bodyText(), "response " + i);
            }
            c.send("Host: x\r\n\r\n");
            assertEquals("A", c.readResponse().bodyText());
        }
    }
}
