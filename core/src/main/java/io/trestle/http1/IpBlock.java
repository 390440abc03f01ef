package io.trestle.http1;

/**
 * An address or CIDR block of trusted proxies: {@code 10.0.0.0/8}, {@code 127.0.0.1},
 * {@code ::1}, {@code 2001:db8::/32}, {@code [fd00::]/8}.
 *
 * <pre>{@code
 * IpBlock.parse("10.0.0.0/8").contains(IpLiteral.parse("10.1.2.3"));   // true
 * }</pre>
 *
 * <p>Host bits below the prefix are ignored ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}). An
 * IPv4-mapped block ({@code ::ffff:10.0.0.0/104}) is kept as the IPv4 block it names; an IPv6
 * block wide enough to cover the mapped range ({@code ::/0}) also matches IPv4 addresses.
 */
final class IpBlock {
    private final byte[] network;
    private final int prefix;

    private IpBlock(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** Parses one entry; throws {@link IllegalArgumentException} naming it when it is not valid. */
    static IpBlock parse(String entry) {
        String s = entry.strip();
        int slash = s.indexOf('/');
        int end = slash < 0 ? s.length() : slash;
        int from = 0;
        if (end >= 2 && s.charAt(0) == '[' && s.charAt(end - 1) == ']') {
            from = 1;
            end--;
        }
        byte[] address = from == 1 ? IpLiteral.parseIpv6(s, from, end) : parseAny(s, end);
        if (address == null) {
            throw new IllegalArgumentException("trusted proxy '" + entry
                    + "' is not an IP address or CIDR block (host names are not resolved)");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            prefix = parsePrefix(s, slash + 1);
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("trusted proxy '" + entry + "' has a bad prefix length (0 to "
                        + bits + ")");
            }
        }
        if (address.length == 16 && prefix >= 96 && IpLiteral.isMapped(address)) {
            address = IpLiteral.normalize(address);
            prefix -= 96;
        }
        mask(address, prefix);
        return new IpBlock(address, prefix);
    }

    /** Whether {@code address} (4 or 16 bytes, IPv4-mapped already reduced) is in this block. */
    boolean contains(byte[] address) {
        byte[] a = address;
        if (a.length != network.length) {
            if (a.length != 4) {
                return false; // an IPv6 address is never in an IPv4 block
            }
            a = new byte[16];
            a[10] = (byte) 0xFF;
            a[11] = (byte) 0xFF;
            System.arraycopy(address, 0, a, 12, 4);
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int m = 0xFF << (8 - rest) & 0xFF;
        return (a[whole] & m) == (network[whole] & 0xFF);
    }

    @Override
    public String toString() {
        return IpLiteral.format(network) + "/" + prefix;
    }

    /** Sixteen bytes for any IPv6 spelling (so the prefix counts IPv6 bits), four for IPv4. */
    private static byte[] parseAny(String s, int end) {
        return s.lastIndexOf(':', end - 1) >= 0 ? IpLiteral.parseIpv6(s, 0, end) : IpLiteral.parseIpv4(s, 0, end);
    }

    private static int parsePrefix(String s, int from) {
        int to = s.length();
        if (from == to || to - from > 3) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void mask(byte[] address, int prefix) {
        for (int bit = prefix; bit < address.length * 8; bit++) {
            address[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
    }
}
