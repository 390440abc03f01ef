package io.trestle.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a server may leak, measured in this JVM: open descriptors ({@code /proc/self/fd}), live
 * platform threads, and heap in use after a full collection. Server and clients share the JVM,
 * so a snapshot is only meaningful once both sides have closed.
 *
 * @param descriptors open file descriptors, -1 where {@code /proc} is missing
 * @param threads     live platform threads (virtual ones are not counted by the MXBean)
 * @param heapBytes   used heap after {@link System#gc()}
 */
record Resources(int descriptors, int threads, long heapBytes) {
    private static final Path FD_DIR = Path.of("/proc/self/fd");

    static Resources now() {
        return new Resources(openDescriptors(), ManagementFactory.getThreadMXBean().getThreadCount(), usedHeapAfterGc());
    }

    /** Open descriptors of this process, or -1 when the system has no {@code /proc/self/fd}. */
    static int openDescriptors() {
        if (!Files.isDirectory(FD_DIR)) {
            return -1;
        }
        try (Stream<Path> fds = Files.list(FD_DIR)) {
            return (int) fds.count() - 1; // the listing's own descriptor
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Samples until {@code settled} holds or {@code seconds} pass, and returns the last sample:
     * sockets close and carrier threads retire a little after the code that closed them returns.
     */
    static Resources awaitSettled(Predicate<Resources> settled, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Resources r = now();
        while (!settled.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            r = now();
        }
        return r;
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // Several rounds: one System.gc() may leave finalizable and soft-referenced garbage behind.
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    String describe() {
        return descriptors + " descriptors, " + threads + " platform threads, " + (heapBytes >> 20) + " MiB heap";
    }
}
