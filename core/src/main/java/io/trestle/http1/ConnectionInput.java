package io.trestle.http1;

import java.io.IOException;
import java.io.InputStream;

/**
 * STUB — to be implemented (parser work). The buffered input side of one connection: the parser
 * reads the head from its buffer, body streams read the rest, and bytes of a pipelined next
 * request stay buffered for the next parse.
 */
public final class ConnectionInput extends InputStream {

    /** Sets the socket's read timeout; the connection passes {@code socket::setSoTimeout}. */
    @FunctionalInterface
    public interface ReadTimeouts {
        void soTimeout(int millis) throws IOException;
    }

    public ConnectionInput(InputStream in, int bufferSize, ReadTimeouts timeouts) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Reads after {@code System.nanoTime()} passes {@code deadlineNanos} throw
     * {@link java.net.SocketTimeoutException}; 0 removes the deadline.
     */
    public void deadline(long deadlineNanos) {
        throw new UnsupportedOperationException("stub");
    }

    /** Per-read timeout in milliseconds when no deadline is set; 0 waits forever. */
    public void readTimeout(int millis) {
        throw new UnsupportedOperationException("stub");
    }

    /** Whether bytes are already buffered (a pipelined request is waiting). */
    public boolean hasBuffered() {
        throw new UnsupportedOperationException("stub");
    }

    /** Blocks until a byte is buffered without consuming it; false at end of stream. */
    public boolean awaitData() throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public int read() throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        throw new UnsupportedOperationException("stub");
    }
}
