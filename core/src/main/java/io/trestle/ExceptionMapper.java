package io.trestle;

/**
 * Turns an exception thrown by a handler or filter into a response.
 *
 * <pre>{@code
 * routes.exception(NoSuchElementException.class,
 *         (e, req, res) -> res.status(404).json(Map.of("message", e.getMessage(), "code", 404)));
 * }</pre>
 */
@FunctionalInterface
public interface ExceptionMapper<T extends Throwable> {
    void handle(T exception, Request req, Response res) throws Exception;
}
