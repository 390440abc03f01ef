package io.trestle.login;

import io.trestle.Config;
import io.trestle.Setting;
import io.trestle.Setting.Kind;
import io.trestle.login.redis.RedisAddress;
import io.trestle.login.redis.RedisLink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The login module's settings, read from the {@link Config} and checked once at start-up.
 *
 * @param usersFile          the users file
 * @param maxFailuresUserClient failed attempts per user name from one client address within the
 *                           window before 429
 * @param maxFailuresUserGlobal failed attempts per user name from all addresses within the window
 *                           beyond which addresses that have not signed the user in must wait,
 *                           1 s doubling up to 60 s, between attempts
 * @param maxFailuresClient  failed attempts per client address within the window before 429
 * @param throttleWindow     the sliding window failures are counted in
 * @param sessionIdle        a session ends after this long unused
 * @param sessionMax         a session ends this long after sign-in, used or not
 * @param cookieName         the session cookie's name
 * @param protectedPaths     route patterns that answer 401 without a session
 * @param corsOrigins        origins allowed to call with credentials from another site
 * @param iterations         PBKDF2 iterations for new hashes and the unknown-user dummy
 * @param redis              where sessions and attempt counts are shared, or null to keep them in memory
 * @param redisTimeout       how long connecting to Redis or one command may take
 * @param redisKeyPrefix     what every Redis key starts with
 */
record LoginSettings(Path usersFile, int maxFailuresUserClient, int maxFailuresUserGlobal, int maxFailuresClient,
                     Duration throttleWindow, Duration sessionIdle, Duration sessionMax, String cookieName, List<String> protectedPaths,
                     CorsPolicy corsOrigins, int iterations, RedisAddress redis, Duration redisTimeout,
                     String redisKeyPrefix) {

    static final String USERS = "users";
    static final String ITERATIONS = "pbkdf2-iterations";
    static final String SESSIONS = "sessions";
    static final String MEMORY = "memory";
    static final String MAX_FAILURES_USER_CLIENT = "login-max-failures-user-client";
    static final String MAX_FAILURES_USER_GLOBAL = "login-max-failures-user-global";

    static Setting usersSetting() {
        return Setting.of(USERS, Kind.PATH, "users.properties", "the users file (name=pbkdf2-sha256$...; see passwd)");
    }

    static Setting iterationsSetting() {
        return Setting.of(ITERATIONS, Kind.INT, String.valueOf(PasswordHash.RECOMMENDED_ITERATIONS),
                "PBKDF2-HMAC-SHA256 iterations for new password hashes (OWASP 2023: 600000)");
    }

    static List<Setting> all() {
        return List.of(
                usersSetting(),
                Setting.of(MAX_FAILURES_USER_CLIENT, Kind.INT, "5",
                        "failed sign-ins per user name from one client address before 429"),
                Setting.of(MAX_FAILURES_USER_GLOBAL, Kind.INT, "100", "failed sign-ins per user name from all addresses "
                        + "before new addresses wait between tries (1s, doubling up to 60s)"),
                Setting.of("login-max-failures-client", Kind.INT, "20", "failed sign-ins per client address before 429"),
                Setting.of("login-throttle-window", Kind.DURATION, "15m", "the time failed sign-ins are counted over"),
                Setting.of("session-idle", Kind.DURATION, "30m", "a session ends after this long unused"),
                Setting.of("session-max", Kind.DURATION, "12h", "a session ends this long after sign-in"),
                Setting.of("session-cookie", Kind.STRING, "TRESTLE_SESSION", "the session cookie's name"),
                Setting.of("protected-paths", Kind.LIST, null, "route patterns that need a session, e.g. /api/private/{rest...}"),
                Setting.of("cors-origins", Kind.LIST, null, "origins allowed to call the API with credentials, e.g. https://app.example.com"),
                iterationsSetting(),
                Setting.of(SESSIONS, Kind.STRING, MEMORY, "where sessions and sign-in throttling live: memory (this process) "
                        + "or redis://[:password@]host[:port][/db] (shared by several instances)"),
                Setting.of("redis-timeout", Kind.DURATION, "500ms", "with Redis: the longest a connection or command may take"),
                Setting.of("redis-key-prefix", Kind.STRING, "trestle:", "with Redis: what every key starts with"));
    }

    /** @throws IllegalArgumentException naming the setting that is out of range */
    static LoginSettings from(Config config) {
        int perUserClient = atLeastOne(config, MAX_FAILURES_USER_CLIENT, 5);
        int perUserGlobal = atLeastOne(config, MAX_FAILURES_USER_GLOBAL, 100);
        int perClient = atLeastOne(config, "login-max-failures-client", 20);
        Duration window = positive(config, "login-throttle-window", Duration.ofMinutes(15));
        Duration idle = positive(config, "session-idle", Duration.ofMinutes(30));
        Duration max = positive(config, "session-max", Duration.ofHours(12));
        String cookie = config.string("session-cookie", "TRESTLE_SESSION");
        try {
            new SessionCookie(cookie);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("session-cookie: " + e.getMessage());
        }
        List<String> paths = config.list("protected-paths");
        for (String p : paths) {
            if (!p.startsWith("/")) {
                throw new IllegalArgumentException("protected-paths: a pattern starts with '/': " + p);
            }
        }
        CorsPolicy cors;
        try {
            cors = CorsPolicy.of(config.list("cors-origins"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cors-origins: " + e.getMessage());
        }
        return new LoginSettings(Path.of(config.string(USERS, "users.properties")), perUserClient, perUserGlobal, perClient,
                window,
                idle, max, cookie, paths, cors, iterations(config), redis(config),
                positive(config, "redis-timeout", Duration.ofMillis(RedisLink.DEFAULT_TIMEOUT_MILLIS)), config.string("redis-key-prefix", "trestle:"));
    }

    /** The Redis address of the {@code sessions} setting, or null for {@code memory}. */
    private static RedisAddress redis(Config config) {
        String value = config.string(SESSIONS, MEMORY).strip();
        if (value.equalsIgnoreCase(MEMORY)) {
            return null;
        }
        try {
            return RedisAddress.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SESSIONS + ": memory or redis://host:port[/db]; " + e.getMessage());
        }
    }

    static int iterations(Config config) {
        int n = config.integer(ITERATIONS, PasswordHash.RECOMMENDED_ITERATIONS);
        if (n < 1 || n > PasswordHash.MAX_ITERATIONS) {
            throw new IllegalArgumentException(ITERATIONS + " must be between 1 and " + PasswordHash.MAX_ITERATIONS + ": " + n);
        }
        return n;
    }

    private static int atLeastOne(Config config, String name, int fallback) {
        int n = config.integer(name, fallback);
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + n);
        }
        return n;
    }

    private static Duration positive(Config config, String name, Duration fallback) {
        Duration d = config.duration(name, fallback);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be longer than zero");
        }
        return d;
    }
}
