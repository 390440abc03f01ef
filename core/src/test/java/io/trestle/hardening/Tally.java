package io.trestle.hardening;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts outcomes across client threads and keeps the first few failures for the assertion message. */
final class Tally {
    private static final int KEPT = 5;

    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final Queue<String> firstErrors = new ConcurrentLinkedQueue<>();

    void ok() {
        ok.incrementAndGet();
    }

    void error(String what) {
        if (errors.incrementAndGet() <= KEPT) {
            firstErrors.add(what);
        }
    }

    int oks() {
        return ok.get();
    }

    int errors() {
        return errors.get();
    }

    String firstErrors() {
        return firstErrors.toString();
    }
}
