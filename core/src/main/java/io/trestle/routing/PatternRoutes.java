package io.trestle.routing;

import io.trestle.Method;
import java.util.List;

/**
 * The routes of one canonical pattern, by method: what the trie finds for a path. Decides
 * between FOUND, METHOD_NOT_ALLOWED and the automatic OPTIONS answer, and serves HEAD with the
 * GET route when there is no HEAD route of its own.
 */
final class PatternRoutes {
    private static final Method[] METHODS = Method.values();

    private final String canonical;
    /** Indexed by method ordinal; the HEAD slot holds the GET route unless HEAD is routed. */
    private final RouteEntry[] routes = new RouteEntry[METHODS.length];
    /** The compiled pattern of each route: names can differ between methods of one pattern. */
    private final PathPattern[] patterns = new PathPattern[METHODS.length];
    private final PathPattern first;
    private final String allow;
    /**
     * Prebuilt answers for patterns without parameters, by method ordinal (null where the pattern
     * has parameters): such a match carries nothing of the path, so one instance serves every
     * request and a hit allocates nothing.
     */
    private final RouteMatch[] fixed = new RouteMatch[METHODS.length];

    /** @param entries routes with the same canonical pattern and distinct methods, in registration order */
    PatternRoutes(List<RouteEntry> entries) {
        first = PathPattern.parse(entries.getFirst().pattern());
        canonical = first.canonical();
        for (RouteEntry e : entries) {
            if (routes[e.method().ordinal()] != null) {
                throw new IllegalArgumentException("two routes for " + e.method() + " " + canonical);
            }
            routes[e.method().ordinal()] = e;
            patterns[e.method().ordinal()] = PathPattern.parse(e.pattern());
        }
        allow = allowHeader(allowed(routes));
        int head = Method.HEAD.ordinal();
        int get = Method.GET.ordinal();
        if (routes[head] == null && routes[get] != null) {
            routes[head] = routes[get];
            patterns[head] = patterns[get];
        }
        for (Method m : METHODS) {
            int i = m.ordinal();
            PathPattern p = routes[i] != null ? patterns[i] : first;
            if (p.paramNameArray().length == 0 && !p.hasRest()) {
                fixed[i] = routes[i] != null
                        ? new RouteMatch(RouteMatch.Kind.FOUND, routes[i], p.text(), PathPattern.NO_VALUES, PathPattern.NO_VALUES, null)
                        : new RouteMatch(m == Method.OPTIONS ? RouteMatch.Kind.OPTIONS : RouteMatch.Kind.METHOD_NOT_ALLOWED,
                                null, p.text(), PathPattern.NO_VALUES, PathPattern.NO_VALUES, allow);
            }
        }
    }

    /**
     * The methods a request may use, by ordinal: those routed, HEAD when GET is, OPTIONS always
     * (answered automatically); never TRACE or CONNECT, which the server refuses before routing.
     */
    private static boolean[] allowed(RouteEntry[] routes) {
        boolean[] allowed = new boolean[METHODS.length];
        for (Method m : METHODS) {
            allowed[m.ordinal()] = m != Method.TRACE && m != Method.CONNECT
                    && (routes[m.ordinal()] != null
                    || m == Method.HEAD && routes[Method.GET.ordinal()] != null
                    || m == Method.OPTIONS);
        }
        return allowed;
    }

    /** Adds the methods this pattern allows to {@code into} (by ordinal). */
    void addAllowed(boolean[] into) {
        boolean[] mine = allowed(routes);
        for (int i = 0; i < into.length; i++) {
            into[i] |= mine[i];
        }
    }

    /** An Allow header value: the methods in enum order, comma-separated. */
    static String allowHeader(boolean[] allowed) {
        StringBuilder sb = new StringBuilder();
        for (Method m : METHODS) {
            if (allowed[m.ordinal()]) {
                if (!sb.isEmpty()) {
                    sb.append(", ");
                }
                sb.append(m.name());
            }
        }
        return sb.toString();
    }

    /** The Allow header value of this pattern: {@code GET, HEAD, OPTIONS}, say. */
    String allow() {
        return allow;
    }

    String canonical() {
        return canonical;
    }

    /** The first registered pattern of this canonical form. */
    PathPattern pattern() {
        return first;
    }

    RouteMatch match(Method method, String path) {
        int i = method.ordinal();
        if (fixed[i] != null) {
            return fixed[i];
        }
        RouteEntry route = routes[i];
        if (route != null) {
            PathPattern p = patterns[i];
            return new RouteMatch(RouteMatch.Kind.FOUND, route, p.text(), p.paramNameArray(), p.values(path), null);
        }
        RouteMatch.Kind kind = method == Method.OPTIONS ? RouteMatch.Kind.OPTIONS : RouteMatch.Kind.METHOD_NOT_ALLOWED;
        return new RouteMatch(kind, null, first.text(), first.paramNameArray(), first.values(path), allow);
    }
}
