package io.trestle.reload;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/** Waits (bounded, generous) for weakly referenced objects to be garbage collected. */
final class Collected {

    private Collected() {
    }

    /** The references still set after up to 30 s of asking for collections; empty when all were collected. */
    static List<WeakReference<?>> awaitAll(List<? extends WeakReference<?>> refs) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<WeakReference<?>> alive = new ArrayList<>(refs);
        while (true) {
            alive.removeIf(r -> r.get() == null);
            if (alive.isEmpty() || System.nanoTime() - deadline > 0) {
                return alive;
            }
            System.gc();
            Thread.sleep(50);
            // Some collectors clear weak references only under pressure on their old generation.
            byte[][] pressure = new byte[64][];
            for (int i = 0; i < pressure.length; i++) {
                pressure[i] = new byte[256 * 1024];
            }
        }
    }
}
