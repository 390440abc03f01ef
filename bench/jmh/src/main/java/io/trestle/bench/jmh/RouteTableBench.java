package io.trestle.bench.jmh;

import io.trestle.Handler;
import io.trestle.Method;
import io.trestle.routing.RouteCollector;
import io.trestle.routing.RouteConflictException;
import io.trestle.routing.RouteMatch;
import io.trestle.routing.RouteTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link RouteTable#match} on a table of 30 routes shaped like a small app's: literal paths, path
 * parameters, a rest parameter for static files, several methods on one pattern.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouteTableBench {
    /** The path each case looks up, and what it should find. */
    public enum Lookup {
        LITERAL(Method.GET, "/plaintext", RouteMatch.Kind.FOUND),
        PARAMS(Method.GET, "/api/users/42/orders/7", RouteMatch.Kind.FOUND),
        REST(Method.GET, "/static/css/site.css", RouteMatch.Kind.FOUND),
        METHOD_NOT_ALLOWED(Method.DELETE, "/api/session", RouteMatch.Kind.METHOD_NOT_ALLOWED),
        NOT_FOUND(Method.GET, "/api/nothing/here", RouteMatch.Kind.NOT_FOUND);

        final Method method;
        final String path;
        final RouteMatch.Kind expected;

        Lookup(Method method, String path, RouteMatch.Kind expected) {
            this.method = method;
            this.path = path;
            this.expected = expected;
        }
    }

    @Param
    public Lookup lookup;

    private RouteTable table;

    @Setup
    public void setUp() throws RouteConflictException {
        table = table();
        RouteMatch m = match();
        if (m.kind() != lookup.expected) {
            throw new IllegalStateException(lookup + " matched " + m);
        }
    }

    @Benchmark
    public RouteMatch match() {
        return table.match(lookup.method, lookup.path);
    }

    static RouteTable table() throws RouteConflictException {
        Handler h = (req, res) -> res.text("ok");
        RouteCollector r = new RouteCollector();
        r.get("/", h).get("/plaintext", h).get("/json", h).get("/favicon.ico", h).get("/robots.txt", h)
                .get("/static/{path...}", h)
                .post("/api/login", h).post("/api/logout", h).get("/api/session", h).get("/api/health", h)
                .get("/api/users", h).post("/api/users", h)
                .get("/api/users/{id}", h).put("/api/users/{id}", h).delete("/api/users/{id}", h)
                .get("/api/users/{id}/orders", h).post("/api/users/{id}/orders", h)
                .get("/api/users/{id}/orders/{order}", h).patch("/api/users/{id}/orders/{order}", h)
                .get("/api/products", h).get("/api/products/{sku}", h).get("/api/products/{sku}/reviews", h)
                .post("/api/products/{sku}/reviews", h).get("/api/search", h).get("/api/cart", h)
                .put("/api/cart/items/{sku}", h).delete("/api/cart/items/{sku}", h)
                .get("/admin/stats", h).get("/admin/users/{id}/audit", h).get("/files/{path...}", h);
        return r.build();
    }
}
