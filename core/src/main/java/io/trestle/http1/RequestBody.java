package io.trestle.http1;

import io.trestle.HttpException;
import io.trestle.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The body of one request: framed by Content-Length or chunked coding, limited by the route's
 * size limit, and answering {@code Expect: 100-continue} only when the handler starts reading.
 * After the exchange the connection drains what the handler left unread, or gives up on reuse.
 */
public final class RequestBody {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final InputStream EMPTY = InputStream.nullInputStream();

    private final RequestHead head;
    private final ConnectionInput in;
    private final ConnectionOutput out;
    private final Limits limits;
    private final Http1ResponseState response;
    private long limit;
    private InputStream stream;
    private BodyInputStream decoder; // the framing under stream, for skipping what is left
    private boolean started;
    private boolean ended;
    private boolean failed;

    /** What the body needs to know of the response: whether it is too late for a 100 Continue. */
    public interface Http1ResponseState {
        boolean isCommitted();
    }

    public RequestBody(RequestHead head, ConnectionInput in, ConnectionOutput out, Limits limits,
                       Http1ResponseState response) {
        this.head = head;
        this.in = in;
        this.out = out;
        this.limits = limits;
        this.response = response;
        this.limit = limits.maxBodyBytes();
        this.ended = !head.hasBody();
    }

    /** Sets the route's limit (-1 keeps the server's). */
    public void limit(long routeLimit) {
        if (routeLimit >= 0) {
            limit = routeLimit;
        }
    }

    public long limit() {
        return limit;
    }

    /** Whether the declared length is over the limit, so the request can be refused unread. */
    public boolean declaredTooLarge() {
        return head.contentLength() > limit;
    }

    public InputStream stream() {
        if (stream == null) {
            if (!head.hasBody()) {
                stream = EMPTY;
            } else {
                decoder = head.isChunked()
                        ? new ChunkedInputStream(in, limit, limits)
                        : new FixedLengthInputStream(in, head.contentLength());
                stream = new Tracking(decoder);
            }
        }
        return stream;
    }

    /** Reads the whole body, refusing more than the limit with 413. */
    public byte[] readAll() throws IOException {
        if (declaredTooLarge()) {
            throw new HttpException(Status.CONTENT_TOO_LARGE, "request body over " + limit + " bytes");
        }
        return stream().readAllBytes();
    }

    /**
     * Makes the connection ready for the next request by reading and discarding what the handler
     * left, up to {@code maxDrain} bytes. Returns false when the connection cannot be reused.
     */
    public boolean drain(long maxDrain) {
        if (ended) {
            return true;
        }
        if (!reusable(maxDrain)) {
            return false;
        }
        try {
            stream();
            // Skips inside the connection's buffer: no copy of the discarded bytes.
            return decoder.skipRemaining(maxDrain);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether the connection could still be reused after this request: decided when the response
     * is committed, so its head can say {@code Connection: close} when not.
     */
    public boolean reusable(long maxDrain) {
        if (ended) {
            return true;
        }
        if (failed || (head.expectContinue() && !started)) {
            return false; // a client waiting for a 100 that never comes would not send its body
        }
        return head.isChunked() || head.contentLength() <= maxDrain;
    }

    private void beforeFirstRead() throws IOException {
        if (!started) {
            started = true;
            if (head.expectContinue() && !response.isCommitted()) {
                out.write(CONTINUE);
                out.flush();
            }
        }
    }

    /** Sends 100 Continue on the first read and remembers how the body ended. */
    private final class Tracking extends InputStream {
        private final InputStream delegate;

        Tracking(InputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            beforeFirstRead();
            try {
                int b = delegate.read();
                if (b < 0) {
                    ended = true;
                }
                return b;
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            beforeFirstRead();
            try {
                int n = delegate.read(b, off, len);
                if (n < 0) {
                    ended = true;
                }
                return n;
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int available() throws IOException {
            return delegate.available();
        }

        @Override
        public void close() {
            // The connection owns the socket; an unread rest is drained after the exchange.
        }
    }
}
