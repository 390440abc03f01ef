package io.trestle;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The response to one request. Headers may change until the response is committed (its head
 * written); after that any change throws {@link IllegalStateException}.
 *
 * <pre>{@code
 * res.status(201).header("Location", "/api/items/7").json(item);
 * res.text("pong");
 * res.file(Path.of("report.pdf"));                     // zero-copy where possible
 * try (var out = res.outputStream()) { ... }           // streamed, chunked
 * }</pre>
 */
public interface Response {

    Response status(int status);

    int status();

    /** Sets a header, replacing any value it had. */
    Response header(String name, String value);

    /** Adds a header value, keeping those already there. */
    Response addHeader(String name, String value);

    /**
     * The response headers; every name and value written is checked (no CR, LF or other control
     * character can split the response). Changes throw {@link IllegalStateException} once the
     * response is committed.
     */
    WritableHeaders headers();

    Response contentType(String contentType);

    /** Adds a {@code Set-Cookie} field. */
    Response cookie(Cookie cookie);

    /** Whether the head has been written; from then on status and headers are fixed. */
    boolean isCommitted();

    /** Sends {@code body} as the whole response (Content-Length known). */
    void send(byte[] body);

    /** Sends {@code body}, UTF-8; {@code text/plain} unless a Content-Type was set. */
    void send(String body);

    /** Sends text as {@code text/plain; charset=utf-8}. */
    default void text(String body) {
        contentType("text/plain; charset=utf-8");
        send(body);
    }

    /** Sends an HTML page as {@code text/html; charset=utf-8}. */
    default void html(String body) {
        contentType("text/html; charset=utf-8");
        send(body);
    }

    /** Sends {@code value} serialized as JSON ({@code application/json}). */
    void json(Object value);

    /** Copies {@code body} to the client, chunked unless Content-Length was set; closes it. */
    void send(InputStream body);

    /**
     * Sends a file with its length, using zero-copy transfer where the connection allows it.
     * Set Content-Type first; this does not guess it.
     */
    void file(Path file);

    /** Sends {@code length} bytes of {@code file} from {@code offset} (for ranges). */
    void file(Path file, long offset, long length);

    /**
     * A stream for writing the body as it is produced, sent chunked unless a Content-Length was
     * set; {@code flush()} pushes what was written to the client (server-sent events work).
     */
    OutputStream outputStream();

    /** Redirects with {@code status} (301, 302, 303, 307, 308) to {@code location}. */
    void redirect(int status, String location);

    /** Answers with an error page (HTML or JSON, by what the client accepts). */
    void error(int status, String message);
}
