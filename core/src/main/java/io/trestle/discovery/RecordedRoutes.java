package io.trestle.discovery;

import io.trestle.ExceptionMapper;
import io.trestle.Filter;
import io.trestle.Handler;
import io.trestle.Method;
import io.trestle.Routes;
import io.trestle.ServerObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What one source registered, kept so the route table can be rebuilt from any set of sources
 * (a plugin added, replaced or removed) without running plugins' {@code install} again.
 *
 * <pre>{@code
 * RecordedRoutes recorded = new RecordedRoutes();
 * plugin.install(recorded, config);
 * recorded.replayInto(collector);    // as often as tables are built
 * }</pre>
 */
public final class RecordedRoutes implements Routes {
    private final List<Consumer<Routes>> registrations = new ArrayList<>();

    /** Repeats every registration, in order, on {@code target}. */
    public void replayInto(Routes target) {
        for (Consumer<Routes> r : registrations) {
            r.accept(target);
        }
    }

    /** How many registrations were recorded. */
    public int size() {
        return registrations.size();
    }

    @Override
    public Routes add(Set<Method> methods, String path, Handler handler, long maxBodySize) {
        Set<Method> copy = Set.copyOf(methods);
        registrations.add(r -> r.add(copy, path, handler, maxBodySize));
        return this;
    }

    @Override
    public Routes annotated(Object instance) {
        registrations.add(r -> r.annotated(instance));
        return this;
    }

    // Kept apart from the three-argument form: a collector may describe a filter better when it gets the object.
    @Override
    public Routes filter(Filter filter) {
        registrations.add(r -> r.filter(filter));
        return this;
    }

    @Override
    public Routes filter(String path, int order, Filter filter) {
        registrations.add(r -> r.filter(path, order, filter));
        return this;
    }

    @Override
    public <T extends Throwable> Routes exception(Class<T> type, ExceptionMapper<? super T> mapper) {
        registrations.add(r -> r.exception(type, mapper));
        return this;
    }

    @Override
    public Routes errorPage(int status, Handler handler) {
        registrations.add(r -> r.errorPage(status, handler));
        return this;
    }

    @Override
    public Routes attribute(String pathPattern, String name, String value) {
        registrations.add(r -> r.attribute(pathPattern, name, value));
        return this;
    }

    @Override
    public Routes observer(ServerObserver observer) {
        registrations.add(r -> r.observer(observer));
        return this;
    }
}
