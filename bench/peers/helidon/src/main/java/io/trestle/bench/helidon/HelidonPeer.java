package io.trestle.bench.helidon;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.staticcontent.StaticContentService;
import io.trestle.bench.peer.PeerArgs;
import io.trestle.bench.peer.Payloads;

/** Helidon 4 SE's web server (virtual threads), files from its static-content service. */
public final class HelidonPeer {
    private HelidonPeer() {
    }

    public static void main(String[] args) {
        PeerArgs a = PeerArgs.parse("peer-helidon", args);
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(a.port())
                .backlog(1024)
                .routing(r -> r
                        .get("/plaintext", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, Payloads.TEXT_PLAIN)
                                .send(Payloads.HELLO))
                        .get("/json", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, Payloads.APPLICATION_JSON)
                                .send(Payloads.json()))
                        .register("/static", StaticContentService.builder(a.staticDir()).build()))
                .build()
                .start();
        a.listening("helidon");
    }
}
