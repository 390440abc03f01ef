package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Method;
import io.trestle.Server;
import io.trestle.CompletedExchange;
import io.trestle.ConnectionEvent;
import io.trestle.RouteInfo;
import io.trestle.ServerObserver;
import io.trestle.testsupport.LogCapture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** What observers are told, checked against what went over real sockets. */
class ObserverTest {

    /** A copy of one completed exchange: the view is valid only during the call. */
    record Seen(String route, Method method, int status, boolean refusedHead, long sent, long received, long nanos,
                String client, String target, String protocol, String agent, String referer, String user,
                long second) {
    }

    /** Keeps copies of everything it is told. */
    static final class Recorder implements ServerObserver {
        final List<Seen> exchanges = new ArrayList<>();
        final List<ConnectionEvent> opened = new ArrayList<>();
        final List<ConnectionEvent> closed = new ArrayList<>();
        final List<ConnectionEvent> refused = new ArrayList<>();

        @Override
        public synchronized void exchangeCompleted(CompletedExchange e) {
            exchanges.add(new Seen(e.route(), e.method(), e.status(), e.refusedHead(), e.bytesSent(), e.bytesReceived(),
                    e.durationNanos(), e.clientAddress(), e.target(), e.protocol(), e.userAgent(), e.referer(), e.user(),
                    e.epochSecond()));
            notifyAll();
        }

        @Override
        public synchronized void connectionOpened(ConnectionEvent c) {
            opened.add(c);
            notifyAll();
        }

        @Override
        public synchronized void connectionClosed(ConnectionEvent c) {
            closed.add(c);
            notifyAll();
        }

        @Override
        public synchronized void connectionRefused(ConnectionEvent c) {
            refused.add(c);
            notifyAll();
        }

        /** Waits (10 s at most) until {@code done} holds of this recorder. */
        synchronized void await(Predicate<Recorder> done) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!done.test(this)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("not seen in time; exchanges " + exchanges + ", opened " + opened.size()
                            + ", closed " + closed.size() + ", refused " + refused);
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }

        synchronized Seen lastExchange() {
            return exchanges.get(exchanges.size() - 1);
        }
    }

    private static Server.Builder server(Recorder recorder) {
        return Server.builder().port(0).accessLog(false).observer(recorder)
                .routes(r -> r
                        .get("/hello/{name}", (req, res) -> res.text("Hello, " + req.pathParam("name")))
                        .post("/echo", (req, res) -> res.text(req.bodyString()))
                        .get("/me", (req, res) -> {
                            req.user("ann");
                            res.text("me");
                        }));
    }

    /** Sends {@code request} on a fresh connection and reads until the server closes it: every byte of the answer. */
    private static byte[] exchange(Server server, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return in.readAllBytes();
        }
    }

    @Test
    void anExchangeCarriesTheRoutePatternAndTheBytesThatWentOverTheWire() throws Exception {
        Recorder seen = new Recorder();
        try (Server server = server(seen).build().start()) {
            String request = "GET /hello/ann?x=1 HTTP/1.1\r\nHost: t\r\nUser-Agent: probe/1\r\nReferer: http://r.example/\r\n"
                    + "Connection: close\r\n\r\n";
            byte[] answer = exchange(server, request);
            assertTrue(new String(answer, StandardCharsets.ISO_8859_1).endsWith("Hello, ann"));
            seen.await(r -> r.exchanges.size() == 1);
            Seen e = seen.lastExchange();
            assertEquals("/hello/{name}", e.route(), "the pattern, never the raw path");
            assertEquals(Method.GET, e.method());
            assertEquals(200, e.status());
            assertFalse(e.refusedHead());
            assertEquals(answer.length, e.sent(), "head and body, as on the wire");
            assertEquals(request.length(), e.received());
            assertTrue(e.nanos() >= 0);
            assertEquals("127.0.0.1", e.client());
            assertEquals("/hello/ann?x=1", e.target());
            assertEquals("HTTP/1.1", e.protocol());
            assertEquals("probe/1", e.agent());
            assertEquals("http://r.example/", e.referer());
            assertNull(e.user());
            assertTrue(Math.abs(System.currentTimeMillis() / 1000 - e.second()) < 60, "time: " + e.second());
        }
    }

    @Test
    void aRequestBodyReadCountsAsReceivedAndTheUserIsTheRequests() throws Exception {
        Recorder seen = new Recorder();
        try (Server server = server(seen).build().start()) {
            String request = "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\nConnection: close\r\n\r\nhello there";
            byte[] answer = exchange(server, request);
            seen.await(r -> r.exchanges.size() == 1);
            Seen e = seen.lastExchange();
            assertEquals("/echo", e.route());
            assertEquals(Method.POST, e.method());
            assertEquals(request.length(), e.received());
            assertEquals(answer.length, e.sent());

            exchange(server, "GET /me HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            seen.await(r -> r.exchanges.size() == 2);
            assertEquals("ann", seen.lastExchange().user());
        }
    }

    @Test
    void notFoundAndMethodNotAllowedHaveNoRoute() throws Exception {
        Recorder seen = new Recorder();
        try (Server server = server(seen).build().start()) {
            byte[] notFound = exchange(server, "GET /nothing/here HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            seen.await(r -> r.exchanges.size() == 1);
            Seen e = seen.lastExchange();
            assertEquals(404, e.status());
            assertNull(e.route());
            assertEquals(Method.GET, e.method());
            assertEquals("/nothing/here", e.target());
            assertEquals(notFound.length, e.sent());

            exchange(server, "DELETE /hello/ann HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            seen.await(r -> r.exchanges.size() == 2);
            assertEquals(405, seen.lastExchange().status());
            assertNull(seen.lastExchange().route());
            assertEquals(Method.DELETE, seen.lastExchange().method());
        }
    }

    @Test
    void aHeadRefusedBeforeRoutingIsAnExchangeWithoutMethodOrRoute() throws Exception {
        Recorder seen = new Recorder();
        try (Server server = server(seen).build().start()) {
            String request = "GET /hello/ann HTTP/1.1\r\nHost: t\r\nBad Header: x\r\n\r\n";
            byte[] answer = exchange(server, request);
            assertTrue(new String(answer, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 400 "));
            seen.await(r -> r.exchanges.size() == 1);
            Seen e = seen.lastExchange();
            assertTrue(e.refusedHead());
            assertEquals(400, e.status());
            assertNull(e.route());
            assertNull(e.method());
            assertNull(e.target());
            assertEquals(answer.length, e.sent());
            assertEquals("127.0.0.1", e.client());
            assertTrue(e.received() > 0 && e.received() <= request.length(), "received " + e.received());
        }
    }

    @Test
    void connectionsOpenedAndClosedAreCountedAndKeepAliveRequestsShareOne() throws Exception {
        Recorder seen = new Recorder();
        try (Server server = server(seen).build().start()) {
            for (int i = 0; i < 3; i++) {
                exchange(server, "GET /hello/a HTTP/1.1\r\nHost: t\r\n\r\nGET /hello/b HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
            }
            seen.await(r -> r.closed.size() == 3 && r.exchanges.size() == 6);
            assertEquals(3, seen.opened.size());
            Set<Long> ids = Set.of(seen.opened.get(0).id(), seen.opened.get(1).id(), seen.opened.get(2).id());
            assertEquals(3, ids.size(), "each connection its own number");
            for (ConnectionEvent c : seen.closed) {
                assertTrue(ids.contains(c.id()));
                assertEquals("127.0.0.1", c.peer().getAddress().getHostAddress());
                assertFalse(c.secure());
                assertNull(c.refusal());
            }
            assertEquals(List.of(), seen.refused);
        }
    }

    @Test
    void aConnectionOverTheCapIsRefusedWithWhy() throws Exception {
        Recorder seen = new Recorder();
        CountDownLatch release = new CountDownLatch(1);
        Server.Builder b = server(seen).config(Config.of(Map.of("max-connections", "1")))
                .routes(r -> r.get("/hold", (req, res) -> {
                    release.await(10, TimeUnit.SECONDS);
                    res.text("held");
                }));
        try (Server server = b.build().start(); Socket holder = new Socket("127.0.0.1", server.port())) {
            holder.getOutputStream().write("GET /hold HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            try {
                seen.await(r -> r.opened.size() == 1);
                // Nothing sent: the refusal closes at once, and unread bytes would turn the close into a reset.
                String answer = new String(exchange(server, ""), StandardCharsets.ISO_8859_1);
                assertTrue(answer.startsWith("HTTP/1.1 503 "), answer);
                seen.await(r -> r.refused.size() == 1);
                ConnectionEvent refused = seen.refused.get(0);
                assertEquals(ConnectionEvent.Refusal.SERVER_FULL, refused.refusal());
                assertEquals("127.0.0.1", refused.peer().getAddress().getHostAddress());
                assertEquals(1, seen.opened.size(), "a refused connection is not opened");
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void aConnectionOverThePerClientCapIsRefusedAsSuch() throws Exception {
        Recorder seen = new Recorder();
        Server.Builder b = server(seen).config(Config.of(Map.of("max-connections-per-client", "1")));
        try (Server server = b.build().start(); Socket holder = new Socket("127.0.0.1", server.port())) {
            seen.await(r -> r.opened.size() == 1);
            String answer = new String(exchange(server, ""), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 503 "), answer);
            seen.await(r -> r.refused.size() == 1);
            assertEquals(ConnectionEvent.Refusal.CLIENT_FULL, seen.refused.get(0).refusal());
            assertTrue(holder.isConnected());
        }
    }

    @Test
    void anObserverThatThrowsIsLoggedAndBreaksNothing() throws Exception {
        Recorder after = new Recorder();
        ServerObserver failing = new ServerObserver() {
            @Override
            public void exchangeCompleted(CompletedExchange e) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void connectionOpened(ConnectionEvent c) {
                throw new IllegalStateException("observer bug on open");
            }
        };
        try (LogCapture log = LogCapture.of(ServerObserver.class);
             Server server = Server.builder().port(0).accessLog(false).observer(failing).observer(after)
                     .routes(r -> r.get("/hello/{name}", (req, res) -> res.text("Hello, " + req.pathParam("name"))))
                     .build().start();
             Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < 3; i++) {
                out.write("GET /hello/ann HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                String head = readResponse(in);
                assertTrue(head.startsWith("HTTP/1.1 200 "), head);
            }
            after.await(r -> r.exchanges.size() == 3 && r.opened.size() == 1);
            String line = log.awaitLine(Duration.ofSeconds(10), "WARN", "failed in");
            assertTrue(line.contains(failing.getClass().getName()), line);
        }
    }

    /** Reads one response of {@code Hello, ann} (Content-Length 10) on a kept-alive connection. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        int at = head.indexOf("Content-Length: ") + "Content-Length: ".length();
        int length = Integer.parseInt(head.substring(at, head.indexOf("\r\n", at)));
        in.readNBytes(length);
        return head.toString();
    }

    @Test
    void routeMetadataListsPatternsMethodsHandlersSourcesAndAttributes() {
        try (Server server = Server.builder().port(0).accessLog(false)
                .routes(r -> r
                        .get("/hello/{name}", (req, res) -> res.text("hi"))
                        .add(Set.of(Method.GET, Method.POST), "/private/data", (req, res) -> res.text("data"), -1)
                        .get("/private/{id}/open", (req, res) -> res.text("open"))
                        .attribute("/private/{rest...}", "acme.secured", "true")
                        .attribute("/hello/{who}", "acme.public", "yes"))
                .build()) {
            List<RouteInfo> routes = server.routes();
            assertEquals(3, routes.size(), routes.toString());
            RouteInfo hello = find(routes, "/hello/{name}");
            assertEquals(Set.of(Method.GET), hello.methods());
            assertEquals("code", hello.source());
            assertTrue(hello.handler().startsWith("lambda in " + ObserverTest.class.getName()), hello.handler());
            assertEquals(Map.of("acme.public", "yes"), hello.attributes());
            RouteInfo data = find(routes, "/private/data");
            assertEquals(Set.of(Method.GET, Method.POST), data.methods());
            assertEquals(Map.of("acme.secured", "true"), data.attributes());
            assertEquals(Map.of("acme.secured", "true"), find(routes, "/private/{id}/open").attributes());
            assertTrue(routes == server.routes(), "computed once per route table");
        }
    }

    private static RouteInfo find(List<RouteInfo> routes, String pattern) {
        for (RouteInfo r : routes) {
            if (r.pattern().equals(pattern)) {
                return r;
            }
        }
        throw new AssertionError(pattern + " not in " + routes);
    }
}
