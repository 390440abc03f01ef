package io.trestle.smuggling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Method;
import io.trestle.Server;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request smuggling over a real socket: each vector of {@link Vectors#refused()} gets its RFC 9112
 * answer and a closed connection, and the request appended after it is never answered; each of
 * {@link Vectors#tolerated()} is read with one framing, so the request after it is answered as a
 * request of its own. Paths with {@code ..;} and encoded dot-segments never reach a handler with a
 * {@code ..} segment.
 */
class SmugglingTest {
    private static final String NEXT = "GET /next HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final AtomicInteger SMUGGLED = new AtomicInteger();
    private static final AtomicInteger ADMIN = new AtomicInteger();
    private static final Queue<String> FILES_SEEN = new ConcurrentLinkedQueue<>();
    private static TrestleTest server;

    @BeforeAll
    static void start() {
        server = TrestleTest.start(Server.builder().routes(r -> r
                .post("/echo", (req, res) -> res.send(req.bodyBytes()))
                .add(Set.of(Method.POST), "/small", (req, res) -> res.send(req.bodyBytes()), 16)
                .add(Set.of(Method.GET, Method.POST), "/smuggled", (req, res) -> {
                    SMUGGLED.incrementAndGet();
                    res.text("smuggled");
                }, -1)
                .get("/next", (req, res) -> res.text("next"))
                .get("/admin", (req, res) -> {
                    ADMIN.incrementAndGet();
                    res.text("admin");
                })
                .get("/files/{path...}", (req, res) -> {
                    FILES_SEEN.add(req.path());
                    res.text(req.pathParam("path"));
                })));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        SMUGGLED.set(0);
        ADMIN.set(0);
        FILES_SEEN.clear();
    }

    static List<Vectors.Refused> refused() {
        return Vectors.refused();
    }

    static List<Vectors.Tolerated> tolerated() {
        return Vectors.tolerated();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedAndTheFollowUpIsNeverAnswered(Vectors.Refused vector) throws IOException {
        try (RawConnection c = server.connect()) {
            c.send(vector.payload());
            RawResponse res = c.readResponse();
            assertEquals(vector.status(), res.status(), res::toString);
            assertEquals("close", res.header("Connection"));
            c.timeout(5_000);
            assertEquals("", c.readAll(), "nothing after the refusal");
            assertTrue(c.isClosedByServer(5_000), "the server closed the connection");
        }
        assertEquals(0, SMUGGLED.get(), "the follow-up reached its handler");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tolerated")
    void toleratedWithOneFramingAndTheNextRequestAnswered(Vectors.Tolerated vector) throws IOException {
        try (RawConnection c = server.connect()) {
            c.send(vector.request() + NEXT);
            RawResponse res = c.readResponse();
            assertEquals(200, res.status(), res::toString);
            assertEquals(vector.body(), res.bodyText());
            RawResponse next = c.readResponse();
            assertEquals(200, next.status(), next::toString);
            assertEquals("next", next.bodyText());
        }
    }

    /**
     * RFC 9112 §9.6: a server that closes while the client is still sending must close in stages
     * (FIN after its response, then read what still comes), or its TCP stack answers the unread
     * bytes with a reset, which may destroy the response before the client has read it.
     */
    @Test
    void refusalWhileTheClientStillSendsIsReadAndClosedCleanly() throws Exception {
        try (RawConnection c = server.connect()) {
            c.send("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\n");
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
                try {
                    c.send(new byte[200_000]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            RawResponse res = c.readResponse();
            assertEquals(413, res.status(), res::toString);
            c.timeout(5_000);
            assertEquals("", c.readAll(), "a FIN after the response, not a reset");
            upload.get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * {@code ..;} is a literal segment (Undertow CVE-2024-1459 read it as {@code ..}); literal
     * dot-segments are removed before routing; encoded ones, and encoded separators, are refused.
     * Either way the handler on {@code /files/{path...}} never sees a {@code ..} segment.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "/files/..;/admin         | 200 | CVE-2024-1459 | ..;/admin",
        "/files/a/..;/..;/admin   | 200 | CVE-2024-1459 | a/..;/..;/admin",
        "/files/%2E%2E;/admin     | 200 | -             | ..;/admin",
        "/files/..;               | 200 | CVE-2024-1459 | ..;",
        "/..;/files/x             | 404 | CVE-2024-1459 | -",
        "/files/../admin          | 200 | -             | admin",
        "/files/a/../b            | 200 | -             | b",
        "/files/./a               | 200 | -             | a",
        "/files/%2e%2e/admin      | 400 | -             | -",
        "/files/.%2e/admin        | 400 | -             | -",
        "/files/%2E%2E            | 400 | -             | -",
        "/files/..%2fadmin        | 400 | -             | -",
        "/files/..%2Fadmin        | 400 | -             | -",
        "/files/..%5cadmin        | 400 | -             | -",
        "/files/%2e%2e%2fadmin    | 400 | -             | -",
        "/files/../../admin       | 400 | -             | -",
        "/files/..\\admin         | 400 | -             | -",
        "/files/%252e%252e/admin  | 200 | -             | %2e%2e/admin",
    })
    void dotSegmentsNeverReachAHandler(String target, int status, String cve, String body) throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse res = c.readResponse();
            assertEquals(status, res.status(), () -> (cve == null ? "" : cve + ": ") + res);
            if (body != null) {
                assertEquals(body, res.bodyText());
            }
        }
        for (String path : FILES_SEEN) {
            assertFalse(("/" + path + "/").contains("/../"), "the files handler saw " + path);
        }
        // Only a literal "/files/../admin" means /admin (the client could have removed the dots itself).
        assertEquals("admin".equals(body) ? 1 : 0, ADMIN.get(), "requests that reached /admin");
    }
}
