package io.trestle.http1;

import java.net.InetSocketAddress;

/** What a connection needs from the server that owns it. */
public interface ConnectionContext {

    Limits limits();

    Http1Handler handler();

    /** Resolves the client's address and scheme; {@code secure} when the connection is TLS. */
    Http1Request.ClientInfo clientInfo(boolean secure);

    /** Headers every response gets unless its handler set them. */
    DefaultHeaders defaultHeaders(boolean secure);

    /** True once the server is shutting down: finish the current exchange, then close. */
    boolean closing();

    /**
     * Called on the connection's thread after each exchange, answered or refused before routing,
     * once the response was written: for the access log and the other observers. The view is
     * valid only during the call.
     */
    void exchanged(ExchangeView exchange);

    /**
     * Whether an exchange's duration is wanted (an observer beyond the access log listens): the
     * two clock reads are then taken, else the duration is 0. Read once per exchange.
     */
    boolean timesExchanges();

    /** Called once on the connection's thread before it reads anything. */
    void opened(Http1Connection connection);

    /** Called once when the connection has closed. */
    void closed(Http1Connection connection);

    /** The local address, for absolute URLs. */
    InetSocketAddress localAddress();
}
