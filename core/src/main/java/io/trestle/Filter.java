package io.trestle;

/**
 * Runs around the handling of requests whose path matches {@link #path()}, in ascending
 * {@link #order()}. A filter calls {@code chain.proceed()} to go on, or answers itself and
 * returns to stop the chain. Filters run before Trestle's automatic answers (404, 405,
 * OPTIONS), so a CORS filter can answer a preflight.
 *
 * <pre>{@code
 * public final class Timing implements Filter {
 *     public void filter(Request req, Response res, Chain chain) throws Exception {
 *         long start = System.nanoTime();
 *         chain.proceed();
 *         log.info("{} took {} µs", req.path(), (System.nanoTime() - start) / 1000);
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Filter {

    void filter(Request req, Response res, Chain chain) throws Exception;

    /** Lower runs first (outermost). Filters of equal order run in registration order. */
    default int order() {
        return 0;
    }

    /** The path pattern this filter applies to, in {@link Route} syntax; all paths by default. */
    default String path() {
        return "/{path...}";
    }

    /** The rest of the chain: further filters, then the route's handler or automatic answer. */
    @FunctionalInterface
    interface Chain {
        void proceed() throws Exception;
    }
}
