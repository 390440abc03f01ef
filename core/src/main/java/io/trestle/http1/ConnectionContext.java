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

    /** Called after each exchange, for the access log. */
    void exchanged(Http1Request req, Http1Response res, long bytesSent);

    /** Called once when the connection has closed. */
    void closed(Http1Connection connection);

    /** The local address, for absolute URLs. */
    InetSocketAddress localAddress();
}
