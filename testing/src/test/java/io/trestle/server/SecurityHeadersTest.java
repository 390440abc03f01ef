package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Method;
import io.trestle.Server;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The headers that keep HTML from being framed (clickjacking), on handlers' HTML and the
 * server's own error pages; and the {@code Allow} answers of TRACE and {@code OPTIONS *}.
 */
class SecurityHeadersTest {
    private static final String CSP = "Content-Security-Policy";
    private static final String XFO = "X-Frame-Options";

    private static Server.Builder server() {
        return Server.builder().routes(r -> r
                .get("/page", (req, res) -> res.contentType("text/html; charset=utf-8").send("<h1>page</h1>"))
                .get("/upper", (req, res) -> res.contentType("TEXT/HTML").send("<h1>page</h1>"))
                .get("/xhtml", (req, res) -> res.contentType("application/xhtml+xml").send("<html/>"))
                .get("/htmlish", (req, res) -> res.contentType("text/htmlx").send("x"))
                .get("/text", (req, res) -> res.text("plain"))
                .get("/json", (req, res) -> res.json(Map.of("a", 1)))
                .get("/framable", (req, res) -> res.header(XFO, "SAMEORIGIN")
                        .header(CSP, "frame-ancestors 'self'")
                        .contentType("text/html").send("<h1>mine</h1>"))
                .get("/fail", (req, res) -> {
                    throw new IllegalStateException("boom");
                })
                .post("/form", (req, res) -> res.text("ok")));
    }

    private static String get(TrestleTest t, String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
    }

    @Test
    void htmlResponsesCannotBeFramedByDefault() {
        try (TrestleTest t = TrestleTest.start(server())) {
            for (String path : new String[] {"/page", "/upper", "/xhtml"}) {
                RawResponse res = t.raw(get(t, path));
                assertEquals(200, res.status(), path);
                assertEquals("DENY", res.header(XFO), path);
                assertEquals("frame-ancestors 'none'", res.header(CSP), path);
                assertEquals("nosniff", res.header("X-Content-Type-Options"), path);
            }
        }
    }

    @Test
    void headResponsesOfHtmlCarryThemToo() throws Exception {
        try (TrestleTest t = TrestleTest.start(server()); RawConnection c = t.connect()) {
            c.send("HEAD /page HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse res = c.readHeadResponse();
            assertEquals("DENY", res.header(XFO));
            assertEquals("frame-ancestors 'none'", res.header(CSP));
        }
    }

    @Test
    void otherContentTypesGetNeither() {
        try (TrestleTest t = TrestleTest.start(server())) {
            for (String path : new String[] {"/text", "/json", "/htmlish"}) {
                RawResponse res = t.raw(get(t, path));
                assertEquals(200, res.status(), path);
                assertNull(res.header(XFO), path);
                assertNull(res.header(CSP), path);
                assertEquals("nosniff", res.header("X-Content-Type-Options"), path);
            }
        }
    }

    @Test
    void aHandlersOwnValuesAreKept() {
        try (TrestleTest t = TrestleTest.start(server())) {
            RawResponse res = t.raw(get(t, "/framable"));
            assertEquals(1, res.headers().all(XFO).size());
            assertEquals("SAMEORIGIN", res.header(XFO));
            assertEquals(1, res.headers().all(CSP).size());
            assertEquals("frame-ancestors 'self'", res.header(CSP));
        }
    }

    @Test
    void theServersErrorPagesCannotBeFramed() throws Exception {
        try (TrestleTest t = TrestleTest.start(server().headTimeout(Duration.ofMillis(300)))) {
            RawResponse notFound = t.raw(get(t, "/nowhere"));
            RawResponse wrongMethod = t.raw("DELETE /page HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse failed = t.raw(get(t, "/fail"));
            RawResponse unparsable = t.raw("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse tooLong = t.raw("GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse timedOut;
            try (RawConnection c = t.connect()) {
                c.send("GET /page HTTP/1.1\r\n");
                timedOut = c.readResponse();
            }
            int[] statuses = {404, 405, 500, 400, 414, 408};
            RawResponse[] all = {notFound, wrongMethod, failed, unparsable, tooLong, timedOut};
            for (int i = 0; i < all.length; i++) {
                assertEquals(statuses[i], all[i].status(), all[i].toString());
                assertTrue(all[i].header("Content-Type").startsWith("text/html"), all[i].toString());
                assertEquals("DENY", all[i].header(XFO), all[i].toString());
                assertEquals("frame-ancestors 'none'", all[i].header(CSP), all[i].toString());
            }
        }
    }

    @Test
    void jsonErrorsGetNeither() {
        try (TrestleTest t = TrestleTest.start(server())) {
            RawResponse res = t.raw("GET /nowhere HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n");
            assertEquals(404, res.status());
            assertNull(res.header(XFO));
            assertNull(res.header(CSP));
        }
    }

    @Test
    void theValuesComeFromTheConfig() {
        Config config = Config.of(Map.of("frame-options", "sameorigin",
                "content-security-policy", "default-src 'self'; frame-ancestors 'self'"));
        try (TrestleTest t = TrestleTest.start(server().config(config))) {
            RawResponse res = t.raw(get(t, "/page"));
            assertEquals("SAMEORIGIN", res.header(XFO));
            assertEquals("default-src 'self'; frame-ancestors 'self'", res.header(CSP));
        }
    }

    @Test
    void anEmptyValueSendsThatHeaderNot() {
        try (TrestleTest t = TrestleTest.start(server().config(Config.of(Map.of("frame-options", ""))))) {
            RawResponse res = t.raw(get(t, "/page"));
            assertNull(res.header(XFO));
            assertEquals("frame-ancestors 'none'", res.header(CSP));
        }
        try (TrestleTest t = TrestleTest.start(server().config(Config.of(Map.of("content-security-policy", ""))))) {
            RawResponse res = t.raw(get(t, "/page"));
            assertEquals("DENY", res.header(XFO));
            assertNull(res.header(CSP));
        }
    }

    @Test
    void noSecurityHeadersTurnsThemOff() {
        for (Server.Builder b : new Server.Builder[] {server().securityHeaders(false),
                server().config(Config.of(Map.of("security-headers", "false")))}) {
            try (TrestleTest t = TrestleTest.start(b)) {
                RawResponse page = t.raw(get(t, "/page"));
                RawResponse error = t.raw(get(t, "/nowhere"));
                for (RawResponse res : new RawResponse[] {page, error}) {
                    assertNull(res.header(XFO));
                    assertNull(res.header(CSP));
                    assertNull(res.header("X-Content-Type-Options"));
                }
            }
        }
    }

    @Test
    void traceGets405WithTheMethodsThePathServes() {
        try (TrestleTest t = TrestleTest.start(server())) {
            RawResponse page = t.raw("TRACE /page HTTP/1.1\r\nHost: x\r\nX-Secret: s3cret\r\n\r\n");
            assertEquals(405, page.status());
            assertEquals("GET, HEAD, OPTIONS", page.header("Allow"));
            assertTrue(!page.bodyText().contains("s3cret"), "nothing of the request is echoed");
            RawResponse form = t.raw("TRACE /form HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(405, form.status());
            assertEquals("POST, OPTIONS", form.header("Allow"));
            RawResponse nowhere = t.raw("TRACE /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(404, nowhere.status(), "no resource there, as for any method");
        }
    }

    @Test
    void traceIsRefusedEvenWhereARouteNamesIt() {
        Server.Builder b = Server.builder().routes(r -> r.add(EnumSet.of(Method.GET, Method.TRACE), "/t",
                (req, res) -> res.text("echo?"), -1));
        try (TrestleTest t = TrestleTest.start(b)) {
            RawResponse res = t.raw("TRACE /t HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(405, res.status());
            assertEquals("GET, HEAD, OPTIONS", res.header("Allow"), "TRACE is never served, so never allowed");
        }
    }

    @Test
    void optionsAsteriskListsWhatSomeRouteServes() {
        try (TrestleTest t = TrestleTest.start(server())) {
            RawResponse res = t.raw("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(204, res.status());
            assertEquals("GET, HEAD, POST, OPTIONS", res.header("Allow"));
        }
        Server.Builder postOnly = Server.builder().routes(r -> r.post("/in", (req, res) -> res.text("in"))
                .delete("/in/{id}", (req, res) -> res.text("gone")));
        try (TrestleTest t = TrestleTest.start(postOnly)) {
            assertEquals("POST, DELETE, OPTIONS", t.raw("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").header("Allow"));
        }
        try (TrestleTest t = TrestleTest.start(Server.builder())) {
            assertEquals("OPTIONS", t.raw("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").header("Allow"));
        }
    }
}
