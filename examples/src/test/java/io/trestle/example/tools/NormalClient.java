package io.trestle.example.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A well-behaved client measured while an attack runs: sequential GETs, one every ~50 ms,
 * alternating between the given URIs, each on a new connection (a client that joins during the
 * attack, as a new visitor does, rather than one that sneaked a kept-alive connection in before).
 * A request counts as an error when it throws, times out (5 s) or gets a status other than 200.
 */
final class NormalClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final long INTERVAL_MS = 50;

    private final List<URI> targets;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    private NormalClient(List<URI> targets) {
        this.targets = List.copyOf(targets);
        this.thread = Thread.ofPlatform().name("normal-client").daemon().start(this::loop);
    }

    static NormalClient start(URI... targets) {
        return new NormalClient(List.of(targets));
    }

    /** Stops the loop after the request in flight; bounded by that request's timeout. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(TimeUnit.SECONDS.toMillis(15));
    }

    Stats stats() {
        List<Long> sorted;
        synchronized (latenciesMicros) {
            sorted = new ArrayList<>(latenciesMicros);
        }
        Collections.sort(sorted);
        List<String> e;
        synchronized (errors) {
            e = List.copyOf(errors);
        }
        return new Stats(sorted.size() + e.size(), e, percentile(sorted, 50), percentile(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0);
    }

    private void loop() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10); // bounded even if never closed
        for (int i = 0; running.get() && System.nanoTime() < deadline; i++) {
            URI uri = targets.get(i % targets.size());
            long start = System.nanoTime();
            try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT).build()) {
                HttpResponse<byte[]> res = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
                if (res.statusCode() == 200) {
                    latenciesMicros.add(micros);
                } else {
                    errors.add(uri.getPath() + ": status " + res.statusCode());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                errors.add(uri.getPath() + ": " + e);
            }
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()); // nearest rank
        return sorted.get(Math.max(0, rank - 1)) / 1000.0;
    }

    /** What the client saw: requests sent, the errors, latency of the successful ones in ms. */
    record Stats(int requests, List<String> errors, double p50Ms, double p99Ms, double maxMs) {
        @Override
        public String toString() {
            return requests + " requests, " + errors.size() + " errors, p50 " + round(p50Ms) + " ms, p99 " + round(p99Ms)
                    + " ms, max " + round(maxMs) + " ms";
        }

        private static String round(double ms) {
            return String.valueOf(Math.round(ms * 10) / 10.0);
        }
    }
}
