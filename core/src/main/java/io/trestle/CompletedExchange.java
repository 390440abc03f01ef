package io.trestle;


/**
 * One request and its response, as {@link ServerObserver#exchangeCompleted} sees it after the
 * response was written. A read-only view over the connection's own state, valid only during
 * that call (the next request reuses it): copy the values you keep, never the view.
 *
 * <pre>{@code
 * public void exchangeCompleted(CompletedExchange e) {
 *     String route = e.route() != null ? e.route() : e.status() == 404 ? "NOT_FOUND" : "UNROUTED";
 *     timers.record(e.method(), route, e.status(), e.durationNanos());
 * }
 * }</pre>
 */
public interface CompletedExchange {

    /**
     * The pattern of the route that answered, as registered ({@code /hello/{name}}), never the
     * raw path; {@code null} when no route did: a 404, a 405, {@code OPTIONS}, a path that could
     * not be decoded, or a {@linkplain #refusedHead() refused head}.
     */
    String route();

    /** The request's method; {@code null} for a {@linkplain #refusedHead() refused head}. */
    Method method();

    /** The response status sent. */
    int status();

    /** True when the request head could not be read (a 400, 408, 414 or 431 before routing). */
    boolean refusedHead();

    /** Bytes of the response on the wire, head and body (what the access log counts). */
    long bytesSent();

    /**
     * Bytes of the request read from the connection: its head and the body bytes read before the
     * response was complete (a body left unread and discarded afterwards is not counted).
     */
    long bytesReceived();

    /**
     * From the request's first bytes having arrived (its head about to be read) to the response
     * having been written; 0 or more. Measured only while an observer listens (the server reads
     * no clock for it otherwise), so an exchange that began before the first observer came (a
     * plugin's, deployed meanwhile) reports 0.
     */
    long durationNanos();

    /** The client's address (through trusted proxies, as {@code req.clientAddress()}). */
    String clientAddress();

    /** The request target as sent ({@code /search?q=x}); {@code null} for a refused head. */
    String target();

    /** {@code HTTP/1.1} or {@code HTTP/1.0}; {@code null} for a refused head. */
    String protocol();

    /** The {@code User-Agent} header, or {@code null}. */
    String userAgent();

    /** The {@code Referer} header, or {@code null}. */
    String referer();

    /** The signed-in user ({@code req.user()}), or {@code null}. */
    String user();

    /** The second (Unix time) the response was sent: its {@code Date} header's. */
    long epochSecond();
}
