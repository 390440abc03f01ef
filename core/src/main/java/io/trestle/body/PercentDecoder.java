package io.trestle.body;

import io.trestle.HttpException;
import io.trestle.Status;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding ({@code %XX}, and {@code +} as a space in form encoding) done exactly once,
 * strictly: a malformed escape or bytes that are not valid in the charset answer 400 rather than
 * being passed on half-decoded. Text with nothing to decode comes back without copying.
 *
 * <pre>{@code
 * PercentDecoder.decode("caf%C3%A9+au+lait", 0, 17, true, "query");   // "café au lait"
 * }</pre>
 */
public final class PercentDecoder {
    private PercentDecoder() {
    }

    /**
     * Decodes {@code s[from, to)} as UTF-8. Literal non-ASCII characters are kept as they are.
     *
     * @param what names the input in the 400 message, e.g. {@code "query"}
     * @throws HttpException 400 for a malformed escape or invalid UTF-8
     */
    public static String decode(String s, int from, int to, boolean plusIsSpace, String what) {
        boolean ascii = true;
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || (c == '+' && plusIsSpace)) {
                plain = false;
            } else if (c >= 0x80) {
                ascii = false;
            }
        }
        if (plain) {
            return from == 0 && to == s.length() ? s : s.substring(from, to);
        }
        // A BMP char is at most 3 UTF-8 bytes; a surrogate pair (2 chars) is 4.
        byte[] out = new byte[ascii ? to - from : 3 * (to - from)];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out[n++] = (byte) escapedByte(s, i, to, what);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out[n++] = ' ';
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                int cp = s.codePointAt(i);
                if (Character.isSurrogate((char) cp)) {
                    throw bad("invalid UTF-8 in " + what);
                }
                i += Character.charCount(cp) - 1;
                n = putUtf8(cp, out, n);
            }
        }
        String decoded = Utf8.decodeOrNull(out, 0, n);
        if (decoded == null) {
            throw bad("invalid UTF-8 in " + what);
        }
        return decoded;
    }

    /**
     * Decodes {@code src[from, to)}, raw bytes in {@code charset} (which must be ASCII-compatible,
     * as form bodies are), escapes included.
     *
     * @throws HttpException 400 for a malformed escape or bytes that are not valid in {@code charset}
     */
    public static String decode(byte[] src, int from, int to, boolean plusIsSpace, Charset charset, String what) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            plain = src[i] != '%' && !(src[i] == '+' && plusIsSpace);
        }
        byte[] bytes = src;
        int start = from;
        int end = to;
        if (!plain) {
            bytes = new byte[to - from];
            start = 0;
            end = 0;
            for (int i = from; i < to; i++) {
                byte b = src[i];
                if (b == '%') {
                    bytes[end++] = (byte) escapedByte(src, i, to, what);
                    i += 2;
                } else {
                    bytes[end++] = b == '+' && plusIsSpace ? (byte) ' ' : b;
                }
            }
        }
        String decoded = decodeStrict(bytes, start, end, charset);
        if (decoded == null) {
            throw bad("invalid " + charset.name() + " in " + what);
        }
        return decoded;
    }

    /** The value of hex digit {@code c}, or -1. */
    public static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Decodes bytes in {@code charset}, or returns {@code null} when they are not valid in it. */
    static String decodeStrict(byte[] bytes, int from, int to, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return Utf8.decodeOrNull(bytes, from, to);
        }
        if (charset.equals(StandardCharsets.ISO_8859_1)) {
            return new String(bytes, from, to - from, charset); // every byte is a character
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int escapedByte(String s, int at, int to, String what) {
        int hi = at + 2 < to ? hexValue(s.charAt(at + 1)) : -1;
        int lo = hi >= 0 ? hexValue(s.charAt(at + 2)) : -1;
        if (lo < 0) {
            throw bad("malformed percent-escape in " + what);
        }
        return hi << 4 | lo;
    }

    private static int escapedByte(byte[] s, int at, int to, String what) {
        int hi = at + 2 < to ? hexValue(s[at + 1]) : -1;
        int lo = hi >= 0 ? hexValue(s[at + 2]) : -1;
        if (lo < 0) {
            throw bad("malformed percent-escape in " + what);
        }
        return hi << 4 | lo;
    }

    private static int putUtf8(int cp, byte[] out, int n) {
        if (cp < 0x800) {
            out[n++] = (byte) (0xC0 | cp >> 6);
        } else if (cp < 0x10000) {
            out[n++] = (byte) (0xE0 | cp >> 12);
            out[n++] = (byte) (0x80 | (cp >> 6 & 0x3F));
        } else {
            out[n++] = (byte) (0xF0 | cp >> 18);
            out[n++] = (byte) (0x80 | (cp >> 12 & 0x3F));
            out[n++] = (byte) (0x80 | (cp >> 6 & 0x3F));
        }
        out[n++] = (byte) (0x80 | (cp & 0x3F));
        return n;
    }

    private static HttpException bad(String message) {
        return new HttpException(Status.BAD_REQUEST, message);
    }
}
