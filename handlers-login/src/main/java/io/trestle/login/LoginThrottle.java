package io.trestle.login;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throttles failed sign-ins without letting an attacker lock a user out (OWASP Authentication
 * Cheat Sheet: prefer throttling to account lockout). Within the window, counted on the user name
 * (lower-cased) and the client address:
 * <ol>
 *   <li>per user name and client address: 429 after {@code maxPerUserClient} failures, until the
 *       oldest leaves the window; the same name from another address is not affected;</li>
 *   <li>per client address across user names: 429 after {@code maxPerClient} failures (a success
 *       does not clear it, or one valid account would let a client guess others' passwords);</li>
 *   <li>per user name across all addresses, beyond {@code maxPerUserGlobal} failures: one attempt
 *       at a time, the waits doubling from 1 s up to 60 s, for addresses that have not signed
 *       that user in within the window; an address that has is not held back by this limit.</li>
 * </ol>
 * Each lock is logged once at WARN (see {@link LockLog}), not once per refused request.
 *
 * <pre>{@code
 * LoginThrottle.Ticket t = throttle.begin(name, req.clientAddress());
 * if (t.refused()) { ... 429 with Retry-After t.retryAfter() ... }
 * if (verified) throttle.succeeded(t); // a failure needs no call: it stays counted
 * }</pre>
 */
final class LoginThrottle {
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration MAX_PAUSE = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final AttemptCounter counter;
    private final int maxPerUserClient;
    private final int maxPerUserGlobal;
    private final int maxPerClient;
    private final Duration window;
    private final String windowText;
    private final Predicate<String> knownUser;
    private final LockLog locks;

    /**
     * @param knownUser whether a name is a real user's, so it may be logged (people type
     *                  passwords into the name field: other names are not logged)
     */
    LoginThrottle(AttemptCounter counter, int maxPerUserClient, int maxPerUserGlobal, int maxPerClient, Duration window,
                  Predicate<String> knownUser, Clock clock) {
        this.counter = counter;
        this.maxPerUserClient = maxPerUserClient;
        this.maxPerUserGlobal = maxPerUserGlobal;
        this.maxPerClient = maxPerClient;
        this.window = window;
        this.windowText = describe(window);
        this.knownUser = knownUser;
        this.locks = new LockLog(clock);
    }

    /**
     * One sign-in attempt, counted as a failure from the start (so parallel attempts cannot all
     * pass the check) until {@link #succeeded} or {@link #abandoned} says otherwise.
     *
     * @param retryAfter {@link Duration#ZERO} when the attempt may go ahead, else how long to wait
     * @param global     whether it counts towards the user's failures from all addresses
     */
    record Ticket(String username, String client, Duration retryAfter, boolean global) {
        boolean refused() {
            return !retryAfter.isZero();
        }
    }

    /** Counts an attempt on every limit, or on none when one of them refuses it. */
    Ticket begin(String username, String client) {
        String user = username.toLowerCase(Locale.ROOT);
        String pair = userClientKey(user, client);
        Duration wait = counter.attempt(pair, maxPerUserClient, window);
        if (!wait.isZero()) {
            long unlogged = locks.due(pair, wait);
            if (unlogged >= 0) {
                log.warn("Sign-ins for {} from {} refused for {} s: {} failures within {}{}", label(username), client,
                        seconds(wait), maxPerUserClient, windowText, since(unlogged));
            }
            return new Ticket(username, client, wait, false);
        }
        String clientKey = clientKey(client);
        wait = counter.attempt(clientKey, maxPerClient, window);
        if (!wait.isZero()) {
            counter.forgive(pair);
            long unlogged = locks.due(clientKey, wait);
            if (unlogged >= 0) {
                log.warn("Sign-ins from {} refused for {} s: {} failures within {}, whatever the user name{}", client,
                        seconds(wait), maxPerClient, windowText, since(unlogged));
            }
            return new Ticket(username, client, wait, false);
        }
        if (counter.remembers(signedInKey(user, client))) {
            return new Ticket(username, client, Duration.ZERO, false);
        }
        String userKey = userKey(user);
        wait = counter.attemptWithBackoff(userKey, maxPerUserGlobal, window, FIRST_PAUSE, MAX_PAUSE);
        if (!wait.isZero()) {
            counter.forgive(pair);
            counter.forgive(clientKey);
            // One line a minute at most while a user is under attack, not one per step of the backoff.
            long unlogged = locks.due(userKey, MAX_PAUSE);
            if (unlogged >= 0) {
                log.warn("Sign-ins for {} slowed down: over {} failures within {} from all addresses; "
                        + "addresses that have not signed it in wait up to {} s between attempts{}", label(username),
                        maxPerUserGlobal, windowText, MAX_PAUSE.toSeconds(), since(unlogged));
            }
            return new Ticket(username, client, wait, false);
        }
        return new Ticket(username, client, Duration.ZERO, true);
    }

    /**
     * The attempt was right: the user starts over from this address, which is remembered as one
     * that signed the user in; it was not a failure of the client or of the user overall.
     */
    void succeeded(Ticket t) {
        String user = t.username().toLowerCase(Locale.ROOT);
        counter.clear(userClientKey(user, t.client()));
        counter.forgive(clientKey(t.client()));
        if (t.global()) {
            counter.forgive(userKey(user));
        }
        counter.remember(signedInKey(user, t.client()), window);
    }

    /** The attempt could not be judged (the server was busy): count it for none. */
    void abandoned(Ticket t) {
        String user = t.username().toLowerCase(Locale.ROOT);
        counter.forgive(userClientKey(user, t.client()));
        counter.forgive(clientKey(t.client()));
        if (t.global()) {
            counter.forgive(userKey(user));
        }
    }

    private String label(String username) {
        return knownUser.test(username) ? "user '" + username + "'" : "an unknown user name";
    }

    /** {@code 15 min}, {@code 1 h}, {@code 90 s}: for log lines, where {@code PT15M} reads badly. */
    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + " h";
        } else if (ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        } else if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return ms + " ms";
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static String since(long unlogged) {
        return unlogged == 0 ? "" : " (" + unlogged + " more refused since the last line)";
    }

    // A client address has no space, so "<client> <user>" cannot be read two ways.
    private static String userClientKey(String user, String client) {
        return "user-client:" + client + " " + user;
    }

    private static String signedInKey(String user, String client) {
        return "signed-in:" + client + " " + user;
    }

    private static String userKey(String user) {
        return "user:" + user;
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }
}
