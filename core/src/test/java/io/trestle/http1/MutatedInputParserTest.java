package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random damage to valid requests: whatever a client sends, the parser and the chunked
 * decoder answer with a head, an {@link HttpParseException} carrying a 4xx/5xx rule, or an
 * {@link EOFException} — never a runtime exception, which would become a 500 — and they give
 * the same answer however the bytes are split into reads.
 */
class MutatedInputParserTest {
    private static final String VALID = "POST http://h.example:80/a/b?c=%20d HTTP/1.1\r\nHost: h.example\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: keep-alive\r\nExpect: 100-continue\r\nX-A:  v \r\n\r\n"
            + "5;ext=\"q\\\"s\"\r\nhello\r\n0\r\nDigest: x\r\n\r\n";
    private static final byte[] INTERESTING = " \t\r\n:;,\"\\%#/?*0159aAfFgGxX\u0000\u007f\u0080\u00ff".getBytes(
            StandardCharsets.ISO_8859_1);
    private static final Limits LIMITS = Limits.builder().maxHeaderSize(200).maxHeaders(8)
            .maxRequestLine(64).build();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void mutatedRequestsFailOnlyAsClientErrors(long seed) {
        Random random = new Random(seed);
        byte[] valid = VALID.getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 300; round++) {
            byte[] input = mutate(valid, random);
            String whole = outcome(TrickleInputStream.whole(input), 8192);
            assertEquals(whole, outcome(TrickleInputStream.oneByteReads(input), Feeds.TINY_BUFFER), "seed " + seed
                    + " round " + round + ": " + new String(input, StandardCharsets.ISO_8859_1));
        }
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] input = valid.clone();
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes; c++) {
            int at = random.nextInt(input.length);
            switch (random.nextInt(3)) {
                case 0 -> input[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 1 -> input[at] = (byte) random.nextInt(256);
                default -> {
                    byte[] shorter = new byte[input.length - 1];
                    System.arraycopy(input, 0, shorter, 0, at);
                    System.arraycopy(input, at + 1, shorter, at, shorter.length - at);
                    input = shorter;
                }
            }
        }
        return input;
    }

    /** Parses the head and decodes the body; describes the result. Any other exception fails the test. */
    private static String outcome(InputStream stream, int bufferSize) {
        ConnectionInput in = new ConnectionInput(stream, bufferSize, null);
        try {
            RequestHead head = new RequestHeadParser(LIMITS).parse(in);
            if (head == null) {
                return "null";
            }
            BodyInputStream body = head.isChunked() ? new ChunkedInputStream(in, 100, LIMITS)
                    : new FixedLengthInputStream(in, Math.max(0, Math.min(head.contentLength(), 1000)));
            return Feeds.describe(head) + " body=" + new String(body.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (HttpParseException e) {
            assertNotNull(e.rule());
            assertTrue(e.status() >= 400 && e.status() < 600);
            return e.status() + " " + e.rule();
        } catch (EOFException e) {
            return "EOF";
        } catch (IOException | RuntimeException e) {
            return fail("unexpected " + e, e);
        }
    }
}
