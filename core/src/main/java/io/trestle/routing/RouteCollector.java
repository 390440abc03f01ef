package io.trestle.routing;

import io.trestle.ExceptionMapper;
import io.trestle.Filter;
import io.trestle.Handler;
import io.trestle.Method;
import io.trestle.Route;
import io.trestle.Routes;
import io.trestle.ServerObserver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Collects registrations, checking each as it comes, then builds an immutable {@link RouteTable}.
 * Not thread-safe: registration happens on one thread at start-up or plugin reload.
 *
 * <pre>{@code
 * RouteCollector routes = new RouteCollector();
 * routes.get("/ping", (req, res) -> res.text("pong"));
 * routes.source("users-plugin.jar").annotated(new UsersApi());
 * RouteTable table = routes.build();       // RouteConflictException when two handlers clash
 * }</pre>
 *
 * <p>The same handler registered twice for the same method and pattern (the same instance, or the
 * same class from the same source, as when discovery finds a class both through
 * {@code META-INF/services} and a scan) is kept once. Any other two handlers on the same method
 * and canonical pattern are a conflict. Exception mappers and error pages registered again for the
 * same type or status replace the earlier one.
 */
public final class RouteCollector implements Routes {

    /** One registered route and what decides whether a second registration is the same one. */
    private record Claim(RouteEntry entry, String canonical, Object identity) {
    }

    private String source = Origin.CODE;
    private final List<Claim> claims = new ArrayList<>();
    private final List<FilterEntry> filters = new ArrayList<>();
    private final Map<Class<? extends Throwable>, ExceptionMapper<?>> mappers = new LinkedHashMap<>();
    private final Map<Integer, Handler> errorPages = new HashMap<>();
    private final List<RouteAttribute> attributes = new ArrayList<>();
    private final List<ServerObserver> observers = new ArrayList<>();

    /**
     * Registrations after this call are attributed to {@code source}: a jar file name,
     * {@code "classpath"} or {@code "code"} (the default). The origin's name is the handler's class
     * name (a lambda's generated class for code registrations).
     */
    public RouteCollector source(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a registration source needs a name, e.g. a jar file name");
        }
        this.source = source;
        return this;
    }

    /**
     * @throws IllegalArgumentException for a malformed (or null) pattern, no methods or a size below -1
     * @throws NullPointerException     for a null method or handler
     */
    @Override
    public RouteCollector add(Set<Method> methods, String path, Handler handler, long maxBodySize) {
        if (handler == null) {
            throw new NullPointerException("no handler given for " + path);
        }
        claims.addAll(claims(methods, path, handler, maxBodySize, describe(handler.getClass()), handler.getClass()));
        return this;
    }

    // The overrides below only narrow the return type, so a chain can end in build().

    @Override
    public RouteCollector add(Method method, String path, Handler handler) {
        return add(Set.of(method), path, handler, -1);
    }

    @Override
    public RouteCollector get(String path, Handler handler) {
        return add(Method.GET, path, handler);
    }

    @Override
    public RouteCollector post(String path, Handler handler) {
        return add(Method.POST, path, handler);
    }

    @Override
    public RouteCollector put(String path, Handler handler) {
        return add(Method.PUT, path, handler);
    }

    @Override
    public RouteCollector delete(String path, Handler handler) {
        return add(Method.DELETE, path, handler);
    }

    @Override
    public RouteCollector patch(String path, Handler handler) {
        return add(Method.PATCH, path, handler);
    }

    @Override
    public RouteCollector filter(Filter filter) {
        Objects.requireNonNull(filter, "filter(null)");
        return filter(filter.path(), filter.order(), filter);
    }

    /**
     * Registers the instance itself when it is a {@link Handler} with {@link Route} on its class
     * (once per annotation), and each public {@code void (Request, Response)} method with
     * {@link Route}.
     *
     * @throws IllegalArgumentException when nothing is annotated, or an annotated method does not
     *                                  fit (its name is in the message)
     */
    @Override
    public RouteCollector annotated(Object instance) {
        Objects.requireNonNull(instance, "annotated(null)");
        // Everything is checked before anything is kept, so a bad method leaves no half-registered class.
        List<Claim> found = new ArrayList<>();
        for (AnnotatedRoutes.Binding b : AnnotatedRoutes.of(instance)) {
            Route route = b.route();
            Set<Method> methods = EnumSet.noneOf(Method.class);
            methods.addAll(Arrays.asList(route.methods()));
            found.addAll(claims(methods, route.path(), b.handler(), route.maxBodySize(), b.name(), b.identity()));
        }
        claims.addAll(found);
        return this;
    }

    /** Checks one registration and returns its claims, one per method. */
    private List<Claim> claims(Set<Method> methods, String path, Handler handler, long maxBodySize,
                               String name, Object identity) {
        PathPattern pattern = PathPattern.parse(path);
        if (methods == null || methods.isEmpty()) {
            throw new IllegalArgumentException("no methods given for " + path + " (" + name + ")");
        }
        if (maxBodySize < -1) {
            throw new IllegalArgumentException("maxBodySize for " + path + " must be -1 (the server's limit) or"
                    + " a byte count, not " + maxBodySize);
        }
        for (Method m : methods) {
            if (m == null) {
                throw new NullPointerException("a null method given for " + path);
            }
        }
        Origin origin = new Origin(name, source);
        List<Claim> result = new ArrayList<>(methods.size());
        // Enum order, not the set's: registration order decides listings and 405 parameter names.
        for (Method m : Method.values()) {
            if (methods.contains(m)) {
                result.add(new Claim(new RouteEntry(m, path, handler, maxBodySize, origin), pattern.canonical(), identity));
            }
        }
        return result;
    }

    @Override
    public RouteCollector filter(String path, int order, Filter filter) {
        if (filter == null) {
            throw new NullPointerException("no filter given for " + path);
        }
        PathPattern.parse(path);
        filters.add(new FilterEntry(path, order, filter, new Origin(describe(filter.getClass()), source)));
        return this;
    }

    @Override
    public <T extends Throwable> RouteCollector exception(Class<T> type, ExceptionMapper<? super T> mapper) {
        Objects.requireNonNull(type, "exception type");
        if (mapper == null) {
            throw new NullPointerException("no exception mapper given for " + type.getName());
        }
        mappers.put(type, mapper);
        return this;
    }

    /** @throws IllegalArgumentException when {@code status} is not 400–599 */
    @Override
    public RouteCollector errorPage(int status, Handler handler) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("error pages are for statuses 400–599, not " + status);
        }
        if (handler == null) {
            throw new NullPointerException("no error page handler given for " + status);
        }
        errorPages.put(status, handler);
        return this;
    }

    /** @throws RouteConflictException when two different handlers claim the same method and pattern */
    @Override
    public RouteCollector attribute(String pathPattern, String name, String value) {
        Objects.requireNonNull(name, "attribute name");
        Objects.requireNonNull(value, "attribute value");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a route attribute needs a name, e.g. login.protected");
        }
        attributes.add(new RouteAttribute(PathPattern.parse(pathPattern), name, value));
        return this;
    }

    @Override
    public RouteCollector observer(ServerObserver observer) {
        observers.add(Objects.requireNonNull(observer, "observer(null)"));
        return this;
    }

    public RouteTable build() throws RouteConflictException {
        Map<String, Claim> kept = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (Claim claim : claims) {
            String key = claim.entry().method() + " " + claim.canonical();
            Claim first = kept.putIfAbsent(key, claim);
            if (first != null && !sameHandler(first, claim)) {
                conflicts.add(key + " is claimed by " + first.entry().origin() + " and " + claim.entry().origin());
            }
        }
        if (!conflicts.isEmpty()) {
            throw new RouteConflictException(String.join("\n", conflicts));
        }
        List<RouteEntry> routes = new ArrayList<>(kept.size());
        for (Claim c : kept.values()) {
            routes.add(c.entry());
        }
        return new RouteTable(routes, filters, mappers, errorPages, attributes, observers);
    }

    private static boolean sameHandler(Claim a, Claim b) {
        return a.entry().handler() == b.entry().handler()
                || a.identity().equals(b.identity()) && a.entry().origin().source().equals(b.entry().origin().source());
    }

    /**
     * A readable name for a handler or filter class: a lambda's hidden class becomes
     * {@code lambda in com.acme.Routes}, without the generated suffix that changes every run.
     */
    static String describe(Class<?> type) {
        String name = type.getName();
        int lambda = name.indexOf("$$Lambda");
        return type.isHidden() && lambda > 0 ? "lambda in " + name.substring(0, lambda) : name;
    }
}
