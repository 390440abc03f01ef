package io.trestle.server;

import io.trestle.Status;
import io.trestle.http1.ErrorPages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections on one platform thread and hands each to {@code onAccept}. At the
 * connection cap it still accepts, so a flood gets a clear answer rather than a hung SYN: a
 * prebuilt 503 is written from this thread (it fits any socket buffer) and the socket closed,
 * with no connection thread started.
 */
final class Acceptor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Acceptor.class);
    private static final byte[] BUSY = ErrorPages.prebuilt(Status.SERVICE_UNAVAILABLE, "too many connections");

    private final ServerSocketChannel server;
    private final ConnectionRegistry registry;
    private final Consumer<SocketChannel> onAccept;

    Acceptor(ServerSocketChannel server, ConnectionRegistry registry, Consumer<SocketChannel> onAccept) {
        this.server = server;
        this.registry = registry;
        this.onAccept = onAccept;
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
                refuse(channel);
                continue;
            }
            try {
                onAccept.accept(channel);
            } catch (RuntimeException | Error e) {
                registry.release();
                closeQuietly(channel);
                LOG.error("could not start a connection thread", e);
            }
        }
    }

    private static void refuse(SocketChannel channel) {
        try (channel) {
            channel.configureBlocking(false); // never let one client stall the acceptor
            channel.write(ByteBuffer.wrap(BUSY));
        } catch (IOException e) {
            LOG.debug("could not send 503: {}", e.toString());
        }
        LOG.debug("refused a connection: at the connection limit");
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
