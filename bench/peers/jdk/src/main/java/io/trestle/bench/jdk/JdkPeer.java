package io.trestle.bench.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.trestle.bench.peer.PeerArgs;
import io.trestle.bench.peer.Payloads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/** The JDK's built-in {@code HttpServer}, one virtual thread per exchange. */
public final class JdkPeer {
    private JdkPeer() {
    }

    public static void main(String[] args) throws IOException {
        PeerArgs a = PeerArgs.parse("peer-jdk", args);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", a.port()), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/plaintext", ex -> send(ex, Payloads.TEXT_PLAIN, Payloads.HELLO));
        server.createContext("/json", ex -> send(ex, Payloads.APPLICATION_JSON, Payloads.json()));
        server.createContext("/static/", ex -> file(ex, a.staticDir()));
        server.start();
        a.listening("jdk");
    }

    private static void send(HttpExchange ex, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    private static void file(HttpExchange ex, Path dir) throws IOException {
        String name = ex.getRequestURI().getPath().substring("/static/".length());
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        ex.getResponseHeaders().set("Content-Type", name.endsWith(".txt") ? "text/plain" : "application/octet-stream");
        ex.sendResponseHeaders(200, Files.size(file));
        try (OutputStream os = ex.getResponseBody()) {
            Files.copy(file, os);
        }
    }
}
