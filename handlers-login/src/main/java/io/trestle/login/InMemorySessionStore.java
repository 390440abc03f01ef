package io.trestle.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps sessions in this process's memory (they are lost on restart). Expired sessions are
 * swept by whichever call comes first after each sweep interval: no thread of its own.
 *
 * <pre>{@code
 * SessionStore store = new InMemorySessionStore();
 * }</pre>
 */
public final class InMemorySessionStore implements SessionStore {
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Instant nextSweep;

    public InMemorySessionStore() {
        this(Clock.systemUTC());
    }

    /** With {@code clock} deciding when sessions are swept (tests pass a fake one). */
    public InMemorySessionStore(Clock clock) {
        this.clock = clock;
        this.nextSweep = clock.instant().plus(SWEEP_INTERVAL);
    }

    @Override
    public Optional<Session> find(String id) {
        sweepIfDue();
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public void save(Session session) {
        sweepIfDue();
        sessions.put(session.id(), session);
    }

    @Override
    public void delete(String id) {
        sessions.remove(id);
    }

    /** How many sessions are held, expired ones not yet swept included. */
    public int size() {
        return sessions.size();
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        synchronized (this) {
            if (now.isBefore(nextSweep)) {
                return; // another thread is sweeping or just did
            }
            nextSweep = now.plus(SWEEP_INTERVAL);
        }
        sessions.values().removeIf(s -> s.isExpiredAt(now));
    }
}
