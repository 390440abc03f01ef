package io.trestle.example.scaleout;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code redis-server} on a loopback port with its own config and files in a test folder: no
 * persistence, so a restart starts empty.
 */
final class RedisProcess implements AutoCloseable {
    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;

    RedisProcess(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void start() throws IOException, InterruptedException {
        Path conf = dir.resolve("redis.conf");
        Files.writeString(conf, """
                bind 127.0.0.1
                port %d
                daemonize no
                save ""
                appendonly no
                dir %s
                logfile %s
                """.formatted(port, dir, dir.resolve("redis.log")));
        process = new ProcessBuilder(binary.toString(), conf.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.out").toFile()))
                .start();
        if (!Processes.await(process, Duration.ofSeconds(10), this::answersPing)) {
            stop();
            throw new IllegalStateException("redis-server did not start on port " + port + ": see " + dir.resolve("redis.log"));
        }
    }

    void stop() throws InterruptedException {
        Processes.stop(process);
    }

    boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.setSoTimeout(500);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
