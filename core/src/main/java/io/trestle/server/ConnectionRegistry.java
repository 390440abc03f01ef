package io.trestle.server;

import io.trestle.http1.Http1Connection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** The open connections: the cap, and what graceful shutdown walks over. */
final class ConnectionRegistry {
    private final Semaphore slots;
    private final Set<Http1Connection> open = ConcurrentHashMap.newKeySet();

    ConnectionRegistry(int maxConnections) {
        this.slots = new Semaphore(maxConnections);
    }

    boolean tryReserve() {
        return slots.tryAcquire();
    }

    void release() {
        slots.release();
    }

    void add(Http1Connection c) {
        open.add(c);
    }

    void remove(Http1Connection c) {
        if (open.remove(c)) {
            slots.release();
        }
    }

    int size() {
        return open.size();
    }

    /** Closes every connection waiting for a request or lingering; busy ones finish their exchange first. */
    void closeIdle() {
        for (Http1Connection c : open) {
            if (c.state() == Http1Connection.State.IDLE || c.state() == Http1Connection.State.CLOSED) {
                c.close();
            }
        }
    }

    /** Waits until every connection has closed or the deadline passes; true when all closed. */
    boolean awaitEmpty(long deadlineNanos) throws InterruptedException {
        while (!open.isEmpty()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            closeIdle(); // connections that finished their exchange meanwhile
            TimeUnit.MILLISECONDS.sleep(Math.min(20, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
        }
        return true;
    }

    /**
     * Enforces the timeouts no socket call keeps: ends reads past their deadline (the connection
     * answers 408 or closes) and closes connections whose write has been blocked longer than
     * {@code writeTimeoutNanos}.
     *
     * @return how many connections were timed out
     */
    int sweep(long writeTimeoutNanos) {
        long now = System.nanoTime();
        int timedOut = 0;
        for (Http1Connection c : open) {
            if (c.writeBlockedNanos(now) > writeTimeoutNanos) {
                c.close();
                timedOut++;
            } else if (c.expireReads(now)) {
                timedOut++;
            }
        }
        return timedOut;
    }

    void closeAll() {
        for (Http1Connection c : open) {
            c.interrupt();
            c.close();
        }
    }
}
