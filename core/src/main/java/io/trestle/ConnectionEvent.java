package io.trestle;

import java.net.InetSocketAddress;

/**
 * A connection opened, closed or refused.
 *
 * <pre>{@code
 * public void connectionRefused(ConnectionEvent c) {
 *     refused.computeIfAbsent(c.refusal(), r -> new LongAdder()).increment();
 * }
 * }</pre>
 *
 * @param id      the connection's number on this server, from 1 (0 for a refused one)
 * @param peer    the TCP peer (never taken from {@code Forwarded} headers); {@code null} if it
 *                went away before it could be read
 * @param secure  whether the connection is TLS
 * @param refusal why it was refused, or {@code null} when it was not
 */
public record ConnectionEvent(long id, InetSocketAddress peer, boolean secure, Refusal refusal) {

    /** Why a connection was refused. */
    public enum Refusal {
        /** The server holds {@code max-connections} open already. */
        SERVER_FULL,
        /** The client's address holds {@code max-connections-per-client} open already. */
        CLIENT_FULL
    }
}
