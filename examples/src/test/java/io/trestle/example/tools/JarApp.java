package io.trestle.example.tools;

import io.trestle.example.AppLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged example app ({@code examples/target/trestle-example.jar}) in a process of its own,
 * started from the repository as {@code bin/trestle} starts it, so that outside tools probe the app
 * as shipped and its descriptors can be counted in {@code /proc/<pid>/fd}.
 */
final class JarApp implements AutoCloseable {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = REPO.resolve("examples/target/trestle-example.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Process process;
    private final URI uri;
    private final List<String> log = new ArrayList<>();

    private JarApp(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /**
     * Starts the jar with {@code args} (after {@code --port 0}, plugins from an empty folder, no
     * access log: the tools send hundreds of thousands of requests) and waits until it listens.
     */
    static JarApp start(Path work, String... args) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: these tests run after `package` (./mvnw -pl examples -am verify)");
        }
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString(), "--port", "0",
                "--plugins", work.resolve("no-plugins").toString(), "--no-reload", "--no-access-log"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            URI uri = CompletableFuture.supplyAsync(() -> AppLog.awaitListening(out)).get(60, TimeUnit.SECONDS);
            JarApp app = new JarApp(p, uri);
            Thread.ofVirtual().name("app-log").start(() -> app.keep(out));
            return app;
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    URI uri() {
        return uri;
    }

    URI uri(String path) {
        return uri.resolve(path);
    }

    int port() {
        return uri.getPort();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** How many descriptors the app holds open now (sockets, files, the JVM's own). */
    int openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException("the app's /proc/" + process.pid() + "/fd", e);
        }
    }

    /** Polls until the app holds at most {@code limit} descriptors; the last count seen. */
    int awaitDescriptorsAtMost(int limit, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        int count = openDescriptors();
        while (count > limit && System.nanoTime() < deadline) {
            Thread.sleep(250);
            count = openDescriptors();
        }
        return count;
    }

    /** The app's log lines holding {@code text} (warnings, errors), for a failure message. */
    List<String> logLines(String text) {
        synchronized (log) {
            return log.stream().filter(l -> l.contains(text)).toList();
        }
    }

    /** SIGTERM, as a user stops it; killed if it has not ended after 20 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void keep(BufferedReader out) {
        try {
            for (String line; (line = out.readLine()) != null; ) {
                synchronized (log) {
                    if (log.size() < 10_000) { // the log of a misbehaving app stays bounded here
                        log.add(line);
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

}
