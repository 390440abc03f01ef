package io.trestle.http1;

import io.trestle.Method;
import io.trestle.CompletedExchange;
import java.net.InetSocketAddress;

/**
 * The {@link CompletedExchange} observers see: one per connection, refilled for each request,
 * reading the request and response it points to, so observing allocates nothing per request.
 */
public final class ExchangeView implements CompletedExchange {
    private Http1Request req;
    private Http1Response res;
    private InetSocketAddress peer;
    private long bytesSent;
    private long bytesReceived;
    private long durationNanos;

    /** Points the view at an answered request. */
    void answered(Http1Request req, Http1Response res, long bytesSent, long bytesReceived, long durationNanos) {
        this.req = req;
        this.res = res;
        this.peer = null;
        this.bytesSent = bytesSent;
        this.bytesReceived = bytesReceived;
        this.durationNanos = Math.max(0, durationNanos);
    }

    /** Points the view at a request head refused before routing (no request object exists). */
    void refused(InetSocketAddress peer, Http1Response res, long bytesSent, long bytesReceived, long durationNanos) {
        answered(null, res, bytesSent, bytesReceived, durationNanos);
        this.peer = peer;
    }

    /** Lets go of the request and response once the observers returned. */
    void clear() {
        req = null;
        res = null;
        peer = null;
    }

    /** The request, or {@code null} for a refused head. */
    public Http1Request request() {
        return req;
    }

    @Override
    public String route() {
        return req == null ? null : req.route();
    }

    @Override
    public Method method() {
        return req == null ? null : req.method();
    }

    @Override
    public int status() {
        return res.status();
    }

    @Override
    public boolean refusedHead() {
        return req == null;
    }

    @Override
    public long bytesSent() {
        return bytesSent;
    }

    @Override
    public long bytesReceived() {
        return bytesReceived;
    }

    @Override
    public long durationNanos() {
        return durationNanos;
    }

    @Override
    public String clientAddress() {
        if (req != null) {
            return req.clientAddress();
        }
        return peer == null || peer.getAddress() == null ? "-" : peer.getAddress().getHostAddress();
    }

    @Override
    public String target() {
        return req == null ? null : req.target();
    }

    @Override
    public String protocol() {
        return req == null ? null : req.protocol();
    }

    @Override
    public String userAgent() {
        return req == null ? null : req.header("User-Agent");
    }

    @Override
    public String referer() {
        return req == null ? null : req.header("Referer");
    }

    @Override
    public String user() {
        return req == null ? null : req.userOrNull();
    }

    /** Once the response head went out, the second of its Date header; else now. */
    @Override
    public long epochSecond() {
        return res != null && res.isCommitted() ? DateCache.lastSecond() : System.currentTimeMillis() / 1000;
    }

    @Override
    public String toString() {
        return method() + " " + target() + " -> " + status() + " (route " + route() + ", " + bytesSent + " bytes sent, "
                + bytesReceived + " received, " + durationNanos + " ns)";
    }
}
