package io.trestle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM while the server starts: the JVM takes no more shutdown hooks. */
class LauncherShutdownTest {
    @TempDir
    Path tmp;

    @Test
    void aShutdownThatBeganDuringStartUpClosesTheServerQuietly() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AtomicInteger onShutdown = new AtomicInteger();
        Launcher.App app = new Launcher.App("ping-app",
                Map.of("scan", "io.trestle.entry", "plugins", tmp.resolve("plugins").toString()),
                onShutdown::incrementAndGet, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Launcher launcher = new Launcher(app, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), hook -> {
                    // what Runtime.addShutdownHook throws once SIGTERM has begun the JVM's shutdown
                    throw new IllegalStateException("Shutdown in progress");
                });

        int status = launcher.run(new String[] {"--port", Integer.toString(port), "--no-access-log"});

        assertEquals(Launcher.RUNNING, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(1, onShutdown.get(), "the app's shutdown actions ran, as the hook would have run them");
        assertFalse(err.toString(StandardCharsets.UTF_8).contains("Shutdown in progress"), err.toString(StandardCharsets.UTF_8));
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            }
        }, "the server closed");
        assertTrue(out.toString(StandardCharsets.UTF_8).isEmpty());
    }
}
