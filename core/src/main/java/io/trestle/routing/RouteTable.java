package io.trestle.routing;

import io.trestle.Filter;
import io.trestle.Method;
import java.util.List;

/** STUB — to be implemented (routing work). The immutable, compiled routes, filters and error handling. */
public final class RouteTable {

    /** Matches a decoded path; HEAD falls back to GET routes; OPTIONS is automatic unless routed. */
    public RouteMatch match(Method method, String path) { throw new UnsupportedOperationException("stub"); }

    /** The filters whose pattern matches {@code path}, in order (an empty array when none). */
    public Filter[] filtersFor(String path) { throw new UnsupportedOperationException("stub"); }

    /** Every route, sorted by pattern then method, for listings. */
    public List<RouteEntry> routes() { throw new UnsupportedOperationException("stub"); }

    public List<FilterEntry> filters() { throw new UnsupportedOperationException("stub"); }

    /** The mapper registered for the closest supertype of {@code type}, or null. */
    public io.trestle.ExceptionMapper<Throwable> exceptionMapper(Class<? extends Throwable> type) { throw new UnsupportedOperationException("stub"); }

    /** A custom error page handler for {@code status}, or null. */
    public io.trestle.Handler errorPage(int status) { throw new UnsupportedOperationException("stub"); }
}
