package io.trestle.body;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 checks. {@code new String(bytes, UTF_8)} silently turns bad sequences into
 * U+FFFD, so two different byte strings could decode to the same name; we refuse them instead.
 *
 * <pre>{@code
 * Utf8.decodeOrNull(new byte[] {(byte) 0xC3, (byte) 0xA9}, 0, 2);   // "é"
 * Utf8.decodeOrNull(new byte[] {(byte) 0xC0, (byte) 0xAF}, 0, 2);   // null: overlong "/"
 * }</pre>
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * Whether {@code bytes[from, to)} is well-formed UTF-8 (RFC 3629): no overlong forms, no
     * surrogates, nothing above U+10FFFF, no truncated sequence.
     */
    public static boolean isValid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int lo = 0x80;
            int hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                if (b == 0xE0) {
                    lo = 0xA0; // shorter forms are overlong
                } else if (b == 0xED) {
                    hi = 0x9F; // U+D800..U+DFFF are surrogates
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                if (b == 0xF0) {
                    lo = 0x90;
                } else if (b == 0xF4) {
                    hi = 0x8F; // beyond U+10FFFF
                }
            } else {
                return false;
            }
            if (i + length > to) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < lo || second > hi) {
                return false;
            }
            for (int k = 2; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += length;
        }
        return true;
    }

    /** Decodes {@code bytes[from, to)}, or returns {@code null} when they are not valid UTF-8. */
    public static String decodeOrNull(byte[] bytes, int from, int to) {
        return isValid(bytes, from, to) ? new String(bytes, from, to - from, StandardCharsets.UTF_8) : null;
    }
}
