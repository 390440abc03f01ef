package io.trestle.example;

import io.trestle.Handler;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Route;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * {@code GET /api/health}: a liveness check for load balancers. An annotated handler of the app
 * itself, found by the class-path scan of {@code io.trestle.example} — nothing registers it.
 */
@Route(path = "/api/health")
public final class Health implements Handler {
    @Override
    public void handle(Request req, Response res) {
        res.header("Cache-Control", "no-store");
        res.json(Map.of("status", "up", "uptimeMs", ManagementFactory.getRuntimeMXBean().getUptime()));
    }
}
