package io.trestle.login;

import static io.trestle.login.LoginFixture.EIGER_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attacker cannot lock the real user out (issue 17, point 4), over real sockets: the server
 * trusts the loopback proxy, so each request names its client address in
 * {@code X-Forwarded-For}. Run with the attempts in memory ({@link LockoutApiTest}) and in a real
 * Redis ({@link RedisLockoutApiTest}): the behaviour is the same.
 */
abstract class LockoutScenarios {
    @TempDir
    Path dir;
    LoginFixture f;

    /** A login server with {@code settings}, trusting 127.0.0.1 as a proxy, its clock at {@code f.clock}. */
    abstract LoginFixture start(Map<String, String> settings) throws Exception;

    @AfterEach
    void stopServer() {
        if (f != null) {
            f.close();
        }
    }

    private HttpResponse<String> login(String user, String password, String client) {
        return f.login(user, password, "X-Forwarded-For", client);
    }

    private void fail(String user, String client) {
        HttpResponse<String> res = login(user, "wrong", client);
        assertEquals(401, res.statusCode(), "a failure of " + user + " from " + client + ": " + res.body());
    }

    /** {@code count} failures of {@code user}, four from each address 10.1.x.y (below every per-address limit). */
    private void failFromManyAddresses(String user, int count) {
        for (int i = 0; i < count; i++) {
            fail(user, "10.1." + i / 4 / 256 + "." + i / 4 % 256);
        }
    }

    private static long assertThrottled(HttpResponse<String> res) throws Exception {
        assertEquals(429, res.statusCode(), res.body());
        long retryAfter = Long.parseLong(res.headers().firstValue("Retry-After").orElseThrow());
        JsonNode json = LoginFixture.json(res);
        assertEquals("too many attempts", json.path("message").asText());
        assertEquals(LoginCodes.THROTTLED, json.path("code").asInt());
        assertEquals(retryAfter, json.path("retryAfter").asLong());
        assertTrue(res.headers().allValues("Set-Cookie").isEmpty());
        return retryAfter;
    }

    @Test
    void fiveFailuresFromOneAddressLockThatAddressOnly() throws Exception {
        f = start(Map.of());
        for (int i = 0; i < 5; i++) {
            fail("eiger", "203.0.113.66");
        }
        assertEquals(900, assertThrottled(login("eiger", EIGER_PASSWORD, "203.0.113.66")),
                "the attacker's address, even with the right password, until its first failure leaves the window");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, login("eiger", EIGER_PASSWORD, "198.51.100.7").statusCode(), "the real user elsewhere");
            assertThrottled(login("eiger", "wrong", "203.0.113.66"));
        }
    }

    @Test
    void beyondTheGlobalLimitNewAddressesWaitOneSecondDoublingUpToSixty() throws Exception {
        f = start(Map.of());
        failFromManyAddresses("eiger", 101);
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60};
        for (int step = 0; step < expected.length; step++) {
            assertEquals(expected[step], assertThrottled(login("eiger", EIGER_PASSWORD, "192.0.2." + step)), "step " + step);
            f.clock.advance(Duration.ofSeconds(expected[step]));
            fail("eiger", "192.0.2." + step); // one guess goes through after each wait
        }
        assertEquals(200, login("ann", LoginFixture.ANN_PASSWORD, "192.0.2.200").statusCode(), "another user is not slowed");
    }

    @Test
    void theRealUserSignsInAtOnceFromAnAddressThatSignedItInWithinTheWindow() throws Exception {
        f = start(Map.of());
        assertEquals(200, login("eiger", EIGER_PASSWORD, "198.51.100.7").statusCode());
        f.clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 5; i++) {
            fail("eiger", "203.0.113.66");
        }
        failFromManyAddresses("eiger", 96);
        assertThrottled(login("eiger", EIGER_PASSWORD, "192.0.2.1"));
        assertThrottled(login("eiger", EIGER_PASSWORD, "203.0.113.66"));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, login("eiger", EIGER_PASSWORD, "198.51.100.7").statusCode(), "sign-in " + (i + 1));
        }
        f.clock.advance(Duration.ofMinutes(14)); // the attack's failures are 14 minutes old; its sign-ins newer
        assertEquals(200, login("eiger", EIGER_PASSWORD, "198.51.100.7").statusCode());
    }

    @Test
    void aSignInOlderThanTheWindowNoLongerExemptsTheAddress() throws Exception {
        f = start(Map.of());
        assertEquals(200, login("eiger", EIGER_PASSWORD, "198.51.100.7").statusCode());
        f.clock.advance(Duration.ofMinutes(15));
        failFromManyAddresses("eiger", 101);
        assertEquals(1, assertThrottled(login("eiger", EIGER_PASSWORD, "198.51.100.7")));
    }

    @Test
    void twentyFailuresFromOneAddressAcrossUserNamesStillLockIt() throws Exception {
        f = start(Map.of());
        for (int i = 0; i < 20; i++) {
            fail("user" + i, "203.0.113.66");
        }
        assertTrue(assertThrottled(login("eiger", EIGER_PASSWORD, "203.0.113.66")) > 0);
        assertEquals(200, login("eiger", EIGER_PASSWORD, "198.51.100.7").statusCode());
    }

    @Test
    void theLimitsAreSettingsAndEveryLockEndsWithTheWindow() throws Exception {
        f = start(Map.of("login-max-failures-user-client", "2", "login-max-failures-user-global", "10",
                "login-throttle-window", "2m"));
        fail("eiger", "203.0.113.66");
        fail("eiger", "203.0.113.66");
        assertEquals(120, assertThrottled(login("eiger", EIGER_PASSWORD, "203.0.113.66")));
        for (int i = 0; i < 9; i++) {
            fail("eiger", "10.2.0." + i);
        }
        assertEquals(1, assertThrottled(login("eiger", EIGER_PASSWORD, "192.0.2.1")), "11 failures are beyond 10");
        f.clock.advance(Duration.ofSeconds(1));
        fail("eiger", "192.0.2.1");
        assertEquals(2, assertThrottled(login("eiger", EIGER_PASSWORD, "192.0.2.2")));

        f.clock.advance(Duration.ofMinutes(2));
        assertEquals(200, login("eiger", EIGER_PASSWORD, "203.0.113.66").statusCode(), "the address lock ended");
        for (int i = 0; i < 11; i++) {
            fail("eiger", "10.3.0." + i);
        }
        assertEquals(1, assertThrottled(login("eiger", EIGER_PASSWORD, "192.0.2.3")), "the waits start over at 1 s");
    }

    @Test
    void aRefusedAttemptCountsNowhere() throws Exception {
        f = start(Map.of());
        failFromManyAddresses("eiger", 101);
        for (int i = 0; i < 30; i++) {
            assertThrottled(login("eiger", "wrong", "192.0.2.1"));
        }
        for (String user : List.of("ann", "ann", "ann", "ann")) {
            fail(user, "192.0.2.1");
        }
        assertEquals(200, login("ann", LoginFixture.ANN_PASSWORD, "192.0.2.1").statusCode(),
                "the 30 refusals did not count towards the address's 20");
    }
}
