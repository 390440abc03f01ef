package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request line, header bytes and header count: accepted at exactly the limit, refused one over. */
class HeadLimitsParserTest {
    private static final Limits SMALL = Limits.builder().maxRequestLine(32).maxHeaderSize(64)
            .maxHeaders(3).build();

    /** A request line of exactly {@code length} bytes (without CRLF). */
    private static String requestLine(int length) {
        return "GET /" + "a".repeat(length - 14) + " HTTP/1.1";
    }

    @Test
    void requestLineAtTheLimitIsAccepted() {
        String line = requestLine(32);
        assertEquals(32, line.length());
        assertEquals(line.substring(4, 23), Feeds.parseEveryWay(line + "\r\nHost: h\r\n\r\n", SMALL).ok().target());
    }

    @Test
    void requestLineOneOverTheLimitIs414() {
        Feeds.Outcome outcome = Feeds.parseEveryWay(requestLine(33) + "\r\nHost: h\r\n\r\n", SMALL);
        assertEquals(414, outcome.status());
        assertEquals(ParseRule.REQUEST_LINE_TOO_LONG, outcome.rule());
    }

    @Test
    void defaultRequestLineLimitIsExact() {
        Limits limits = Limits.DEFAULTS;
        int max = limits.maxRequestLineBytes();
        assertEquals("GET", Feeds.parseSomeWays(requestLine(max) + "\r\nHost: h\r\n\r\n", limits).ok().method().name());
        assertEquals(414, Feeds.parseSomeWays(requestLine(max + 1) + "\r\nHost: h\r\n\r\n", limits).status());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 1000})
    void decides414WithoutReadingFurther(int maxPerRead) {
        // 40 bytes and then the end: reading on would end in an EOFException instead of 414.
        byte[] data = "GET /aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes(StandardCharsets.ISO_8859_1);
        ConnectionInput in = new ConnectionInput(new TrickleInputStream(data, maxPerRead, 0), 16, null);
        HttpParseException e = assertThrows(HttpParseException.class, () -> new RequestHeadParser(SMALL).parse(in));
        assertEquals(414, e.status());
    }

    /** {@code Host: h} (9 bytes with CRLF) plus one field, together exactly {@code total} bytes. */
    private static String fieldsOf(int total) {
        return "Host: h\r\nX-A: " + "v".repeat(total - 9 - 7) + "\r\n";
    }

    @Test
    void headerSectionAtTheLimitIsAccepted() {
        RequestHead head = Feeds.parseEveryWay("GET / HTTP/1.1\r\n" + fieldsOf(64) + "\r\nbody", SMALL).ok();
        assertEquals(48, head.headers().get("X-A").length());
    }

    @Test
    void headerSectionOneOverTheLimitIs431() {
        Feeds.Outcome outcome = Feeds.parseEveryWay("GET / HTTP/1.1\r\n" + fieldsOf(65) + "\r\n", SMALL);
        assertEquals(431, outcome.status());
        assertEquals(ParseRule.HEADERS_TOO_LARGE, outcome.rule());
    }

    @Test
    void decides431WithoutReadingFurther() {
        String input = "GET / HTTP/1.1\r\nHost: h\r\nX-A: " + "v".repeat(100);
        assertEquals(431, Feeds.parseEveryWay(input, SMALL).status());
    }

    @Test
    void defaultHeaderSectionLimitIsExact() {
        Limits limits = Limits.DEFAULTS;
        int max = limits.maxHeaderBytes();
        assertEquals(max - 16, Feeds.parseSomeWays("GET / HTTP/1.1\r\n" + fieldsOf(max) + "\r\n", limits).ok()
                .headers().get("X-A").length());
        assertEquals(431, Feeds.parseSomeWays("GET / HTTP/1.1\r\n" + fieldsOf(max + 1) + "\r\n", limits).status());
    }

    @Test
    void headerCountAtTheLimitIsAccepted() {
        RequestHead head = Feeds.parseEveryWay("GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\n\r\n", SMALL).ok();
        assertEquals(3, head.headers().size());
    }

    @Test
    void headerCountOneOverTheLimitIs431() {
        Feeds.Outcome outcome = Feeds.parseEveryWay("GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", SMALL);
        assertEquals(431, outcome.status());
        assertEquals(ParseRule.TOO_MANY_HEADERS, outcome.rule());
    }

    @Test
    void headLargerThanTheBufferIsParsedAndTheBodyStaysBuffered() {
        String big = "x".repeat(6000);
        String input = "POST /" + "p".repeat(7000) + " HTTP/1.1\r\nHost: h\r\nX-A: " + big + "\r\nX-B: " + big
                + "\r\nContent-Length: 4\r\n\r\nbody";
        for (int bufferSize : new int[] {1024, 8192}) {
            Feeds.Outcome outcome = Feeds.parse(TrickleInputStream.whole(input), bufferSize, Limits.DEFAULTS);
            assertEquals(big, outcome.ok().headers().get("X-B"));
            assertEquals(7001, outcome.ok().target().length());
            assertEquals("body", outcome.rest());
        }
    }
}
