package io.trestle.login;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets only a few password hashes run at once. A PBKDF2 run keeps a CPU busy for ~0.3 s, and
 * virtual threads share as many carrier threads as there are CPUs: without a limit, a burst of
 * logins would occupy every carrier and stall all other requests. Waiting here parks the
 * virtual thread, which frees its carrier.
 */
final class HashingGate {
    private final Semaphore permits;
    private final long maxWaitNanos;

    /** At most {@code permits} hashes at once; a caller waits up to {@code maxWait} for its turn. */
    HashingGate(int permits, Duration maxWait) {
        this.permits = new Semaphore(permits, true);
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Half the CPUs (at least one), so the other half keeps serving requests. */
    static HashingGate forThisMachine(Duration maxWait) {
        return new HashingGate(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), maxWait);
    }

    /** Waits for a turn; false when none came within the wait (the caller answers 503). */
    boolean enter() throws InterruptedException {
        return permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
    }

    void leave() {
        permits.release();
    }
}
