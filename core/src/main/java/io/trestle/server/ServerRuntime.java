package io.trestle.server;

import io.trestle.AccessLogWriter;
import io.trestle.Config;
import io.trestle.http1.ConnectionContext;
import io.trestle.http1.DefaultHeaders;
import io.trestle.http1.ExchangeView;
import io.trestle.http1.ForwardedResolver;
import io.trestle.http1.Http1Connection;
import io.trestle.http1.Http1Handler;
import io.trestle.http1.Http1Request;
import io.trestle.http1.Limits;
import io.trestle.ConnectionEvent;
import io.trestle.PluginEvent;
import io.trestle.ServerObserver;
import io.trestle.routing.RouteTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server behind {@link io.trestle.Server}: the listening socket, the acceptor, the
 * open connections and the current route table, and the graceful shutdown that ties them up.
 */
public final class ServerRuntime implements ConnectionContext {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRuntime.class);

    private final Limits limits;
    private final Dispatcher dispatcher;
    private final ForwardedResolver forwarded;
    private final AccessLog accessLog;
    private final Observers observers;
    private final ConnectionRegistry registry;
    private final SSLContext tls;
    private final TlsPolicy tlsPolicy;
    private final Http1Request.ClientInfo plainClientInfo;
    private final Http1Request.ClientInfo tlsClientInfo;
    private final DefaultHeaders plainDefaults;
    private final DefaultHeaders tlsDefaults;
    private final AtomicLong connectionIds = new AtomicLong();
    private volatile RouteTable table;
    private volatile boolean closing;
    private ServerSocketChannel server;
    private Thread acceptor;
    private Thread sweeper;
    private InetSocketAddress local;

    /**
     * @param accessLog       where each request's access-log line goes, or {@code null} for none;
     *                        closed when the server has closed
     * @param tls             the TLS context to serve HTTPS with, or {@code null} for plain HTTP
     * @param tlsPolicy       the TLS versions and cipher suites offered ({@code null}: {@link TlsPolicy#DEFAULT})
     * @param plainDefaults   headers HTTP responses get unless the handler set them (security headers)
     * @param tlsDefaults     the same for HTTPS responses
     * @param observers       told what the server does, after the access log (which is one too)
     */
    public ServerRuntime(Limits limits, RouteTable table, List<String> trustedProxies, AccessLogWriter accessLog,
                         SSLContext tls, TlsPolicy tlsPolicy, DefaultHeaders plainDefaults, DefaultHeaders tlsDefaults,
                         List<ServerObserver> observers) {
        this.limits = limits;
        this.table = table;
        this.dispatcher = new Dispatcher(() -> this.table);
        this.forwarded = new ForwardedResolver(trustedProxies);
        this.accessLog = accessLog == null ? null : new AccessLog(accessLog);
        this.observers = new Observers(this.accessLog, observers, () -> this.table);
        this.registry = new ConnectionRegistry(limits.maxConnections(), limits.maxConnectionsPerClient());
        this.tls = tls;
        this.tlsPolicy = tlsPolicy == null ? TlsPolicy.DEFAULT : tlsPolicy;
        if (tls != null) {
            TlsSockets.rejectClientRenegotiation(); // before this server's first handshake
        }
        this.plainClientInfo = new ClientResolution(forwarded, false);
        this.tlsClientInfo = new ClientResolution(forwarded, true);
        this.plainDefaults = plainDefaults;
        this.tlsDefaults = tlsDefaults;
    }

    /** Binds and starts accepting; returns the bound address (the real port when 0 was asked). */
    public InetSocketAddress start(String host, int port) throws IOException {
        server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(host, port), 1024);
        local = (InetSocketAddress) server.getLocalAddress();
        acceptor = Thread.ofPlatform().name("trestle-acceptor-" + local.getPort())
                .start(new Acceptor(server, registry, this::serve, tls == null ? plainDefaults : tlsDefaults, observers,
                        tls != null));
        sweeper = Thread.ofVirtual().name("trestle-timeouts-" + local.getPort()).start(this::sweepTimeouts);
        return local;
    }

    private void serve(SocketChannel channel) {
        long id = connectionIds.incrementAndGet();
        Http1Connection connection = new Http1Connection(channel, tls == null ? null : TlsSockets.wrap(tls, tlsPolicy, channel),
                this, id);
        registry.add(connection);
        Thread.ofVirtual().name("trestle-conn-" + id).start(connection);
    }

    /**
     * Keeps the read and write timeouts and the minimum data rates of every connection: a blocking socket write has no
     * timeout of its own, and reads carry none so that they cost no timer (see
     * {@link io.trestle.http1.WatchedReads}). A sweep every 1/16 of the shortest timeout (10–200
     * ms) makes a timeout fire at most that late.
     */
    private void sweepTimeouts() {
        long writeTimeout = limits.writeTimeout().toNanos();
        long period = sweepPeriodMillis(limits);
        while (!closing) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            int timedOut = registry.sweep(writeTimeout);
            if (timedOut > 0) {
                LOG.debug("timed out {} connection(s)", timedOut);
            }
        }
    }

    static long sweepPeriodMillis(Limits limits) {
        long shortest = Math.min(Math.min(limits.headTimeout().toMillis(), limits.idleTimeout().toMillis()),
                Math.min(limits.bodyReadTimeout().toMillis(), limits.writeTimeout().toMillis()));
        if (limits.minRequestBytesPerSecond() > 0 || limits.minResponseBytesPerSecond() > 0) {
            shortest = Math.min(shortest, limits.dataRateWindow().toMillis());
        }
        return Math.max(10, Math.min(200, shortest / 16));
    }

    public RouteTable routes() {
        return table;
    }

    /**
     * Swaps the route table: requests already running finish on the old one. The observers of
     * the new table (a plugin's among them) are told of its routes.
     */
    public void routes(RouteTable next) {
        this.table = next;
        observers.routesChanged(next.routeInfos(), next);
    }

    /** Tells the observers of {@code next} (the table in service after the change) about a plugin jar. */
    public void pluginChanged(PluginEvent event, RouteTable next) {
        observers.pluginChanged(event, next);
    }

    public int openConnections() {
        return registry.size();
    }

    /**
     * Stops accepting, closes idle connections, lets running requests finish within the grace
     * period, then closes whatever is left.
     */
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            LOG.debug("closing the listening socket: {}", e.toString());
        }
        registry.closeIdle();
        long deadline = System.nanoTime() + limits.shutdownGrace().toNanos();
        try {
            if (!registry.awaitEmpty(deadline)) {
                LOG.warn("{} connection(s) still busy after the {} grace period; closing them",
                        registry.size(), Config.formatDuration(limits.shutdownGrace()));
            }
            if (acceptor != null) {
                acceptor.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            registry.closeAll();
            if (sweeper != null) {
                sweeper.interrupt();
            }
            if (accessLog != null) {
                accessLog.close(); // writes the last lines
            }
        }
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public Http1Handler handler() {
        return dispatcher;
    }

    @Override
    public Http1Request.ClientInfo clientInfo(boolean secure) {
        return secure ? tlsClientInfo : plainClientInfo;
    }

    @Override
    public DefaultHeaders defaultHeaders(boolean secure) {
        return secure ? tlsDefaults : plainDefaults;
    }

    @Override
    public boolean closing() {
        return closing;
    }

    @Override
    public void exchanged(ExchangeView exchange) {
        observers.exchangeCompleted(exchange);
    }

    @Override
    public boolean timesExchanges() {
        return observers.any();
    }

    @Override
    public void opened(Http1Connection connection) {
        if (observers.any()) {
            observers.connectionOpened(event(connection));
        }
    }

    @Override
    public void closed(Http1Connection connection) {
        registry.remove(connection);
        if (observers.any()) {
            observers.connectionClosed(event(connection));
        }
    }

    private static ConnectionEvent event(Http1Connection c) {
        return new ConnectionEvent(c.id(), c.peer(), c.secure(), null);
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }
}
