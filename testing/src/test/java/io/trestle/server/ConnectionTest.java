package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Connection behaviour over real sockets: keep-alive, pipelining, continue, limits, timeouts, shutdown. */
class ConnectionTest {

    private static Server.Builder echoServer() {
        return Server.builder().routes(r -> r
                .get("/a", (req, res) -> res.text("A"))
                .get("/b", (req, res) -> res.text("B"))
                .post("/echo", (req, res) -> res.send(req.bodyBytes()))
                .post("/ignore", (req, res) -> res.text("ignored")));
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnection() throws Exception {
        try (TrestleTest t = TrestleTest.start(echoServer()); RawConnection c = t.connect()) {
            for (int i = 0; i < 50; i++) {
                c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
                assertEquals("A", c.readResponse().bodyText());
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (TrestleTest t = TrestleTest.start(echoServer()); RawConnection c = t.connect()) {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                batch.append(i % 2 == 0 ? "GET /a" : "GET /b").append(" HTTP/1.1\r\nHost: x\r\n\r\n");
            }
            batch.append("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
            batch.append("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            c.send(batch.toString());
            for (int i = 0; i < 16; i++) {
                assertEquals(i % 2 == 0 ? "A" : "B", c.readResponse().bodyText());
            }
            assertEquals("hello", c.readResponse().bodyText());
            assertEquals("A", c.readResponse().bodyText());
        }
    }

    @Test
    void unreadBodyIsSkippedSoTheNextRequestParses() throws Exception {
        try (TrestleTest t = TrestleTest.start(echoServer()); RawConnection c = t.connect()) {
            c.send("POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 26\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n"
                    + "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("ignored", c.readResponse().bodyText());
            assertEquals("A", c.readResponse().bodyText());
            c.send("POST /ignore HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                    + "GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("ignored", c.readResponse().bodyText());
            assertEquals("B", c.readResponse().bodyText());
        }
    }

    @Test
    void chunkedRequestBodyWithExtensionsAndTrailers() throws Exception {
        try (TrestleTest t = TrestleTest.start(echoServer()); RawConnection c = t.connect()) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n");
            assertEquals("hello world", c.readResponse().bodyText());
        }
    }

    @Test
    void expectContinueIsAnsweredWhenTheHandlerReads() throws Exception {
        try (TrestleTest t = TrestleTest.start(echoServer()); RawConnection c = t.connect()) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            RawResponse interim = c.readResponse();
            assertEquals(100, interim.status());
            c.send("data");
            assertEquals("data", c.readResponse().bodyText());
        }
    }

    @Test
    void expectContinueGetsTheFinalStatusWhenTheHandlerDoesNotRead() throws Exception {
        try (TrestleTest t = TrestleTest.start(echoServer()); RawConnection c = t.connect()) {
            c.send("POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            RawResponse res = c.readResponse();
            assertEquals(200, res.status());
            assertEquals("close", res.header("Connection"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "long target | 414",
        "many headers | 431",
        "big header | 431",
        "no host | 400",
        "bad content-length | 400",
        "te and cl | 400",
        "unknown method | 501",
        "http/2 version | 505",
        "obs-fold | 400",
    })
    void malformedOrOversizedHeadsAreRefusedAndClosed(String kind, int status) throws Exception {
        String request = switch (kind) {
            case "long target" -> "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
            case "many headers" -> "GET / HTTP/1.1\r\nHost: x\r\n" + "X-A: 1\r\n".repeat(101) + "\r\n";
            case "big header" -> "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(17000) + "\r\n\r\n";
            case "no host" -> "GET / HTTP/1.1\r\n\r\n";
            case "bad content-length" -> "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello";
            case "te and cl" -> "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n";
            case "unknown method" -> "BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n";
            case "http/2 version" -> "GET / HTTP/2.0\r\nHost: x\r\n\r\n";
            case "obs-fold" -> "GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n folded\r\n\r\n";
            default -> throw new IllegalArgumentException(kind);
        };
        try (TrestleTest t = TrestleTest.start(echoServer()); RawConnection c = t.connect()) {
            c.send(request);
            RawResponse res = c.readResponse();
            assertEquals(status, res.status(), kind);
            assertEquals("close", res.header("Connection"));
            assertTrue(c.isClosedByServer(5000));
        }
    }

    @Test
    void slowHeadGets408AtTheHeadTimeout() throws Exception {
        Server.Builder server = echoServer().headTimeout(Duration.ofMillis(600));
        try (TrestleTest t = TrestleTest.start(server); RawConnection c = t.connect()) {
            long start = System.nanoTime();
            c.send("GET /a HTTP/1.1\r\n");
            for (int i = 0; i < 5 && !c.socket().isClosed(); i++) {
                Thread.sleep(200);
                try {
                    c.send("X");           // a trickle must not extend the deadline
                } catch (IOException closed) {
                    break;
                }
            }
            String all = c.readAll();
            assertTrue(all.startsWith("HTTP/1.1 408 "), all);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        }
    }

    @Test
    void idleKeptAliveConnectionIsClosed() throws Exception {
        Server.Builder server = echoServer().idleTimeout(Duration.ofMillis(300));
        try (TrestleTest t = TrestleTest.start(server); RawConnection c = t.connect()) {
            c.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("A", c.readResponse().bodyText());
            assertTrue(c.isClosedByServer(5000));
        }
    }

    @Test
    void stalledBodyFailsAtTheBodyTimeout() throws Exception {
        Server.Builder server = echoServer().bodyTimeout(Duration.ofMillis(300));
        try (TrestleTest t = TrestleTest.start(server); RawConnection c = t.connect()) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
            assertTrue(c.isClosedByServer(5000) || c.readAll().contains(" 408 "));
        }
    }

    @Test
    void aClientThatStopsReadingIsClosedAtTheWriteTimeout() throws Exception {
        CountDownLatch handlerDone = new CountDownLatch(1);
        Server.Builder server = Server.builder().writeTimeout(Duration.ofMillis(500)).routes(r -> r.get("/flood", (req, res) -> {
            byte[] chunk = new byte[64 * 1024];
            try (var out = res.outputStream()) {
                for (int i = 0; i < 4096; i++) { // 256 MiB: far more than socket buffers hold
                    out.write(chunk);
                }
            } finally {
                handlerDone.countDown();
            }
        }));
        try (TrestleTest t = TrestleTest.start(server); RawConnection c = t.connect()) {
            c.socket().setReceiveBufferSize(4096);
            c.send("GET /flood HTTP/1.1\r\nHost: x\r\n\r\n");
            // Never read: the server's write blocks until the timeout closes the connection.
            assertTrue(handlerDone.await(15, TimeUnit.SECONDS), "the handler's write was cut off");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (t.server().openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, t.server().openConnections());
        }
    }

    @Test
    void beyondTheConnectionCapClientsGet503() throws Exception {
        try (TrestleTest t = TrestleTest.start(echoServer().maxConnections(2));
             RawConnection a = t.connect(); RawConnection b = t.connect()) {
            a.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            b.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, a.readResponse().status());
            assertEquals(200, b.readResponse().status());
            try (RawConnection c = t.connect()) {
                RawResponse res = c.readResponse();
                assertEquals(503, res.status());
                assertEquals("close", res.header("Connection"));
            }
            assertEquals(2, t.server().openConnections());
        }
    }

    @Test
    void gracefulCloseLetsRunningRequestsFinish() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        Server server = Server.builder().host("127.0.0.1").port(0)
                .shutdownGrace(Duration.ofSeconds(10))
                .routes(r -> r.get("/slow", (req, res) -> {
                    inHandler.countDown();
                    Thread.sleep(500);
                    res.text("finished");
                }).get("/a", (req, res) -> res.text("A")))
                .build().start();
        try (RawConnection busy = RawConnection.open("127.0.0.1", server.port());
             RawConnection idle = RawConnection.open("127.0.0.1", server.port());
             RawConnection silent = RawConnection.open("127.0.0.1", server.port())) {
            idle.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("A", idle.readResponse().bodyText());
            busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(inHandler.await(5, TimeUnit.SECONDS));
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            RawResponse res = busy.readResponse();
            assertEquals("finished", res.bodyText());
            assertEquals("close", res.header("Connection"));
            assertTrue(idle.isClosedByServer(5000), "idle connections close at once");
            assertTrue(silent.isClosedByServer(5000), "so do connections that never sent a byte");
            long started = System.nanoTime();
            closing.get(10, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5),
                    "a silent connection does not hold shutdown for the whole grace period");
        }
        assertFalse(canConnect(server.port()), "no longer accepting");
    }

    @Test
    void manyConcurrentClients() throws Exception {
        try (TrestleTest t = TrestleTest.start(echoServer())) {
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                all.add(t.client().sendAsync(t.request("/a").build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : all) {
                assertEquals("A", f.get(30, TimeUnit.SECONDS).body());
            }
        }
    }

    private static boolean canConnect(int port) {
        try (RawConnection c = RawConnection.open("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
