package io.trestle.app;

import io.trestle.Method;
import io.trestle.Server;
import io.trestle.Status;
import java.util.EnumSet;

/**
 * The plain-HTTP listener of {@code --redirect-http PORT}: every request is sent to the same
 * host and target over HTTPS, with 308 so that a POST stays a POST.
 */
final class HttpsRedirect {
    private HttpsRedirect() {
    }

    static Server start(String host, int plainPort, int tlsPort) {
        String portPart = tlsPort == 443 ? "" : ":" + tlsPort;
        return Server.builder().host(host).port(plainPort).accessLog(true)
                .routes(r -> r.add(EnumSet.complementOf(EnumSet.of(Method.TRACE, Method.CONNECT)), "/{path...}",
                        (req, res) -> {
                            String name = req.host().isEmpty() ? host : req.host();
                            res.redirect(Status.PERMANENT_REDIRECT, "https://" + name + portPart + req.target());
                        }, 0))
                .build().start();
    }
}
