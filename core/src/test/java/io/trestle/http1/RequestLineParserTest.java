package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.trestle.Method;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The request line (RFC 9112 §3): accepted forms and every refusal with its status, fed every way. */
class RequestLineParserTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                ok("GET / HTTP/1.1", Method.GET, "/", true, "x"),
                ok("GET /a/b?c=d&e=%20f HTTP/1.1", Method.GET, "/a/b?c=d&e=%20f", true, "x"),
                ok("HEAD /h HTTP/1.1", Method.HEAD, "/h", true, "x"),
                ok("POST /p HTTP/1.1", Method.POST, "/p", true, "x"),
                ok("PUT /p HTTP/1.1", Method.PUT, "/p", true, "x"),
                ok("DELETE /p HTTP/1.1", Method.DELETE, "/p", true, "x"),
                ok("PATCH /p HTTP/1.1", Method.PATCH, "/p", true, "x"),
                ok("TRACE /p HTTP/1.1", Method.TRACE, "/p", true, "x"),
                ok("GET /p HTTP/1.0", Method.GET, "/p", false, "x"),
                ok("OPTIONS * HTTP/1.1", Method.OPTIONS, "*", true, "x"),
                ok("OPTIONS /o HTTP/1.1", Method.OPTIONS, "/o", true, "x"),
                // every character RFC 3986 allows, and percent-encodings in both cases
                ok("GET /az-._~:@!$&'()*+,;=[]/AZ09?/?%2F%aF HTTP/1.1", Method.GET,
                        "/az-._~:@!$&'()*+,;=[]/AZ09?/?%2F%aF", true, "x"),
                ok("GET //double HTTP/1.1", Method.GET, "//double", true, "x"),
                // absolute-form: reduced to origin-form, the authority's host wins over Host
                ok("GET http://example.com:8080/p?q HTTP/1.1", Method.GET, "/p?q", true, "example.com"),
                ok("GET https://example.com HTTP/1.1", Method.GET, "/", true, "example.com"),
                ok("GET HTTP://Example.COM?q=1 HTTP/1.1", Method.GET, "/?q=1", true, "Example.COM"),
                ok("GET hTTpS://a.b/ HTTP/1.1", Method.GET, "/", true, "a.b"),
                ok("GET http://[::1]:8080/x HTTP/1.1", Method.GET, "/x", true, "[::1]"),
                ok("GET http://127.0.0.1/ HTTP/1.1", Method.GET, "/", true, "127.0.0.1"));
    }

    private static Arguments ok(String line, Method method, String target, boolean http11, String host) {
        return Arguments.of(line, method, target, http11, host);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptsRequestLine(String line, Method method, String target, boolean http11, String host) {
        RequestHead head = Feeds.parseEveryWay(line + "\r\nHost: x\r\n\r\n").ok();
        assertEquals(method, head.method());
        assertEquals(target, head.target());
        assertEquals(http11, head.isHttp11());
        assertEquals(http11 ? "HTTP/1.1" : "HTTP/1.0", head.version());
        assertEquals(host, head.host());
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                bad("get / HTTP/1.1", 501, ParseRule.METHOD_UNKNOWN),
                bad("FOO / HTTP/1.1", 501, ParseRule.METHOD_UNKNOWN),
                bad("PRI * HTTP/2.0", 505, ParseRule.VERSION_UNSUPPORTED),
                bad("CONNECT example.com:443 HTTP/1.1", 501, ParseRule.CONNECT_UNSUPPORTED),
                bad("G(T / HTTP/1.1", 400, ParseRule.METHOD_NOT_TOKEN),
                bad("GET\u0000 / HTTP/1.1", 400, ParseRule.METHOD_NOT_TOKEN),
                bad("GET  / HTTP/1.1", 400, ParseRule.REQUEST_LINE_SYNTAX),
                bad("GET\t/ HTTP/1.1", 400, ParseRule.REQUEST_LINE_SYNTAX),
                bad("GET /", 400, ParseRule.REQUEST_LINE_SYNTAX),
                bad("GET", 400, ParseRule.REQUEST_LINE_SYNTAX),
                bad(" GET / HTTP/1.1", 400, ParseRule.NOT_HTTP),
                bad("\u0016\u0003\u0001\u0002\u0000", 400, ParseRule.NOT_HTTP),
                bad("GET /  HTTP/1.1", 400, ParseRule.VERSION_SYNTAX),
                bad("GET / HTTP/1.1 ", 400, ParseRule.VERSION_SYNTAX),
                bad("GET / HTTP/1.1 extra", 400, ParseRule.VERSION_SYNTAX),
                bad("GET / HTTP/1.x", 400, ParseRule.VERSION_SYNTAX),
                bad("GET / http/1.1", 400, ParseRule.VERSION_SYNTAX),
                bad("GET / HTTP1.1", 400, ParseRule.VERSION_SYNTAX),
                bad("GET / HTTP/11", 400, ParseRule.VERSION_SYNTAX),
                bad("GET / HTTP/1.1.1", 400, ParseRule.VERSION_SYNTAX),
                bad("GET / HTTP/", 400, ParseRule.VERSION_SYNTAX),
                bad("GET / HTTP/1.1\r", 400, ParseRule.VERSION_SYNTAX),
                bad("GET / HTTP/2.0", 505, ParseRule.VERSION_UNSUPPORTED),
                bad("GET / HTTP/1.2", 505, ParseRule.VERSION_UNSUPPORTED),
                bad("GET / HTTP/0.9", 505, ParseRule.VERSION_UNSUPPORTED),
                bad("GET / HTTP/2", 505, ParseRule.VERSION_UNSUPPORTED),
                bad("GET / HTTP/3", 505, ParseRule.VERSION_UNSUPPORTED),
                bad("GET /a\"b HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /a<b HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /a>b HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /a\\b HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /a^b HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /a`b HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /a{b HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /a|b HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /a}b HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /a\tb HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /a\u0000b HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /a\u0001b HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /a\u007fb HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /caf\u00e9 HTTP/1.1", 400, ParseRule.TARGET_CHARACTER),
                bad("GET /a\rb HTTP/1.1", 400, ParseRule.BARE_CR),
                bad("GET /a#frag HTTP/1.1", 400, ParseRule.TARGET_FRAGMENT),
                bad("GET /% HTTP/1.1", 400, ParseRule.TARGET_PERCENT_ENCODING),
                bad("GET /%2 HTTP/1.1", 400, ParseRule.TARGET_PERCENT_ENCODING),
                bad("GET /%zz HTTP/1.1", 400, ParseRule.TARGET_PERCENT_ENCODING),
                bad("GET /%2g HTTP/1.1", 400, ParseRule.TARGET_PERCENT_ENCODING),
                bad("GET * HTTP/1.1", 400, ParseRule.ASTERISK_NOT_OPTIONS),
                bad("OPTIONS *x HTTP/1.1", 400, ParseRule.TARGET_FORM),
                bad("GET a/b HTTP/1.1", 400, ParseRule.TARGET_FORM),
                bad("GET ?q HTTP/1.1", 400, ParseRule.TARGET_FORM),
                bad("GET http:/x HTTP/1.1", 400, ParseRule.TARGET_FORM),
                bad("GET example.com:443 HTTP/1.1", 400, ParseRule.ABSOLUTE_SCHEME),
                bad("GET ftp://h/ HTTP/1.1", 400, ParseRule.ABSOLUTE_SCHEME),
                bad("GET httpx://h/ HTTP/1.1", 400, ParseRule.ABSOLUTE_SCHEME),
                bad("GET http://user@h/ HTTP/1.1", 400, ParseRule.ABSOLUTE_USERINFO),
                bad("GET http:///p HTTP/1.1", 400, ParseRule.ABSOLUTE_HOST),
                bad("GET http://h:99999/ HTTP/1.1", 400, ParseRule.ABSOLUTE_HOST),
                bad("GET http://[::1/ HTTP/1.1", 400, ParseRule.ABSOLUTE_HOST),
                bad("GET http://%zz/ HTTP/1.1", 400, ParseRule.TARGET_PERCENT_ENCODING),
                bad("\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1", 400, ParseRule.LEADING_EMPTY_LINES),
                bad("\nGET / HTTP/1.1", 400, ParseRule.BARE_LF),
                bad("\r\r\nGET / HTTP/1.1", 400, ParseRule.BARE_CR));
    }

    private static Arguments bad(String line, int status, ParseRule rule) {
        return Arguments.of(line, status, rule);
    }

    @ParameterizedTest(name = "{1} {2}: {0}")
    @MethodSource("rejected")
    void rejectsRequestLine(String line, int status, ParseRule rule) {
        Feeds.Outcome outcome = Feeds.parseEveryWay(line + "\r\nHost: x\r\n\r\n");
        assertEquals(status, outcome.status(), outcome.toString());
        assertEquals(rule, outcome.rule());
        assertEquals(status, rule.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET / HTTP/1.1\nHost: x\r\n\r\n", "GET / HTTP/1.1\n\n"})
    void refusesBareLfAfterTheRequestLine(String input) {
        Feeds.Outcome outcome = Feeds.parseEveryWay(input);
        assertEquals(400, outcome.status());
        assertEquals(ParseRule.BARE_LF, outcome.rule());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void ignoresAFewEmptyLinesBeforeTheRequestLine(int emptyLines) {
        String input = "\r\n".repeat(emptyLines) + "GET /e HTTP/1.1\r\nHost: x\r\n\r\n";
        assertEquals("/e", Feeds.parseEveryWay(input).ok().target());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\r\n", "\r\n\r\n"})
    void returnsNullWhenTheStreamEndsBeforeARequest(String input) {
        Feeds.Outcome outcome = Feeds.parseEveryWay(input);
        assertNull(outcome.head());
        assertEquals("null", outcome.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"G", "GET / HTTP/1.1", "GET / HTTP/1.1\r", "GET / HTTP/1.1\r\n", "GET / HTTP/1.1\r\nHost: x",
            "GET / HTTP/1.1\r\nHost: x\r\n", "GET / HTTP/1.1\r\nHost: x\r\n\r", "\r\nGET"})
    void endOfStreamInsideAHeadIsAnEofException(String input) {
        assertEquals("EOFException", Feeds.parseEveryWay(input).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /x HTTP/1.1\r\nHost: h\r\n\r\n", "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n"})
    void requestWithoutBodyLeavesNothingBuffered(String input) {
        Feeds.Outcome outcome = Feeds.parseEveryWay(input);
        assertEquals("", outcome.rest());
        assertEquals(false, outcome.ok().hasBody());
    }
}
