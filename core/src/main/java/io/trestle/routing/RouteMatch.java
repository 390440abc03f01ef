package io.trestle.routing;

/**
 * STUB — to be implemented (routing work). The answer of {@link RouteTable#match}: a route with
 * its path parameters, or why there is none.
 */
public final class RouteMatch {
    public enum Kind {
        /** A route serves this method on the most specific matching pattern. */
        FOUND,
        /** No pattern matches the path: 404. */
        NOT_FOUND,
        /** The most specific matching pattern lacks the method: 405 with {@link #allow()}. */
        METHOD_NOT_ALLOWED,
        /** OPTIONS on a pattern without an explicit OPTIONS route: answer 204 with {@link #allow()}. */
        OPTIONS
    }

    public Kind kind() { throw new UnsupportedOperationException("stub"); }
    /** The route for FOUND, else null. */
    public RouteEntry route() { throw new UnsupportedOperationException("stub"); }
    /** The value of path parameter {@code name}, or null. */
    public String param(String name) { throw new UnsupportedOperationException("stub"); }
    /** All path parameters (an unmodifiable map; empty when none). */
    public java.util.Map<String, String> params() { throw new UnsupportedOperationException("stub"); }
    /** The Allow header value for METHOD_NOT_ALLOWED and OPTIONS (e.g. "GET, HEAD, OPTIONS"), else null. */
    public String allow() { throw new UnsupportedOperationException("stub"); }
}
