package io.trestle.discovery;

import io.trestle.ExceptionMapper;
import io.trestle.Filter;
import io.trestle.Handler;
import io.trestle.Method;
import io.trestle.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A {@link Routes} that writes down each call, so discovery is tested without the route table. */
final class RoutesLog implements Routes {
    final List<String> lines = new ArrayList<>();
    final List<Object> annotated = new ArrayList<>();
    final List<Filter> filters = new ArrayList<>();

    @Override
    public Routes add(Set<Method> methods, String path, Handler handler, long maxBodySize) {
        lines.add("add " + new TreeSet<>(methods) + " " + path + " " + maxBodySize);
        return this;
    }

    @Override
    public Routes annotated(Object instance) {
        annotated.add(instance);
        lines.add("annotated " + instance.getClass().getName());
        return this;
    }

    @Override
    public Routes filter(Filter filter) {
        filters.add(filter);
        lines.add("filter " + filter.getClass().getName());
        return this;
    }

    @Override
    public Routes filter(String path, int order, Filter filter) {
        filters.add(filter);
        lines.add("filter " + path + " " + order);
        return this;
    }

    @Override
    public <T extends Throwable> Routes exception(Class<T> type, ExceptionMapper<? super T> mapper) {
        lines.add("exception " + type.getName());
        return this;
    }

    @Override
    public Routes errorPage(int status, Handler handler) {
        lines.add("errorPage " + status);
        return this;
    }

    @Override
    public Routes attribute(String pathPattern, String name, String value) {
        lines.add("attribute " + pathPattern + " " + name + "=" + value);
        return this;
    }

    @Override
    public Routes observer(io.trestle.ServerObserver observer) {
        lines.add("observer " + observer.getClass().getName());
        return this;
    }
}
