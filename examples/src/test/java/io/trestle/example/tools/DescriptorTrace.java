package io.trestle.example.tools;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's open descriptors sampled every 250 ms while an attack runs: the server's own view of
 * the connections it holds (slowhttptest's CSV is the client's, and a slow reader still counts a
 * connection as open while the server has long closed it and only the kernel's send buffer is
 * left to drain).
 */
final class DescriptorTrace implements AutoCloseable {
    private static final long PERIOD_MS = 250;

    private final JarApp app;
    private final int baseline;
    private final long start = System.nanoTime();
    private final List<long[]> samples = new ArrayList<>(); // {ms since start, descriptors}
    private final Thread thread;
    private volatile boolean running = true;

    private DescriptorTrace(JarApp app) {
        this.app = app;
        this.baseline = app.openDescriptors();
        this.thread = Thread.ofVirtual().name("descriptor-trace").start(this::loop);
    }

    /** Starts sampling; the count now is the baseline. */
    static DescriptorTrace start(JarApp app) {
        return new DescriptorTrace(app);
    }

    int baseline() {
        return baseline;
    }

    /** Stops sampling (a last sample is taken). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        sample();
    }

    /** The most descriptors over the baseline at once. */
    synchronized int peakOverBaseline() {
        return (int) samples.stream().mapToLong(s -> s[1] - baseline).max().orElse(0);
    }

    /**
     * When the app first held 90% of its peak, in seconds since the start: the attack's
     * connections were all open (a few descriptors more or less come and go with other clients).
     */
    synchronized double peakAt() {
        int peak = peakOverBaseline();
        return samples.stream().filter(s -> (s[1] - baseline) * 10 >= peak * 9L).mapToLong(s -> s[0]).findFirst().orElse(0) / 1000.0;
    }

    /**
     * The first time after {@link #peakAt()} at which at most a tenth of the peak was still held,
     * in seconds since the start; -1 when the app held them as long as it was sampled.
     */
    synchronized double releasedAt() {
        int peak = peakOverBaseline();
        boolean afterPeak = false;
        for (long[] s : samples) {
            long over = s[1] - baseline;
            afterPeak |= over * 10 >= peak * 9L;
            if (afterPeak && over * 10 <= peak) {
                return s[0] / 1000.0;
            }
        }
        return -1;
    }

    synchronized String summary() {
        double released = releasedAt();
        return "the app held up to " + peakOverBaseline() + " descriptors over its " + baseline + " (at " + peakAt() + " s); "
                + (released < 0 ? "still held when the attack ended"
                        : "released by " + released + " s, " + Math.round((released - peakAt()) * 10) / 10.0 + " s after the peak");
    }

    private void loop() {
        while (running && app.isAlive()) {
            sample();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        if (!app.isAlive()) {
            return;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        int count;
        try {
            count = app.openDescriptors();
        } catch (UncheckedIOException e) {
            return; // the app ended between the check and the count: its death fails the test elsewhere
        }
        synchronized (this) {
            samples.add(new long[] {ms, count});
        }
    }
}
