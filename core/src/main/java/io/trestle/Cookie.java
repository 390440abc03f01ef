package io.trestle;

import java.time.Duration;
import java.util.Objects;

/**
 * A cookie to send with {@link Response#cookie(Cookie)}. Immutable; each {@code with} method
 * returns a copy.
 *
 * <pre>{@code
 * res.cookie(Cookie.of("session", id).path("/").httpOnly(true).secure(req.isSecure())
 *         .sameSite(Cookie.SameSite.STRICT));
 * res.cookie(Cookie.expired("session").path("/"));      // tells the browser to drop it
 * }</pre>
 */
public final class Cookie {

    /** The {@code SameSite} attribute. */
    public enum SameSite {
        STRICT("Strict"), LAX("Lax"), NONE("None");

        private final String token;

        SameSite(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    private final String name;
    private final String value;
    private final String path;
    private final String domain;
    private final long maxAgeSeconds; // -1: a session cookie
    private final boolean secure;
    private final boolean httpOnly;
    private final SameSite sameSite;

    private Cookie(String name, String value, String path, String domain, long maxAgeSeconds,
                   boolean secure, boolean httpOnly, SameSite sameSite) {
        this.name = name;
        this.value = value;
        this.path = path;
        this.domain = domain;
        this.maxAgeSeconds = maxAgeSeconds;
        this.secure = secure;
        this.httpOnly = httpOnly;
        this.sameSite = sameSite;
    }

    /** A session cookie (no Max-Age) with no attributes yet. */
    public static Cookie of(String name, String value) {
        checkToken(name);
        checkValue(value);
        return new Cookie(name, value, null, null, -1, false, false, null);
    }

    /** A cookie that makes the browser forget {@code name} ({@code Max-Age=0}, empty value). */
    public static Cookie expired(String name) {
        return of(name, "").maxAge(Duration.ZERO);
    }

    public Cookie path(String path) {
        checkAttribute(path);
        return new Cookie(name, value, path, domain, maxAgeSeconds, secure, httpOnly, sameSite);
    }

    public Cookie domain(String domain) {
        checkAttribute(domain);
        return new Cookie(name, value, path, domain, maxAgeSeconds, secure, httpOnly, sameSite);
    }

    public Cookie maxAge(Duration maxAge) {
        long seconds = maxAge == null ? -1 : Math.max(0, maxAge.getSeconds());
        return new Cookie(name, value, path, domain, seconds, secure, httpOnly, sameSite);
    }

    public Cookie secure(boolean secure) {
        return new Cookie(name, value, path, domain, maxAgeSeconds, secure, httpOnly, sameSite);
    }

    public Cookie httpOnly(boolean httpOnly) {
        return new Cookie(name, value, path, domain, maxAgeSeconds, secure, httpOnly, sameSite);
    }

    public Cookie sameSite(SameSite sameSite) {
        return new Cookie(name, value, path, domain, maxAgeSeconds, secure, httpOnly, sameSite);
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    public String path() {
        return path;
    }

    public String domain() {
        return domain;
    }

    /** Max-Age in seconds, or -1 for a session cookie. */
    public long maxAgeSeconds() {
        return maxAgeSeconds;
    }

    public boolean isSecure() {
        return secure;
    }

    public boolean isHttpOnly() {
        return httpOnly;
    }

    public SameSite sameSite() {
        return sameSite;
    }

    /** The value of a {@code Set-Cookie} field for this cookie (RFC 6265). */
    public String toSetCookie() {
        StringBuilder sb = new StringBuilder(64).append(name).append('=').append(value);
        if (path != null) {
            sb.append("; Path=").append(path);
        }
        if (domain != null) {
            sb.append("; Domain=").append(domain);
        }
        if (maxAgeSeconds >= 0) {
            sb.append("; Max-Age=").append(maxAgeSeconds);
            if (maxAgeSeconds == 0) {
                // Old agents ignore Max-Age; a date in the past makes them drop the cookie too.
                sb.append("; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
            }
        }
        if (secure) {
            sb.append("; Secure");
        }
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        if (sameSite != null) {
            sb.append("; SameSite=").append(sameSite.token());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toSetCookie();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cookie c && c.toSetCookie().equals(toSetCookie());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, path, domain);
    }

    private static void checkToken(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("cookie name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("cookie name has a forbidden character: " + name);
            }
        }
    }

    private static void checkValue(String value) {
        if (value == null) {
            throw new IllegalArgumentException("cookie value is null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 127 || c == '"' || c == ',' || c == ';' || c == '\\') {
                throw new IllegalArgumentException("cookie value has a forbidden character");
            }
        }
    }

    private static void checkAttribute(String v) {
        if (v == null) {
            return;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < ' ' || c >= 127 || c == ';') {
                throw new IllegalArgumentException("cookie attribute has a forbidden character: " + v);
            }
        }
    }
}
