package io.trestle.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Layers TLS over an accepted connection. The handshake happens on the connection's own thread
 * at its first read, so it counts against the request-head timeout like any slow client.
 */
final class TlsSockets {
    /** TLS 1.2 and 1.3 only: older versions have known weaknesses and no current browser needs them. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsSockets() {
    }

    static SSLSocket wrap(SSLContext tls, SocketChannel channel) {
        try {
            InetSocketAddress peer = (InetSocketAddress) channel.getRemoteAddress();
            SSLSocket socket = (SSLSocket) tls.getSocketFactory()
                    .createSocket(channel.socket(), peer.getHostString(), peer.getPort(), true);
            socket.setUseClientMode(false);
            SSLParameters params = socket.getSSLParameters();
            params.setProtocols(PROTOCOLS);
            params.setUseCipherSuitesOrder(true);
            socket.setSSLParameters(params);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
