package io.trestle.routing;

import io.trestle.ExceptionMapper;
import io.trestle.Filter;
import io.trestle.Handler;
import io.trestle.Method;
import io.trestle.RouteInfo;
import io.trestle.ServerObserver;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The compiled routes, filters, exception mappers and error pages: immutable and safe to share
 * between threads, so a server can swap whole tables atomically (on a plugin reload). Built by
 * {@link RouteCollector#build()}.
 *
 * <pre>{@code
 * RouteTable table = new RouteCollector().get("/users/{id}", users::show).build();
 * RouteMatch m = table.match(Method.GET, "/users/42");   // FOUND, m.param("id") = "42"
 * Filter[] filters = table.filtersFor("/users/42");      // in run order
 * }</pre>
 */
public final class RouteTable {
    private static final int FIRST_ERROR_STATUS = 400;
    private static final RouteTable EMPTY = new RouteTable(List.of(), List.of(), Map.of(), Map.of(), List.of(), List.of());

    private final RouteTrie trie;
    private final List<RouteEntry> routes;
    /** The methods some route serves, for {@code OPTIONS *}. */
    private final String allowAnywhere;
    private final FilterIndex filters;
    private final ExceptionMappers mappers;
    /** Indexed by status - 400; null where the built-in page is used. */
    private final Handler[] errorPages = new Handler[200];
    /** Requests being served from this table; a reload waits for zero before closing what it replaced. */
    private final LongAdder active = new LongAdder();
    private final List<RouteAttribute> attributes;
    private final ServerObserver[] observers;
    /** The routes as observers see them, made on first use: once per table, never per request. */
    private volatile List<RouteInfo> infos;

    /**
     * @param routes     distinct (method, canonical pattern) pairs, in registration order
     * @param filters    in registration order
     * @param mappers    by exception type
     * @param errorPages by status 400–599
     */
    RouteTable(List<RouteEntry> routes, List<FilterEntry> filters,
               Map<Class<? extends Throwable>, ExceptionMapper<?>> mappers, Map<Integer, Handler> errorPages,
               List<RouteAttribute> attributes, List<ServerObserver> observers) {
        this.attributes = List.copyOf(attributes);
        this.observers = observers.toArray(new ServerObserver[0]);
        // Sorted by canonical pattern for the listing; each group keeps registration order.
        Map<String, List<RouteEntry>> byPattern = new TreeMap<>();
        for (RouteEntry e : routes) {
            String canonical = PathPattern.parse(e.pattern()).canonical();
            List<RouteEntry> group = byPattern.get(canonical);
            if (group == null) {
                group = new ArrayList<>();
                byPattern.put(canonical, group);
            }
            group.add(e);
        }
        List<PatternRoutes> compiled = new ArrayList<>();
        List<RouteEntry> listing = new ArrayList<>(routes.size());
        for (List<RouteEntry> group : byPattern.values()) {
            compiled.add(new PatternRoutes(group));
            // By method in enum order, each method's entries in registration order (a stable sort).
            for (Method m : Method.values()) {
                for (RouteEntry e : group) {
                    if (e.method() == m) {
                        listing.add(e);
                    }
                }
            }
        }
        this.trie = RouteTrie.of(compiled);
        boolean[] anywhere = new boolean[Method.values().length];
        anywhere[Method.OPTIONS.ordinal()] = true; // OPTIONS * itself
        for (PatternRoutes p : compiled) {
            p.addAllowed(anywhere);
        }
        this.allowAnywhere = PatternRoutes.allowHeader(anywhere);
        this.routes = List.copyOf(listing);
        this.filters = new FilterIndex(filters);
        this.mappers = new ExceptionMappers(mappers);
        for (Map.Entry<Integer, Handler> page : errorPages.entrySet()) {
            this.errorPages[page.getKey() - FIRST_ERROR_STATUS] = page.getValue();
        }
    }

    /** A table with nothing in it: every path is NOT_FOUND. */
    public static RouteTable empty() {
        return EMPTY;
    }

    /**
     * Matches a decoded path: the most specific matching pattern is chosen first, then the
     * method. HEAD falls back to GET routes; OPTIONS is automatic unless routed. A path that does
     * not start with {@code /} (such as {@code *}) is NOT_FOUND.
     */
    public RouteMatch match(Method method, String path) {
        PatternRoutes found = trie.find(path);
        return found == null ? RouteMatch.NOT_FOUND : found.match(method, path);
    }

    /**
     * The methods the route matching {@code path} serves, as an {@code Allow} header value
     * ({@code GET, HEAD, OPTIONS}), or null when no route matches the path. TRACE and CONNECT are
     * never listed: the server refuses them whatever is routed.
     *
     * <pre>{@code
     * String allow = table.allow("/users/42");   // "GET, HEAD, DELETE, OPTIONS": in enum order
     * }</pre>
     */
    public String allow(String path) {
        PatternRoutes found = trie.find(path);
        return found == null ? null : found.allow();
    }

    /**
     * The methods some route serves, as an {@code Allow} header value: the answer to
     * {@code OPTIONS *}. HEAD is listed when some route serves GET; OPTIONS always.
     */
    public String allowAnywhere() {
        return allowAnywhere;
    }

    /**
     * The filters whose pattern matches {@code path}, in run order (an empty array when none).
     * The array may be shared between calls: read it, never modify it.
     */
    public Filter[] filtersFor(String path) {
        return filters.filtersFor(path);
    }

    /** Every route, sorted by canonical pattern then method, for listings. */
    public List<RouteEntry> routes() {
        return routes;
    }

    /** Every filter, in run order. */
    public List<FilterEntry> filters() {
        return filters.entries();
    }

    /** The mapper registered for the closest supertype of {@code type}, or null. */
    public ExceptionMapper<Throwable> exceptionMapper(Class<? extends Throwable> type) {
        return mappers.find(type);
    }

    /**
     * Counts a request as served from this table until {@link #release()}. The server calls both
     * around each exchange, so a plugin reload can tell when the table it replaced has no request
     * left and the replaced plugin can be closed.
     */
    public void acquire() {
        active.increment();
    }

    /** Ends what {@link #acquire()} began. */
    public void release() {
        active.decrement();
    }

    /** Whether every request that acquired this table has released it. */
    public boolean idle() {
        return active.sum() == 0;
    }

    /** A custom error page handler for {@code status}, or null. */
    public Handler errorPage(int status) {
        int i = status - FIRST_ERROR_STATUS;
        return i >= 0 && i < errorPages.length ? errorPages[i] : null;
    }

    /** The observers the routes' sources registered ({@code Routes.observer}); shared, not to be changed. */
    public ServerObserver[] observers() {
        return observers;
    }

    /**
     * The routes as {@link RouteInfo}s, in listing order: one per pattern, handler and source with
     * the methods it serves, and the attributes that cover it.
     */
    public List<RouteInfo> routeInfos() {
        List<RouteInfo> list = infos;
        if (list == null) {
            list = describeRoutes();
            infos = list;
        }
        return list;
    }

    private List<RouteInfo> describeRoutes() {
        record Key(String pattern, Handler handler, Origin origin) {
        }
        Map<Key, Set<Method>> methods = new LinkedHashMap<>();
        for (RouteEntry e : routes) {
            methods.computeIfAbsent(new Key(e.pattern(), e.handler(), e.origin()), k -> EnumSet.noneOf(Method.class))
                    .add(e.method());
        }
        List<RouteInfo> list = new ArrayList<>(methods.size());
        for (Map.Entry<Key, Set<Method>> m : methods.entrySet()) {
            Key k = m.getKey();
            Map<String, String> attached = new LinkedHashMap<>();
            for (RouteAttribute a : attributes) {
                if (a.covers(k.pattern())) {
                    attached.put(a.name(), a.value()); // the last registration of a name wins
                }
            }
            list.add(new RouteInfo(k.pattern(), m.getValue(), k.origin().name(), k.origin().source(), attached));
        }
        return List.copyOf(list);
    }
}
