package io.trestle;

import java.util.List;

/**
 * Told what the server does: every method has a default that does nothing, so an observer
 * overrides only what it wants.
 *
 * <pre>{@code
 * LongAdder errors = new LongAdder();
 * Server server = Server.builder()
 *         .observer(new ServerObserver() {
 *             @Override
 *             public void exchangeCompleted(CompletedExchange e) {
 *                 if (e.status() >= 500) {
 *                     errors.increment();
 *                 }
 *             }
 *         })
 *         .build();
 * }</pre>
 *
 * <p>Register an observer with {@code Server.Builder.observer(...)}, or from a plugin with
 * {@code Routes.observer(...)} in {@code install} (it then observes as long as the plugin's
 * routes are in service, and is dropped with them when its jar is replaced or removed).
 *
 * <p><b>Threads and cost.</b> {@link #exchangeCompleted} runs on the connection's virtual
 * thread after the response was written (the client has it; the next request on the
 * connection waits until the observers return), once per request: keep it short and allocate
 * little. {@link #connectionOpened} and {@link #connectionClosed} run on the connection's thread
 * too; {@link #connectionRefused} on the thread that accepts connections, so it must be quick.
 * Plugin and route events run on the thread that changed the route table. An observer may be
 * called from many threads at once. An exception it throws is logged (at most a few lines a
 * minute per observer) and changes nothing else: the connection goes on.
 */
public interface ServerObserver {

    /**
     * A request was answered, or a request head was refused before routing (then
     * {@link CompletedExchange#refusedHead()}). The event is a view over the exchange's state,
     * valid only during this call: copy what you keep.
     */
    default void exchangeCompleted(CompletedExchange exchange) {
    }

    /** A connection was accepted and gets its thread. */
    default void connectionOpened(ConnectionEvent connection) {
    }

    /**
     * A connection was refused with a {@code 503} at a connection cap and closed at once;
     * {@link ConnectionEvent#refusal()} says which cap. No {@link #connectionOpened} or
     * {@link #connectionClosed} follows.
     */
    default void connectionRefused(ConnectionEvent connection) {
    }

    /** A connection that {@link #connectionOpened opened} has closed. */
    default void connectionClosed(ConnectionEvent connection) {
    }

    /** A plugin jar was deployed, swapped, removed or refused (with hot deployment on). */
    default void pluginChanged(PluginEvent event) {
    }

    /**
     * The route table was replaced (a plugin deployed, swapped or removed): {@code routes} is the
     * new table's list, as {@code Server.routes()} now returns it.
     */
    default void routesChanged(List<RouteInfo> routes) {
    }
}
