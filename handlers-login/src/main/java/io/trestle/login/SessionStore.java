package io.trestle.login;

import java.util.Optional;

/**
 * Where sessions live between requests. The default, {@link InMemorySessionStore}, keeps them in
 * this process; a shared store (Redis, a database) lets several servers share them. Stores only
 * keep what they are given: ids, expiry and touching are decided by {@link SessionManager}.
 *
 * <pre>{@code
 * store.save(session);                    // create or replace
 * Optional<Session> s = store.find(id);   // empty when unknown (or already dropped)
 * store.delete(id);
 * }</pre>
 *
 * <p>Implementations must be safe for concurrent use. A store may drop a session at any time
 * after its {@link Session#expiresAt()} (a Redis store sets that as the key's expiry), and may
 * still return one that has just expired: callers check.
 */
public interface SessionStore extends AutoCloseable {

    /** The session with {@code id}, or empty. */
    Optional<Session> find(String id);

    /** Stores {@code session}, replacing any with the same id. */
    void save(Session session);

    /** Forgets the session with {@code id}; nothing happens when there is none. */
    void delete(String id);

    /** Releases connections or threads the store holds. */
    @Override
    default void close() {
    }
}
