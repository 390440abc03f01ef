package io.trestle.http1;

import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * {@link ReadGuard#socketTimeout}: the socket's read timeout, set to the time left before each
 * blocking read. The socket throws {@link SocketTimeoutException} itself when it runs out. On a
 * virtual thread every such read arms a timer, so plain connections use {@link WatchedReads}.
 */
final class SocketReadTimeout implements ReadGuard {
    private static final int NOT_APPLIED = -1;

    private final SoTimeout socket;
    private int applied = NOT_APPLIED;

    SocketReadTimeout(SoTimeout socket) {
        this.socket = socket;
    }

    @Override
    public void beforeRead(long deadlineNanos, int timeoutMillis) throws IOException {
        int millis = timeoutMillis;
        if (deadlineNanos != 0) {
            long left = Math.max(1, deadlineNanos - System.nanoTime());
            // Round up: a timeout of 0 would mean "wait forever" to the socket.
            millis = (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000);
        }
        if (millis != applied) {
            socket.set(millis);
            applied = millis;
        }
    }

    @Override
    public int afterRead(int n) {
        return n;
    }
}
