package io.trestle.login;

import static io.trestle.login.LoginFixture.EIGER_PASSWORD;
import static io.trestle.login.LoginFixture.TEST_ITERATIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.trestle.Config;
import io.trestle.Server;
import io.trestle.login.redis.RedisLink;
import io.trestle.login.redis.RedisServer;
import io.trestle.testing.TrestleTest;
import io.trestle.testsupport.LogCapture;
import io.trestle.testsupport.RequiresProgram;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers with {@code --sessions redis://...} sharing one real Redis: sessions and throttling
 * are shared, and while Redis is away the login API answers 503 and other routes keep working.
 */
@RequiresProgram(value = RedisServer.PROGRAM, install = RedisServer.INSTALL_HINT)
class RedisLoginApiTest {
    @TempDir
    Path dir;
    RedisServer redis;
    Path users;
    TrestleTest a;
    TrestleTest b;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start(dir);
        users = dir.resolve("users.properties");
        UsersFile.empty()
                .withUser("ann", PasswordHash.create(LoginFixture.ANN_PASSWORD.toCharArray(), TEST_ITERATIONS))
                .withUser("eiger", PasswordHash.create(EIGER_PASSWORD.toCharArray(), TEST_ITERATIONS))
                .write(users);
    }

    @AfterEach
    void stop() throws Exception {
        for (TrestleTest t : new TrestleTest[] {a, b}) {
            if (t != null) {
                t.close();
            }
        }
        if (redis != null) { // null when start() failed before Redis was up
            redis.close();
        }
    }

    private TrestleTest server() {
        Config config = Config.of(Map.of("users", users.toString(), "pbkdf2-iterations", String.valueOf(TEST_ITERATIONS),
                "sessions", redis.url(), "redis-key-prefix", "api-test:"));
        return TrestleTest.start(Server.builder().config(config).plugin(new LoginPlugin())
                .routes(r -> r.get("/hello", (req, res) -> res.text("hello " + req.user().orElse("stranger")))));
    }

    private static HttpResponse<String> login(TrestleTest t, String user, String password) {
        return t.post("/api/login", "application/json", LoginFixture.credentials(user, password));
    }

    private static HttpResponse<String> get(TrestleTest t, String path, String cookie) {
        return t.send(t.request(path).header("Cookie", cookie).GET());
    }

    private static HttpResponse<String> logout(TrestleTest t, String cookie) {
        return t.send(t.request("/api/logout").header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static void assertStoreUnavailable(HttpResponse<String> res) throws Exception {
        assertEquals(503, res.statusCode(), res.body());
        JsonNode json = LoginFixture.json(res);
        assertEquals("session store unavailable", json.path("message").asText());
        assertEquals(LoginCodes.STORE_UNAVAILABLE, json.path("code").asInt());
        assertEquals("1", res.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void aSessionMadeOnOneServerWorksOnTheOtherAndASignOutOnEitherEndsIt() {
        a = server();
        b = server();
        HttpResponse<String> in = login(a, "eiger", EIGER_PASSWORD);
        assertEquals(200, in.statusCode(), in.body());
        String cookie = LoginFixture.cookiePair(in);
        assertEquals("{\"username\":\"eiger\"}", get(b, "/api/session", cookie).body());
        assertEquals("hello eiger", get(a, "/hello", cookie).body());
        assertEquals(204, logout(b, cookie).statusCode());
        assertEquals(401, get(a, "/api/session", cookie).statusCode());
        assertEquals(401, get(b, "/api/session", cookie).statusCode());
    }

    @Test
    void failuresOnBothServersCountTogether() {
        a = server();
        b = server();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(i % 2 == 0 ? a : b, "ann", "wrong " + i).statusCode());
        }
        for (TrestleTest t : List.of(a, b)) {
            HttpResponse<String> res = login(t, "ann", LoginFixture.ANN_PASSWORD);
            assertEquals(429, res.statusCode(), res.body());
            long retryAfter = Long.parseLong(res.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter > 800 && retryAfter <= 900, "about 15 minutes: " + retryAfter);
        }
        assertEquals(200, login(b, "eiger", EIGER_PASSWORD).statusCode(), "other users are unaffected");
    }

    @Test
    void whileRedisIsAwayTheLoginApiAnswers503AndOtherRoutesWork() throws Exception {
        a = server();
        String cookie = LoginFixture.cookiePair(login(a, "eiger", EIGER_PASSWORD));
        redis.stop();
        try (LogCapture log = LogCapture.of(RedisLink.class)) {
            assertStoreUnavailable(login(a, "eiger", EIGER_PASSWORD));
            assertStoreUnavailable(get(a, "/api/session", cookie));
            assertStoreUnavailable(logout(a, cookie));
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> hello = get(a, "/hello", cookie);
                assertEquals(200, hello.statusCode());
                assertEquals("hello stranger", hello.body(), "served, without a user while sessions are unknown");
            }
            assertEquals(401, a.get("/api/session").statusCode(), "no cookie: surely not signed in");
            assertEquals(1, log.lines().stream().filter(l -> l.startsWith("WARN")).count(), log.lines().toString());
        }
        redis.start(); // empty: the sessions are gone with the old process
        HttpResponse<String> again = loginWithin(a, Duration.ofSeconds(10));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(200, get(a, "/api/session", LoginFixture.cookiePair(again)).statusCode());
    }

    @Test
    void aServerStartsWithoutRedisAndSignsInOnceRedisIsUp() throws Exception {
        redis.stop();
        a = server();
        assertStoreUnavailable(login(a, "eiger", EIGER_PASSWORD));
        redis.start();
        assertEquals(200, loginWithin(a, Duration.ofSeconds(10)).statusCode());
    }

    /** Signs in, trying again while the link waits out its pause after a failure; bounded. */
    private static HttpResponse<String> loginWithin(TrestleTest t, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpResponse<String> res = login(t, "eiger", EIGER_PASSWORD);
        while (res.statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            res = login(t, "eiger", EIGER_PASSWORD);
        }
        return res;
    }
}
