package io.trestle.http1;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read from the connection: {@link FixedLengthInputStream} or
 * {@link ChunkedInputStream}. Closing it never closes the connection; the connection decides
 * afterwards whether to skip what the handler left unread, with {@link #skipRemaining}.
 *
 * <pre>{@code
 * body.close();                                // the handler is done
 * if (!body.skipRemaining(64 * 1024)) {
 *     closeConnection();                       // too much left to skip: not worth reading
 * }
 * }</pre>
 */
public abstract sealed class BodyInputStream extends InputStream permits FixedLengthInputStream, ChunkedInputStream {
    private boolean closed;

    BodyInputStream() {
    }

    /**
     * Reads and discards at most {@code maxBytes} more body bytes, also after {@link #close()}.
     *
     * @return whether the body has ended, so the connection is positioned at the next request
     * @throws java.io.EOFException if the connection ends first
     * @throws HttpParseException if the rest of a chunked body is malformed or too large
     */
    public abstract boolean skipRemaining(long maxBytes) throws IOException;

    /** Whether the whole body has been read (the next read returns -1). */
    public abstract boolean isFinished();

    /** Body bytes delivered or skipped so far (decoded bytes for a chunked body). */
    public abstract long bytesRead();

    /** Marks the stream closed for its reader; the connection stays open and can still skip the rest. */
    @Override
    public void close() {
        closed = true;
    }

    void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the request body stream is closed");
        }
    }
}
