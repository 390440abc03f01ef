package io.trestle.http1;

import java.io.IOException;

/**
 * Bounds the blocking reads of a {@link ConnectionInput} in time. {@link ConnectionInput} calls
 * {@link #beforeRead} just before each read that may block and {@link #afterRead} as it returns.
 *
 * <p>The server's guard is {@link WatchedReads}: a sweeper ends reads that run late, so a read
 * costs no timer at all. A socket's own read timeout ({@code setSoTimeout}) would arm a timer per
 * read on a virtual thread.
 *
 * <pre>{@code
 * WatchedReads watched = new WatchedReads(socket);   // the sweeper calls watched.expire(now)
 * ConnectionInput in = new ConnectionInput(socket.getInputStream(), 8192, watched);
 * }</pre>
 */
public interface ReadGuard {

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
}
