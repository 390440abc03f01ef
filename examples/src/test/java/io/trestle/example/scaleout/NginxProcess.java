package io.trestle.example.scaleout;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * nginx in the foreground as a round-robin load balancer for some loopback ports: its config,
 * pid, logs and temp folders all in a test folder (as root, nginx would otherwise write to
 * {@code /var/lib/nginx} and {@code /var/log/nginx}). Every answer names the instance that gave
 * it in {@code X-Upstream}; the access log lists the same per request.
 */
final class NginxProcess implements AutoCloseable {
    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;

    NginxProcess(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Path accessLog() {
        return dir.resolve("access.log");
    }

    /** Starts balancing over {@code upstreams}; returns once {@code ready} says nginx serves. */
    void start(List<Integer> upstreams, BooleanSupplier ready) throws IOException, InterruptedException {
        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            Files.createDirectories(dir.resolve(temp));
        }
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(upstreams));
        process = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", conf.toString(),
                "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("nginx.out").toFile()))
                .start();
        if (!Processes.await(process, Duration.ofSeconds(10), ready)) {
            String errors = Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : "";
            stop();
            throw new IllegalStateException("nginx did not start on port " + port + ":\n" + errors);
        }
    }

    /**
     * The configuration a user would write (see docs/scale-out.md), with
     * every path in the test folder. A failed instance is skipped for 2 s, then tried again.
     */
    private String config(List<Integer> upstreams) {
        StringBuilder servers = new StringBuilder();
        for (int upstream : upstreams) {
            servers.append("        server 127.0.0.1:").append(upstream).append(" max_fails=1 fail_timeout=2s;\n");
        }
        // Workers run as "nobody" when the master is root: they could not use the temp folders.
        String user = "root".equals(System.getProperty("user.name")) ? "user root root;\n" : "";
        return user + """
                daemon off;
                master_process on;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 256; }
                http {
                    log_format upstream '$remote_addr "$request" $status upstream=$upstream_addr';
                    access_log %1$s/access.log upstream;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream trestle {
                %2$s    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://trestle;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_next_upstream error timeout;
                            proxy_connect_timeout 2s;
                            proxy_read_timeout 10s;
                            add_header X-Upstream $upstream_addr always;
                        }
                    }
                }
                """.formatted(dir, servers, port);
    }

    void stop() throws InterruptedException {
        Processes.stop(process);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
