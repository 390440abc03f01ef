package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Read timeouts over TLS are kept by the server's sweeper, which shuts the input of the TCP
 * socket beneath the TLS layer: each must end its connection on time, with a 408 where the
 * protocol still lets the server speak. Bounds are generous (seconds); the assertions are about
 * what the client got.
 */
class TlsTimeoutTest {
    private static final Duration HEAD = Duration.ofMillis(500);
    private static final Duration IDLE = Duration.ofMillis(400);
    private static final Duration BODY = Duration.ofMillis(400);
    private static final long GENEROUS_NANOS = TimeUnit.SECONDS.toNanos(8);

    @TempDir
    static Path dir;
    static SelfSignedCertificate certificate;
    static Server server;

    @BeforeAll
    static void start() throws Exception {
        certificate = SelfSignedCertificate.create(dir);
        server = Server.builder().host("127.0.0.1").port(0).tls(certificate.server())
                .headTimeout(HEAD).idleTimeout(IDLE).bodyTimeout(BODY)
                .routes(r -> r.get("/hi", (req, res) -> res.text("hi"))
                        .post("/echo", (req, res) -> res.text(new String(req.body().readAllBytes(), StandardCharsets.UTF_8))))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static SSLSocket connect(String protocol) throws IOException {
        SSLSocket socket = (SSLSocket) certificate.client().getSocketFactory().createSocket("127.0.0.1", server.port());
        socket.setEnabledProtocols(new String[] {protocol});
        socket.setSoTimeout((int) TimeUnit.NANOSECONDS.toMillis(GENEROUS_NANOS));
        socket.startHandshake();
        return socket;
    }

    /** Everything the server sends until it closes (a reset or TLS error after the close ends it too). */
    private static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close; got: " + all, e);
        } catch (IOException closedHard) {
            // a reset, or a TLS layer that saw the TCP connection end without close_notify
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void assertTookAbout(Duration timeout, long startNanos) {
        long took = System.nanoTime() - startNanos;
        // At least half the timeout: an immediate close would not count. Not all of it: the client
        // starts its clock a scheduling delay after the server does for the idle timeout.
        assertTrue(took >= timeout.toNanos() / 2 && took < GENEROUS_NANOS,
                "took " + TimeUnit.NANOSECONDS.toMillis(took) + " ms for a timeout of " + timeout.toMillis() + " ms");
    }

    @Test
    void aTls13ClientThatSendsNoHeadGets408AtTheHeadTimeout() throws Exception {
        String all = silentUntilClosed("TLSv1.3");
        assertTrue(all.startsWith("HTTP/1.1 408 "), all);
    }

    /**
     * TLS 1.2 has no half-close: the JDK's TLS layer answers the end of its input by closing its
     * output too, so the 408 cannot be sent; the connection still ends on time.
     */
    @Test
    void aTls12ClientThatSendsNoHeadIsClosedAtTheHeadTimeout() throws Exception {
        String all = silentUntilClosed("TLSv1.2");
        assertTrue(all.isEmpty() || all.startsWith("HTTP/1.1 408 "), all);
    }

    /** Handshakes with {@code protocol}, sends nothing, and returns what the server sent before it closed at the head timeout. */
    private static String silentUntilClosed(String protocol) throws Exception {
        long start = System.nanoTime(); // the head's clock starts at accept, before the handshake
        try (SSLSocket socket = connect(protocol)) {
            String all = readUntilClosed(socket);
            assertTookAbout(HEAD, start);
            return all;
        }
    }

    @Test
    void aTrickledHeadGets408AtTheHeadTimeout() throws Exception {
        try (SSLSocket socket = connect("TLSv1.3")) {
            long start = System.nanoTime();
            send(socket, "GET /hi HTTP/1.1\r\n");
            try {
                for (int i = 0; i < 20; i++) {
                    Thread.sleep(100);
                    send(socket, "X"); // each byte in time for a per-read timeout; the head's deadline holds
                }
            } catch (IOException closed) {
                // the server gave up on the head: what it said is read below
            }
            String all = readUntilClosed(socket);
            assertTrue(all.startsWith("HTTP/1.1 408 "), all);
            assertTrue(System.nanoTime() - start < GENEROUS_NANOS);
        }
    }

    @Test
    void aTcpClientThatNeverStartsTheHandshakeIsClosedAtTheHeadTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) TimeUnit.NANOSECONDS.toMillis(GENEROUS_NANOS));
            long start = System.nanoTime();
            String all = readUntilClosed(socket);
            assertTookAbout(HEAD, start);
            assertFalse(all.contains("HTTP/"), "no handshake, so no response; at most a TLS alert: " + all);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void anIdleKeptAliveConnectionIsClosedAtTheIdleTimeout(String protocol) throws Exception {
        try (SSLSocket socket = connect(protocol)) {
            send(socket, "GET /hi HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            String first = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
            assertTrue(first.startsWith("HTTP/1.1 200 ") && first.endsWith("hi"), first);
            long start = System.nanoTime();
            assertEquals("", readUntilClosed(socket), "an idle connection closes without a response");
            assertTookAbout(IDLE, start);
        }
    }

    @Test
    void aStalledBodyEndsAtTheBodyTimeout() throws Exception {
        try (SSLSocket socket = connect("TLSv1.3")) {
            long start = System.nanoTime();
            send(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
            String all = readUntilClosed(socket);
            assertTookAbout(BODY, start);
            assertTrue(all.isEmpty() || all.startsWith("HTTP/1.1 408 "), all);
            assertTrue(!all.contains("abc"), "a cut-off body never reaches the handler's answer: " + all);
        }
    }

    @Test
    void timeoutsLeaveNoConnectionBehind() throws Exception {
        try (SSLSocket idle = connect("TLSv1.3"); Socket silent = new Socket("127.0.0.1", server.port())) {
            silent.setSoTimeout((int) TimeUnit.NANOSECONDS.toMillis(GENEROUS_NANOS));
            readUntilClosed(idle);
            readUntilClosed(silent);
        }
        long deadline = System.nanoTime() + GENEROUS_NANOS;
        while (server.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, server.openConnections());
    }
}
