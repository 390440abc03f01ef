package io.trestle.http1;

import io.trestle.Headers;
import java.net.InetAddress;
import java.util.List;

/** TEMPORARY STUB (replaced by the body branch). */
public final class ForwardedResolver {
    public record Resolved(String clientAddress, String scheme) {
    }

    public ForwardedResolver(List<String> trusted) {
    }

    public Resolved resolve(InetAddress peer, Headers headers, boolean tls) {
        return new Resolved(peer.getHostAddress(), tls ? "https" : "http");
    }
}
