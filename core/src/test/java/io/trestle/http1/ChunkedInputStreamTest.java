package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Chunked bodies (RFC 9112 §7.1): decoding, extensions, trailers and refusals, fed every way. */
class ChunkedInputStreamTest {
    private static final long MAX = 1000;

    /** The decoded body, trailers and bytes left after it — or the error. */
    record Decoded(String body, String trailers, String rest, int status, ParseRule rule, String error) {
        String key() {
            return body + "|" + trailers + "|" + rest + "|" + status + "|" + rule + "|" + error;
        }
    }

    static Decoded decode(InputStream stream, int bufferSize, long max, Limits limits) {
        ConnectionInput in = new ConnectionInput(stream, bufferSize, null);
        ChunkedInputStream body = new ChunkedInputStream(in, max, limits);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] small = new byte[3];
            for (int n; (n = body.read(small, 0, small.length)) >= 0; ) {
                out.write(small, 0, n);
            }
            assertEquals(-1, body.read());
            assertTrue(body.isFinished());
            return new Decoded(out.toString(StandardCharsets.ISO_8859_1), body.trailers().toString(), Feeds.rest(in),
                    0, null, null);
        } catch (HttpParseException e) {
            return new Decoded(null, null, null, e.status(), e.rule(), null);
        } catch (IOException e) {
            return new Decoded(null, null, null, 0, null, e.getClass().getSimpleName());
        }
    }

    static Decoded decodeEveryWay(String wire, long max, Limits limits) {
        byte[] data = wire.getBytes(StandardCharsets.ISO_8859_1);
        List<InputStream> ways = new ArrayList<>();
        ways.add(TrickleInputStream.whole(data));
        ways.add(TrickleInputStream.oneByteReads(data));
        for (int at = 1; at < data.length; at++) {
            ways.add(TrickleInputStream.splitAt(data, at));
        }
        Decoded first = decode(TrickleInputStream.oneByteReads(data), Feeds.TINY_BUFFER, max, limits);
        for (int w = 0; w < ways.size(); w++) {
            assertEquals(first.key(), decode(ways.get(w), 8192, max, limits).key(), "way " + w);
        }
        return first;
    }

    static Decoded decodeEveryWay(String wire) {
        return decodeEveryWay(wire, MAX, Limits.DEFAULTS);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("5\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("0\r\n\r\n", ""),
                Arguments.of("5\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\n\r\n", "hello world"),
                Arguments.of("a\r\n0123456789\r\nA\r\nabcdefghij\r\n0\r\n\r\n", "0123456789abcdefghij"),
                Arguments.of("0005\r\nhello\r\n000\r\n\r\n", "hello"),
                Arguments.of("0000000000000005\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("2\r\n\r\n\r\n0\r\n\r\n", "\r\n"),
                Arguments.of("5;name\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("5;name=value\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("5 ; name = value\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("5\t;\tname\t=\tvalue\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("5;a=1;b=2 ;c\r\nhello\r\n0;last\r\n\r\n", "hello"),
                Arguments.of("5;a=\"quoted \\\" ; str\"\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("5;a=\"\"\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("5;a=\"caf\u00e9\t\"\r\nhello\r\n0\r\n\r\n", "hello"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void decodes(String wire, String body) {
        Decoded decoded = decodeEveryWay(wire + "NEXT");
        assertEquals(body, decoded.body(), decoded.toString());
        assertEquals("", decoded.trailers());
        assertEquals("NEXT", decoded.rest());
    }

    @Test
    void exposesTrailersReadOnly() throws IOException {
        Decoded decoded = decodeEveryWay("3\r\nabc\r\n0\r\nDigest: sha-256=x\r\nX-T:  1 \r\n\r\nNEXT");
        assertEquals("abc", decoded.body());
        assertEquals("Digest: sha-256=x\nX-T: 1\n", decoded.trailers());
        assertEquals("NEXT", decoded.rest());

        ChunkedInputStream body = chunked("0\r\nX-T: 1\r\n\r\n", MAX);
        assertEquals(0, body.trailers().size());
        assertEquals(-1, body.read());
        Headers trailers = body.trailers();
        assertEquals("1", trailers.get("x-t"));
        assertFalse(trailers instanceof io.trestle.WritableHeaders, "trailers are read-only");
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                bad("FFFFFFFFFFFFFFFFF\r\n", 400, ParseRule.CHUNK_SIZE_TOO_LARGE),
                bad("FFFFFFFFFFFFFFFF\r\n", 400, ParseRule.CHUNK_SIZE_TOO_LARGE),
                bad("8000000000000000\r\n", 400, ParseRule.CHUNK_SIZE_TOO_LARGE),
                bad("00000000000000005\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_SIZE_TOO_LARGE),
                bad("7FFFFFFFFFFFFFFF\r\n", 413, ParseRule.BODY_TOO_LARGE),
                bad("\r\nhello\r\n", 400, ParseRule.CHUNK_SIZE_SYNTAX),
                bad("x\r\n", 400, ParseRule.CHUNK_SIZE_SYNTAX),
                bad("-5\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_SIZE_SYNTAX),
                bad("+5\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_SIZE_SYNTAX),
                bad(" 5\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_SIZE_SYNTAX),
                bad("0x5\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_SIZE_SYNTAX),
                bad("5x\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_SIZE_SYNTAX),
                bad("5 \r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_EXTENSION_SYNTAX),
                bad("5 5\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_EXTENSION_SYNTAX),
                bad("5;\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_EXTENSION_SYNTAX),
                bad("5;=v\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_EXTENSION_SYNTAX),
                bad("5;a=\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_EXTENSION_SYNTAX),
                bad("5;a b\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_EXTENSION_SYNTAX),
                bad("5;a=b c\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_EXTENSION_SYNTAX),
                bad("5;a=\"open\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_EXTENSION_SYNTAX),
                bad("5;a=\"x\\\"\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_EXTENSION_SYNTAX),
                bad("5;a=\"\u0001\"\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_EXTENSION_SYNTAX),
                bad("5;a=b\rc\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_EXTENSION_SYNTAX),
                bad("5;a=\"x\ry\"\r\nhello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_EXTENSION_SYNTAX),
                bad("5;a=\"x\ny\"\r\nhello\r\n0\r\n\r\n", 400, ParseRule.BARE_LF),
                bad("5;a\nhello\r\n0\r\n\r\n", 400, ParseRule.BARE_LF),
                bad("5\nhello\r\n0\r\n\r\n", 400, ParseRule.BARE_LF),
                bad("5\r\nhello\r\n0\n\r\n", 400, ParseRule.BARE_LF),
                bad("5\r\nhelloX\r\n0\r\n\r\n", 400, ParseRule.CHUNK_DATA_CRLF),
                bad("5\r\nhello\n0\r\n\r\n", 400, ParseRule.CHUNK_DATA_CRLF),
                bad("5\r\nhello\r0\r\n\r\n", 400, ParseRule.CHUNK_DATA_CRLF),
                bad("5\r\nhellohello\r\n0\r\n\r\n", 400, ParseRule.CHUNK_DATA_CRLF),
                bad("0\r\nX: a\nY: b\r\n\r\n", 400, ParseRule.BARE_LF),
                bad("0\r\nX: a\r\n\n", 400, ParseRule.BARE_LF),
                bad("0\r\n\n", 400, ParseRule.BARE_LF),
                bad("0\r\n X: a\r\n\r\n", 400, ParseRule.OBS_FOLD),
                bad("0\r\nX: a\r\n\tb\r\n\r\n", 400, ParseRule.OBS_FOLD),
                bad("0\r\nX : a\r\n\r\n", 400, ParseRule.WHITESPACE_BEFORE_COLON),
                bad("0\r\nX: a\u0000\r\n\r\n", 400, ParseRule.FIELD_VALUE_CHARACTER),
                bad("0\r\n\u0000X: a\r\n\r\n", 400, ParseRule.FIELD_NAME_INVALID),
                bad("0\r\nX: a\rb\r\n\r\n", 400, ParseRule.BARE_CR),
                bad("0\r\nNoColon\r\n\r\n", 400, ParseRule.FIELD_NO_COLON));
    }

    private static Arguments bad(String wire, int status, ParseRule rule) {
        return Arguments.of(wire, status, rule);
    }

    @ParameterizedTest(name = "{1} {2}: {0}")
    @MethodSource("rejected")
    void refuses(String wire, int status, ParseRule rule) {
        Decoded decoded = decodeEveryWay(wire);
        assertEquals(status, decoded.status(), decoded.toString());
        assertEquals(rule, decoded.rule());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5\r", "5\r\n", "5\r\nhel", "5\r\nhello", "5\r\nhello\r", "5;a=\"x\"",
        "0\r\n", "0\r\nX: a\r\n", "0\r\n\r"})
    void endOfStreamInsideTheBodyIsAnEofException(String wire) {
        assertEquals("EOFException", decodeEveryWay(wire).error());
    }

    // ---- limits ----

    @Test
    void bodyOfExactlyTheLimitIsAccepted() {
        Decoded decoded = decodeEveryWay("4\r\n0123\r\n6\r\n456789\r\n0\r\n\r\n", 10, Limits.DEFAULTS);
        assertEquals("0123456789", decoded.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"b\r\n0123456789a\r\n0\r\n\r\n", "5\r\nhello\r\n6\r\nworld!\r\n0\r\n\r\n",
        "a\r\n0123456789\r\n1\r\nx\r\n0\r\n\r\n"})
    void decodedBytesBeyondTheLimitAre413(String wire) {
        Decoded decoded = decodeEveryWay(wire, 10, Limits.DEFAULTS);
        assertEquals(413, decoded.status());
        assertEquals(ParseRule.BODY_TOO_LARGE, decoded.rule());
    }

    @Test
    void refuses413BeforeReadingTheChunkData() {
        // The chunk's data never arrives: deciding from its size alone gives 413, not EOF.
        Decoded decoded = decodeEveryWay("5\r\nhello\r\n1000\r\n", 10, Limits.DEFAULTS);
        assertEquals(413, decoded.status());
    }

    @Test
    void chunkLineIsBounded() {
        String atBound = "5;" + "a".repeat(ChunkedInputStream.MAX_CHUNK_LINE - 2) + "\r\nhello\r\n0\r\n\r\n";
        String overBound = "5;" + "a".repeat(ChunkedInputStream.MAX_CHUNK_LINE - 1) + "\r\nhello\r\n0\r\n\r\n";
        for (int maxPerRead : new int[] {1, 100, Integer.MAX_VALUE}) {
            assertEquals("hello", decode(new TrickleInputStream(bytes(atBound), maxPerRead, 0), 8192, MAX,
                    Limits.DEFAULTS).body());
            assertEquals(ParseRule.CHUNK_EXTENSIONS_TOO_LONG, decode(new TrickleInputStream(bytes(overBound), maxPerRead, 0),
                    8192, MAX, Limits.DEFAULTS).rule());
        }
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void extensionBytesAcrossChunksAreBounded() {
        Limits limits = Limits.builder().maxHeaderSize(100).build();
        String chunk = "1;" + "e".repeat(20) + "\r\nx\r\n";
        assertEquals("xxxx", decodeEveryWay(chunk.repeat(4) + "0\r\n\r\n", MAX, limits).body());
        assertEquals(ParseRule.CHUNK_EXTENSIONS_TOO_LONG, decodeEveryWay(chunk.repeat(5) + "0\r\n\r\n", MAX, limits).rule());
    }

    private static final Limits TRAILER_LIMITS = Limits.builder().maxHeaderSize(30).maxHeaders(2).build();

    @Test
    void trailerSectionAtTheLimitIsAccepted() {
        // 10 + 20 bytes of field lines with their CRLFs
        Decoded decoded = decodeEveryWay("0\r\nA: 34567\r\nB: " + "x".repeat(15) + "\r\n\r\n", MAX, TRAILER_LIMITS);
        assertEquals("A: 34567\nB: " + "x".repeat(15) + "\n", decoded.trailers());
    }

    @Test
    void trailerSectionOneOverTheLimitIs431() {
        Decoded decoded = decodeEveryWay("0\r\nA: 34567\r\nB: " + "x".repeat(16) + "\r\n\r\n", MAX, TRAILER_LIMITS);
        assertEquals(431, decoded.status());
        assertEquals(ParseRule.TRAILERS_TOO_LARGE, decoded.rule());
    }

    @Test
    void endlessTrailerLineIs431WithoutReadingOn() {
        Decoded decoded = decodeEveryWay("0\r\nA: " + "x".repeat(100), MAX, TRAILER_LIMITS);
        assertEquals(431, decoded.status());
    }

    @Test
    void tooManyTrailerFieldsIs431() {
        Decoded decoded = decodeEveryWay("0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", MAX, TRAILER_LIMITS);
        assertEquals(431, decoded.status());
        assertEquals(ParseRule.TOO_MANY_TRAILERS, decoded.rule());
    }

    // ---- stream behaviour ----

    private static ChunkedInputStream chunked(String wire, long max) {
        return new ChunkedInputStream(new ConnectionInput(TrickleInputStream.whole(wire), 64, null), max, Limits.DEFAULTS);
    }

    @Test
    void singleByteReadsDecodeTheSameAndEndWithMinusOne() throws IOException {
        ChunkedInputStream body = chunked("2\r\nab\r\n1\r\n\u00ff\r\n0\r\n\r\n", MAX);
        assertEquals('a', body.read());
        assertEquals('b', body.read());
        assertEquals(0xFF, body.read());
        assertEquals(-1, body.read());
        assertEquals(-1, body.read(new byte[4], 0, 4));
        assertEquals(3, body.bytesRead());
    }

    @Test
    void closeKeepsTheConnectionOpenAndSkipStillWorks() throws IOException {
        TrickleInputStream socket = TrickleInputStream.whole("5\r\nhello\r\n0\r\n\r\nNEXT");
        ConnectionInput in = new ConnectionInput(socket, 64, null);
        ChunkedInputStream body = new ChunkedInputStream(in, MAX, Limits.DEFAULTS);
        assertEquals('h', body.read());
        body.close();
        assertFalse(socket.isClosed());
        assertThrows(IOException.class, body::read);
        assertTrue(body.skipRemaining(100));
        assertEquals("NEXT", Feeds.rest(in));
    }

    @Test
    void skipRemainingStopsAtItsBound() throws IOException {
        ChunkedInputStream body = chunked("a\r\n0123456789\r\na\r\n0123456789\r\n0\r\n\r\n", MAX);
        assertFalse(body.skipRemaining(15));
        assertEquals(15, body.bytesRead());
        assertFalse(body.isFinished());
        assertEquals('5', body.read());
        assertTrue(body.skipRemaining(4));
        assertTrue(body.isFinished());
        assertEquals(20, body.bytesRead());
    }

    @Test
    void skipRemainingOfAnOversizedBodyIs413() {
        ChunkedInputStream body = chunked("5\r\nhello\r\n20\r\n", 10);
        HttpParseException e = assertThrows(HttpParseException.class, () -> body.skipRemaining(1000));
        assertEquals(413, e.status());
    }

    @Test
    void availableCountsOnlyBufferedDataOfTheCurrentChunk() throws IOException {
        ChunkedInputStream body = chunked("5\r\nhello\r\n0\r\n\r\n", MAX);
        assertEquals(0, body.available());
        assertEquals('h', body.read());
        assertEquals(4, body.available());
    }
}
