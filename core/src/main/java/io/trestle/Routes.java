package io.trestle;

import java.util.Set;

/**
 * Where routes, filters, exception mappers and error pages are registered: handed to
 * {@link Plugin#install} and used by {@link Server.Builder}. Everything registered here is
 * compiled into an immutable route table at start-up (or at a plugin reload).
 *
 * <pre>{@code
 * routes.get("/ping", (req, res) -> res.text("pong"))
 *       .post("/api/items", this::create)
 *       .add(Set.of(Method.PUT), "/api/upload", this::upload, 100L << 20)  // 100 MiB bodies here
 *       .annotated(new UsersApi())                                         // its @Route methods
 *       .filter("/admin/{rest...}", 10, requireAdmin)
 *       .exception(NoSuchElementException.class, (e, req, res) -> res.error(404, e.getMessage()));
 * }</pre>
 */
public interface Routes {

    /** Registers {@code handler} for {@code methods} on {@code path} with a body limit (-1: default). */
    Routes add(Set<Method> methods, String path, Handler handler, long maxBodySize);

    default Routes add(Method method, String path, Handler handler) {
        return add(Set.of(method), path, handler, -1);
    }

    default Routes get(String path, Handler handler) {
        return add(Method.GET, path, handler);
    }

    default Routes post(String path, Handler handler) {
        return add(Method.POST, path, handler);
    }

    default Routes put(String path, Handler handler) {
        return add(Method.PUT, path, handler);
    }

    default Routes delete(String path, Handler handler) {
        return add(Method.DELETE, path, handler);
    }

    default Routes patch(String path, Handler handler) {
        return add(Method.PATCH, path, handler);
    }

    /**
     * Registers what {@code instance} declares with {@link Route}: the instance itself when it is
     * an annotated {@link Handler}, and each annotated {@code (Request, Response)} method.
     */
    Routes annotated(Object instance);

    /** Registers a filter on its own {@link Filter#path()} and {@link Filter#order()}. */
    default Routes filter(Filter filter) {
        return filter(filter.path(), filter.order(), filter);
    }

    /** Registers a filter for requests whose path matches {@code path}. */
    Routes filter(String path, int order, Filter filter);

    /** Maps exceptions of {@code type} (and subtypes; the closest type wins) to a response. */
    <T extends Throwable> Routes exception(Class<T> type, ExceptionMapper<? super T> mapper);

    /** Replaces the built-in error page for {@code status} with {@code handler}. */
    Routes errorPage(int status, Handler handler);

    /**
     * Attaches {@code name=value} to the metadata of every route, from any source, whose pattern
     * {@code pathPattern} covers (as a filter on that pattern would run for it), e.g. to mark what
     * a module protects; read through {@code Server.routes()} and
     * {@link io.trestle.ServerObserver#routesChanged}. Names are best prefixed with the
     * module's ({@code login.protected}). It changes nothing about how requests are served.
     *
     * <pre>{@code
     * routes.attribute("/api/private/{rest...}", "login.protected", "true");
     * }</pre>
     */
    Routes attribute(String pathPattern, String name, String value);

    /**
     * Registers an observer of the server for as long as these routes are in service: a plugin
     * jar's observer is dropped when the jar is replaced or removed.
     *
     * <pre>{@code
     * routes.observer(new ServerObserver() {
     *     public void exchangeCompleted(CompletedExchange e) { counter.increment(); }
     * });
     * }</pre>
     */
    Routes observer(io.trestle.ServerObserver observer);
}
