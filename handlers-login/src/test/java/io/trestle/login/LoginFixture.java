package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trestle.Config;
import io.trestle.Server;
import io.trestle.testing.TrestleTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A server with the login plugin on a free port, a users file with {@code ann} and {@code eiger}
 * (cheap hashes), a clock the test moves, and helpers that speak the login API. Sessions and
 * throttling are in memory ({@link #store} is the session store), or in Redis.
 */
final class LoginFixture implements AutoCloseable {
    static final String ANN_PASSWORD = "ann-password";
    static final String EIGER_PASSWORD = "123456";
    static final int TEST_ITERATIONS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    final MutableClock clock;
    final InMemorySessionStore store;
    final Path usersFile;
    final TrestleTest t;

    private LoginFixture(Path usersFile, TrestleTest t, MutableClock clock, InMemorySessionStore store) {
        this.usersFile = usersFile;
        this.t = t;
        this.clock = clock;
        this.store = store;
    }

    /** Starts with the default settings but cheap hashes. */
    static LoginFixture start(Path dir) throws Exception {
        return start(dir, Map.of(), b -> b);
    }

    /** Starts with {@code settings} over the defaults, and {@code more} applied to the server builder. */
    static LoginFixture start(Path dir, Map<String, String> settings, UnaryOperator<Server.Builder> more) throws Exception {
        return start(dir, settings, more, null);
    }

    /**
     * Like {@link #start(Path, Map, UnaryOperator)}, with sessions and throttling in the Redis at
     * {@code redisUrl} (or in memory when null), counted by the fixture's clock.
     */
    static LoginFixture start(Path dir, Map<String, String> settings, UnaryOperator<Server.Builder> more, String redisUrl)
            throws Exception {
        Path users = dir.resolve("users.properties");
        UsersFile.empty()
                .withUser("ann", PasswordHash.create(ANN_PASSWORD.toCharArray(), TEST_ITERATIONS))
                .withUser("eiger", PasswordHash.create(EIGER_PASSWORD.toCharArray(), TEST_ITERATIONS))
                .write(users);
        Map<String, String> values = new HashMap<>();
        values.put("users", users.toString());
        values.put("pbkdf2-iterations", String.valueOf(TEST_ITERATIONS));
        if (redisUrl != null) {
            values.put("sessions", redisUrl);
        }
        values.putAll(settings);
        MutableClock clock = new MutableClock();
        InMemorySessionStore store = redisUrl == null ? new InMemorySessionStore(clock) : null;
        LoginPlugin plugin = redisUrl == null ? new LoginPlugin(store, new InMemoryAttemptCounter(clock), clock)
                : new LoginPlugin(null, null, clock);
        Server.Builder builder = more.apply(Server.builder().config(Config.of(values)).plugin(plugin));
        return new LoginFixture(users, TrestleTest.start(builder), clock, store);
    }

    static String credentials(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    HttpResponse<String> login(String username, String password, String... headers) {
        HttpRequest.Builder r = t.request("/api/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials(username, password)));
        if (headers.length > 0) {
            r.headers(headers);
        }
        return t.send(r);
    }

    /** Signs in and returns the {@code name=value} of the session cookie. */
    String signIn(String username, String password) {
        HttpResponse<String> res = login(username, password);
        assertEquals(200, res.statusCode(), res.body());
        return cookiePair(res);
    }

    HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder r = t.request(path).GET();
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return t.send(r);
    }

    /** A GET with the cookie (or none) and extra header name/value pairs. */
    HttpResponse<String> send(String path, String cookie, String... headers) {
        HttpRequest.Builder r = t.request(path).GET();
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        if (headers.length > 0) {
            r.headers(headers);
        }
        return t.send(r);
    }

    HttpResponse<String> post(String path, String cookie, String... headers) {
        HttpRequest.Builder r = t.request(path).POST(HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        if (headers.length > 0) {
            r.headers(headers);
        }
        return t.send(r);
    }

    /** The session cookie's Set-Cookie field. */
    static String setCookie(HttpResponse<?> res) {
        List<String> fields = res.headers().allValues("Set-Cookie");
        assertEquals(1, fields.size(), "one Set-Cookie: " + fields);
        return fields.get(0);
    }

    /** {@code TRESTLE_SESSION=<id>} from the response's Set-Cookie. */
    static String cookiePair(HttpResponse<?> res) {
        String field = setCookie(res);
        int semi = field.indexOf(';');
        return semi < 0 ? field : field.substring(0, semi);
    }

    static String sessionId(HttpResponse<?> res) {
        String pair = cookiePair(res);
        return pair.substring(pair.indexOf('=') + 1);
    }

    static JsonNode json(HttpResponse<String> res) throws Exception {
        String type = res.headers().firstValue("Content-Type").orElse("");
        assertEquals("application/json", type.split(";")[0].strip(), "a JSON answer: " + res.body());
        JsonNode node = JSON.readTree(res.body());
        assertNotNull(node);
        return node;
    }

    @Override
    public void close() {
        t.close();
    }
}
