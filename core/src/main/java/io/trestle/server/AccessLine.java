package io.trestle.server;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One access-log line being built, as ASCII bytes: what the client sent is escaped so that it
 * can neither forge a line nor break the quoting. One per connection thread, reused for its
 * requests; building bytes here rather than a String saved two copies of every line.
 */
final class AccessLine {
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private byte[] bytes = new byte[256];
    private int length;

    AccessLine clear() {
        length = 0;
        return this;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    AccessLine append(char ascii) {
        ensure(1);
        bytes[length++] = (byte) ascii;
        return this;
    }

    /** Appends text the server made (an address, a method, a protocol): ASCII already. */
    AccessLine appendAscii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length + i] = (byte) s.charAt(i);
        }
        length += n;
        return this;
    }

    AccessLine append(byte[] ascii) {
        ensure(ascii.length);
        System.arraycopy(ascii, 0, bytes, length, ascii.length);
        length += ascii.length;
        return this;
    }

    /** Appends a non-negative number in decimal. */
    AccessLine append(long n) {
        int digits = 1;
        for (long rest = n / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensure(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        length += digits;
        return this;
    }

    /**
     * Appends what a client sent: {@code "} and {@code \} get a backslash, and every byte
     * outside printable ASCII becomes {@code \xHH} (characters beyond Latin-1, which only a
     * decoded value such as a user name can hold, as the bytes of their UTF-8 form), as nginx
     * and Apache write them.
     */
    AccessLine appendEscaped(String s) {
        int n = s.length();
        ensure(n); // a byte per character; an escape first makes room for its extra bytes
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                bytes[length++] = (byte) c;
            } else if (c == '"' || c == '\\') {
                ensure(2 + n - i - 1);
                bytes[length++] = '\\';
                bytes[length++] = (byte) c;
            } else if (c < 0x100) {
                ensure(4 + n - i - 1);
                escapeByte(c);
            } else {
                int cp = Character.codePointAt(s, i);
                if (Character.isSupplementaryCodePoint(cp)) {
                    i++;
                }
                ensure(16 + n - i - 1);
                escapeUtf8(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE ? 0xfffd : cp); // a lone surrogate: U+FFFD
            }
        }
        return this;
    }

    /**
     * Appends {@code s} escaped, reusing the bytes escaped the last time this memo saw the very
     * same String: a connection's requests repeat their target and headers, and the parser hands
     * back the same String for a repeated value (RecentStrings).
     */
    AccessLine appendEscaped(String s, Memo memo) {
        if (s == memo.value) {
            ensure(memo.length);
            System.arraycopy(memo.escaped, 0, bytes, length, memo.length);
            length += memo.length;
            return this;
        }
        int start = length;
        appendEscaped(s);
        memo.remember(s, bytes, start, length - start);
        return this;
    }

    /** The last value appended through it, escaped; one per field and connection. */
    static final class Memo {
        private String value;
        private byte[] escaped = new byte[64];
        private int length;

        private void remember(String s, byte[] from, int offset, int n) {
            if (n > escaped.length) {
                escaped = new byte[Math.max(n, escaped.length * 2)];
            }
            System.arraycopy(from, offset, escaped, 0, n);
            length = n;
            value = s;
        }
    }

    private void escapeUtf8(int cp) {
        if (cp < 0x800) {
            escapeByte(0xc0 | cp >> 6);
        } else if (cp < 0x10000) {
            escapeByte(0xe0 | cp >> 12);
            escapeByte(0x80 | cp >> 6 & 0x3f);
        } else {
            escapeByte(0xf0 | cp >> 18);
            escapeByte(0x80 | cp >> 12 & 0x3f);
            escapeByte(0x80 | cp >> 6 & 0x3f);
        }
        escapeByte(0x80 | cp & 0x3f);
    }

    private void escapeByte(int b) {
        bytes[length++] = '\\';
        bytes[length++] = 'x';
        bytes[length++] = HEX[b >> 4 & 0xf];
        bytes[length++] = HEX[b & 0xf];
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
