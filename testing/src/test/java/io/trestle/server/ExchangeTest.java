package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Cookie;
import io.trestle.HttpException;
import io.trestle.Method;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests and responses over real sockets: framing, HEAD, errors, cookies, files, streams. */
class ExchangeTest {
    static TrestleTest t;
    static final AtomicReference<String> lastUser = new AtomicReference<>();
    @TempDir
    static Path dir;

    record Greeting(String name, int count) {
    }

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("hello.txt"), "hello file\n");
        t = TrestleTest.start(r -> r
                .get("/plain", (req, res) -> res.text("Hello, World!"))
                .get("/json", (req, res) -> res.json(Map.of("message", "Hello, World!")))
                .get("/hello/{name}", (req, res) -> res.text("hi " + req.pathParam("name")))
                .get("/query", (req, res) -> res.text(req.queryParam("a") + "," + req.queryParams("b")))
                .post("/echo", (req, res) -> res.contentType(req.contentType()).send(req.bodyBytes()))
                .post("/bind", (req, res) -> {
                    Greeting g = req.bodyAs(Greeting.class);
                    res.json(Map.of("name", g.name(), "twice", g.count() * 2));
                })
                .get("/stream", (req, res) -> {
                    try (OutputStream out = res.outputStream()) {
                        for (int i = 0; i < 3; i++) {
                            out.write(("part " + i + "\n").getBytes(StandardCharsets.UTF_8));
                            out.flush();
                        }
                    }
                })
                .get("/small-stream", (req, res) -> {
                    try (OutputStream out = res.outputStream()) {
                        out.write("tiny".getBytes(StandardCharsets.UTF_8));
                    }
                })
                .get("/file", (req, res) -> res.contentType("text/plain").file(dir.resolve("hello.txt")))
                .get("/boom", (req, res) -> {
                    throw new IllegalStateException("kaboom");
                })
                .get("/teapot", (req, res) -> {
                    throw new HttpException(418, "short and stout");
                })
                .get("/late-boom", (req, res) -> {
                    OutputStream out = res.outputStream();
                    out.write("partial".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    throw new IllegalStateException("after commit");
                })
                .get("/cookie", (req, res) -> {
                    lastUser.set(req.cookie("user"));
                    res.cookie(Cookie.of("a", "1").path("/").httpOnly(true).sameSite(Cookie.SameSite.STRICT));
                    res.cookie(Cookie.of("b", "2"));
                    res.text("ok");
                })
                .get("/commit-then-header", (req, res) -> {
                    res.text("done");
                    res.header("X-Late", "1");
                })
                .get("/no-body", (req, res) -> res.status(204))
                .add(Set.of(Method.PUT), "/small", (req, res) -> res.text("got " + req.bodyBytes().length), 16)
                .exception(ArithmeticException.class, (e, req, res) -> res.status(422).text("math: " + e.getMessage()))
                .get("/divide", (req, res) -> res.text("" + (1 / Integer.parseInt(req.queryParam("by")))))
                .get("/attr", (req, res) -> {
                    Object seen = req.attribute("mark");
                    req.attribute("mark", "set by an earlier request");
                    req.user("someone");
                    res.text(String.valueOf(seen));
                })
                .errorPage(404, (req, res) -> res.html("<p>custom 404</p>")));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void plainTextHasLengthDateAndServer() {
        HttpResponse<String> res = t.get("/plain");
        assertEquals(200, res.statusCode());
        assertEquals("Hello, World!", res.body());
        assertEquals("13", res.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("text/plain; charset=utf-8", res.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("Trestle", res.headers().firstValue("Server").orElseThrow());
        assertTrue(res.headers().firstValue("Date").orElseThrow().endsWith(" GMT"));
    }

    @Test
    void jsonAndPathAndQueryParameters() {
        assertEquals("{\"message\":\"Hello, World!\"}", t.get("/json").body());
        assertEquals("hi ann", t.get("/hello/ann").body());
        assertEquals("hi a b", t.get("/hello/a%20b").body());
        assertEquals("x y,[1, 2]", t.get("/query?a=x+y&b=1&b=2").body());
        assertEquals("null,[]", t.get("/query").body());
    }

    @Test
    void bodiesEchoAndBindJson() {
        HttpResponse<String> echo = t.post("/echo", "text/plain", "ping");
        assertEquals("ping", echo.body());
        HttpResponse<String> bound = t.post("/bind", "application/json", "{\"name\":\"x\",\"count\":21}");
        assertEquals(200, bound.statusCode());
        assertTrue(bound.body().contains("\"twice\":42"), bound.body());
    }

    @Test
    void malformedJsonIs400WithJsonError() {
        HttpResponse<String> res = t.send(t.request("/bind").header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":")));
        assertEquals(400, res.statusCode());
        assertTrue(res.body().startsWith("{\"message\":\"malformed JSON"), res.body());
        assertTrue(res.body().endsWith("\"code\":400}"), res.body());
    }

    @Test
    void streamedResponseIsChunkedAndSmallStreamGetsLength() throws Exception {
        try (RawConnection c = t.connect()) {
            c.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse res = c.readResponse();
            assertTrue(res.chunked());
            assertEquals("part 0\npart 1\npart 2\n", res.bodyText());
            c.send("GET /small-stream HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse small = c.readResponse();
            assertFalse(small.chunked());
            assertEquals("4", small.header("Content-Length"));
            assertEquals("tiny", small.bodyText());
        }
    }

    @Test
    void http10GetsNoChunksAndCloses() throws Exception {
        try (RawConnection c = t.connect()) {
            c.send("GET /stream HTTP/1.0\r\n\r\n");
            String all = c.readAll();
            assertTrue(all.startsWith("HTTP/1.1 200 OK\r\n"), all);
            assertFalse(all.contains("chunked"));
            assertTrue(all.endsWith("part 0\npart 1\npart 2\n"), all);
        }
    }

    @Test
    void http10KeepAliveIsHonoured() throws Exception {
        try (RawConnection c = t.connect()) {
            c.send("GET /plain HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            RawResponse first = c.readResponse();
            assertEquals("keep-alive", first.header("Connection"));
            c.send("GET /plain HTTP/1.0\r\n\r\n");
            RawResponse second = c.readResponse();
            assertEquals("Hello, World!", second.bodyText());
            assertTrue(c.isClosedByServer(5000));
        }
    }

    @Test
    void headHasGetHeadersButNoBody() throws Exception {
        try (RawConnection c = t.connect()) {
            c.send("HEAD /plain HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse head = c.readHeadResponse();
            assertEquals(200, head.status());
            assertEquals("13", head.header("Content-Length"));
            // The next response must start right away: no body bytes were sent for HEAD.
            c.send("GET /plain HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals("Hello, World!", c.readResponse().bodyText());
        }
    }

    @Test
    void fileIsSentWithLength() {
        HttpResponse<String> res = t.get("/file");
        assertEquals("hello file\n", res.body());
        assertEquals("11", res.headers().firstValue("Content-Length").orElseThrow());
    }

    @Test
    void handlerExceptionIs500AndConnectionSurvives() throws Exception {
        try (RawConnection c = t.connect()) {
            c.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse res = c.readResponse();
            assertEquals(500, res.status());
            assertTrue(res.bodyText().contains("Error code: 500"));
            assertFalse(res.bodyText().contains("kaboom"), "internal messages stay internal");
            c.send("GET /plain HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, c.readResponse().status());
        }
    }

    @Test
    void httpExceptionGivesItsStatusAndMessage() {
        HttpResponse<String> res = t.get("/teapot");
        assertEquals(418, res.statusCode());
        assertTrue(res.body().contains("short and stout"));
    }

    @Test
    void exceptionAfterCommitClosesTheConnection() throws Exception {
        try (RawConnection c = t.connect()) {
            c.send("GET /late-boom HTTP/1.1\r\nHost: x\r\n\r\n");
            String all = c.readAll();
            assertTrue(all.contains("partial"));
            assertFalse(all.endsWith("0\r\n\r\n"), "the chunked body must not look complete");
        }
    }

    @Test
    void cookiesBothWays() {
        HttpResponse<String> res = t.send(t.request("/cookie").header("Cookie", "user=ann; theme=dark"));
        assertEquals("ann", lastUser.get());
        assertEquals(2, res.headers().allValues("Set-Cookie").size());
        assertEquals("a=1; Path=/; HttpOnly; SameSite=Strict", res.headers().allValues("Set-Cookie").get(0));
    }

    @Test
    void changingHeadersAfterCommitFailsLoudly() {
        HttpResponse<String> res = t.get("/commit-then-header");
        assertEquals(200, res.statusCode());
        assertEquals("done", res.body());
        assertTrue(res.headers().firstValue("X-Late").isEmpty());
    }

    @Test
    void noContentHasNoBodyOrLength() throws Exception {
        try (RawConnection c = t.connect()) {
            c.send("GET /no-body HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse res = c.readResponse();
            assertEquals(204, res.status());
            assertNull(res.header("Content-Length"));
            c.send("GET /plain HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, c.readResponse().status());
        }
    }

    @Test
    void routeBodyLimitRefusesFromContentLength() throws Exception {
        try (RawConnection c = t.connect()) {
            c.send("PUT /small HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n");
            RawResponse res = c.readResponse();
            assertEquals(413, res.status());
            assertEquals("close", res.header("Connection"));
        }
        try (RawConnection c = t.connect()) {
            c.send("PUT /small HTTP/1.1\r\nHost: x\r\nContent-Length: 16\r\n\r\n0123456789abcdef");
            assertEquals("got 16", c.readResponse().bodyText());
        }
    }

    @Test
    void chunkedBodyOverTheRouteLimitIs413() throws Exception {
        try (RawConnection c = t.connect()) {
            c.send("PUT /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "a\r\n0123456789\r\na\r\n0123456789\r\n0\r\n\r\n");
            RawResponse res = c.readResponse();
            assertEquals(413, res.status());
            assertTrue(c.isClosedByServer(5000));
        }
    }

    @Test
    void exceptionMappersAndCustomErrorPages() {
        HttpResponse<String> mapped = t.get("/divide?by=0");
        assertEquals(422, mapped.statusCode());
        assertEquals("math: / by zero", mapped.body());
        HttpResponse<String> missing = t.get("/nowhere");
        assertEquals(404, missing.statusCode());
        assertEquals("<p>custom 404</p>", missing.body());
    }

    @Test
    void errorBodyFollowsAccept() throws Exception {
        RawResponse json = t.raw("GET /teapot HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n");
        assertEquals("application/json", json.header("Content-Type"));
        assertEquals("{\"message\":\"short and stout\",\"code\":418}", json.bodyText());
        RawResponse html = t.raw("GET /teapot HTTP/1.1\r\nHost: x\r\nAccept: text/html,application/json;q=0.9\r\n\r\n");
        assertTrue(html.header("Content-Type").startsWith("text/html"));
    }

    @Test
    void methodNotAllowedCarriesAllow() {
        RawResponse res = t.raw("DELETE /plain HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(405, res.status());
        assertNotNull(res.header("Allow"));
        assertTrue(res.header("Allow").contains("GET"));
    }

    @Test
    void optionsAndTrace() {
        RawResponse star = t.raw("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(204, star.status());
        assertTrue(star.header("Allow").contains("GET"));
        RawResponse options = t.raw("OPTIONS /plain HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(204, options.status());
        assertTrue(options.header("Allow").contains("OPTIONS"));
        RawResponse trace = t.raw("TRACE /plain HTTP/1.1\r\nHost: x\r\nX-Secret: s3cret\r\n\r\n");
        assertEquals(405, trace.status());
        assertFalse(trace.bodyText().contains("s3cret"));
    }

    @Test
    void nothingOfOneRequestLeaksIntoTheNext() throws Exception {
        try (RawConnection c = t.connect()) {
            for (int i = 0; i < 3; i++) {
                c.send("GET /attr HTTP/1.1\r\nHost: x\r\n\r\n");
                assertEquals("null", c.readResponse().bodyText(), "request " + i);
            }
        }
    }
}
