package io.trestle.example.scaleout;

import io.trestle.Server;
import io.trestle.example.ExampleApp;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** One instance of the example app, in this JVM, on a fixed port: stopped and started again on it. */
final class AppInstance implements AutoCloseable {
    private final int port;
    private final List<String> args;
    private Server server;

    AppInstance(int port, List<String> args) {
        this.port = port;
        this.args = List.copyOf(args);
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    void start() {
        List<String> all = new ArrayList<>(List.of("--port", String.valueOf(port)));
        all.addAll(args);
        server = ExampleApp.start(all.toArray(String[]::new));
    }

    /** Stops it the way a deployment would: in-flight requests finish, the Redis link closes. */
    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
