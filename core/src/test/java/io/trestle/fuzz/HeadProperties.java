package io.trestle.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.trestle.Headers;
import io.trestle.http1.Limits;
import io.trestle.http1.RequestHead;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The properties every input must keep through the request-head parser, whoever produced it (the
 * fuzzer, a generator, a hand-written smuggling vector):
 * <ol>
 *   <li>only typed outcomes come out (see {@link HeadVerdict}), and a refusal carries a rule
 *       whose status is a client error or 501/505;
 *   <li>the outcome is the same however the bytes are split into reads;
 *   <li>the connection's buffer never grows past the larger limit, and with one byte per read the
 *       parser draws no byte past the head it accepts, nor much past the limits before refusing;
 *   <li>an accepted head has unambiguous framing (see {@link #checkFraming});
 *   <li>an accepted head, written out again, parses to the same head.
 * </ol>
 */
final class HeadProperties {
    /** Small enough that every limit is within a fuzzer's reach. */
    static final Limits FUZZ_LIMITS = Limits.builder().maxRequestLine(256).maxHeaderSize(512)
            .maxHeaders(16).maxBodySize(64).build();
    /** Re-serializing adds a space after each colon; the copy must not trip a limit the original passed. */
    private static final Limits ROOMY = Limits.builder().maxRequestLine(1 << 16)
            .maxHeaderSize(1 << 16).maxHeaders(1000).build();
    private static final int ROOMY_BUFFER = 8192;
    /** Forces the buffer to grow and compact on nearly every head. */
    private static final int TINY_BUFFER = 5;
    /** Up to five empty lines ("\r\n") are read before the parser refuses them. */
    private static final int LEADING_LINES_BYTES = 10;
    private static final Set<Integer> PARSE_STATUSES = Set.of(400, 414, 417, 431, 501, 505);

    private HeadProperties() {
    }

    /** Checks every property on {@code input}; returns the verdict of a whole read. */
    static HeadVerdict check(byte[] input, Limits limits) {
        HeadVerdict whole = HeadVerdict.parse(input, limits, ROOMY_BUFFER, Integer.MAX_VALUE);
        HeadVerdict oneByte = HeadVerdict.parse(input, limits, TINY_BUFFER, 1);
        // A few bytes per read, how many depending on the input so that fuzzing varies it.
        HeadVerdict fewBytes = HeadVerdict.parse(input, limits, TINY_BUFFER, 2 + Math.floorMod(input.length, 13));
        assertEquals(whole.key(), oneByte.key(), "one byte per read");
        assertEquals(whole.key(), fewBytes.key(), "a few bytes per read");

        int maxLine = Math.max(limits.maxRequestLineBytes(), limits.maxHeaderBytes()) + 2;
        for (HeadVerdict v : new HeadVerdict[] {whole, oneByte, fewBytes}) {
            int initial = v == whole ? ROOMY_BUFFER : TINY_BUFFER;
            assertTrue(v.largestBuffer() <= Math.max(initial, maxLine), () -> "buffer grew to " + v.largestBuffer());
        }
        if (whole.accepted()) {
            assertEquals(whole.consumed(), oneByte.drawn(), "read past the end of the head");
        } else {
            int bound = LEADING_LINES_BYTES + limits.maxRequestLineBytes() + 2 + limits.maxHeaderBytes() + 4;
            assertTrue(oneByte.drawn() <= bound, () -> "drew " + oneByte.drawn() + " bytes before answering");
        }
        switch (whole.outcome()) {
            case "refused" -> {
                assertNotNull(whole.rule(), "a refusal names its rule");
                assertEquals(whole.rule().status(), whole.status());
                assertTrue(PARSE_STATUSES.contains(whole.status()), () -> "status " + whole.status());
            }
            case "head" -> {
                checkConsumedHead(input, whole.consumed());
                checkFraming(whole.head());
                checkReserialized(whole.head());
            }
            case "none" -> assertTrue(isOnlyLineEnds(input), "null only for an input of nothing but empty lines");
            case "eof" -> assertFalse(containsEmptyLine(input), "EOF although the head had ended");
            default -> fail(whole.outcome());
        }
        return whole;
    }

    /** The head taken is {@code *(CRLF) request-line CRLF *(field-line CRLF) CRLF}, and no more. */
    private static void checkConsumedHead(byte[] input, int consumed) {
        assertTrue(consumed >= 4 && consumed <= input.length, "consumed " + consumed);
        String head = new String(input, 0, consumed, StandardCharsets.ISO_8859_1);
        assertEquals(-1, head.replace("\r\n", "").indexOf('\r'), "no bare CR in an accepted head");
        assertEquals(-1, head.replace("\r\n", "").indexOf('\n'), "no bare LF in an accepted head");
        assertEquals(consumed - 4, head.indexOf("\r\n\r\n", afterLeadingLines(head)),
                "the head ends at its first empty line");
    }

    private static int afterLeadingLines(String s) {
        int start = 0;
        while (s.startsWith("\r\n", start)) {
            start += 2;
        }
        return start;
    }

    /**
     * No way to read two lengths into the head: at most one Content-Length, of digits only, equal
     * to the length decided; Transfer-Encoding only in HTTP/1.1, never with Content-Length, and
     * then exactly {@code chunked}; exactly one Host in HTTP/1.1; names are tokens and values hold
     * no control characters and no outer whitespace.
     */
    static void checkFraming(RequestHead head) {
        Headers h = head.headers();
        String contentLength = null;
        StringBuilder transferEncoding = null;
        int hosts = 0;
        for (int i = 0; i < h.size(); i++) {
            String name = h.nameAt(i);
            String value = h.valueAt(i);
            checkField(name, value);
            if (name.equalsIgnoreCase("Content-Length")) {
                assertTrue(contentLength == null, "two Content-Length fields accepted");
                contentLength = value;
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                transferEncoding = transferEncoding == null ? new StringBuilder(value)
                        : transferEncoding.append(',').append(value);
            } else if (name.equalsIgnoreCase("Host")) {
                hosts++;
            }
        }
        assertTrue(hosts <= 1 && (hosts == 1 || !head.isHttp11()), "Host fields: " + hosts);
        assertFalse(head.isChunked() && head.contentLength() >= 0, "both chunked and a length");
        if (contentLength == null) {
            assertEquals(-1, head.contentLength());
        } else {
            assertTrue(!contentLength.isEmpty() && contentLength.chars().allMatch(c -> c >= '0' && c <= '9'),
                    "Content-Length accepted: " + contentLength);
            assertEquals(new BigInteger(contentLength), BigInteger.valueOf(head.contentLength()));
        }
        if (transferEncoding == null) {
            assertFalse(head.isChunked());
        } else {
            assertTrue(head.isChunked() && head.isHttp11() && contentLength == null);
            assertTrue(transferEncoding.toString().strip().equalsIgnoreCase("chunked"),
                    "Transfer-Encoding accepted: " + transferEncoding);
        }
    }

    private static void checkField(String name, String value) {
        assertFalse(name.isEmpty());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            assertTrue(c > ' ' && c < 0x7F && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0, "name " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            assertTrue(c == '\t' || (c >= ' ' && c != 0x7F && c <= 0xFF), "control character in " + name);
        }
        assertTrue(value.isEmpty() || (!isOws(value.charAt(0)) && !isOws(value.charAt(value.length() - 1))),
                () -> "value keeps outer whitespace: [" + value + "]");
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }

    /** Writes the head out again (absolute-form when it has a host, to carry it) and parses it back. */
    static void checkReserialized(RequestHead head) {
        StringBuilder sb = new StringBuilder(256).append(head.method()).append(' ');
        if (head.target().startsWith("/") && !head.host().isEmpty()) {
            sb.append("http://").append(head.host());
        }
        sb.append(head.target()).append(' ').append(head.version()).append("\r\n");
        Headers h = head.headers();
        for (int i = 0; i < h.size(); i++) {
            sb.append(h.nameAt(i)).append(": ").append(h.valueAt(i)).append("\r\n");
        }
        byte[] copy = sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        HeadVerdict again = HeadVerdict.parse(copy, ROOMY, ROOMY_BUFFER, Integer.MAX_VALUE);
        assertTrue(again.accepted(), () -> "the re-serialized head was refused: " + again + "\n" + sb);
        assertEquals(HeadVerdict.describe(head), HeadVerdict.describe(again.head()), "re-serialized head");
        assertEquals(copy.length, again.consumed());
    }

    private static boolean isOnlyLineEnds(byte[] input) {
        String s = new String(input, StandardCharsets.ISO_8859_1);
        return afterLeadingLines(s) == s.length();
    }

    /** Whether a head could have ended: an empty line after the request line began. */
    private static boolean containsEmptyLine(byte[] input) {
        String s = new String(input, StandardCharsets.ISO_8859_1);
        return s.indexOf("\r\n\r\n", afterLeadingLines(s)) >= 0;
    }
}
