package io.trestle.server;

import io.trestle.Headers;
import io.trestle.http1.ForwardedResolver;
import io.trestle.http1.Http1Request;
import java.net.InetSocketAddress;

/** Resolves a request's client address and scheme, believing forwarding headers only from trusted proxies. */
final class ClientResolution implements Http1Request.ClientInfo {
    private final ForwardedResolver forwarded;
    private final boolean tls;

    ClientResolution(ForwardedResolver forwarded, boolean tls) {
        this.forwarded = forwarded;
        this.tls = tls;
    }

    @Override
    public ForwardedResolver.Resolved resolve(InetSocketAddress peer, Headers headers) {
        return forwarded.resolve(peer.getAddress(), headers, tls);
    }

    @Override
    public boolean readsHeaders(InetSocketAddress peer) {
        return forwarded.isTrusted(peer.getAddress());
    }
}
