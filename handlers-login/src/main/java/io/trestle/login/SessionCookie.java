package io.trestle.login;

import io.trestle.Cookie;
import io.trestle.Request;

/**
 * The session cookie: {@code Path=/; HttpOnly; SameSite=Strict}, {@code Secure} when the client
 * reached us over TLS (directly or through a trusted proxy) or when the name's {@code __Host-} /
 * {@code __Secure-} prefix demands it. No Max-Age: the server decides when a session ends.
 */
final class SessionCookie {
    private final String name;
    private final boolean alwaysSecure;

    SessionCookie(String name) {
        Cookie.of(name, "x"); // checks the name now: a bad one is a start-up error
        this.name = name;
        this.alwaysSecure = name.startsWith("__Host-") || name.startsWith("__Secure-");
    }

    String name() {
        return name;
    }

    /** Whether the name's prefix makes browsers accept the cookie only with {@code Secure}. */
    boolean alwaysSecure() {
        return alwaysSecure;
    }

    /** The session id the request carries, or null. */
    String read(Request req) {
        return req.cookie(name);
    }

    Cookie issue(String sessionId, Request req) {
        return attributes(Cookie.of(name, sessionId), req);
    }

    /** Tells the browser to drop the cookie (same attributes, so it replaces the right one). */
    Cookie clear(Request req) {
        return attributes(Cookie.expired(name), req);
    }

    private Cookie attributes(Cookie c, Request req) {
        return c.path("/").httpOnly(true).sameSite(Cookie.SameSite.STRICT).secure(alwaysSecure || req.isSecure());
    }
}
