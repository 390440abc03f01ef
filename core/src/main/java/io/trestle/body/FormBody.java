package io.trestle.body;

import io.trestle.HttpException;
import io.trestle.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Parses an {@code application/x-www-form-urlencoded} body, with the same rules as
 * {@link QueryString} (the bytes between escapes are in the body's charset).
 *
 * <pre>{@code
 * Map<String, List<String>> form = FormBody.parse(req.body(), StandardCharsets.UTF_8, 64 * 1024);
 * String user = form.getOrDefault("user", List.of("")).get(0);
 * }</pre>
 */
public final class FormBody {
    /** Most pairs a form may have before the request is refused (400). */
    public static final int DEFAULT_MAX_PARAMS = 1000;

    private static final byte[] DELIMITERS = {'%', '+', '&', '=', 'a', '0'};

    private FormBody() {
    }

    /**
     * Reads and parses the whole body.
     *
     * @param charset  the charset of the Content-Type ({@code UTF-8} when it names none); must
     *                 spell ASCII as ASCII, as every charset a browser submits forms in does
     * @param maxBytes a body longer than this answers 413
     * @throws HttpException 413 beyond {@code maxBytes}; 415 for a charset like UTF-16; 400 for
     *         malformed escapes, bytes invalid in the charset or more than
     *         {@link #DEFAULT_MAX_PARAMS} pairs
     */
    public static Map<String, List<String>> parse(InputStream body, Charset charset, long maxBytes)
            throws IOException {
        return parse(body, charset, maxBytes, DEFAULT_MAX_PARAMS);
    }

    /** Like {@link #parse(InputStream, Charset, long)} with another cap on the number of pairs. */
    public static Map<String, List<String>> parse(InputStream body, Charset charset, long maxBytes, int maxParams)
            throws IOException {
        if (!asciiCompatible(charset)) {
            throw new HttpException(Status.UNSUPPORTED_MEDIA_TYPE,
                    "form bodies in " + charset.name() + " are not supported; use UTF-8");
        }
        ParamCollector params = new ParamCollector(maxParams, "form");
        byte[] bytes = readAtMost(body, maxBytes);
        int length = bytes.length;
        int start = 0;
        while (start < length) {
            int end = start;
            while (end < length && bytes[end] != '&') {
                end++;
            }
            if (end > start) {
                params.countOne();
                int eq = start;
                while (eq < end && bytes[eq] != '=') {
                    eq++;
                }
                String name = PercentDecoder.decode(bytes, start, eq, true, charset, "form field name");
                String value = eq < end
                        ? PercentDecoder.decode(bytes, eq + 1, end, true, charset, "form field value")
                        : "";
                params.add(name, value);
            }
            start = end + 1;
        }
        return params.result();
    }

    /** The whole stream, growing the buffer as data arrives rather than reserving maxBytes up front. */
    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes is negative: " + maxBytes);
        }
        long cap = Math.min(maxBytes, Integer.MAX_VALUE - 16);
        byte[] buf = new byte[(int) Math.min(cap + 1, 8192)];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (n > cap) {
                    throw new HttpException(Status.CONTENT_TOO_LARGE, "form body larger than " + maxBytes + " bytes");
                }
                buf = Arrays.copyOf(buf, (int) Math.min(cap + 1, 2L * buf.length));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                return n == buf.length ? buf : Arrays.copyOf(buf, n);
            }
            n += r;
        }
    }

    /** Whether {@code charset} encodes the form's delimiters as the same single ASCII bytes. */
    static boolean asciiCompatible(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)
                || charset.equals(StandardCharsets.US_ASCII)) {
            return true;
        }
        return charset.canEncode()
                && Arrays.equals(new String(DELIMITERS, StandardCharsets.US_ASCII).getBytes(charset), DELIMITERS);
    }
}
