package io.trestle.login;

import java.time.Duration;
import java.util.Locale;

/**
 * Throttles sign-in attempts per user name (lower-cased) and per client address. A success
 * clears the user's count, but not the client's: otherwise one valid account would let a client
 * guess other users' passwords without limit.
 *
 * <pre>{@code
 * Duration wait = throttle.begin(name, req.clientAddress());
 * if (!wait.isZero()) { ... 429 ... }
 * if (verified) throttle.succeeded(name, client); // a failure needs no call: it stays counted
 * }</pre>
 */
final class LoginThrottle {
    private final AttemptCounter counter;
    private final int maxPerUser;
    private final int maxPerClient;
    private final Duration window;

    LoginThrottle(AttemptCounter counter, int maxPerUser, int maxPerClient, Duration window) {
        this.counter = counter;
        this.maxPerUser = maxPerUser;
        this.maxPerClient = maxPerClient;
        this.window = window;
    }

    /**
     * Counts an attempt for both the user and the client, or for neither: returns
     * {@link Duration#ZERO} when it may go ahead, else how long to wait.
     */
    Duration begin(String username, String client) {
        String user = userKey(username);
        Duration wait = counter.attempt(user, maxPerUser, window);
        if (!wait.isZero()) {
            return wait;
        }
        wait = counter.attempt(clientKey(client), maxPerClient, window);
        if (!wait.isZero()) {
            counter.forgive(user);
        }
        return wait;
    }

    /** The attempt was right: the user starts over, the client's count drops by this attempt. */
    void succeeded(String username, String client) {
        counter.clear(userKey(username));
        counter.forgive(clientKey(client));
    }

    /** The attempt could not be judged (the server was busy): count it for neither. */
    void abandoned(String username, String client) {
        counter.forgive(userKey(username));
        counter.forgive(clientKey(client));
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }
}
