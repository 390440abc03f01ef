package io.trestle.login.redis;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where Redis listens: {@code redis://[[user]:password@]host[:port][/database]}, or
 * {@code rediss://...} for TLS. The port defaults to 6379, the database to 0. Printing it never
 * shows the password.
 *
 * <pre>{@code
 * RedisAddress a = RedisAddress.parse("redis://10.0.0.5:6380/2");
 * a.host();      // "10.0.0.5"
 * a.database();  // 2
 * RedisAddress.parse("redis://:s3cret@cache:6379").toString();  // "redis://:***@cache:6379/0"
 * }</pre>
 *
 * @param host     a name or IP address (IPv6 without brackets)
 * @param port     1 to 65535
 * @param database the database number, 0 or more
 * @param user     the ACL user, or null for the default user
 * @param password the password, or null when Redis asks for none
 * @param tls      whether to connect with TLS ({@code rediss://})
 */
public record RedisAddress(String host, int port, int database, String user, String password, boolean tls) {
    public static final int DEFAULT_PORT = 6379;

    public RedisAddress {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("a Redis address needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a Redis port is between 1 and 65535: " + port);
        }
        if (database < 0) {
            throw new IllegalArgumentException("a Redis database number is 0 or more: " + database);
        }
    }

    /**
     * Parses a {@code redis://} or {@code rediss://} URI.
     *
     * @throws IllegalArgumentException saying what is wrong, without repeating a password
     */
    public static RedisAddress parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a redis:// address (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("redis") || scheme.equalsIgnoreCase("rediss"))) {
            throw new IllegalArgumentException("a Redis address starts with redis:// or rediss://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("a Redis address needs a host and an optional port, e.g. redis://127.0.0.1:6379");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a Redis address takes no ?query or #fragment");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        String user = null;
        String password = null;
        String info = uri.getUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            if (colon < 0) {
                password = info; // redis://secret@host, as redis-cli reads it
            } else {
                user = colon == 0 ? null : info.substring(0, colon);
                password = info.substring(colon + 1);
            }
        }
        return new RedisAddress(host, port, database(uri.getPath()), user, password, scheme.equalsIgnoreCase("rediss"));
    }

    private static int database(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String digits = path.substring(1);
        if (digits.isEmpty() || digits.length() > 9) {
            throw new IllegalArgumentException("the path of a Redis address is a database number, e.g. /0: " + path);
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IllegalArgumentException("the path of a Redis address is a database number, e.g. /0: " + path);
            }
        }
        return Integer.parseInt(digits);
    }

    /** The address as a URI, with {@code ***} for the password. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(tls ? "rediss://" : "redis://");
        if (user != null || password != null) {
            sb.append(user == null ? "" : user).append(password == null ? "" : ":***").append('@');
        }
        sb.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host).append(':').append(port).append('/').append(database);
        return sb.toString();
    }
}
