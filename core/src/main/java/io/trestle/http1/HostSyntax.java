package io.trestle.http1;

/**
 * The {@code uri-host [ ":" port ]} grammar of the Host header and of an absolute-form target's
 * authority (RFC 9110 §7.2, RFC 3986 §3.2.2–3.2.3): a bracketed IPv6 literal, or a reg-name
 * (which covers IPv4 addresses) of unreserved characters, sub-delims and percent-encodings,
 * optionally followed by a port of at most 65535.
 */
final class HostSyntax {
    private static final int MAX_PORT = 65535;

    private HostSyntax() {
    }

    /**
     * The host of {@code hostAndPort} without its port (an IPv6 literal keeps its brackets), or
     * {@code null} when the value does not follow the grammar. An empty value gives {@code ""},
     * which RFC 9112 §3.2 allows in a Host header.
     */
    static String hostOf(String hostAndPort) {
        int to = hostAndPort.length();
        int hostEnd = hostAndPort.isEmpty() || hostAndPort.charAt(0) != '[' ? regNameEnd(hostAndPort)
                : ipLiteralEnd(hostAndPort);
        if (hostEnd < 0 || !isPort(hostAndPort, hostEnd, to)) {
            return null;
        }
        return hostEnd == to ? hostAndPort : hostAndPort.substring(0, hostEnd);
    }

    /** The end of a reg-name at the start of {@code s}, or -1 if a character is not allowed. */
    private static int regNameEnd(String s) {
        int i = 0;
        for (; i < s.length() && s.charAt(i) != ':'; i++) {
            char c = s.charAt(i);
            if (c > 0x7F || !HttpChars.isRegNameChar((byte) c)) {
                return -1;
            }
            if (c == '%' && !isPercentEncoding(s, i)) {
                return -1;
            }
        }
        return i;
    }

    private static boolean isPercentEncoding(String s, int percent) {
        return percent + 2 < s.length() && isHex(s.charAt(percent + 1)) && isHex(s.charAt(percent + 2));
    }

    /** The end of {@code [IPv6]} at the start of {@code s} (after the bracket), or -1. */
    private static int ipLiteralEnd(String s) {
        int close = s.indexOf(']');
        return close > 1 && isIpv6(s, 1, close) ? close + 1 : -1;
    }

    /** {@code "" | ":" *DIGIT} with a value of at most 65535. */
    private static boolean isPort(String s, int from, int to) {
        if (from == to) {
            return true;
        }
        if (s.charAt(from) != ':' || to - from - 1 > 5) {
            return false;
        }
        int port = 0;
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= MAX_PORT;
    }

    /** RFC 3986 IPv6address: eight 16-bit groups, one {@code ::} for a run of zeros, an IPv4 tail. */
    static boolean isIpv6(String s, int from, int to) {
        int groups = 0;
        boolean compressed = false;
        int i = from;
        if (s.startsWith("::", i)) {
            compressed = true;
            i += 2;
        }
        while (i < to) {
            int start = i;
            while (i < to && i - start < 5 && isHex(s.charAt(i))) {
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                if (!isIpv4(s, start, to)) {
                    return false;
                }
                groups += 2;
                break;
            }
            if (i == start || i - start > 4) {
                return false;
            }
            groups++;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':' || ++i == to) {
                return false;
            }
            if (s.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }

    /** Dotted IPv4: four decimal octets of one to three digits, each at most 255. */
    private static boolean isIpv4(String s, int from, int to) {
        int octets = 0;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || value > 255) {
                return false;
            }
            if (++octets == 4) {
                return i == to;
            }
            if (i == to || s.charAt(i) != '.') {
                return false;
            }
            i++;
        }
    }

    private static boolean isHex(char c) {
        return c < 0x80 && HttpChars.isHex((byte) c);
    }
}
