package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Headers;
import io.trestle.WritableHeaders;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Header field lines (RFC 9112 §5, RFC 9110 §5): syntax, values, interning, refusals — fed every way. */
class HeaderFieldsParserTest {

    private static Headers headersOf(String fieldLines) {
        return Feeds.parseEveryWay("GET / HTTP/1.1\r\nHost: h\r\n" + fieldLines + "\r\n").ok().headers();
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("X-A: v\r\n", "v"),
                Arguments.of("X-A:v\r\n", "v"),
                Arguments.of("X-A:  \t v \t \r\n", "v"),
                Arguments.of("X-A:\r\n", ""),
                Arguments.of("X-A: \t \r\n", ""),
                Arguments.of("X-A: a  b\tc\r\n", "a  b\tc"),
                Arguments.of("X-A: \"quoted, list\"; p=1\r\n", "\"quoted, list\"; p=1"),
                Arguments.of("X-A: caf\u00e9 \u0080\u00ff\r\n", "caf\u00e9 \u0080\u00ff"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void trimsOwsAndKeepsTheRestOfTheValue(String line, String value) {
        Headers headers = headersOf(line);
        assertEquals(value, headers.get("x-a"));
        assertEquals(2, headers.size());
    }

    @Test
    void keepsRepeatedFieldsInOrder() {
        Headers headers = headersOf("Accept: a\r\nX-B: 1\r\naccept: b\r\n");
        assertEquals(List.of("a", "b"), headers.all("Accept"));
        assertEquals("X-B", headers.nameAt(2));
    }

    @Test
    void internsKnownNamesInAnyCaseAndKeepsOthersAsReceived() {
        Headers headers = headersOf("cOnTeNt-TyPe: text/plain\r\nx-forwarded-for: 1.2.3.4\r\nX-Custom-Thing: 1\r\n");
        assertSame(HeaderNames.HOST, headers.nameAt(0));
        assertSame(HeaderNames.CONTENT_TYPE, headers.nameAt(1));
        assertSame(HeaderNames.X_FORWARDED_FOR, headers.nameAt(2));
        assertEquals("X-Custom-Thing", headers.nameAt(3));
        assertEquals("text/plain", headers.get(HeaderNames.CONTENT_TYPE));
    }

    @Test
    void acceptsEveryTokenCharacterInAName() {
        assertEquals("v", headersOf("!#$%&'*+-.^_`|~09azAZ: v\r\n").get("!#$%&'*+-.^_`|~09azAZ"));
    }

    @Test
    void requestHeadersAreReadOnly() {
        Headers headers = headersOf("X-A: 1\r\n");
        assertFalse(headers instanceof WritableHeaders, "no cast makes a request's headers writable");
        assertEquals(ReceivedHeaders.class, headers.getClass());
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                bad(" X-A: v\r\n", 400, ParseRule.OBS_FOLD),
                bad("\tTransfer-Encoding: chunked\r\n", 400, ParseRule.OBS_FOLD),
                bad("X-A: one\r\n two\r\n", 400, ParseRule.OBS_FOLD),
                bad("X-A: one\r\n\ttwo\r\n", 400, ParseRule.OBS_FOLD),
                bad("Transfer-Encoding : chunked\r\n", 400, ParseRule.WHITESPACE_BEFORE_COLON),
                bad("Host\t: x\r\n", 400, ParseRule.WHITESPACE_BEFORE_COLON),
                bad("X A: v\r\n", 400, ParseRule.WHITESPACE_BEFORE_COLON),
                bad("NoColon\r\n", 400, ParseRule.FIELD_NO_COLON),
                bad("NoColon-\r\n", 400, ParseRule.FIELD_NO_COLON),
                bad(": v\r\n", 400, ParseRule.FIELD_NAME_INVALID),
                bad("X-A\u0000: v\r\n", 400, ParseRule.FIELD_NAME_INVALID),
                bad("\u0000X-A: v\r\n", 400, ParseRule.FIELD_NAME_INVALID),
                bad("\u0001Transfer-Encoding: chunked\r\n", 400, ParseRule.FIELD_NAME_INVALID),
                bad("Transfer-Encoding\u000b: chunked\r\n", 400, ParseRule.FIELD_NAME_INVALID),
                bad("\u007fX-A: v\r\n", 400, ParseRule.FIELD_NAME_INVALID),
                bad("X-A\u007f: v\r\n", 400, ParseRule.FIELD_NAME_INVALID),
                bad("X(A): v\r\n", 400, ParseRule.FIELD_NAME_INVALID),
                bad("X\u00e9: v\r\n", 400, ParseRule.FIELD_NAME_INVALID),
                bad("X-A: a\u0000b\r\n", 400, ParseRule.FIELD_VALUE_CHARACTER),
                bad("X-A: \u0000\r\n", 400, ParseRule.FIELD_VALUE_CHARACTER),
                bad("X-A: a\u0001\r\n", 400, ParseRule.FIELD_VALUE_CHARACTER),
                bad("X-A: a\u000bb\r\n", 400, ParseRule.FIELD_VALUE_CHARACTER),
                bad("X-A: a\u001fb\r\n", 400, ParseRule.FIELD_VALUE_CHARACTER),
                bad("X-A: a\u007fb\r\n", 400, ParseRule.FIELD_VALUE_CHARACTER),
                bad("X-A: a\rb\r\n", 400, ParseRule.BARE_CR),
                bad("X-A: a\r\r\n", 400, ParseRule.BARE_CR),
                bad("X-A\r: v\r\n", 400, ParseRule.BARE_CR),
                bad("X-A: v\nX-B: w\r\n", 400, ParseRule.BARE_LF),
                bad("X-A: v\n", 400, ParseRule.BARE_LF),
                bad("\n", 400, ParseRule.BARE_LF));
    }

    private static Arguments bad(String lines, int status, ParseRule rule) {
        return Arguments.of(lines, status, rule);
    }

    @ParameterizedTest(name = "{1} {2}: {0}")
    @MethodSource("rejected")
    void rejectsFieldLine(String lines, int status, ParseRule rule) {
        Feeds.Outcome outcome = Feeds.parseEveryWay("POST / HTTP/1.1\r\nHost: h\r\n" + lines + "\r\n");
        assertEquals(status, outcome.status(), outcome.toString());
        assertEquals(rule, outcome.rule());
    }

    @Test
    void refusesWhitespaceBetweenRequestLineAndFirstField() {
        Feeds.Outcome outcome = Feeds.parseEveryWay("GET / HTTP/1.1\r\n Host: h\r\n\r\n");
        assertEquals(400, outcome.status());
        assertEquals(ParseRule.OBS_FOLD, outcome.rule());
    }
}
