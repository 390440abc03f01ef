package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Filter;
import io.trestle.testing.TrestleTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Filters over real sockets: order, stopping the chain, and running before automatic answers. */
class FilterChainTest {

    @Test
    void filtersRunInOrderAroundTheHandler() {
        List<String> calls = new CopyOnWriteArrayList<>();
        Filter outer = (req, res, chain) -> {
            calls.add("outer-in");
            chain.proceed();
            calls.add("outer-out");
        };
        Filter inner = (req, res, chain) -> {
            calls.add("inner-in");
            res.header("X-Inner", "yes");
            chain.proceed();
        };
        try (TrestleTest t = TrestleTest.start(r -> r
                .filter("/{path...}", 20, inner)
                .filter("/{path...}", 10, outer)
                .get("/x", (req, res) -> {
                    calls.add("handler");
                    res.text("x");
                }))) {
            HttpResponse<String> res = t.get("/x");
            assertEquals("x", res.body());
            assertEquals("yes", res.headers().firstValue("X-Inner").orElseThrow());
            assertEquals(List.of("outer-in", "inner-in", "handler", "outer-out"), calls);
        }
    }

    @Test
    void aFilterCanStopTheChainAndSetAUser() {
        try (TrestleTest t = TrestleTest.start(r -> r
                .filter("/private/{rest...}", 0, (req, res, chain) -> {
                    if (!"letmein".equals(req.header("X-Token"))) {
                        res.status(401).json(java.util.Map.of("message", "login required", "code", 401));
                        return;
                    }
                    req.user("ann");
                    chain.proceed();
                })
                .get("/private/data", (req, res) -> res.text("data for " + req.user().orElseThrow()))
                .get("/public", (req, res) -> res.text("public")))) {
            assertEquals(401, t.get("/private/data").statusCode());
            assertEquals("data for ann", t.send(t.request("/private/data").header("X-Token", "letmein")).body());
            assertEquals("public", t.get("/public").body());
        }
    }

    @Test
    void filtersRunBeforeAutomaticAnswers() {
        try (TrestleTest t = TrestleTest.start(r -> r
                .filter((req, res, chain) -> {
                    if (req.method() == io.trestle.Method.OPTIONS && req.header("Origin") != null) {
                        res.status(204).header("Access-Control-Allow-Origin", req.header("Origin"));
                        res.send(new byte[0]);
                        return;
                    }
                    chain.proceed();
                })
                .post("/api/login", (req, res) -> res.text("ok")))) {
            HttpResponse<String> preflight = t.send(t.request("/api/login").header("Origin", "https://a.example")
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertEquals(204, preflight.statusCode());
            assertEquals("https://a.example", preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            HttpResponse<String> get = t.get("/api/login");
            assertEquals(405, get.statusCode());
            assertTrue(get.headers().firstValue("Allow").orElseThrow().contains("POST"));
        }
    }
}
