package io.trestle.login;

import java.time.Instant;

/**
 * A signed-in user's session as a {@link SessionStore} keeps it.
 *
 * <pre>{@code
 * Session s = sessions.create("eiger");
 * s.id();         // the cookie value: 43 characters of base64url, 256 random bits
 * s.expiresAt();  // the earlier of last access + idle timeout and creation + maximum lifetime
 * }</pre>
 *
 * @param id           the session id, also the cookie value
 * @param username     who signed in
 * @param createdAt    when they signed in
 * @param lastAccessAt when the session was last used (to a second or so)
 * @param expiresAt    when it ends unless used again; stores may drop it from then on
 */
public record Session(String id, String username, Instant createdAt, Instant lastAccessAt, Instant expiresAt) {

    public Session {
        if (id == null || username == null || createdAt == null || lastAccessAt == null || expiresAt == null) {
            throw new IllegalArgumentException("every field of a session is required");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Never prints the id: it is a credential. */
    @Override
    public String toString() {
        return "Session[user=" + username + ", created=" + createdAt + ", expires=" + expiresAt + "]";
    }
}
