package io.trestle.http1;

/**
 * Byte classes of the HTTP and URI grammars, looked up in one table so that the parser tests a
 * byte with an array read and a mask instead of a chain of comparisons.
 */
final class HttpChars {
    private static final byte TOKEN = 1;        // RFC 9110 §5.6.2 tchar
    private static final byte TARGET = 2;       // RFC 3986: unreserved, gen-delims but '#', sub-delims, '%'
    private static final byte REG_NAME = 4;     // RFC 3986 §3.2.2: unreserved, sub-delims, '%'
    private static final byte HEX = 8;          // HEXDIG
    private static final byte FIELD_VALUE = 16; // RFC 9110 §5.5: VCHAR, obs-text, SP, HTAB
    private static final byte QDTEXT = 32;      // RFC 9110 §5.6.4: HTAB, SP, VCHAR but '"' and '\', obs-text

    private static final byte[] CLASSES = new byte[256];

    static {
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        mark(alnum + "!#$%&'*+-.^_`|~", TOKEN);
        mark(alnum + "-._~" + ":/?[]@" + "!$&'()*+,;=" + "%", TARGET);
        mark(alnum + "-._~" + "!$&'()*+,;=" + "%", REG_NAME);
        mark("0123456789ABCDEFabcdef", HEX);
        for (int b = 0x20; b < 256; b++) {
            if (b != 0x7F) {
                CLASSES[b] |= FIELD_VALUE;
                if (b != '"' && b != '\\') {
                    CLASSES[b] |= QDTEXT;
                }
            }
        }
        CLASSES['\t'] |= FIELD_VALUE | QDTEXT;
    }

    private HttpChars() {
    }

    private static void mark(String chars, byte flag) {
        for (int i = 0; i < chars.length(); i++) {
            CLASSES[chars.charAt(i)] |= flag;
        }
    }

    static boolean isToken(byte b) {
        return (CLASSES[b & 0xFF] & TOKEN) != 0;
    }

    static boolean isTargetChar(byte b) {
        return (CLASSES[b & 0xFF] & TARGET) != 0;
    }

    static boolean isRegNameChar(byte b) {
        return (CLASSES[b & 0xFF] & REG_NAME) != 0;
    }

    static boolean isHex(byte b) {
        return (CLASSES[b & 0xFF] & HEX) != 0;
    }

    static boolean isFieldValueChar(byte b) {
        return (CLASSES[b & 0xFF] & FIELD_VALUE) != 0;
    }

    static boolean isQdText(byte b) {
        return (CLASSES[b & 0xFF] & QDTEXT) != 0;
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }

    /** The value of a hex digit (the caller has checked {@link #isHex}). */
    static int hexValue(byte b) {
        return b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }

    /** ASCII lower case of a byte; other bytes unchanged. */
    static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF || !isToken((byte) c)) {
                return false;
            }
        }
        return true;
    }
}
