package io.trestle.server;

import io.trestle.http1.Http1Connection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The open connections: the caps (in all, and per client address when one is set), and what
 * graceful shutdown walks over.
 */
final class ConnectionRegistry {
    private final Semaphore slots;
    private final int maxPerClient;
    /** Open connections per TCP peer address, only when {@link #maxPerClient} is set; no entry at 0. */
    private final ConcurrentHashMap<InetAddress, Integer> perClient = new ConcurrentHashMap<>();
    private final Set<Http1Connection> open = ConcurrentHashMap.newKeySet();

    /** @param maxPerClient connections one address may hold open at once; 0 for no limit */
    ConnectionRegistry(int maxConnections, int maxPerClient) {
        this.slots = new Semaphore(maxConnections);
        this.maxPerClient = maxPerClient;
    }

    boolean tryReserve() {
        return slots.tryAcquire();
    }

    void release() {
        slots.release();
    }

    boolean limitsClients() {
        return maxPerClient > 0;
    }

    /** Counts a connection from {@code client} unless it holds the most it may already. */
    boolean tryReserve(InetAddress client) {
        if (maxPerClient <= 0) {
            return true;
        }
        boolean[] reserved = {false};
        perClient.compute(client, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= maxPerClient) {
                return n;
            }
            reserved[0] = true;
            return count + 1;
        });
        return reserved[0];
    }

    /** Gives back what {@link #tryReserve(InetAddress)} took; the entry goes at 0, so the map never grows with old clients. */
    void release(InetAddress client) {
        if (maxPerClient > 0 && client != null) {
            perClient.computeIfPresent(client, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Connections {@code client} holds open now (only counted with a per-client limit). */
    int openFrom(InetAddress client) {
        return perClient.getOrDefault(client, 0);
    }

    void add(Http1Connection c) {
        open.add(c);
    }

    void remove(Http1Connection c) {
        if (open.remove(c)) {
            slots.release();
            InetSocketAddress peer = c.peer();
            release(peer == null ? null : peer.getAddress());
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
     * answers 408 or closes), and resets connections whose write has been blocked longer than
     * {@code writeTimeoutNanos} or that take their response slower than the minimum rate.
     *
     * @return how many connections were timed out
     */
    int sweep(long writeTimeoutNanos) {
        long now = System.nanoTime();
        int timedOut = 0;
        for (Http1Connection c : open) {
            if (c.abortIfWriteStalled(now, writeTimeoutNanos)) {
                timedOut++;
            } else if (c.abortIfReadingTooSlowly(now)) {
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
