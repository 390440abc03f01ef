package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Handler;
import io.trestle.Headers;
import io.trestle.Request;
import io.trestle.WritableHeaders;
import io.trestle.testing.RawConnection;
import io.trestle.testing.TrestleTest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Response splitting over real sockets: a handler that writes a CR or LF into a header, by any
 * public method, fails (its bug, a 500) and no line of its own reaches the wire. A request's
 * headers offer no way to change them.
 */
class HeaderSplittingTest {
    static final String EVIL = "a\r\nSet-Cookie: sid=evil";
    static final AtomicReference<Headers> seenHeaders = new AtomicReference<>();
    static TrestleTest t;

    /** Each public way a handler writes a header, with an attacker's value. */
    static final Map<String, Handler> WRITES = Map.of(
            "/headers-set", (req, res) -> res.headers().set("X-Name", EVIL),
            "/headers-add", (req, res) -> res.headers().add("X-Name", EVIL),
            "/headers-name", (req, res) -> res.headers().add("X-Name: a\r\nSet-Cookie", "sid=evil"),
            "/header", (req, res) -> res.header("X-Name", EVIL),
            "/add-header", (req, res) -> res.addHeader("X-Name", EVIL),
            "/content-type", (req, res) -> res.contentType("text/plain\r\nSet-Cookie: sid=evil").send("x"),
            "/redirect", (req, res) -> res.redirect(302, "/next\r\nSet-Cookie: sid=evil"),
            "/lf-only", (req, res) -> res.header("X-Name", "a\nSet-Cookie: sid=evil"),
            "/from-request", (req, res) -> res.header("X-Echo", req.queryParam("v")));

    @BeforeAll
    static void start() {
        t = TrestleTest.start(r -> {
            WRITES.forEach((path, handler) -> r.get(path, (req, res) -> {
                res.header("X-Before", "1");
                handler.handle(req, res);
                res.text("the handler went on");
            }));
            r.get("/caught", (req, res) -> {
                try {
                    res.header("X-Name", EVIL);
                    res.text("not refused");
                } catch (IllegalArgumentException e) {
                    res.status(200).text(e.getMessage() + " | X-Name=" + res.headers().get("X-Name"));
                }
            });
            r.get("/request-headers", (req, res) -> {
                seenHeaders.set(req.headers());
                res.text(String.valueOf(req.headers().get("X-Token")));
            });
            r.filter("/attr", 0, (req, res, chain) -> {
                req.attribute("token", req.header("X-Token"));
                res.headers().add("X-Filter", "ran");
                chain.proceed();
            });
            r.get("/attr", (req, res) -> res.text("token=" + req.attribute("token")));
        });
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    /** Everything the server sent for one request on its own connection, as text. */
    private static String wire(String target) throws Exception {
        try (RawConnection c = t.connect()) {
            c.send("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            return c.readAll();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/headers-set", "/headers-add", "/headers-name", "/header", "/add-header",
            "/content-type", "/redirect", "/lf-only", "/from-request?v=a%0D%0ASet-Cookie:%20sid=evil"})
    void aSplittingAttemptFailsTheHandlerAndPutsNoLineOnTheWire(String target) throws Exception {
        String wire = wire(target);
        assertTrue(wire.startsWith("HTTP/1.1 500 "), wire);
        String head = wire.substring(0, wire.indexOf("\r\n\r\n"));
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            assertFalse(lower.startsWith("set-cookie"), "injected line on the wire:\n" + wire);
            assertFalse(lower.startsWith("x-name") || lower.startsWith("x-echo"), "refused field sent:\n" + wire);
        }
        assertFalse(wire.contains("sid=evil"), wire);
        assertFalse(wire.contains("the handler went on"), wire);
    }

    @Test
    void aHandlerThatCatchesTheRefusalLearnsWhyAndTheHeadersAreUnchanged() throws Exception {
        String wire = wire("/caught");
        assertTrue(wire.startsWith("HTTP/1.1 200 "), wire);
        assertTrue(wire.contains("header value of X-Name has a CR at index 1"), wire);
        assertTrue(wire.endsWith("| X-Name=null"), wire);
        assertFalse(wire.toLowerCase(Locale.ROOT).contains("\r\nset-cookie"), wire);
    }

    @Test
    void requestHeadersHaveNoPublicMutatorNotEvenAfterACast() throws Exception {
        assertEquals("s3cret", t.send(t.request("/request-headers").header("X-Token", "s3cret")).body());
        Headers headers = seenHeaders.get();
        assertNotNull(headers);
        assertFalse(headers instanceof WritableHeaders, headers.getClass().getName());
        // The parser's own list, handed out as it is: no view object per request.
        assertEquals("io.trestle.http1.ReceivedHeaders", headers.getClass().getName());
        assertEquals(Headers.class, Request.class.getMethod("headers").getReturnType());

        Set<String> reads = Set.of("get", "all", "contains", "count", "names", "forEach", "size", "isEmpty",
                "nameAt", "valueAt");
        assertEquals(new TreeSet<>(reads), names(Headers.class.getMethods()), "the read-only interface's methods");
        Set<String> objects = names(Object.class.getMethods());
        Set<String> extra = new TreeSet<>();
        for (Method m : headers.getClass().getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && !reads.contains(m.getName()) && !objects.contains(m.getName())) {
                extra.add(m.getName());
            }
        }
        assertEquals(Set.of(), extra, "public methods of " + headers.getClass().getName() + " beyond reading");
    }

    @Test
    void aResponsesHeadersAreWritableAndChecked() throws Exception {
        assertEquals(WritableHeaders.class, io.trestle.Response.class.getMethod("headers").getReturnType());
        Set<String> writes = names(WritableHeaders.class.getDeclaredMethods());
        assertEquals(new TreeSet<>(Set.of("set", "add", "remove", "clear")), writes);
    }

    @Test
    void filtersStillPassAttributesAndWriteResponseHeaders() throws Exception {
        var res = t.send(t.request("/attr").header("X-Token", "abc"));
        assertEquals("token=abc", res.body());
        assertEquals("ran", res.headers().firstValue("X-Filter").orElseThrow());
    }

    private static Set<String> names(Method[] methods) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(methods).filter(m -> !Modifier.isStatic(m.getModifiers())).forEach(m -> names.add(m.getName()));
        return names;
    }
}
