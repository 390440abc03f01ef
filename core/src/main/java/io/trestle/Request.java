package io.trestle;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as a handler sees it. Valid only during the call to the handler: nothing of
 * it may be kept for later (the connection reuses its buffers for the next request).
 *
 * <pre>{@code
 * public void handle(Request req, Response res) {
 *     String id = req.pathParam("id");
 *     int page = Integer.parseInt(Objects.requireNonNullElse(req.queryParam("page"), "1"));
 *     Login login = req.bodyAs(Login.class);          // JSON; malformed -> 400
 * }
 * }</pre>
 */
public interface Request {

    Method method();

    /** The request-target exactly as received, e.g. {@code /a%20b?x=1}. */
    String target();

    /** The path, percent-decoded once, without the query, e.g. {@code /a b}. */
    String path();

    /** The path as received, still percent-encoded, without the query. */
    String rawPath();

    /** The raw query string after {@code ?}, or {@code null} when there is none. */
    String query();

    /** The first value of query parameter {@code name}, decoded, or {@code null}. */
    String queryParam(String name);

    /** Every value of query parameter {@code name}, decoded. */
    List<String> queryParams(String name);

    /** All query parameters, decoded, in order. */
    Map<String, List<String>> queryParams();

    /** {@code HTTP/1.1} or {@code HTTP/1.0}. */
    String protocol();

    /** The first value of header {@code name} (any case), or {@code null}. */
    String header(String name);

    /** Every header field, read-only: the type has no method that changes it. */
    Headers headers();

    /** The value of cookie {@code name}, or {@code null}. */
    String cookie(String name);

    /** All cookies the client sent, by name (the first of duplicates wins). */
    Map<String, String> cookies();

    /** The value of {@code {name}} in the matched route pattern, or {@code null}. */
    String pathParam(String name);

    Map<String, String> pathParams();

    /** The peer of the TCP connection (a proxy, when there is one). */
    InetSocketAddress remoteAddress();

    /**
     * The client's IP address: the peer's, or, when the peer is a trusted proxy, the one it
     * reports in {@code Forwarded} / {@code X-Forwarded-For}.
     */
    String clientAddress();

    /** {@code http} or {@code https}, as seen by the client (trusted proxies honoured). */
    String scheme();

    default boolean isSecure() {
        return "https".equals(scheme());
    }

    /** The {@code Host} the client asked for (without any port), or an empty string. */
    String host();

    /** The declared body length, or -1 when unknown (chunked) or when there is no body. */
    long contentLength();

    /** The {@code Content-Type} header, or {@code null}. */
    String contentType();

    /**
     * The body as a stream. Read it at most once; the first read answers a pending
     * {@code Expect: 100-continue}. Exceeding the route's size limit throws {@link HttpException}
     * (413).
     */
    InputStream body();

    /** The whole body (within the route's size limit). */
    byte[] bodyBytes();

    /** The whole body as text, in the charset of its Content-Type (UTF-8 by default). */
    String bodyString();

    /** The body parsed as JSON into {@code type}; malformed JSON answers 400. */
    <T> T bodyAs(Class<T> type);

    /** Fields of an {@code application/x-www-form-urlencoded} body (empty for other types). */
    Map<String, List<String>> form();

    /** The first value of form field {@code name}, or {@code null}. */
    default String formParam(String name) {
        List<String> values = form().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The parts of a {@code multipart/form-data} body, streamed in order: each part must be read
     * (or skipped) before the next is asked for.
     */
    Iterable<Part> parts();

    /** An attribute set by a filter or handler for this request only. */
    Object attribute(String name);

    void attribute(String name, Object value);

    /** The signed-in user's name, when a filter has set one. */
    Optional<String> user();

    /** Set by an authentication filter. */
    void user(String name);
}
