package io.trestle.login.redis;

import io.trestle.testsupport.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * A real {@code redis-server} for tests, on a free loopback port with its own config in a
 * folder of the test's: no persistence, no other clients. A test that starts one says so with
 * {@code @RequiresProgram(value = RedisServer.PROGRAM, install = RedisServer.INSTALL_HINT)}: it is
 * skipped on a developer's machine without Redis and fails on CI ({@code CI=true}), which installs it.
 */
public final class RedisServer implements AutoCloseable {
    public static final String PROGRAM = "redis-server";
    public static final String INSTALL_HINT = "apt-get install -y redis-server";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;

    private RedisServer(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    /** Starts Redis with its files in {@code dir}; skips the test (fails it on CI) without redis-server. */
    public static RedisServer start(Path dir) throws IOException, InterruptedException {
        RedisServer server = new RedisServer(Programs.require(PROGRAM, INSTALL_HINT), dir, freePort());
        server.start();
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public RedisAddress address() {
        return RedisAddress.parse(url());
    }

    /** (Re)starts the server on its port, empty: nothing is saved between runs. */
    public void start() throws IOException, InterruptedException {
        Path conf = dir.resolve("redis-" + port + ".conf");
        Files.writeString(conf, String.join("\n", List.of(
                "bind 127.0.0.1",
                "port " + port,
                "daemonize no",
                "save \"\"",
                "appendonly no",
                "dir " + dir,
                "logfile " + dir.resolve("redis-" + port + ".log"),
                "")));
        process = new ProcessBuilder(binary.toString(), conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis-" + port + ".out").toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                Assertions.fail("redis-server did not start on port " + port + "; see " + dir.resolve("redis-" + port + ".log"));
            }
            Thread.sleep(20);
        }
    }

    /** Stops the server (its data is gone) and waits until it has exited. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Whether the server answers {@code PING} with {@code +PONG}. */
    public boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
