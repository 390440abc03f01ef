package io.trestle;

/**
 * Answers one request. A handler is called on the connection's own virtual thread, so it may
 * block (read a file, call a database) without holding up other connections.
 *
 * <pre>{@code
 * @Route(path = "/hello/{name}")
 * public final class Hello implements Handler {
 *     public void handle(Request req, Response res) {
 *         res.json(Map.of("hello", req.pathParam("name")));
 *     }
 * }
 * }</pre>
 *
 * <p>Throw {@link HttpException} to answer with an error status; any other exception becomes a
 * 500 (logged once with its stack trace) unless an exception mapper handles it.
 */
@FunctionalInterface
public interface Handler {
    void handle(Request req, Response res) throws Exception;
}
