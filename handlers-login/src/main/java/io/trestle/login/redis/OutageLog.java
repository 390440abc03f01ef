package io.trestle.login.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs an outage of Redis without flooding the log: one WARN line when it starts (with the cause,
 * no stack trace), a reminder at most once per {@link #REMINDER_INTERVAL} while it lasts with the
 * number of failed calls, and one INFO line when Redis answers again.
 */
final class OutageLog {
    static final Duration REMINDER_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

    private final String address;
    private final Clock clock;
    private final Object lock = new Object();
    private final AtomicLong failuresSinceLine = new AtomicLong();
    // Read on every call: a volatile flag keeps the healthy path free of locking.
    private volatile boolean down;
    private long downSince;
    private long lastLine;

    OutageLog(String address, Clock clock) {
        this.address = address;
        this.clock = clock;
    }

    /** Whether the last call failed. */
    boolean isDown() {
        return down;
    }

    void failed(String cause) {
        long now = clock.millis();
        failuresSinceLine.incrementAndGet();
        synchronized (lock) {
            if (!down) {
                down = true;
                downSince = now;
                lastLine = now;
                failuresSinceLine.set(0);
                log.warn("Redis at {} is unavailable ({}): sign-ins, sign-outs and session checks answer 503 until it is back",
                        address, cause);
            } else if (now - lastLine >= REMINDER_INTERVAL.toMillis()) {
                lastLine = now;
                log.warn("Redis at {} is still unavailable after {} s ({}); {} calls failed since the last line",
                        address, (now - downSince) / 1000, cause, failuresSinceLine.getAndSet(0));
            }
        }
    }

    void succeeded() {
        if (!down) {
            return;
        }
        synchronized (lock) {
            if (down) {
                down = false;
                log.info("Redis at {} answers again after {} s", address, (clock.millis() - downSince) / 1000);
            }
        }
    }
}
