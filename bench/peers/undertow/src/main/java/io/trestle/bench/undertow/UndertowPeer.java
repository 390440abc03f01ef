package io.trestle.bench.undertow;

import io.trestle.bench.peer.PeerArgs;
import io.trestle.bench.peer.Payloads;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.PathHandler;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import org.xnio.Options;

/**
 * Undertow's core server: the two small endpoints answer on the I/O thread (non-blocking sends),
 * files come from its {@code ResourceHandler}.
 */
public final class UndertowPeer {
    private UndertowPeer() {
    }

    public static void main(String[] args) {
        PeerArgs a = PeerArgs.parse("peer-undertow", args);
        PathHandler paths = new PathHandler()
                .addExactPath("/plaintext", ex -> send(ex, Payloads.TEXT_PLAIN, Payloads.HELLO))
                .addExactPath("/json", ex -> send(ex, Payloads.APPLICATION_JSON, Payloads.json()))
                .addPrefixPath("/static", new ResourceHandler(new PathResourceManager(a.staticDir())));
        Undertow server = Undertow.builder()
                .addHttpListener(a.port(), "127.0.0.1")
                .setSocketOption(Options.BACKLOG, 1024)
                .setHandler(paths)
                .build();
        server.start();
        a.listening("undertow");
    }

    private static void send(HttpServerExchange ex, String type, byte[] body) {
        ex.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        ex.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
