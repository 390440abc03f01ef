package io.trestle.app;

import io.trestle.AccessLogWriter;
import io.trestle.Config;
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

    /**
     * @param config    the settings: the same limits and timeouts as the HTTPS server (slow clients,
     *                  per-client cap), and the same security headers on its error pages
     * @param accessLog where its access log goes (closed with it), or {@code null} for none
     */
    static Server start(String host, int plainPort, int tlsPort, Config config, AccessLogWriter accessLog) {
        String portPart = tlsPort == 443 ? "" : ":" + tlsPort;
        Server.Builder builder = Server.builder().host(host).port(plainPort).config(config)
                .routes(r -> r.add(EnumSet.complementOf(EnumSet.of(Method.TRACE, Method.CONNECT)), "/{path...}",
                        (req, res) -> {
                            String name = req.host().isEmpty() ? host : req.host();
                            res.redirect(Status.PERMANENT_REDIRECT, "https://" + name + portPart + req.target());
                        }, 0));
        if (accessLog == null) {
            return builder.accessLog(false).build().start();
        }
        try {
            return builder.accessLog(accessLog).build().start();
        } catch (RuntimeException e) {
            accessLog.close(); // no server to close it
            throw e;
        }
    }
}
