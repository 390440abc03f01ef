package io.trestle.bench.vertx;

import io.trestle.bench.peer.PeerArgs;
import io.trestle.bench.peer.Payloads;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Files;
import java.nio.file.Path;

/** Vert.x 5 core (no vertx-web): a request handler on the event loop, files via {@code sendFile}. */
public final class VertxPeer {
    private static final Buffer HELLO = Buffer.buffer(Payloads.HELLO);

    private VertxPeer() {
    }

    public static void main(String[] args) throws Exception {
        PeerArgs a = PeerArgs.parse("peer-vertx", args);
        Path dir = a.staticDir();
        Vertx vertx = Vertx.vertx();
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(a.port()).setAcceptBacklog(1024))
                .requestHandler(req -> handle(req, dir))
                .listen()
                .toCompletionStage().toCompletableFuture().get();
        a.listening("vertx");
    }

    private static void handle(HttpServerRequest req, Path dir) {
        String path = req.path();
        switch (path) {
            case "/plaintext" -> req.response().putHeader(HttpHeaders.CONTENT_TYPE, Payloads.TEXT_PLAIN).end(HELLO);
            case "/json" -> req.response().putHeader(HttpHeaders.CONTENT_TYPE, Payloads.APPLICATION_JSON)
                    .end(Buffer.buffer(Payloads.json()));
            default -> {
                Path file = path.startsWith("/static/") ? dir.resolve(path.substring(8)).normalize() : null;
                if (file == null || !file.startsWith(dir) || !Files.isRegularFile(file)) {
                    req.response().setStatusCode(404).end();
                    return;
                }
                req.response().putHeader(HttpHeaders.CONTENT_TYPE,
                        path.endsWith(".txt") ? "text/plain" : "application/octet-stream").sendFile(file.toString());
            }
        }
    }
}
