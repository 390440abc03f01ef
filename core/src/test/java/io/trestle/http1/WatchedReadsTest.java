package io.trestle.http1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Read timeouts kept by a sweeper: a read blocked past its deadline ends with a timeout when the
 * sweeper expires it, never before, and the output side stays usable for the 408. Over real
 * loopback sockets from channels, as the server accepts them, read on virtual threads.
 */
class WatchedReadsTest {

    /** A connected pair: [0] the server side (from a channel), [1] the client. */
    private static Socket[] pair(ServerSocketChannel server) throws IOException {
        Socket client = new Socket(InetAddress.getLoopbackAddress(), ((InetSocketAddress) server.getLocalAddress()).getPort());
        SocketChannel accepted = server.accept();
        return new Socket[] {accepted.socket(), client};
    }

    private static ServerSocketChannel listen() throws IOException {
        return ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @Test
    void aReadPastItsDeadlineEndsWithATimeoutWhenExpiredAndTheOutputStillWorks() throws Exception {
        try (ServerSocketChannel server = listen()) {
            Socket[] s = pair(server);
            try (Socket accepted = s[0]; Socket client = s[1]) {
                WatchedReads watch = new WatchedReads(accepted);
                ConnectionInput in = new ConnectionInput(accepted.getInputStream(), 64, watch);
                in.readTimeout(50);
                CompletableFuture<Throwable> reader = new CompletableFuture<>();
                Thread.ofVirtual().start(() -> {
                    try {
                        in.read();
                        reader.complete(null);
                    } catch (Throwable t) {
                        reader.complete(t);
                    }
                });
                // Before the deadline the sweeper leaves the read alone.
                assertFalse(watch.expire(System.nanoTime() - TimeUnit.SECONDS.toNanos(1)));
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!watch.expire(System.nanoTime()) && System.nanoTime() < until) {
                    Thread.sleep(10);
                }
                assertTrue(watch.expired());
                Throwable thrown = reader.get(10, TimeUnit.SECONDS);
                assertTrue(thrown instanceof SocketTimeoutException, String.valueOf(thrown));
                // The input is shut, not the connection: a 408 can still go out.
                OutputStream out = accepted.getOutputStream();
                out.write("HTTP/1.1 408 Request Timeout\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                client.setSoTimeout(10_000);
                byte[] got = client.getInputStream().readNBytes(12);
                assertEquals("HTTP/1.1 408", new String(got, StandardCharsets.ISO_8859_1));
                // Later reads time out at once rather than block or pass for an end of stream.
                assertThrows(SocketTimeoutException.class, in::read);
            }
        }
    }

    @Test
    void aReadThatGetsItsBytesInTimeIsNotExpiredAfterwards() throws Exception {
        try (ServerSocketChannel server = listen()) {
            Socket[] s = pair(server);
            try (Socket accepted = s[0]; Socket client = s[1]) {
                WatchedReads watch = new WatchedReads(accepted);
                ConnectionInput in = new ConnectionInput(accepted.getInputStream(), 64, watch);
                in.deadline(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
                client.getOutputStream().write('x');
                assertEquals('x', in.read());
                // The read is over: a sweep long after the deadline finds nothing to end.
                assertFalse(watch.expire(System.nanoTime() + TimeUnit.SECONDS.toNanos(60)));
                assertFalse(watch.expired());
            }
        }
    }

    @Test
    void aReadWithoutTimeoutIsNeverExpired() throws Exception {
        try (ServerSocketChannel server = listen()) {
            Socket[] s = pair(server);
            try (Socket accepted = s[0]; Socket client = s[1]) {
                WatchedReads watch = new WatchedReads(accepted);
                ConnectionInput in = new ConnectionInput(accepted.getInputStream(), 64, watch);
                in.readTimeout(0);
                CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
                    try {
                        return in.read();
                    } catch (IOException e) {
                        return -2;
                    }
                }, r -> Thread.ofVirtual().start(r));
                Thread.sleep(100);
                assertFalse(watch.expire(System.nanoTime() + TimeUnit.DAYS.toNanos(365)));
                client.getOutputStream().write('y');
                assertEquals('y', reader.get(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void anEndOfStreamFromTheClientIsNotATimeout() throws Exception {
        try (ServerSocketChannel server = listen()) {
            Socket[] s = pair(server);
            try (Socket accepted = s[0]) {
                WatchedReads watch = new WatchedReads(accepted);
                ConnectionInput in = new ConnectionInput(accepted.getInputStream(), 64, watch);
                in.readTimeout(60_000);
                s[1].close();
                assertEquals(-1, in.read());
                assertFalse(watch.expired());
            }
        }
    }
}
