package io.trestle.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.trestle.Filter;
import io.trestle.Method;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A built table is shared by every connection thread and costs little per request. */
class SharedTableTest {
    private static final RouteTable TABLE = Tables.build(new RouteCollector()
            .get("/", Tables.NOOP)
            .get("/users/{id}", Tables.NOOP)
            .get("/users/{id}/posts/{post}", Tables.NOOP)
            .post("/api/login", Tables.NOOP)
            .get("/static/{path...}", Tables.NOOP)
            .filter("/{path...}", 0, (req, res, chain) -> chain.proceed())
            .exception(IllegalStateException.class, (e, req, res) -> { }));

    @Test
    void manyThreadsMatchOneTableConsistently() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 20_000; i++) {
                        String id = thread + "-" + i;
                        RouteMatch m = TABLE.match(Method.GET, "/users/" + id + "/posts/p" + i);
                        if (m.kind() == RouteMatch.Kind.FOUND && m.param("id").equals(id)
                                && m.param("post").equals("p" + i)
                                && TABLE.exceptionMapper(i % 2 == 0 ? IllegalStateException.class : RuntimeException.class)
                                        == (i % 2 == 0 ? TABLE.exceptionMapper(IllegalStateException.class) : null)) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(20_000, f.get(60, TimeUnit.SECONDS));
            }
        }
    }

    /**
     * Lookups that find nothing, or find a route without parameters, allocate nothing but the
     * result; filter selection for filters on every path allocates nothing. The bound is loose
     * (a few bytes per call) so JIT and GC noise cannot fail it, while a per-call substring or
     * array (24+ bytes each) would.
     */
    @Test
    void lookupsAllocateOnlyTheirResult() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean bean && bean.isThreadAllocatedMemorySupported());
        var bean = (com.sun.management.ThreadMXBean) threads;
        bean.setThreadAllocatedMemoryEnabled(true);
        String[] misses = {"/nope", "/users", "/users/7/posts", "/api/login/x", "/users//posts/1"};
        int calls = 200_000;
        long sink = 0;
        for (int round = 0; round < 3; round++) { // the last round runs compiled code
            long before = bean.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < calls; i++) {
                sink += TABLE.match(Method.GET, misses[i % misses.length]).kind().ordinal();
                Filter[] filters = TABLE.filtersFor(misses[i % misses.length]);
                sink += filters.length;
            }
            long perCall = (bean.getCurrentThreadAllocatedBytes() - before) / calls;
            if (round == 2) {
                assertTrue(perCall < 4, "a 404 lookup and filter selection allocated " + perCall + " bytes per call");
            }
        }
        // One RouteMatch: 7 references and a header, 40 bytes with compressed references, 72 without.
        var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        long resultSize = "true".equals(hotspot.getVMOption("UseCompressedOops").getValue()) ? 48 : 80;
        for (int round = 0; round < 3; round++) {
            long before = bean.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < calls; i++) {
                sink += TABLE.match(Method.POST, "/api/login").kind().ordinal();
            }
            long perCall = (bean.getCurrentThreadAllocatedBytes() - before) / calls;
            if (round == 2) {
                assertTrue(perCall <= resultSize, "a parameterless match allocated " + perCall + " bytes, more than its result");
            }
        }
        assertTrue(sink > 0);
    }
}
