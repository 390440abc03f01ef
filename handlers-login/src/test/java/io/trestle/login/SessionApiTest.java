package io.trestle.login;

import static io.trestle.login.LoginFixture.ANN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/session} and {@code POST /api/logout} over real sockets, with a clock the test moves. */
class SessionApiTest {
    @TempDir
    Path dir;
    LoginFixture f;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void aValidCookieNamesTheUser() throws Exception {
        f = LoginFixture.start(dir);
        String cookie = f.signIn("eiger", "123456");
        HttpResponse<String> res = f.get("/api/session", cookie);
        assertEquals(200, res.statusCode());
        assertEquals("{\"username\":\"eiger\"}", res.body());
        assertEquals("no-store", res.headers().firstValue("Cache-Control").orElse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "TRESTLE_SESSION=", "TRESTLE_SESSION=garbage", "TRESTLE_SESSION=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "OTHER=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "TRESTLE_SESSION=\"quoted\""})
    void noValidCookieIs401Json(String cookie) throws Exception {
        f = LoginFixture.start(dir);
        HttpResponse<String> res = f.get("/api/session", cookie.isEmpty() ? null : cookie);
        assertEquals(401, res.statusCode());
        assertEquals(LoginCodes.NOT_SIGNED_IN, LoginFixture.json(res).path("code").asInt());
    }

    @Test
    void logoutEndsTheSessionServerSideAndClearsTheCookie() throws Exception {
        f = LoginFixture.start(dir);
        String cookie = f.signIn("ann", ANN_PASSWORD);
        assertEquals(1, f.store.size());
        HttpResponse<String> res = f.post("/api/logout", cookie);
        assertEquals(204, res.statusCode());
        assertEquals("", res.body());
        String cleared = LoginFixture.setCookie(res);
        assertTrue(cleared.startsWith("TRESTLE_SESSION=;"), cleared);
        assertTrue(cleared.contains("Max-Age=0"), cleared);
        assertTrue(cleared.contains("Path=/"), cleared);
        assertEquals(0, f.store.size(), "gone from the store");
        assertEquals(401, f.get("/api/session", cookie).statusCode(), "a kept copy of the cookie is worthless");
    }

    @Test
    void logoutWithoutASessionIsStill204() throws Exception {
        f = LoginFixture.start(dir);
        assertEquals(204, f.post("/api/logout", null).statusCode());
        assertEquals(204, f.post("/api/logout", "TRESTLE_SESSION=nonsense").statusCode());
    }

    @Test
    void getLogoutIs405() throws Exception {
        f = LoginFixture.start(dir);
        HttpResponse<String> res = f.get("/api/logout", null);
        assertEquals(405, res.statusCode());
        assertTrue(res.headers().firstValue("Allow").orElse("").contains("POST"));
    }

    @Test
    void anIdleSessionExpires() throws Exception {
        f = LoginFixture.start(dir, Map.of("session-idle", "10m", "session-max", "1h"), b -> b);
        String cookie = f.signIn("ann", ANN_PASSWORD);
        f.clock.advance(Duration.ofMinutes(9));
        assertEquals(200, f.get("/api/session", cookie).statusCode(), "used within 10 minutes");
        f.clock.advance(Duration.ofMinutes(9));
        assertEquals(200, f.get("/api/session", cookie).statusCode(), "the idle clock restarted");
        f.clock.advance(Duration.ofMinutes(10));
        assertEquals(401, f.get("/api/session", cookie).statusCode(), "10 minutes unused");
    }

    @Test
    void aBusySessionEndsAtItsMaximumLifetime() throws Exception {
        f = LoginFixture.start(dir, Map.of("session-idle", "10m", "session-max", "30m"), b -> b);
        String cookie = f.signIn("ann", ANN_PASSWORD);
        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofMinutes(5));
            assertEquals(200, f.get("/api/session", cookie).statusCode(), "after " + (i + 1) * 5 + " minutes");
        }
        f.clock.advance(Duration.ofMinutes(5));
        assertEquals(401, f.get("/api/session", cookie).statusCode(), "30 minutes after sign-in");
    }

    @Test
    void expiryWorksWithTheRealClockToo() throws Exception {
        // No fake clock here: short real durations and a generous margin.
        Path users = dir.resolve("users.properties");
        UsersFile.empty().withUser("ann", PasswordHash.create(ANN_PASSWORD.toCharArray(), 1000)).write(users);
        io.trestle.Config config = io.trestle.Config.of(Map.of("users", users.toString(), "pbkdf2-iterations", "1000",
                "session-idle", "1s", "session-max", "1h"));
        try (var t = io.trestle.testing.TrestleTest.start(io.trestle.Server.builder().config(config).plugin(new LoginPlugin()))) {
            HttpResponse<String> login = t.post("/api/login", "application/json", LoginFixture.credentials("ann", ANN_PASSWORD));
            String cookie = LoginFixture.cookiePair(login);
            assertEquals(200, t.send(t.request("/api/session").header("Cookie", cookie)).statusCode());
            Thread.sleep(2500);
            assertEquals(401, t.send(t.request("/api/session").header("Cookie", cookie)).statusCode());
        }
    }
}
