package io.trestle.http1;

/**
 * The Connection header's options that matter to HTTP/1.1 persistence (RFC 9110 §7.6.1,
 * RFC 9112 §9.3): {@code close} and {@code keep-alive}, matched without case. Other options are
 * accepted and ignored; empty list elements are ignored as RFC 9110 §5.6.1 requires.
 */
final class ConnectionOptions {
    static final int CLOSE = 1;
    static final int KEEP_ALIVE = 2;

    private ConnectionOptions() {
    }

    /** The options in {@code value} as {@link #CLOSE} / {@link #KEEP_ALIVE} bits; 400 if it is no token list. */
    static int parse(String value) throws HttpParseException {
        int options = 0;
        int n = value.length();
        int i = 0;
        while (i <= n) {
            i = TransferCodings.skipOws(value, i);
            int start = i;
            i = TransferCodings.skipToken(value, i);
            options |= option(value, start, i);
            i = TransferCodings.skipOws(value, i);
            if (i < n && value.charAt(i) != ',') {
                throw ParseRule.CONNECTION_INVALID.violation();
            }
            i++;
        }
        return options;
    }

    private static int option(String value, int from, int to) {
        int length = to - from;
        if (length == 5 && value.regionMatches(true, from, "close", 0, 5)) {
            return CLOSE;
        }
        if (length == 10 && value.regionMatches(true, from, "keep-alive", 0, 10)) {
            return KEEP_ALIVE;
        }
        return 0;
    }
}
