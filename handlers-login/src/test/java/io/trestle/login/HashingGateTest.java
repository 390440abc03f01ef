package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HashingGateTest {

    @Test
    void letsInAsManyAsItHasPermitsThenTimesOut() throws Exception {
        HashingGate gate = new HashingGate(2, Duration.ofMillis(50));
        assertTrue(gate.enter());
        assertTrue(gate.enter());
        assertFalse(gate.enter(), "a third waits 50 ms and is refused");
        gate.leave();
        assertTrue(gate.enter(), "a freed permit lets the next one in");
    }

    @Test
    void aWaiterGetsInWhenAPermitIsFreed() throws Exception {
        HashingGate gate = new HashingGate(1, Duration.ofSeconds(30));
        assertTrue(gate.enter());
        CompletableFuture<Boolean> waiter = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                waiter.complete(gate.enter());
            } catch (InterruptedException e) {
                waiter.completeExceptionally(e);
            }
        });
        Thread.sleep(100);
        assertFalse(waiter.isDone(), "still waiting while the permit is held");
        gate.leave();
        assertTrue(waiter.get(10, TimeUnit.SECONDS));
    }

    @Test
    void thisMachineGetsAtLeastOnePermit() throws Exception {
        assertTrue(HashingGate.forThisMachine(Duration.ofMillis(10)).enter());
    }
}
