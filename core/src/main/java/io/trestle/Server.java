package io.trestle;

import io.trestle.config.CoreSettings;
import io.trestle.http1.DefaultHeaders;
import io.trestle.http1.Limits;
import io.trestle.routing.RouteCollector;
import io.trestle.routing.RouteConflictException;
import io.trestle.routing.RouteTable;
import io.trestle.server.ServerAccess;
import io.trestle.server.ServerRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 server: one virtual thread per connection, routes compiled once at start-up.
 *
 * <pre>{@code
 * Server server = Server.builder()
 *         .port(8080)
 *         .routes(r -> r.get("/hello/{name}", (req, res) -> res.text("Hello, " + req.pathParam("name"))))
 *         .build()
 *         .start();
 * // ...
 * server.close();   // graceful: running requests finish
 * }</pre>
 */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    static {
        ServerAccess.grant(server -> server.runtime);
    }

    private final String host;
    private final int requestedPort;
    private final ServerRuntime runtime;
    private final List<Plugin> plugins;
    private final List<Runnable> onClose;
    private final String scheme;
    private volatile InetSocketAddress address;

    private Server(Builder b, RouteTable table, Limits limits, DefaultHeaders plainDefaults, DefaultHeaders tlsDefaults) {
        this.host = b.host;
        this.requestedPort = b.port;
        this.plugins = List.copyOf(b.plugins);
        this.onClose = List.copyOf(b.onClose);
        this.runtime = new ServerRuntime(limits, table, b.trustedProxies,
                b.accessLog ? (b.accessLogWriter != null ? b.accessLogWriter : AccessLogWriter.toLogger()) : null,
                b.tls, b.tls == null ? null : CoreSettings.tlsPolicy(b.config), plainDefaults, tlsDefaults,
                List.copyOf(b.observers));
        this.scheme = b.tls == null ? "http" : "https";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts accepting connections. */
    public Server start() {
        try {
            address = runtime.start(host, requestedPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + requestedPort + ": " + e.getMessage(), e);
        }
        LOG.info("listening on {}", uri());
        return this;
    }

    /** The bound port (the real one when 0 was asked), or -1 before {@link #start()}. */
    public int port() {
        InetSocketAddress a = address;
        return a == null ? -1 : a.getPort();
    }

    public InetSocketAddress address() {
        return address;
    }

    /** {@code http://host:port} (or {@code https://}) of the running server. */
    public URI uri() {
        String h = address.getAddress().getHostAddress();
        if (h.indexOf(':') >= 0) {
            h = "[" + h + "]";
        }
        return URI.create(scheme + "://" + h + ":" + address.getPort());
    }

    /** The route table requests are served from now. */
    public RouteTable routeTable() {
        return runtime.routes();
    }

    /** Swaps in a new route table atomically; requests already running finish on the old one. */
    public void routeTable(RouteTable table) {
        runtime.routes(table);
    }

    public int openConnections() {
        return runtime.openConnections();
    }

    /**
     * The routes in service now, with their metadata: the current route table's list, which
     * changes when a plugin jar is deployed, swapped or removed ({@link ServerObserver#routesChanged}
     * announces each change). Computed once per route table.
     *
     * <pre>{@code
     * server.routes().forEach(r -> System.out.println(r.methods() + " " + r.pattern() + " " + r.attributes()));
     * }</pre>
     */
    public List<RouteInfo> routes() {
        return runtime.routes().routeInfos();
    }

    /**
     * Stops accepting, closes idle connections, lets running requests finish within the grace
     * period, then closes the plugins installed through the builder.
     */
    @Override
    public void close() {
        runtime.close();
        for (Plugin p : plugins) {
            try {
                p.close();
            } catch (Exception e) {
                LOG.warn("plugin {} failed to close", p.getClass().getName(), e);
            }
        }
        for (Runnable r : onClose) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("a close action failed", e);
            }
        }
    }

    /** Collects the settings of a {@link Server}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private final Limits.Builder limits = Limits.builder();   // only what the setters set
        private Config config = Config.empty();
        private final List<Plugin> plugins = new ArrayList<>();
        private final List<Consumer<Routes>> routes = new ArrayList<>();
        private RouteTable table;
        private List<String> trustedProxies = List.of();
        private boolean accessLog = true;
        private AccessLogWriter accessLogWriter;
        private final List<ServerObserver> observers = new ArrayList<>();
        private final List<Runnable> onClose = new ArrayList<>();
        private SSLContext tls;
        private boolean securityHeaders = true;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port; 0 picks a free one ({@link Server#port()} tells which). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        // ---- Limits and timeouts: one named setter each. A value set here wins over the config's
        // setting of the same name, whatever the order of the calls; what neither sets keeps its
        // default. New limits are added here (and to the settings), nowhere else.

        /**
         * Open connections at most (default 10 000); beyond, a new connection gets a prebuilt
         * {@code 503} and is closed. Setting {@code max-connections}.
         *
         * <pre>{@code
         * Server.builder().maxConnections(2_000).maxConnectionsPerClient(32)
         * }</pre>
         *
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxConnections(int connections) {
            limits.maxConnections(connections);
            return this;
        }

        /**
         * Open connections from one client address (the TCP peer, not a forwarded address) at
         * most; beyond, a prebuilt {@code 503} and close. 0 (the default) is no limit. Setting
         * {@code max-connections-per-client}.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder maxConnectionsPerClient(int connections) {
            limits.maxConnectionsPerClient(connections);
            return this;
        }

        /**
         * Longest request line (method, target, version) in bytes (default 8 KiB); beyond:
         * {@code 414 URI Too Long}. Setting {@code max-request-line}.
         *
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxRequestLine(int bytes) {
            limits.maxRequestLine(bytes);
            return this;
        }

        /**
         * Largest header section in bytes (default 16 KiB; a chunked body's trailer section
         * gets the same, separately); beyond: {@code 431}. Setting {@code max-header-size}.
         *
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxHeaderSize(int bytes) {
            limits.maxHeaderSize(bytes);
            return this;
        }

        /**
         * Most header fields in a request (default 100); beyond: {@code 431}. Setting
         * {@code max-headers}.
         *
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxHeaders(int count) {
            limits.maxHeaders(count);
            return this;
        }

        /**
         * Largest request body in bytes (default 10 MiB), unless a route sets its own
         * ({@code @Route(maxBodySize = ...)}); beyond: {@code 413}. 0 accepts no body. Setting
         * {@code max-body-size}.
         *
         * <pre>{@code
         * Server.builder().maxBodySize(100L << 20)   // 100 MiB
         * }</pre>
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder maxBodySize(long bytes) {
            limits.maxBodySize(bytes);
            return this;
        }

        /**
         * Time for a whole request head to arrive (default 20 s), counted from its first byte;
         * then {@code 408} and close. Setting {@code head-timeout}.
         *
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder headTimeout(Duration timeout) {
            limits.headTimeout(timeout);
            return this;
        }

        /**
         * How long a kept-alive connection may wait for its next request (default 30 s); then
         * it is closed without a response. Setting {@code idle-timeout}.
         *
         * <pre>{@code
         * Server.builder().idleTimeout(Duration.ofSeconds(5)).headTimeout(Duration.ofSeconds(10))
         * }</pre>
         *
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder idleTimeout(Duration timeout) {
            limits.idleTimeout(timeout);
            return this;
        }

        /**
         * Longest stall while reading a request body (default 30 s): no byte for this long and
         * the body read fails and the connection is closed. Setting {@code body-timeout}.
         *
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder bodyTimeout(Duration timeout) {
            limits.bodyTimeout(timeout);
            return this;
        }

        /**
         * Longest a single write to a client may block (default 30 s), i.e. a client that stops
         * reading; then the connection is closed. Setting {@code write-timeout}.
         *
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder writeTimeout(Duration timeout) {
            limits.writeTimeout(timeout);
            return this;
        }

        /**
         * Slowest a request body may arrive, in bytes per second averaged over the
         * {@linkplain #dataRateWindow data rate window} and counted only while the server waits
         * for body bytes (default 256); slower: {@code 408} and close. 0 turns it off. Setting
         * {@code min-request-data-rate}.
         *
         * <pre>{@code
         * Server.builder().minRequestDataRate(1024).minResponseDataRate(1024).dataRateWindow(Duration.ofSeconds(5))
         * }</pre>
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder minRequestDataRate(long bytesPerSecond) {
            limits.minRequestDataRate(bytesPerSecond);
            return this;
        }

        /**
         * Slowest a client may take a response, in bytes per second averaged over the
         * {@linkplain #dataRateWindow data rate window} and counted only while a write waits for
         * the client (default 256); slower: the connection is closed. 0 turns it off. Setting
         * {@code min-response-data-rate}.
         *
         * @throws IllegalArgumentException when negative
         */
        public Builder minResponseDataRate(long bytesPerSecond) {
            limits.minResponseDataRate(bytesPerSecond);
            return this;
        }

        /**
         * The time both minimum data rates are averaged over (default 10 s): a client may stall
         * this long before its rate is judged. Setting {@code data-rate-window}.
         *
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder dataRateWindow(Duration window) {
            limits.dataRateWindow(window);
            return this;
        }

        /**
         * How long {@link Server#close()} lets running requests finish (default 10 s); then
         * their connections are closed. {@link Duration#ZERO} does not wait. Setting
         * {@code shutdown-grace}.
         *
         * @throws IllegalArgumentException when null or negative
         */
        public Builder shutdownGrace(Duration grace) {
            limits.shutdownGrace(grace);
            return this;
        }

        // ---- end of limits and timeouts

        /**
         * The settings plugins read in {@code install}; also the source of the limits and timeouts
         * no setter of this builder sets ({@code max-body-size}, {@code idle-timeout}, ...), and of
         * the HTML documents' {@code frame-options} and {@code content-security-policy}.
         */
        public Builder config(Config config) {
            this.config = config;
            return this;
        }

        /** A plugin to install with the config; closed when the server closes. */
        public Builder plugin(Plugin plugin) {
            plugins.add(plugin);
            return this;
        }

        /** Registers routes in code. */
        public Builder routes(Consumer<Routes> registrations) {
            routes.add(registrations);
            return this;
        }

        /** Serves a route table built elsewhere (by discovery); other registrations are then refused. */
        public Builder routeTable(RouteTable table) {
            this.table = table;
            return this;
        }

        /** Addresses or CIDR blocks whose Forwarded / X-Forwarded-* headers are believed. */
        public Builder trustedProxies(List<String> proxies) {
            this.trustedProxies = List.copyOf(proxies);
            return this;
        }

        /**
         * Whether each request gets an access-log line (on by default), to the logger
         * {@code trestle.access} unless {@link #accessLog(AccessLogWriter)} says otherwise.
         */
        public Builder accessLog(boolean on) {
            this.accessLog = on;
            return this;
        }

        /**
         * Where the access log goes (and turns it on); the server closes the writer when it
         * closes, so give each server its own.
         *
         * <pre>{@code
         * Server.builder().accessLog(AccessLogWriter.toFile(Path.of("access.log")))
         * }</pre>
         */
        public Builder accessLog(AccessLogWriter writer) {
            this.accessLogWriter = Objects.requireNonNull(writer, "writer; accessLog(false) turns the access log off");
            this.accessLog = true;
            return this;
        }

        /**
         * Adds an observer of what the server does: completed exchanges (after the access log,
         * which is one too), connections, plugin jars and route tables. Observers are told in the
         * order they were added; see {@link ServerObserver} for threads and costs.
         *
         * <pre>{@code
         * Server.builder().observer(new ServerObserver() {
         *     public void exchangeCompleted(CompletedExchange e) {
         *         if (e.durationNanos() > 1_000_000_000L) {
         *             LOG.warn("slow: {} {} took {} ms", e.method(), e.route(), e.durationNanos() / 1_000_000);
         *         }
         *     }
         * })
         * }</pre>
         */
        public Builder observer(ServerObserver observer) {
            observers.add(Objects.requireNonNull(observer, "observer(null)"));
            return this;
        }

        /**
         * Serves HTTPS with {@code context}; see {@code TlsContexts.fromPkcs12}. The versions and
         * cipher suites offered are the config's {@code tls-protocols} and {@code tls-ciphers}
         * (by default TLS 1.3, and TLS 1.2 with ECDHE and AES-GCM or ChaCha20-Poly1305).
         */
        public Builder tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        /**
         * Whether responses carry {@code X-Content-Type-Options: nosniff}, a
         * {@code Referrer-Policy}, over TLS {@code Strict-Transport-Security}, and on HTML
         * documents (error pages included) {@code X-Frame-Options} and
         * {@code Content-Security-Policy}, unless the handler set them (on by default). The last
         * two are {@code DENY} and {@code frame-ancestors 'none'} unless the
         * {@linkplain #config config} says otherwise ({@code frame-options},
         * {@code content-security-policy}).
         */
        public Builder securityHeaders(boolean on) {
            this.securityHeaders = on;
            return this;
        }

        /** Runs {@code action} after the server has closed (e.g. to close what discovery loaded). */
        public Builder onClose(Runnable action) {
            onClose.add(action);
            return this;
        }

        public Server build() {
            RouteTable built = table;
            if (built == null) {
                RouteCollector collector = new RouteCollector();
                collector.source("code");
                for (Consumer<Routes> r : routes) {
                    r.accept(collector);
                }
                for (Plugin p : plugins) {
                    collector.source(p.getClass().getName());
                    try {
                        p.install(collector, config);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException("plugin " + p.getClass().getName() + " failed to install: " + e.getMessage(), e);
                    }
                }
                try {
                    built = collector.build();
                } catch (RouteConflictException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            } else if (!routes.isEmpty() || !plugins.isEmpty()) {
                throw new IllegalStateException("routeTable(...) replaces routes(...) and plugin(...); use one or the other");
            }
            DefaultHeaders plain = securityHeaders ? CoreSettings.securityHeaders(config, false) : DefaultHeaders.NONE;
            DefaultHeaders secure = securityHeaders ? CoreSettings.securityHeaders(config, true) : DefaultHeaders.NONE;
            return new Server(this, built, CoreSettings.limitsBuilder(config).putAll(limits).build(), plain, secure);
        }
    }
}
