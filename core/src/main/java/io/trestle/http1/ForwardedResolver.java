package io.trestle.http1;

import io.trestle.Headers;
import java.net.InetAddress;
import java.util.List;

/**
 * Finds the client's address and scheme behind trusted reverse proxies.
 *
 * <pre>{@code
 * ForwardedResolver proxies = new ForwardedResolver(List.of("10.0.0.0/8", "::1"));
 * ForwardedResolver.Resolved r = proxies.resolve(peer, headers, false);
 * r.clientAddress();   // "203.0.113.7"
 * r.scheme();          // "https"
 * }</pre>
 *
 * <p>Headers are read only when the TCP peer is a trusted proxy; then the RFC 7239
 * {@code Forwarded} header, when present, wins over {@code X-Forwarded-For} /
 * {@code X-Forwarded-Proto}. The chain is walked from the right (the nearest proxy) past every
 * trusted address, and the first untrusted one is the client: entries a client prepends itself
 * are never reached. When every hop is trusted, the leftmost is the client. A hop whose
 * {@code for} is missing, {@code unknown} or obfuscated ends the walk, and the nearest known
 * address stands in. Anything malformed on the way makes the whole answer fall back to the peer.
 * The scheme is the {@code proto} of the chosen hop, else of the nearest hop that gave one.
 *
 * <p>Addresses are printed canonically: IPv4 dotted, IPv6 in RFC 5952 form ({@code 2001:db8::1}),
 * IPv4-mapped IPv6 as IPv4. No name is ever resolved through DNS.
 */
public final class ForwardedResolver {

    /** Who the client is: its IP address (never empty for a known peer) and {@code http}/{@code https}. */
    public record Resolved(String clientAddress, String scheme) {
    }

    private static final byte[] UNKNOWN = new byte[0];

    private final IpBlock[] trusted;

    /**
     * @param trustedProxies addresses and CIDR blocks, e.g. {@code 10.0.0.0/8}, {@code ::1},
     *                       {@code 127.0.0.1/32}
     * @throws IllegalArgumentException naming the first entry that is not one
     */
    public ForwardedResolver(List<String> trustedProxies) {
        trusted = new IpBlock[trustedProxies.size()];
        for (int i = 0; i < trusted.length; i++) {
            trusted[i] = IpBlock.parse(trustedProxies.get(i));
        }
    }

    /**
     * @param peer the TCP peer ({@code null} when there is none, e.g. a Unix socket: then "")
     * @param tls  whether the connection to us is TLS (the scheme when no trusted proxy says otherwise)
     */
    public Resolved resolve(InetAddress peer, Headers headers, boolean tls) {
        String direct = tls ? "https" : "http";
        if (peer == null) {
            return new Resolved("", direct);
        }
        byte[] peerAddress = IpLiteral.normalize(peer.getAddress());
        if (!isTrusted(peerAddress)) {
            return new Resolved(IpLiteral.format(peerAddress), direct);
        }
        List<String> forwarded = headers.all("Forwarded");
        List<ProxyHop> hops = forwarded.isEmpty()
                ? ForwardedHeader.parseXForwarded(headers.all("X-Forwarded-For"), headers.all("X-Forwarded-Proto"))
                : ForwardedHeader.parseForwarded(forwarded);
        return walk(hops, peerAddress, direct);
    }

    /** Whether {@code address} is one of the trusted proxies. */
    public boolean isTrusted(InetAddress address) {
        return address != null && isTrusted(IpLiteral.normalize(address.getAddress()));
    }

    private Resolved walk(List<ProxyHop> hops, byte[] peer, String direct) {
        byte[] nearest = peer;
        String scheme = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            ProxyHop hop = hops.get(i);
            if (hop.malformed()) {
                return new Resolved(IpLiteral.format(peer), direct);
            }
            String proto = scheme(hop.proto());
            if (proto != null) {
                scheme = proto;
            }
            byte[] node = hop.node() == null ? UNKNOWN : parseNode(hop.node());
            if (node == null) {
                return new Resolved(IpLiteral.format(peer), direct);
            }
            if (node == UNKNOWN) {
                break;
            }
            nearest = node;
            if (!isTrusted(node)) {
                break;
            }
        }
        return new Resolved(IpLiteral.format(nearest), scheme != null ? scheme : direct);
    }

    private boolean isTrusted(byte[] address) {
        for (IpBlock block : trusted) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static String scheme(String proto) {
        if ("https".equalsIgnoreCase(proto)) {
            return "https";
        }
        return "http".equalsIgnoreCase(proto) ? "http" : null;
    }

    /**
     * The address in a node ({@code 192.0.2.1}, {@code 192.0.2.1:80}, {@code [2001:db8::1]:80}, or
     * a bare IPv6 literal as some proxies write it); {@link #UNKNOWN} for {@code unknown} or an
     * obfuscated {@code _name}; {@code null} when malformed.
     */
    static byte[] parseNode(String node) {
        int length = node.length();
        if (length > 0 && node.charAt(0) == '[') {
            int close = node.indexOf(']');
            if (close < 0 || (close + 1 < length && (node.charAt(close + 1) != ':' || !isPort(node, close + 2)))) {
                return null;
            }
            byte[] v6 = IpLiteral.parseIpv6(node, 1, close);
            return v6 == null ? null : IpLiteral.normalize(v6);
        }
        int colon = node.indexOf(':');
        if (colon >= 0 && node.indexOf(':', colon + 1) >= 0) {
            byte[] v6 = IpLiteral.parseIpv6(node, 0, length);
            return v6 == null ? null : IpLiteral.normalize(v6);
        }
        int end = colon < 0 ? length : colon;
        if (colon >= 0 && !isPort(node, colon + 1)) {
            return null;
        }
        if (end == 7 && node.regionMatches(true, 0, "unknown", 0, 7)) {
            return UNKNOWN;
        }
        if (end > 1 && node.charAt(0) == '_') {
            return isObfuscated(node, 1, end) ? UNKNOWN : null;
        }
        return IpLiteral.parseIpv4(node, 0, end);
    }

    /** A port from {@code from} to the end: 1 to 5 digits, or an obfuscated {@code _name}. */
    private static boolean isPort(String s, int from) {
        int length = s.length();
        if (from < length && s.charAt(from) == '_') {
            return from + 1 < length && isObfuscated(s, from + 1, length);
        }
        if (from == length || length - from > 5) {
            return false;
        }
        int value = 0;
        for (int i = from; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 65535;
    }

    private static boolean isObfuscated(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
