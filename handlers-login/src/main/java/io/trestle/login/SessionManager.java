package io.trestle.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Creates, looks up and ends sessions in a {@link SessionStore}, and decides when they expire:
 * after an idle timeout since the last use, and after a maximum lifetime since sign-in,
 * whichever comes first. A store that cannot be reached throws {@link StoreUnavailableException}
 * through every method.
 *
 * <pre>{@code
 * SessionManager sessions = new SessionManager(new InMemorySessionStore(), Clock.systemUTC(),
 *         Duration.ofMinutes(30), Duration.ofHours(12));
 * Session s = sessions.create("eiger");
 * sessions.find(s.id()).map(Session::username);   // Optional[eiger], and the idle clock restarts
 * sessions.end(s.id());
 * }</pre>
 */
public final class SessionManager {
    // A session used again within this time is not rewritten: a shared store then sees at most
    // one write per second per session, and idle expiry is still right to a second.
    private static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(1);

    private final SessionStore store;
    private final Clock clock;
    private final Duration idle;
    private final Duration max;

    public SessionManager(SessionStore store, Clock clock, Duration idle, Duration max) {
        if (idle.isNegative() || idle.isZero() || max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("session timeouts must be positive");
        }
        this.store = store;
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    /** A new session for {@code username}, with a new random id, already stored. */
    public Session create(String username) {
        Instant now = clock.instant();
        Session s = new Session(SessionIds.next(), username, now, now, expiry(now, now));
        store.save(s);
        return s;
    }

    /**
     * The live session with {@code id}, marked as used now; empty for a malformed, unknown or
     * expired id (an expired one is deleted).
     */
    public Optional<Session> find(String id) {
        if (!SessionIds.isWellFormed(id)) {
            return Optional.empty();
        }
        Optional<Session> found = store.find(id);
        if (found.isEmpty()) {
            return found;
        }
        Session s = found.get();
        Instant now = clock.instant();
        if (s.isExpiredAt(now)) {
            store.delete(id);
            return Optional.empty();
        }
        if (Duration.between(s.lastAccessAt(), now).compareTo(TOUCH_GRANULARITY) >= 0) {
            s = new Session(s.id(), s.username(), s.createdAt(), now, expiry(s.createdAt(), now));
            store.refresh(s); // not save: a sign-out elsewhere since our lookup must win
        }
        return Optional.of(s);
    }

    /** Ends the session with {@code id} (signs out); nothing happens when there is none. */
    public void end(String id) {
        if (SessionIds.isWellFormed(id)) {
            store.delete(id);
        }
    }

    public Duration idleTimeout() {
        return idle;
    }

    private Instant expiry(Instant created, Instant lastAccess) {
        Instant idleEnd = lastAccess.plus(idle);
        Instant absoluteEnd = created.plus(max);
        return idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
    }
}
