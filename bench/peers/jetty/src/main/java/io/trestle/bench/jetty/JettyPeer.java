package io.trestle.bench.jetty;

import io.trestle.bench.peer.PeerArgs;
import io.trestle.bench.peer.Payloads;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** Jetty 12 with plain core handlers (no servlets) and its {@code ResourceHandler} for files. */
public final class JettyPeer {
    private JettyPeer() {
    }

    public static void main(String[] args) throws Exception {
        PeerArgs a = PeerArgs.parse("peer-jetty", args);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(a.port());
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);

        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newResource(a.staticDir()));
        files.setDirAllowed(false);
        ContextHandler statics = new ContextHandler(files, "/static");

        server.setHandler(new Handler.Sequence(new Endpoints(), statics));
        server.start();
        a.listening("jetty");
        server.join();
    }

    /** {@code /plaintext} and {@code /json}; anything else goes on to the next handler. */
    static final class Endpoints extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            byte[] body;
            String type;
            switch (path) {
                case "/plaintext" -> {
                    body = Payloads.HELLO;
                    type = Payloads.TEXT_PLAIN;
                }
                case "/json" -> {
                    body = Payloads.json();
                    type = Payloads.APPLICATION_JSON;
                }
                default -> {
                    return false;
                }
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
    }
}
