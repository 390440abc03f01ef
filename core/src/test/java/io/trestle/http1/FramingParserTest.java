package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Framing and connection rules: Host, Content-Length, Transfer-Encoding, Connection, Expect. */
class FramingParserTest {

    private static Feeds.Outcome parse11(String fieldLines) {
        return Feeds.parseEveryWay("POST /p HTTP/1.1\r\n" + fieldLines + "\r\n");
    }

    private static void assertRefused(Feeds.Outcome outcome, int status, ParseRule rule) {
        assertEquals(status, outcome.status(), outcome.toString());
        assertEquals(rule, outcome.rule());
    }

    // ---- Host ----

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("validHosts")
    void takesTheHostWithoutPort(String value, String host) {
        assertEquals(host, parse11("Host: " + value + "\r\n").ok().host());
    }

    static Stream<Arguments> validHosts() {
        return Stream.of(
                Arguments.of("example.com", "example.com"),
                Arguments.of("example.com:8080", "example.com"),
                Arguments.of("Example.COM:1", "Example.COM"),
                Arguments.of("127.0.0.1:80", "127.0.0.1"),
                Arguments.of("[::1]:8080", "[::1]"),
                Arguments.of("[::1]", "[::1]"),
                Arguments.of("[2001:db8::1]", "[2001:db8::1]"),
                Arguments.of("[2001:db8:0:0:0:0:2:1]:443", "[2001:db8:0:0:0:0:2:1]"),
                Arguments.of("[::ffff:192.0.2.1]", "[::ffff:192.0.2.1]"),
                Arguments.of("a%41b", "a%41b"),
                Arguments.of("x:", "x"),
                Arguments.of("x:65535", "x"),
                Arguments.of("", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a/b", "a@b", "a?b", "[::1", "::1", "[::g]", "[1:2:3:4:5:6:7:8:9]", "[1::2::3]",
        "[]", "[::1]x", "a:port", "a:65536", "a:123456", "a:-1", "caf\u00e9", "a%zz", "a%4", "a\"b", "a<b"})
    void refusesAnInvalidHost(String value) {
        assertRefused(parse11("Host: " + value + "\r\n"), 400, ParseRule.HOST_INVALID);
    }

    @Test
    void http11NeedsHost() {
        assertRefused(parse11("X-A: 1\r\n"), 400, ParseRule.HOST_MISSING);
    }

    @Test
    void http10NeedsNoHost() {
        RequestHead head = Feeds.parseEveryWay("GET / HTTP/1.0\r\n\r\n").ok();
        assertEquals("", head.host());
        assertFalse(head.isHttp11());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host: a\r\nHost: a\r\n", "Host: a\r\nhost: b\r\n", "Host: a\r\nX: 1\r\nHOST: a\r\n"})
    void refusesRepeatedHost(String lines) {
        assertRefused(parse11(lines), 400, ParseRule.HOST_REPEATED);
    }

    @Test
    void absoluteFormAuthorityOverridesHost() {
        RequestHead head = Feeds.parseEveryWay("GET http://a.example/x HTTP/1.1\r\nHost: b.example\r\n\r\n").ok();
        assertEquals("a.example", head.host());
        assertEquals("b.example", head.headers().get("Host"));
    }

    // ---- Content-Length ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("validLengths")
    void parsesContentLength(String value, long length) {
        RequestHead head = parse11("Host: h\r\nContent-Length: " + value + "\r\n").ok();
        assertEquals(length, head.contentLength());
        assertFalse(head.isChunked());
        assertEquals(length > 0, head.hasBody());
    }

    static Stream<Arguments> validLengths() {
        return Stream.of(Arguments.of("0", 0L), Arguments.of("5", 5L), Arguments.of(" 16 ", 16L),
                Arguments.of("007", 7L), Arguments.of("9223372036854775807", Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+16", "+5", "-1", "5 5", "0x10", "", "1,1", "5, 5", "1.0", "1e3", "five", "\u00bd",
        "9223372036854775808", "99999999999999999999", "18446744073709551621"})
    void refusesAnInvalidContentLength(String value) {
        assertRefused(parse11("Host: h\r\nContent-Length: " + value + "\r\n"), 400, ParseRule.CONTENT_LENGTH_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 5\r\nContent-Length: 5\r\n", "Content-Length: 5\r\ncontent-length: 6\r\n"})
    void refusesRepeatedContentLengthEvenWhenIdentical(String lines) {
        assertRefused(parse11("Host: h\r\n" + lines), 400, ParseRule.CONTENT_LENGTH_REPEATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 0\r\n"})
    void refusesContentLengthWithTransferEncoding(String lines) {
        assertRefused(parse11("Host: h\r\n" + lines), 400, ParseRule.CONTENT_LENGTH_WITH_TRANSFER_ENCODING);
    }

    @Test
    void leavesTheBodyBuffered() {
        Feeds.Outcome outcome = Feeds.parseEveryWay("POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello");
        assertEquals(5, outcome.ok().contentLength());
        assertEquals("hello", outcome.rest());
    }

    // ---- Transfer-Encoding ----

    @ParameterizedTest
    @ValueSource(strings = {"Transfer-Encoding: chunked\r\n", "Transfer-Encoding: Chunked\r\n",
        "transfer-encoding: CHUNKED\r\n", "Transfer-Encoding:  chunked \t\r\n"})
    void acceptsChunked(String line) {
        RequestHead head = parse11("Host: h\r\n" + line).ok();
        assertTrue(head.isChunked());
        assertTrue(head.hasBody());
        assertEquals(-1, head.contentLength());
    }

    static Stream<Arguments> badTransferEncodings() {
        return Stream.of(
                te("chunked, chunked", 400, ParseRule.CHUNKED_TWICE),
                te("chunked\r\nTransfer-Encoding: chunked", 400, ParseRule.CHUNKED_TWICE),
                te("chunked, gzip", 400, ParseRule.CHUNKED_NOT_LAST),
                te("chunked, something", 400, ParseRule.CHUNKED_NOT_LAST),
                te("chunked\r\nTransfer-Encoding: gzip", 400, ParseRule.CHUNKED_NOT_LAST),
                te("gzip, chunked", 501, ParseRule.TRANSFER_CODING_UNSUPPORTED),
                te("gzip\r\nTransfer-Encoding: chunked", 501, ParseRule.TRANSFER_CODING_UNSUPPORTED),
                te("gzip;q=1, chunked", 501, ParseRule.TRANSFER_CODING_UNSUPPORTED),
                te("x;a=\"b,c\" ;d=e, chunked", 501, ParseRule.TRANSFER_CODING_UNSUPPORTED),
                te("identity", 501, ParseRule.TRANSFER_CODING_UNSUPPORTED),
                te("gzip", 501, ParseRule.TRANSFER_CODING_UNSUPPORTED),
                te("x-custom", 501, ParseRule.TRANSFER_CODING_UNSUPPORTED),
                te("chunkedx", 501, ParseRule.TRANSFER_CODING_UNSUPPORTED),
                te("", 400, ParseRule.TRANSFER_ENCODING_LIST),
                te(",chunked", 400, ParseRule.TRANSFER_ENCODING_LIST),
                te("chunked,", 400, ParseRule.TRANSFER_ENCODING_LIST),
                te("gzip,,chunked", 400, ParseRule.TRANSFER_ENCODING_LIST),
                te("\r\nTransfer-Encoding: chunked", 400, ParseRule.TRANSFER_ENCODING_LIST),
                te("chunked x", 400, ParseRule.TRANSFER_ENCODING_LIST),
                te("\"chunked\"", 400, ParseRule.TRANSFER_ENCODING_LIST),
                te("chunked;x=1", 400, ParseRule.TRANSFER_ENCODING_LIST),
                te("gzip;q", 400, ParseRule.TRANSFER_ENCODING_LIST),
                te("gzip;q=\"open, chunked", 400, ParseRule.TRANSFER_ENCODING_LIST),
                te("chunked\u00e9", 400, ParseRule.TRANSFER_ENCODING_LIST));
    }

    private static Arguments te(String value, int status, ParseRule rule) {
        return Arguments.of(value, status, rule);
    }

    @ParameterizedTest(name = "{1} {2}: {0}")
    @MethodSource("badTransferEncodings")
    void refusesTransferEncoding(String value, int status, ParseRule rule) {
        assertRefused(parse11("Host: h\r\nTransfer-Encoding: " + value + "\r\n"), status, rule);
    }

    @Test
    void refusesTransferEncodingInHttp10() {
        assertRefused(Feeds.parseEveryWay("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"),
                400, ParseRule.TRANSFER_ENCODING_HTTP10);
    }

    // ---- Connection ----

    static Stream<Arguments> persistence() {
        return Stream.of(
                Arguments.of("HTTP/1.1", "", true),
                Arguments.of("HTTP/1.1", "Connection: close\r\n", false),
                Arguments.of("HTTP/1.1", "Connection: Close\r\n", false),
                Arguments.of("HTTP/1.1", "Connection: keep-alive, close\r\n", false),
                Arguments.of("HTTP/1.1", "Connection: Upgrade,close\r\n", false),
                Arguments.of("HTTP/1.1", "Connection: keep-alive\r\nConnection: close\r\n", false),
                Arguments.of("HTTP/1.1", "Connection: keep-alive\r\n", true),
                Arguments.of("HTTP/1.1", "Connection: closed\r\n", true),
                Arguments.of("HTTP/1.1", "Connection: foo, , bar\r\n", true),
                Arguments.of("HTTP/1.1", "Connection:\r\n", true),
                Arguments.of("HTTP/1.0", "", false),
                Arguments.of("HTTP/1.0", "Connection: keep-alive\r\n", true),
                Arguments.of("HTTP/1.0", "Connection: Keep-Alive\r\n", true),
                Arguments.of("HTTP/1.0", "Connection: TE, keep-alive\r\n", true),
                Arguments.of("HTTP/1.0", "Connection: keep-alive, close\r\n", false),
                Arguments.of("HTTP/1.0", "Connection: close\r\n", false));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("persistence")
    void decidesKeepAlive(String version, String lines, boolean keepAlive) {
        String input = "GET / " + version + "\r\nHost: h\r\n" + lines + "\r\n";
        assertEquals(keepAlive, Feeds.parseEveryWay(input).ok().keepAlive());
    }

    @ParameterizedTest
    @ValueSource(strings = {"close x", "(close)", "clo\"se", "keep-alive;q=1", "close\u00e9"})
    void refusesAConnectionHeaderThatIsNoTokenList(String value) {
        assertRefused(parse11("Host: h\r\nConnection: " + value + "\r\n"), 400, ParseRule.CONNECTION_INVALID);
    }

    // ---- Expect ----

    @ParameterizedTest
    @ValueSource(strings = {"100-continue", "100-Continue", "100-CONTINUE"})
    void recognisesExpectContinue(String value) {
        assertTrue(parse11("Host: h\r\nContent-Length: 3\r\nExpect: " + value + "\r\n").ok().expectContinue());
    }

    @Test
    void ignoresExpectContinueInHttp10() {
        String input = "POST / HTTP/1.0\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n";
        assertFalse(Feeds.parseEveryWay(input).ok().expectContinue());
    }

    @Test
    void noExpectNoContinue() {
        assertFalse(parse11("Host: h\r\n").ok().expectContinue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"200-ok", "100-continue, foo", "", "100-continue;x=1", "continue"})
    void refusesOtherExpectations(String value) {
        assertRefused(parse11("Host: h\r\nExpect: " + value + "\r\n"), 417, ParseRule.EXPECTATION_UNSUPPORTED);
    }
}
