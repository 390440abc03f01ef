package io.trestle.login;

/**
 * A shared {@link SessionStore} or {@link AttemptCounter} cannot be reached (Redis is down, slow
 * or refuses us). The login plugin answers it with 503
 * {@code {"message":"session store unavailable","code":-8}}: signing in, signing out and session
 * checks wait for the store, while routes that need no session keep working.
 *
 * <pre>{@code
 * try {
 *     return Optional.ofNullable(redis.get(key));
 * } catch (JedisException e) {
 *     throw new StoreUnavailableException("Redis at " + address + ": " + e.getMessage(), e);
 * }
 * }</pre>
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
