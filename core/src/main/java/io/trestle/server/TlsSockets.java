package io.trestle.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Layers TLS over an accepted connection. The handshake happens on the connection's own thread
 * at its first read, so it counts against the request-head timeout like any slow client.
 *
 * <p>ALPN: the server offers {@code http/1.1} (then {@code http/1.0}). A client that offers only
 * other protocols ({@code h2} alone) gets the fatal {@code no_application_protocol} alert, as
 * RFC 7301 §3.2 requires and nginx (since 1.21.4) and Jetty do: answering it in HTTP/1.1 would
 * only fail later, at its first frame. A client that sends no ALPN is served as before.
 *
 * <p>Client-initiated renegotiation (TLS 1.2 and older; TLS 1.3 has none) is refused with a
 * {@code handshake_failure} alert, which ends the connection, as nginx does: each one costs the
 * server a full handshake's CPU and the client next to nothing. The JDK offers this only as the
 * JVM-wide system property {@code jdk.tls.rejectClientInitiatedRenegotiation}, read once, at the
 * first server-side handshake of the JVM; {@link #rejectClientRenegotiation()} sets it before
 * any server handshake of Trestle. It then holds for every TLS server in the JVM. Starting the
 * JVM with {@code -Djdk.tls.rejectClientInitiatedRenegotiation=false} keeps renegotiation.
 */
final class TlsSockets {
    private static final Logger LOG = LoggerFactory.getLogger(TlsSockets.class);
    static final String REJECT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";
    private static final String[] APPLICATION_PROTOCOLS = {"http/1.1", "http/1.0"};

    private static boolean renegotiationChecked;

    private TlsSockets() {
    }

    /**
     * Sets {@value #REJECT_RENEGOTIATION} unless the JVM was started with a value for it. Must run
     * before the JVM's first server-side TLS handshake; the server calls it when it is built.
     */
    static synchronized void rejectClientRenegotiation() {
        if (renegotiationChecked) {
            return;
        }
        renegotiationChecked = true;
        String given = System.getProperty(REJECT_RENEGOTIATION);
        if (given == null) {
            System.setProperty(REJECT_RENEGOTIATION, "true");
        } else if (!given.equalsIgnoreCase("true")) {
            LOG.warn("-D{}={}: TLS clients may renegotiate without limit (a cheap way to load the server's CPU)",
                    REJECT_RENEGOTIATION, given);
        }
    }

    static SSLSocket wrap(SSLContext tls, TlsPolicy policy, SocketChannel channel) {
        try {
            InetSocketAddress peer = (InetSocketAddress) channel.getRemoteAddress();
            SSLSocket socket = (SSLSocket) tls.getSocketFactory()
                    .createSocket(channel.socket(), peer.getHostString(), peer.getPort(), true);
            socket.setUseClientMode(false);
            socket.setSSLParameters(parameters(socket.getSSLParameters(), policy));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SSLParameters parameters(SSLParameters params, TlsPolicy policy) {
        params.setProtocols(policy.protocols().toArray(String[]::new));
        params.setCipherSuites(policy.cipherSuites().toArray(String[]::new));
        params.setUseCipherSuitesOrder(true);
        params.setApplicationProtocols(APPLICATION_PROTOCOLS);
        return params;
    }
}
