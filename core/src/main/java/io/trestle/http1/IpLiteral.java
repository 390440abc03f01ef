package io.trestle.http1;

/**
 * IP address literals, parsed and printed without ever asking DNS: {@code InetAddress.getByName}
 * would resolve a host name a client put in a header, and {@code InetAddress.ofLiteral} is JDK 22+.
 *
 * <pre>{@code
 * byte[] a = IpLiteral.parse("::ffff:192.0.2.1");   // 4 bytes: IPv4-mapped IPv6 reduced to IPv4
 * IpLiteral.format(IpLiteral.parse("2001:DB8:0:0:0:0:0:1"));   // "2001:db8::1"
 * }</pre>
 *
 * <p>Strict: IPv4 is exactly four decimal parts with no leading zeros (is {@code 010} eight or
 * ten?); IPv6 follows RFC 4291 §2.2, without zone ids.
 */
final class IpLiteral {
    private IpLiteral() {
    }

    /** The address of an IPv4 or IPv6 literal (4 or 16 bytes, IPv4-mapped reduced to 4), or {@code null}. */
    static byte[] parse(String s) {
        return parse(s, 0, s.length());
    }

    static byte[] parse(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == ':') {
                byte[] v6 = parseIpv6(s, from, to);
                return v6 == null ? null : normalize(v6);
            }
        }
        return parseIpv4(s, from, to);
    }

    /** Four bytes for a dotted-quad IPv4 literal, or {@code null}. */
    static byte[] parseIpv4(String s, int from, int to) {
        byte[] out = new byte[4];
        int part = 0;
        int i = from;
        while (true) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return null;
            }
            out[part++] = (byte) value;
            if (part == 4) {
                return i == to ? out : null;
            }
            if (i == to || s.charAt(i) != '.') {
                return null;
            }
            i++;
        }
    }

    /** Sixteen bytes for an IPv6 literal (with {@code ::} and an optional IPv4 tail), or {@code null}. */
    static byte[] parseIpv6(String s, int from, int to) {
        byte[] out = new byte[16];
        int groups = 0;
        int gap = -1; // the group index where "::" stands
        int i = from;
        if (to - from >= 2 && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int start = i;
            int value = 0;
            int digit;
            while (i < to && i - start < 5 && (digit = hex(s.charAt(i))) >= 0) {
                value = value << 4 | digit;
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                byte[] v4 = groups <= 6 ? parseIpv4(s, start, to) : null;
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, groups * 2, 4);
                groups += 2;
                break;
            }
            if (i == start || i - start > 4 || groups == 8) {
                return null;
            }
            out[groups * 2] = (byte) (value >> 8);
            out[groups * 2 + 1] = (byte) value;
            groups++;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':' || ++i == to) {
                return null; // a stray character, or a single trailing ':'
            }
            if (s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null; // "::" twice
                }
                gap = groups;
                i++;
            }
        }
        if (gap < 0) {
            return groups == 8 ? out : null;
        }
        if (groups > 7) {
            return null; // "::" must stand for at least one group
        }
        int tail = (groups - gap) * 2;
        System.arraycopy(out, gap * 2, out, 16 - tail, tail);
        java.util.Arrays.fill(out, gap * 2, 16 - tail, (byte) 0);
        return out;
    }

    /** Reduces an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) to its 4 IPv4 bytes. */
    static byte[] normalize(byte[] address) {
        if (address.length != 16 || !isMapped(address)) {
            return address;
        }
        return new byte[] {address[12], address[13], address[14], address[15]};
    }

    static boolean isMapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
    }

    /** Dotted quad for IPv4; RFC 5952 form for IPv6 (lower case, longest zero run as "::"). */
    static String format(byte[] a) {
        StringBuilder sb = new StringBuilder(a.length == 4 ? 15 : 39);
        if (a.length == 4) {
            return sb.append(a[0] & 0xFF).append('.').append(a[1] & 0xFF).append('.')
                    .append(a[2] & 0xFF).append('.').append(a[3] & 0xFF).toString();
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened (RFC 5952 §4.2.2)
        for (int g = 0; g < 8; ) {
            int run = 0;
            while (g + run < 8 && group(a, g + run) == 0) {
                run++;
            }
            if (run > bestLength) {
                bestStart = g;
                bestLength = run;
            }
            g += Math.max(run, 1);
        }
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                sb.append("::");
                g += bestLength - 1;
                continue;
            }
            if (g > 0 && g != bestStart + bestLength) {
                sb.append(':');
            }
            sb.append(Integer.toHexString(group(a, g)));
        }
        return sb.toString();
    }

    private static int group(byte[] a, int g) {
        return (a[2 * g] & 0xFF) << 8 | (a[2 * g + 1] & 0xFF);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
