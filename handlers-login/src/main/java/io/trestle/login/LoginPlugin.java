package io.trestle.login;

import io.trestle.Config;
import io.trestle.Method;
import io.trestle.Plugin;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Routes;
import io.trestle.Setting;
import io.trestle.Status;
import io.trestle.login.redis.RedisStores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON login API: {@code POST /api/login}, {@code GET /api/session},
 * {@code POST /api/logout}, with sessions in a cookie, throttling of failed sign-ins, CORS and a
 * filter that guards the {@code protected-paths}. Sessions and sign-in throttling live in this
 * process, or with {@code --sessions redis://host:port} in Redis, shared by every instance behind
 * a load balancer; while Redis cannot be reached, the API answers 503
 * {@code {"message":"session store unavailable","code":-8}} and other routes keep working. Found by
 * {@link java.util.ServiceLoader}; to embed it with stores of your own or a test clock, construct
 * it yourself:
 *
 * <pre>{@code
 * Server.builder()
 *       .config(Config.of(Map.of("users", "users.properties", "protected-paths", "/api/private/{rest...}")))
 *       .plugin(new LoginPlugin(new InMemorySessionStore(), new InMemoryAttemptCounter(), Clock.systemUTC()))
 *       .routes(r -> r.get("/api/private/me", (req, res) -> res.text(req.user().orElseThrow())))
 *       .build().start();
 * }</pre>
 */
public final class LoginPlugin implements Plugin {
    /** Filter order of the CORS filter: first, so it can answer preflights and refuse other sites. */
    public static final int CORS_ORDER = -300;
    /** Filter order of the session filter, which sets {@code req.user()}. */
    public static final int SESSION_ORDER = -200;
    /** Filter order of {@link RequireLogin}: after the session is known. */
    public static final int REQUIRE_LOGIN_ORDER = -100;
    /** The largest sign-in body accepted; a longer one is answered 413 before it is read. */
    public static final int MAX_LOGIN_BODY = 16 * 1024;
    /**
     * The route attribute ({@code Routes.attribute}) on every route a {@code protected-paths}
     * pattern covers, with the value {@code true}: {@code server.routes()} and route observers
     * see which routes need a session.
     */
    public static final String PROTECTED_ATTRIBUTE = "login.protected";

    private static final Logger log = LoggerFactory.getLogger(LoginPlugin.class);
    // How long a sign-in may wait for its turn to hash before it is answered 503.
    private static final Duration MAX_HASH_WAIT = Duration.ofSeconds(10);

    private final SessionStore givenStore;
    private final AttemptCounter givenAttempts;
    private final Clock clock;
    // Chosen at install: the given ones, else as the sessions setting says. Closed by close().
    private SessionStore store;
    private AttemptCounter attempts;
    private RedisStores redis;

    /** Sessions and throttling as the {@code sessions} setting says (in memory by default), the system clock. */
    public LoginPlugin() {
        this(null, null, Clock.systemUTC());
    }

    /**
     * With these stores ({@code null}: as the {@code sessions} setting says) and {@code clock} for
     * expiry and throttling.
     */
    public LoginPlugin(SessionStore store, AttemptCounter attempts, Clock clock) {
        this.clock = clock;
        this.givenStore = store;
        this.givenAttempts = attempts;
    }

    @Override
    public List<Setting> settings() {
        return LoginSettings.all();
    }

    @Override
    public void install(Routes routes, Config config) throws Exception {
        LoginSettings s = LoginSettings.from(config);
        if (s.iterations() < PasswordHash.RECOMMENDED_ITERATIONS) {
            log.warn("pbkdf2-iterations is {}, below OWASP's {}: fine for tests, weak for real passwords",
                    s.iterations(), PasswordHash.RECOMMENDED_ITERATIONS);
        }
        openStores(s);
        try {
            installRoutes(routes, s);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void installRoutes(Routes routes, LoginSettings s) throws Exception {
        UserDirectory users = UserDirectory.open(s.usersFile(), s.iterations());
        SessionManager sessions = new SessionManager(store, clock, s.sessionIdle(), s.sessionMax());
        SessionCookie cookie = new SessionCookie(s.cookieName());
        if (cookie.alwaysSecure()) {
            log.info("Session cookie {} is always Secure: sign-in works over HTTPS only", s.cookieName());
        }
        LoginThrottle throttle = new LoginThrottle(attempts, s.maxFailuresUserClient(), s.maxFailuresUserGlobal(),
                s.maxFailuresClient(), s.throttleWindow(), users::exists, clock);

        routes.filter(new CorsFilter(s.corsOrigins()));
        routes.filter(new SessionFilter(sessions, cookie));
        for (String pattern : s.protectedPaths()) {
            routes.filter(new RequireLogin(pattern));
            // For observers (API documents, listings): which routes need a session, not read by core.
            routes.attribute(pattern, PROTECTED_ATTRIBUTE, "true");
        }
        LoginHandler login = new LoginHandler(users, sessions, cookie, throttle, HashingGate.forThisMachine(MAX_HASH_WAIT));
        routes.add(Set.of(Method.POST), "/api/login", login, MAX_LOGIN_BODY);
        routes.add(Method.GET, "/api/session", new SessionInfoHandler());
        routes.add(Method.POST, "/api/logout", new LogoutHandler(sessions, cookie));
        routes.exception(StoreUnavailableException.class, LoginPlugin::storeUnavailable);
        log.info("Login API on /api/login, /api/session, /api/logout: sessions end {} idle or {} after sign-in; "
                + "throttled after {} failures per user and client, {} per client, or (slowed down) {} per user "
                + "within {}; protected paths: {}; CORS origins: {}",
                Config.formatDuration(s.sessionIdle()), Config.formatDuration(s.sessionMax()), s.maxFailuresUserClient(),
                s.maxFailuresClient(), s.maxFailuresUserGlobal(), Config.formatDuration(s.throttleWindow()),
                listed(s.protectedPaths()), listed(s.corsOrigins().origins()));
    }

    /** {@code a, b, c} for a log line, or {@code none}. */
    private static String listed(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }

    /** The given stores, else in-memory ones or a link to Redis as the {@code sessions} setting says. */
    private void openStores(LoginSettings s) {
        if (store != null) {
            return; // installed before: keep the sessions
        }
        if (s.redis() != null && (givenStore == null || givenAttempts == null)) {
            redis = RedisStores.open(s.redis(), s.redisTimeout(), s.redisKeyPrefix(), clock);
            checkRedis();
        } else if (s.redis() != null) {
            log.info("The sessions setting ({}) is not used: this login plugin was given its stores", s.redis());
        }
        store = givenStore != null ? givenStore : redis != null ? redis.sessions() : new InMemorySessionStore(clock);
        attempts = givenAttempts != null ? givenAttempts : redis != null ? redis.attempts() : new InMemoryAttemptCounter(clock);
    }

    /** Says at start-up whether Redis answers; starts either way, as Redis may come up later. */
    private void checkRedis() {
        try {
            redis.link().call(r -> r.ping());
            log.info("Sessions and sign-in throttling are kept in Redis at {}, shared with every instance using it",
                    redis.link().address());
        } catch (StoreUnavailableException e) {
            log.warn("Starting without Redis at {}: sign-ins answer 503 until it can be reached", redis.link().address());
        }
    }

    /** 503 with the API's JSON body when Redis (or another shared store) cannot be reached. */
    private static void storeUnavailable(StoreUnavailableException e, Request req, Response res) {
        res.header("Retry-After", "1");
        JsonReplies.error(res, Status.SERVICE_UNAVAILABLE, "session store unavailable", LoginCodes.STORE_UNAVAILABLE);
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
        if (attempts != null) {
            attempts.close();
        }
        if (redis != null) {
            redis.close();
        }
        store = null;
        attempts = null;
        redis = null;
    }
}
