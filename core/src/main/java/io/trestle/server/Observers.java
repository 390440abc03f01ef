package io.trestle.server;

import io.trestle.http1.LogLimiter;
import io.trestle.CompletedExchange;
import io.trestle.ConnectionEvent;
import io.trestle.PluginEvent;
import io.trestle.RouteInfo;
import io.trestle.ServerObserver;
import io.trestle.routing.RouteTable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a server's observers what happened: those given to the builder (the access log first),
 * then those the current route table's sources registered. An observer that throws is logged, a
 * few lines a minute at most, and the others are told all the same; the caller never sees it.
 */
final class Observers {
    private static final Logger LOG = LoggerFactory.getLogger(ServerObserver.class);
    /** A failing observer fails on every request; the log gets a line every few seconds (per server). */
    private final LogLimiter failures = new LogLimiter(5, TimeUnit.SECONDS);

    private final AccessLog accessLog;
    private final ServerObserver[] fixed;
    private final Supplier<RouteTable> table;

    /**
     * @param accessLog the access log, told of exchanges first (and of nothing else), or {@code null}
     * @param fixed     the observers given to the builder
     * @param table     the route table in service, whose sources' observers are told too
     */
    Observers(AccessLog accessLog, List<ServerObserver> fixed, Supplier<RouteTable> table) {
        this.accessLog = accessLog;
        this.fixed = fixed.toArray(new ServerObserver[0]);
        this.table = table;
    }

    /**
     * Whether anyone besides the access log listens: connection events are made only then, so a
     * server without observers allocates nothing for them.
     */
    boolean any() {
        return fixed.length > 0 || table.get().observers().length > 0;
    }

    void exchangeCompleted(CompletedExchange e) {
        if (accessLog != null) {
            try {
                accessLog.exchangeCompleted(e);
            } catch (RuntimeException | LinkageError x) {
                failed(accessLog, "exchangeCompleted", x);
            }
        }
        for (ServerObserver o : fixed) {
            try {
                o.exchangeCompleted(e);
            } catch (RuntimeException | LinkageError x) {
                failed(o, "exchangeCompleted", x);
            }
        }
        for (ServerObserver o : table.get().observers()) {
            try {
                o.exchangeCompleted(e);
            } catch (RuntimeException | LinkageError x) {
                failed(o, "exchangeCompleted", x);
            }
        }
    }

    void connectionOpened(ConnectionEvent c) {
        each(o -> o.connectionOpened(c), "connectionOpened");
    }

    void connectionRefused(ConnectionEvent c) {
        each(o -> o.connectionRefused(c), "connectionRefused");
    }

    void connectionClosed(ConnectionEvent c) {
        each(o -> o.connectionClosed(c), "connectionClosed");
    }

    /** Tells the observers of {@code next} (which may be new: a plugin's) as well as the fixed ones. */
    void pluginChanged(PluginEvent e, RouteTable next) {
        each(o -> o.pluginChanged(e), "pluginChanged", next);
    }

    void routesChanged(List<RouteInfo> routes, RouteTable next) {
        each(o -> o.routesChanged(routes), "routesChanged", next);
    }

    private interface Call {
        void on(ServerObserver o);
    }

    private void each(Call call, String what) {
        each(call, what, table.get());
    }

    private void each(Call call, String what, RouteTable routes) {
        for (ServerObserver o : fixed) {
            call(o, call, what);
        }
        for (ServerObserver o : routes.observers()) {
            call(o, call, what);
        }
    }

    private void call(ServerObserver o, Call call, String what) {
        try {
            call.on(o);
        } catch (RuntimeException | LinkageError x) {
            failed(o, what, x);
        }
    }

    private void failed(ServerObserver o, String what, Throwable x) {
        long skipped = failures.permit();
        if (skipped >= 0) {
            LOG.warn("observer {} failed in {}{}", o.getClass().getName(), what, LogLimiter.more(skipped), x);
        }
    }
}
