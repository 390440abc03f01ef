package io.trestle.http1;

import io.trestle.Cookie;
import io.trestle.HttpException;
import io.trestle.Method;
import io.trestle.Response;
import io.trestle.Status;
import io.trestle.WritableHeaders;
import io.trestle.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The response of one exchange on an HTTP/1.1 connection. The head is written to the
 * connection's buffer on commit; small bodies follow in the same buffer, files go out with
 * {@code transferTo}.
 */
public final class Http1Response implements Response, RequestBody.Http1ResponseState {
    private static final byte[] SERVER = "Server: Trestle\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] COLON_SPACE = {':', ' '};
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_KEEP_ALIVE = "Connection: keep-alive\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = new byte[0];

    /** What the response asks of the exchange it belongs to. */
    public interface Exchange {
        /** Whether the connection must close after this response (decided at commit). */
        boolean mustClose();

        /** Renders an error page or JSON error for {@code status} into {@code res}. */
        void error(Http1Response res, int status, String message);

        /** Headers added to the response unless the handler set them. */
        DefaultHeaders defaultHeaders();

        /**
         * An empty, writable list for the response's headers. A connection hands out one list,
         * cleared for each of its exchanges, rather than allocate one per request.
         */
        default ResponseHeaders responseHeaders() {
            return new ResponseHeaders(4);
        }
    }

    private final ConnectionOutput out;
    private final Exchange exchange;
    private final Method method;
    private final boolean http11;
    private final ResponseHeaders headers;
    private int status = Status.OK;
    private boolean committed;
    private boolean finished;
    private boolean close;
    private boolean aborted;
    private ResponseBodyStream stream;
    private long contentLength = -1;

    public Http1Response(ConnectionOutput out, Exchange exchange, Method method, boolean http11) {
        this.out = out;
        this.headers = exchange.responseHeaders();
        this.exchange = exchange;
        this.method = method;
        this.http11 = http11;
    }

    @Override
    public Response status(int status) {
        checkNotCommitted();
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("not a status code: " + status);
        }
        this.status = status;
        return this;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Response header(String name, String value) {
        checkNotCommitted();
        headers.set(name, value);
        return this;
    }

    @Override
    public Response addHeader(String name, String value) {
        checkNotCommitted();
        headers.add(name, value);
        return this;
    }

    @Override
    public WritableHeaders headers() {
        return headers;
    }

    @Override
    public Response contentType(String contentType) {
        return header("Content-Type", contentType);
    }

    @Override
    public Response cookie(Cookie cookie) {
        return addHeader("Set-Cookie", cookie.toSetCookie());
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    /** Whether the whole response has been written (a body sent or the stream closed). */
    public boolean isFinished() {
        return finished;
    }

    @Override
    public void send(byte[] body) {
        checkUnsent();
        try {
            commitHead(body.length);
            if (!omitsBody()) {
                out.write(body, 0, body.length);
            }
            finished = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void send(String body) {
        if (!headers.contains("Content-Type")) {
            contentType("text/plain; charset=utf-8");
        }
        send(body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void json(Object value) {
        checkUnsent();
        byte[] bytes = JsonCodec.write(value);
        contentType("application/json");
        send(bytes);
    }

    @Override
    public void send(InputStream body) {
        try (InputStream in = body; OutputStream os = outputStream()) {
            in.transferTo(os);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void file(Path file) {
        file(file, 0, -1);
    }

    @Override
    public void file(Path file, long offset, long length) {
        checkUnsent();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long count = length < 0 ? size - offset : length;
            if (offset < 0 || offset > size || count > size - offset) {
                throw new IllegalArgumentException("range " + offset + "+" + count + " outside file of " + size + " bytes");
            }
            commitHead(count);
            if (!omitsBody()) {
                long sent = out.transferFrom(channel, offset, count);
                if (sent < count) {
                    // Content-Length promised more: closing the connection is the only honest end.
                    closeConnection();
                    throw new FileShrankException(file + " shrank while being sent (" + sent + " of " + count + " bytes)");
                }
            }
            finished = true;
        } catch (NoSuchFileException e) {
            throw new HttpException(Status.NOT_FOUND, "Not Found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public OutputStream outputStream() {
        if (stream == null) {
            checkUnsent();
            stream = new ResponseBodyStream(this, out, 8192);
        }
        return stream;
    }

    @Override
    public void redirect(int status, String location) {
        if (status < 300 || status > 399) {
            throw new IllegalArgumentException("not a redirect status: " + status);
        }
        status(status);
        header("Location", location);
        send(EMPTY);
    }

    @Override
    public void error(int status, String message) {
        checkUnsent();
        exchange.error(this, status, message);
    }

    /** Drops what a handler set, before an error response replaces it; false once committed. */
    public boolean reset() {
        if (committed) {
            return false;
        }
        headers.clear();
        status = Status.OK;
        stream = null;
        return true;
    }

    /**
     * Like {@link #reset()}, but keeps the first value of each header in {@code kept}: an error
     * answer replaces what a handler set, yet {@code Allow} or {@code Retry-After} still apply.
     */
    public boolean resetKeeping(String... kept) {
        if (committed) {
            return false;
        }
        String[] values = new String[kept.length];
        for (int i = 0; i < kept.length; i++) {
            values[i] = headers.get(kept[i]);
        }
        reset();
        for (int i = 0; i < kept.length; i++) {
            if (values[i] != null) {
                headers.set(kept[i], values[i]);
            }
        }
        return true;
    }

    /**
     * Gives up on this response: nothing more is written, and the connection closes so the client
     * sees an incomplete message rather than a complete-looking wrong one.
     */
    public void abort() {
        aborted = true;
        close = true;
    }

    /** Ends the response if the handler did not: closes its stream, or sends an empty body. */
    public void complete() throws IOException {
        if (finished || aborted) {
            return;
        }
        if (stream != null) {
            stream.close();
        } else if (!committed) {
            send(EMPTY);
        }
    }

    /** The connection will close after this response (said in the head if not yet committed). */
    public void closeConnection() {
        close = true;
    }

    public boolean closesConnection() {
        return close;
    }

    /** The body length sent, or -1 when streamed. */
    public long contentLength() {
        return contentLength;
    }

    boolean omitsBody() {
        return method == Method.HEAD || Status.forbidsBody(status);
    }

    void finished() {
        finished = true;
    }

    /** Writes the head for a body of {@code length} bytes. */
    void commitHead(long length) throws IOException {
        writeHead(length, false);
    }

    /** Writes the head of a streamed body; false when the client can't take chunked (HTTP/1.0). */
    boolean commitChunked() throws IOException {
        if (http11) {
            writeHead(-1, true);
            return true;
        }
        close = true; // HTTP/1.0: the end of the body is the end of the connection
        writeHead(-1, false);
        return false;
    }

    private void writeHead(long length, boolean chunked) throws IOException {
        checkNotCommitted();
        committed = true;
        contentLength = length;
        if (exchange.mustClose()) {
            close = true;
        }
        out.write(StatusLines.of(status));
        out.write(DateCache.headerLine());
        out.write(SERVER);
        for (int i = 0, n = headers.size(); i < n; i++) {
            String name = headers.nameAt(i);
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
                    || name.equalsIgnoreCase("Connection")) {
                continue; // framing is ours to decide
            }
            out.writeLatin1(name);
            out.write(COLON_SPACE);
            out.writeLatin1(headers.valueAt(i));
            out.write(CRLF);
        }
        DefaultHeaders defaults = exchange.defaultHeaders();
        for (int i = 0, n = defaults.size(); i < n; i++) {
            if (!headers.contains(defaults.name(i))) {
                out.write(defaults.line(i));
            }
        }
        if (defaults.htmlSize() > 0 && DefaultHeaders.isHtml(headers.get(HeaderNames.CONTENT_TYPE))) {
            for (int i = 0, n = defaults.htmlSize(); i < n; i++) {
                if (!headers.contains(defaults.htmlName(i))) {
                    out.write(defaults.htmlLine(i));
                }
            }
        }
        if (!Status.forbidsBody(status)) {
            if (chunked) {
                out.write(CHUNKED);
            } else if (length >= 0) {
                out.write(CONTENT_LENGTH);
                out.writeDecimal(length);
                out.write(CRLF);
            }
        }
        if (close) {
            out.write(CONNECTION_CLOSE);
        } else if (!http11) {
            out.write(CONNECTION_KEEP_ALIVE);
        }
        out.write(CRLF);
        headers.lock();
    }

    private void checkNotCommitted() {
        if (committed) {
            throw new IllegalStateException("the response is committed: its status and headers were already sent");
        }
    }

    private void checkUnsent() {
        checkNotCommitted();
        if (stream != null) {
            throw new IllegalStateException("the response body is being written through outputStream()");
        }
    }
}
