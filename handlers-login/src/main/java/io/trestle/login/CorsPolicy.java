package io.trestle.login;

import io.trestle.Request;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which origins may call with credentials from another site, and what counts as the request's
 * own origin. Origins compare as {@code scheme://host[:port]}, lower case, default ports
 * dropped; {@code *} is refused, since credentials must never be shared with any site.
 *
 * <pre>{@code
 * CorsPolicy cors = CorsPolicy.of(List.of("https://app.example.com"));
 * cors.allows("https://APP.example.com:443");        // true
 * CorsPolicy.isSameOrigin("http://localhost:8080", req);
 * }</pre>
 */
final class CorsPolicy {
    private final Set<String> origins;

    private CorsPolicy(Set<String> origins) {
        this.origins = Collections.unmodifiableSet(new LinkedHashSet<>(origins)); // in the order given, for the log
    }

    /** @throws IllegalArgumentException for {@code *} or text that is no origin */
    static CorsPolicy of(List<String> origins) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String o : origins) {
            if (o.equals("*")) {
                throw new IllegalArgumentException("'*' is not allowed: list the origins (credentials are never shared with every site)");
            }
            String n = normalize(o);
            if (n == null) {
                throw new IllegalArgumentException("not an origin: '" + o + "' (expected http(s)://host[:port], no path)");
            }
            normalized.add(n);
        }
        return new CorsPolicy(normalized);
    }

    /** The allowed origins, normalized, in the order given. */
    List<String> origins() {
        return List.copyOf(origins);
    }

    boolean isEmpty() {
        return origins.isEmpty();
    }

    boolean allows(String origin) {
        if (origins.isEmpty()) {
            return false;
        }
        String n = normalize(origin);
        return n != null && origins.contains(n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorsPolicy p && p.origins.equals(origins);
    }

    @Override
    public int hashCode() {
        return origins.hashCode();
    }

    @Override
    public String toString() {
        return "CorsPolicy" + origins;
    }

    /** Whether {@code origin} is the request's own: its scheme (proxies honoured) and Host. */
    static boolean isSameOrigin(String origin, Request req) {
        String host = req.header("Host");
        if (host == null || host.isEmpty()) {
            return false;
        }
        String own = normalize(req.scheme() + "://" + host);
        return own != null && own.equals(normalize(origin));
    }

    /** {@code scheme://host[:port]} in canonical form, or null when {@code origin} is none. */
    static String normalize(String origin) {
        int sep = origin.indexOf("://");
        if (sep < 0) {
            return null;
        }
        String scheme = origin.substring(0, sep).toLowerCase(Locale.ROOT);
        String defaultPort = switch (scheme) {
            case "http" -> "80";
            case "https" -> "443";
            default -> null;
        };
        String authority = origin.substring(sep + 3);
        if (defaultPort == null || authority.isEmpty() || hasForbidden(authority)) {
            return null;
        }
        int portAt = authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
        String host = portAt > 0 ? authority.substring(0, portAt) : authority;
        String port = portAt > 0 ? authority.substring(portAt + 1) : defaultPort;
        boolean bracketed = host.startsWith("[");
        if (host.isEmpty() || bracketed != host.endsWith("]") || !bracketed && host.indexOf(':') >= 0 || !isPort(port)) {
            return null;
        }
        String base = scheme + "://" + host.toLowerCase(Locale.ROOT);
        return port.equals(defaultPort) ? base : base + ":" + Integer.parseInt(port);
    }

    private static boolean hasForbidden(String authority) {
        for (int i = 0; i < authority.length(); i++) {
            char c = authority.charAt(i);
            if (c <= ' ' || c >= 127 || c == '/' || c == '?' || c == '#' || c == '@' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    private static boolean isPort(String port) {
        if (port.isEmpty() || port.length() > 5) {
            return false;
        }
        for (int i = 0; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        int n = Integer.parseInt(port);
        return n >= 1 && n <= 65535;
    }
}
