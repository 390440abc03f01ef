package io.trestle.routing;

import io.trestle.Handler;
import io.trestle.Method;
import io.trestle.Request;
import io.trestle.Response;
import java.lang.reflect.Proxy;

/** Builds route tables from lines like {@code "GET /users/{id}"} for tests. */
final class Tables {
    static final Handler NOOP = (req, res) -> { };

    private Tables() {
    }

    static RouteTable of(String... routes) {
        RouteCollector collector = new RouteCollector();
        for (String line : routes) {
            int space = line.indexOf(' ');
            collector.add(Method.valueOf(line.substring(0, space)), line.substring(space + 1), NOOP);
        }
        try {
            return collector.build();
        } catch (RouteConflictException e) {
            throw new AssertionError(e);
        }
    }

    static RouteTable build(RouteCollector collector) {
        try {
            return collector.build();
        } catch (RouteConflictException e) {
            throw new AssertionError(e);
        }
    }

    /** A request whose every method throws: for handlers that only pass it on. */
    static Request request() {
        return proxy(Request.class);
    }

    static Response response() {
        return proxy(Response.class);
    }

    private static <T> T proxy(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().equals("toString")) {
                return "fake " + type.getSimpleName();
            }
            throw new UnsupportedOperationException(m.getName());
        }));
    }
}
