package io.trestle.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.http1.ChunkedInputStream;
import io.trestle.http1.ConnectionInput;
import io.trestle.http1.HttpParseException;
import io.trestle.http1.Limits;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The properties of the chunked decoder on any input: it agrees with {@link ReferenceChunkedDecoder}
 * (same decoded bytes, same end of body, same status), whether the body is read in arrays, byte by
 * byte or skipped; it never delivers more decoded bytes than its limit (413 instead); only
 * {@link HttpParseException} and {@link EOFException} come out; its buffer stays within the longest
 * line it may need; and fed one byte per read it draws no byte past the body's end.
 */
final class ChunkedProperties {
    private static final int ROOMY_BUFFER = 8192;
    private static final int TINY_BUFFER = 5;

    /** How the decoder is driven. */
    enum Reading { ARRAYS, DIRECT_ARRAYS, BYTES, SKIP }

    /** What one reading gave: "body", "eof" or a status; the decoded bytes (hex; "" when skipped). */
    record Verdict(String outcome, String decoded, long bytesRead, int end, int drawn, int largestBuffer) {
        String key(boolean withBytes) {
            return outcome + "|" + (withBytes ? decoded : "") + "|" + bytesRead + "|" + end;
        }
    }

    private ChunkedProperties() {
    }

    /** Checks every property on {@code input} as a chunked body; returns the reference verdict. */
    static ReferenceChunkedDecoder.Result check(byte[] input, Limits limits) {
        ReferenceChunkedDecoder.Result expected = ReferenceChunkedDecoder.decode(input, limits.maxBodyBytes(),
                limits.maxHeaderBytes(), limits.maxHeaderCount());
        String expectedDecoded = expected.decoded() == null ? null : HexFormat.of().formatHex(expected.decoded());
        int maxLine = Math.max(ReferenceChunkedDecoder.MAX_CHUNK_LINE, limits.maxHeaderBytes()) + 2;
        for (Reading reading : Reading.values()) {
            Verdict v = decode(input, limits, reading);
            String where = reading + " on " + printable(input);
            assertTrue(v.bytesRead() <= limits.maxBodyBytes(), () -> "decoded past the limit: " + where);
            int buffer = reading == Reading.ARRAYS ? ROOMY_BUFFER : TINY_BUFFER;
            assertTrue(v.largestBuffer() <= Math.max(buffer, maxLine), () -> "buffer of " + v.largestBuffer() + ": " + where);
            assertEquals(expected.outcome(), v.outcome(), where);
            if (expected.decoded() != null) {
                assertEquals(expected.end(), v.end(), () -> "end of body: " + where);
                assertEquals(expected.decoded().length, v.bytesRead(), () -> "bytesRead: " + where);
                if (reading != Reading.SKIP) {
                    assertEquals(expectedDecoded, v.decoded(), where);
                }
                if (reading == Reading.BYTES) {
                    assertEquals(v.end(), v.drawn(), () -> "read past the end of the body: " + where);
                }
            }
        }
        return expected;
    }

    /** Decodes {@code input} one way; lets any exception but the typed ones escape. */
    static Verdict decode(byte[] input, Limits limits, Reading reading) {
        ScriptedInput source = new ScriptedInput(input, switch (reading) {
            case ARRAYS, DIRECT_ARRAYS -> Integer.MAX_VALUE;
            case BYTES -> 1;
            case SKIP -> 3;
        });
        ConnectionInput in = new ConnectionInput(source, reading == Reading.ARRAYS ? ROOMY_BUFFER : TINY_BUFFER, null);
        ChunkedInputStream body = new ChunkedInputStream(in, limits.maxBodyBytes(), limits);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        String outcome;
        int end = -1;
        try {
            switch (reading) {
                case ARRAYS, DIRECT_ARRAYS -> {
                    // Reads of varying length; with the tiny buffer they bypass it (the direct path).
                    byte[] array = new byte[64];
                    source.callersArray(array);
                    int len = 1;
                    for (int n; (n = body.read(array, 0, len)) >= 0; len = 1 + len * 7 % 64) {
                        decoded.write(array, 0, n);
                    }
                }
                case BYTES -> {
                    for (int b; (b = body.read()) >= 0; ) {
                        decoded.write(b);
                    }
                }
                case SKIP -> assertTrue(body.skipRemaining(Long.MAX_VALUE));
            }
            assertTrue(body.isFinished());
            outcome = "body";
            end = source.drawn() - in.available();
        } catch (HttpParseException e) {
            assertNotNull(e.rule(), "a refusal names its rule");
            assertEquals(e.rule().status(), e.status());
            outcome = Integer.toString(e.status());
        } catch (EOFException e) {
            outcome = "eof";
        } catch (IOException e) {
            throw new UncheckedIOException("unexpected " + e, e);
        }
        return new Verdict(outcome, HexFormat.of().formatHex(decoded.toByteArray()), body.bytesRead(), end,
                source.drawn(), source.largestBuffer());
    }

    private static String printable(byte[] input) {
        String s = new String(input, 0, Math.min(input.length, 300), StandardCharsets.ISO_8859_1);
        return s.replace("\r", "\\r").replace("\n", "\\n") + (input.length > 300 ? "..." : "");
    }
}
