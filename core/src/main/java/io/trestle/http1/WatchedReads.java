package io.trestle.http1;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * Read timeouts kept by a sweeper instead of the socket. A blocking read only records its
 * deadline; the server's timeout sweeper calls {@link #expire} a few times a second and shuts
 * the input of a connection whose read has run past it, which ends the read at once, and the
 * read then throws {@link SocketTimeoutException}. The output side stays open, so a late head
 * still gets its 408.
 *
 * <p>Why not {@code setSoTimeout}: on a virtual thread each timed read schedules a timer task
 * with the JDK's delay scheduler, a platform thread that is woken and switched to for every
 * read. That cost 35–45 % of the server's CPU per plaintext request on this 2-core machine
 * (bench/results/2026-11-24-tuning.md); an untimed read costs nothing extra.
 *
 * <p>Over TLS the watched socket is the TCP socket beneath the TLS layer: shutting its input
 * ends the TLS read as at a close by the peer. TLS 1.3 can still send the 408; a TLS 1.2 layer
 * closes its output too, so the connection just closes. Untimed reads cut the CPU per keep-alive
 * HTTPS request by 17 % (A/B, 4 rounds, wrk over TLS 1.3 at 64 connections).
 *
 * <p>A sweep every period {@code p} makes a timeout fire up to {@code p} late.
 */
public final class WatchedReads implements ReadGuard {
    private static final long NONE = 0;

    private final Socket socket;
    /** The deadline of the read under way, or {@link #NONE}. Written by the reader, read by the sweeper. */
    private volatile long deadline = NONE;
    private volatile boolean expired;

    public WatchedReads(Socket socket) {
        this.socket = socket;
    }

    @Override
    public void beforeRead(long deadlineNanos, int timeoutMillis) throws IOException {
        if (expired) {
            throw new SocketTimeoutException("read timed out");
        }
        long d = deadlineNanos;
        if (d == NONE) {
            if (timeoutMillis == 0) {
                return; // may wait forever: nothing to watch
            }
            d = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        }
        if (d == NONE) {
            d = 1; // a deadline of exactly 0 would read as "none"; a nanosecond later is harmless
        }
        deadline = d;
    }

    @Override
    public int afterRead(int n) throws IOException {
        if (deadline != NONE) {
            deadline = NONE;
        }
        if (n < 0 && expired) {
            throw new SocketTimeoutException("read timed out");
        }
        return n;
    }

    /** Whether a read has timed out: the input is shut, and the connection must close. */
    public boolean expired() {
        return expired;
    }

    /**
     * Ends the read under way if it has run past its deadline (the sweeper's call).
     *
     * @return whether it did
     */
    public boolean expire(long nowNanos) {
        long d = deadline;
        if (d == NONE || nowNanos - d < 0 || expired) {
            return false;
        }
        expired = true;
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            // Already closed: the read has ended anyway.
        }
        return true;
    }
}
