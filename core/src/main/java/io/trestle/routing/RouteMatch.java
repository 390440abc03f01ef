package io.trestle.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@link RouteTable#match}: a route with its path parameters, or why there is
 * none. Made for one request and read by its thread only.
 *
 * <pre>{@code
 * RouteMatch m = table.match(Method.GET, "/users/42");
 * switch (m.kind()) {
 *     case FOUND -> m.route().handler().handle(req, res);      // m.param("id") is "42"
 *     case NOT_FOUND -> res.error(404, "Not Found");
 *     case METHOD_NOT_ALLOWED -> res.header("Allow", m.allow()).error(405, "Method Not Allowed");
 *     case OPTIONS -> res.header("Allow", m.allow()).status(204).send(new byte[0]);
 * }
 * }</pre>
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

    static final RouteMatch NOT_FOUND =
            new RouteMatch(Kind.NOT_FOUND, null, null, PathPattern.NO_VALUES, PathPattern.NO_VALUES, null);

    private final Kind kind;
    private final RouteEntry route;
    private final String pattern;
    private final String[] names;
    private final String[] values;
    private final String allow;
    private Map<String, String> params;

    RouteMatch(Kind kind, RouteEntry route, String pattern, String[] names, String[] values, String allow) {
        this.kind = kind;
        this.route = route;
        this.pattern = pattern;
        this.names = names;
        this.values = values;
        this.allow = allow;
    }

    public Kind kind() {
        return kind;
    }

    /** The route for FOUND (for HEAD served by GET, the GET route), else null. */
    public RouteEntry route() {
        return route;
    }

    /**
     * The matched pattern as written (for FOUND the route's own; for METHOD_NOT_ALLOWED and
     * OPTIONS the first registered of its canonical pattern), or null for NOT_FOUND. Handy as a
     * low-cardinality label in access logs and metrics.
     */
    public String pattern() {
        return pattern;
    }

    /** The value of path parameter {@code name}, or null. */
    public String param(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    /** All path parameters in pattern order (an unmodifiable map; empty when none). */
    public Map<String, String> params() {
        if (names.length == 0) {
            return Map.of(); // no caching: NOT_FOUND is one instance shared by all threads
        }
        if (params == null) {
            Map<String, String> map = new LinkedHashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                map.put(names[i], values[i]);
            }
            params = Collections.unmodifiableMap(map);
        }
        return params;
    }

    /** The Allow header value for METHOD_NOT_ALLOWED and OPTIONS (e.g. "GET, HEAD, OPTIONS"), else null. */
    public String allow() {
        return allow;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case FOUND -> "FOUND " + route.method() + " " + pattern + " " + params();
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED, OPTIONS -> kind + " " + pattern + " Allow: " + allow;
        };
    }
}
