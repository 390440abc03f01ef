package io.trestle.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.discovery.fixtures.Probe;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of hot reload under traffic: a jar replaced 20 times while several clients keep
 * asking its route. Not one request may fail, a client never sees an older version after a newer
 * one, and every replaced version's class loader is collected afterwards.
 */
class SwapUnderLoadTest {
    private static final int CLIENTS = 4;
    private static final int REPLACEMENTS = 20;
    private static final Duration REQUEST_BOUND = Duration.ofSeconds(5);

    @TempDir
    Path plugins;

    @Test
    void twentyReplacementsUnderSteadyTrafficFailNoRequestAndLeakNoClassLoader() throws Exception {
        Probe.clear();
        Path jar = plugins.resolve("swap.jar");
        ReloadJars.moveInto(jar, ReloadJars.swapJar("v0"));
        List<WeakReference<ClassLoader>> replaced = new ArrayList<>();
        Clients clients;
        try (ReloadRig rig = ReloadRig.start(plugins)) {
            clients = new Clients(rig.server.uri());
            clients.start();
            for (int v = 1; v <= REPLACEMENTS; v++) {
                replaced.add(new WeakReference<>(rig.loaderOf("swap.jar")));
                byte[] next = ReloadJars.swapJar("v" + v);
                // Both ways a jar gets replaced in practice: renamed over, or rewritten in place.
                if (v % 2 == 0) {
                    ReloadJars.moveInto(jar, next);
                } else {
                    ReloadJars.writeInPlace(jar, next);
                }
                String expected = "\"version\":\"v" + v + "\"";
                rig.await("/swap/main", r -> r.body().contains(expected));
            }
            Thread.sleep(200);      // some traffic on the last version too
            clients.stop();
        }
        System.out.printf("hot swap under load: %d requests by %d clients over %d replacements, %d failed, worst latency %d ms%n",
                clients.count.get(), CLIENTS, REPLACEMENTS, clients.failures.size(), clients.worstNanos.get() / 1_000_000);

        assertEquals(List.of(), clients.failures, "no request fails during the swaps");
        assertTrue(clients.count.get() >= REPLACEMENTS * CLIENTS, "traffic kept going: " + clients.count.get());
        assertTrue(clients.worstNanos.get() < REQUEST_BOUND.toNanos(), "each request within " + REQUEST_BOUND);
        for (int v = 0; v < REPLACEMENTS; v++) {
            assertTrue(Probe.events().contains("close swap v" + v), "version " + v + " closed: " + Probe.events());
        }
        List<WeakReference<?>> alive = Collected.awaitAll(replaced);
        assertEquals(0, alive.size(), alive.size() + " of " + REPLACEMENTS + " replaced class loaders are still reachable");
    }

    /** Client threads asking {@code /swap/c<i>} in a loop, each checking every answer. */
    private static final class Clients {
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong count = new AtomicLong();
        final AtomicLong worstNanos = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(REQUEST_BOUND).build();
        private final URI base;

        Clients(URI base) {
            this.base = base;
        }

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                String name = "c" + i;
                threads.add(Thread.ofPlatform().name("swap-client-" + i).start(() -> loop(name)));
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(REQUEST_BOUND.toMillis() * 2);
            }
            http.close();
        }

        private void loop(String name) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/swap/" + name)).timeout(REQUEST_BOUND).build();
            int lastVersion = -1;
            while (running.get()) {
                long start = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                    int version = versionOf(r.body(), name);
                    if (r.statusCode() != 200 || version < 0) {
                        failures.add(r.statusCode() + " " + r.body());
                    } else if (version < lastVersion) {
                        failures.add(name + " saw v" + version + " after v" + lastVersion);
                    } else {
                        lastVersion = version;
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
                long took = System.nanoTime() - start;
                worstNanos.accumulateAndGet(took, Math::max);
                count.incrementAndGet();
            }
        }

        /** n of {@code {"version":"vn","name":"<name>"}}, or -1 for any other body. */
        private static int versionOf(String body, String name) {
            String prefix = "{\"version\":\"v";
            String suffix = "\",\"name\":\"" + name + "\"}";
            if (!body.startsWith(prefix) || !body.endsWith(suffix)) {
                return -1;
            }
            try {
                return Integer.parseInt(body.substring(prefix.length(), body.length() - suffix.length()));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
