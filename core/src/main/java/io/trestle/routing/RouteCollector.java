package io.trestle.routing;

import io.trestle.ExceptionMapper;
import io.trestle.Filter;
import io.trestle.Handler;
import io.trestle.Method;
import io.trestle.Routes;
import java.util.Set;

/** STUB — to be implemented (routing work). Collects registrations, then builds a {@link RouteTable}. */
public final class RouteCollector implements Routes {

    /** Registrations after this call are attributed to {@code origin} (code registrations keep their lambda's name). */
    public RouteCollector source(String source) { throw new UnsupportedOperationException("stub"); }

    @Override
    public Routes add(Set<Method> methods, String path, Handler handler, long maxBodySize) { throw new UnsupportedOperationException("stub"); }

    @Override
    public Routes annotated(Object instance) { throw new UnsupportedOperationException("stub"); }

    @Override
    public Routes filter(String path, int order, Filter filter) { throw new UnsupportedOperationException("stub"); }

    @Override
    public <T extends Throwable> Routes exception(Class<T> type, ExceptionMapper<? super T> mapper) { throw new UnsupportedOperationException("stub"); }

    @Override
    public Routes errorPage(int status, Handler handler) { throw new UnsupportedOperationException("stub"); }

    /** @throws RouteConflictException when two different handlers claim the same method and pattern */
    public RouteTable build() throws RouteConflictException { throw new UnsupportedOperationException("stub"); }
}
