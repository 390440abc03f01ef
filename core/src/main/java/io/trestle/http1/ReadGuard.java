package io.trestle.http1;

import java.io.IOException;

/**
 * Bounds the blocking reads of a {@link ConnectionInput} in time. {@link ConnectionInput} calls
 * {@link #beforeRead} just before each read that may block and {@link #afterRead} as it returns.
 *
 * <p>Two kinds: {@link WatchedReads} lets a sweeper end reads that run late, so a read costs no
 * timer at all (plain connections); {@link #socketTimeout} sets the socket's own read timeout
 * before each read (TLS, whose socket cannot be half-closed under a reader).
 *
 * <pre>{@code
 * ConnectionInput in = new ConnectionInput(socket.getInputStream(), 8192, ReadGuard.socketTimeout(socket::setSoTimeout));
 * }</pre>
 */
public interface ReadGuard {

    /** Sets a socket's read timeout in milliseconds (0: none), e.g. {@code socket::setSoTimeout}. */
    @FunctionalInterface
    interface SoTimeout {
        void set(int millis) throws IOException;
    }

    /**
     * A read is about to block.
     *
     * @param deadlineNanos when the read must have ended ({@link System#nanoTime()}), or 0 when
     *                      {@code timeoutMillis} applies instead
     * @param timeoutMillis how long this one read may wait when there is no deadline; 0 is forever
     */
    void beforeRead(long deadlineNanos, int timeoutMillis) throws IOException;

    /**
     * The read returned {@code n} (-1 at end of stream, also after an exception).
     *
     * @return {@code n}
     * @throws java.net.SocketTimeoutException when the read ended because its time ran out
     */
    int afterRead(int n) throws IOException;

    /** The socket's own read timeout, set to the time left before each read (and only when it changes). */
    static ReadGuard socketTimeout(SoTimeout socket) {
        return new SocketReadTimeout(socket);
    }
}
