package io.trestle.login;

import io.trestle.Config;
import io.trestle.Method;
import io.trestle.Plugin;
import io.trestle.Routes;
import io.trestle.Setting;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON login API: {@code POST /api/login}, {@code GET /api/session},
 * {@code POST /api/logout}, with sessions in a cookie, throttling of failed sign-ins, CORS and a
 * filter that guards the {@code protected-paths}. Found by {@link java.util.ServiceLoader}; to
 * embed it with other stores (Redis) or a test clock, construct it yourself:
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

    private static final Logger log = LoggerFactory.getLogger(LoginPlugin.class);
    // How long a sign-in may wait for its turn to hash before it is answered 503.
    private static final Duration MAX_HASH_WAIT = Duration.ofSeconds(10);

    private final SessionStore store;
    private final AttemptCounter attempts;
    private final Clock clock;

    /** In-memory sessions and throttling, the system clock. */
    public LoginPlugin() {
        this(null, null, Clock.systemUTC());
    }

    /** With these stores (in-memory ones when null) and {@code clock} for expiry and throttling. */
    public LoginPlugin(SessionStore store, AttemptCounter attempts, Clock clock) {
        this.clock = clock;
        this.store = store != null ? store : new InMemorySessionStore(clock);
        this.attempts = attempts != null ? attempts : new InMemoryAttemptCounter(clock);
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
        UserDirectory users = UserDirectory.open(s.usersFile(), s.iterations());
        SessionManager sessions = new SessionManager(store, clock, s.sessionIdle(), s.sessionMax());
        SessionCookie cookie = new SessionCookie(s.cookieName());
        if (cookie.alwaysSecure()) {
            log.info("Session cookie {} is always Secure: sign-in works over HTTPS only", s.cookieName());
        }
        LoginThrottle throttle = new LoginThrottle(attempts, s.maxFailuresUser(), s.maxFailuresClient(), s.throttleWindow());

        routes.filter(new CorsFilter(s.corsOrigins()));
        routes.filter(new SessionFilter(sessions, cookie));
        for (String pattern : s.protectedPaths()) {
            routes.filter(new RequireLogin(pattern));
        }
        LoginHandler login = new LoginHandler(users, sessions, cookie, throttle, HashingGate.forThisMachine(MAX_HASH_WAIT));
        routes.add(Set.of(Method.POST), "/api/login", login, MAX_LOGIN_BODY);
        routes.add(Method.GET, "/api/session", new SessionInfoHandler());
        routes.add(Method.POST, "/api/logout", new LogoutHandler(sessions, cookie));
        log.info("Login API on /api/login, /api/session, /api/logout: sessions end {} idle or {} after sign-in; "
                + "throttled after {} failures per user or {} per client within {}; protected paths {}; CORS origins {}",
                s.sessionIdle(), s.sessionMax(), s.maxFailuresUser(), s.maxFailuresClient(), s.throttleWindow(),
                s.protectedPaths(), s.corsOrigins());
    }

    @Override
    public void close() {
        store.close();
        attempts.close();
    }
}
