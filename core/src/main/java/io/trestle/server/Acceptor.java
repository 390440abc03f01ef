package io.trestle.server;

import io.trestle.Status;
import io.trestle.http1.DefaultHeaders;
import io.trestle.http1.ErrorPages;
import io.trestle.http1.LogLimiter;
import io.trestle.ConnectionEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections on one platform thread and hands each to {@code onAccept}. At the
 * connection cap it still accepts, so a flood gets a clear answer rather than a hung SYN: a
 * prebuilt 503 is written from this thread (it fits any socket buffer) and the socket closed,
 * with no connection thread started. The same goes for a client address at its own cap
 * ({@code maxConnectionsPerClient}, like nginx's {@code limit_conn}), counted on the TCP peer:
 * {@code Forwarded} headers come later, and a client could write anything there.
 */
final class Acceptor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Acceptor.class);

    private final ServerSocketChannel server;
    private final ConnectionRegistry registry;
    private final Consumer<SocketChannel> onAccept;
    private final byte[] busy;
    private final byte[] clientBusy;
    /**
     * A client flooding us with connections gets a log line a few times a minute, not one per
     * connection; per server, so one server's flood never hides another's.
     */
    private final LogLimiter clientRefusals = new LogLimiter(10, TimeUnit.SECONDS);
    private final Observers observers;
    private final boolean secure;

    /**
     * @param defaults  the headers every response of this server carries (security headers)
     * @param observers told of each refused connection
     * @param secure    whether the server's connections are TLS (for the observers)
     */
    Acceptor(ServerSocketChannel server, ConnectionRegistry registry, Consumer<SocketChannel> onAccept,
             DefaultHeaders defaults, Observers observers, boolean secure) {
        this.server = server;
        this.observers = observers;
        this.secure = secure;
        this.registry = registry;
        this.onAccept = onAccept;
        this.busy = ErrorPages.prebuilt(Status.SERVICE_UNAVAILABLE, "too many connections", defaults);
        this.clientBusy = ErrorPages.prebuilt(Status.SERVICE_UNAVAILABLE, "too many connections from your address",
                defaults);
    }

    @Override
    public void run() {
        while (server.isOpen()) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return; // close() was called
            } catch (IOException e) {
                // Out of descriptors, or a connection reset before accept: keep serving the rest.
                LOG.warn("accept failed: {}", e.toString());
                pause();
                continue;
            }
            if (!registry.tryReserve()) {
                InetSocketAddress peer = observers.any() ? remoteOf(channel) : null; // before the close
                refuse(channel, busy);
                LOG.debug("refused a connection: at the connection limit");
                refused(peer, ConnectionEvent.Refusal.SERVER_FULL);
                continue;
            }
            InetAddress client = null;
            if (registry.limitsClients()) {
                client = peerOf(channel);
                if (client == null || !registry.tryReserve(client)) {
                    registry.release();
                    if (client == null) {
                        closeQuietly(channel); // gone already
                    } else {
                        InetSocketAddress peer = observers.any() ? remoteOf(channel) : null;
                        refuse(channel, clientBusy);
                        long skipped = clientRefusals.permit();
                        if (skipped >= 0) {
                            LOG.warn("refused a connection from {}: it has {} open, the most one address may{}",
                                    client.getHostAddress(), registry.openFrom(client), LogLimiter.more(skipped));
                        }
                        refused(peer, ConnectionEvent.Refusal.CLIENT_FULL);
                    }
                    continue;
                }
            }
            try {
                onAccept.accept(channel);
            } catch (RuntimeException | Error e) {
                registry.release();
                if (client != null) {
                    registry.release(client);
                }
                closeQuietly(channel);
                LOG.error("could not start a connection thread", e);
            }
        }
    }

    /** Tells the observers, if any listen, after the 503 went out: their time is not the client's. */
    private void refused(InetSocketAddress peer, ConnectionEvent.Refusal why) {
        if (observers.any()) {
            observers.connectionRefused(new ConnectionEvent(0, peer, secure, why));
        }
    }

    private static InetSocketAddress remoteOf(SocketChannel channel) {
        try {
            return channel.getRemoteAddress() instanceof InetSocketAddress a ? a : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void refuse(SocketChannel channel, byte[] response) {
        try (channel) {
            channel.configureBlocking(false); // never let one client stall the acceptor
            channel.write(ByteBuffer.wrap(response));
        } catch (IOException e) {
            LOG.debug("could not send 503: {}", e.toString());
        }
    }

    private static InetAddress peerOf(SocketChannel channel) {
        try {
            return channel.getRemoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to do with it
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
