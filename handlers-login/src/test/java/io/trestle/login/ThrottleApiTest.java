package io.trestle.login;

import static io.trestle.login.LoginFixture.ANN_PASSWORD;
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

/** Throttling of failed sign-ins over real sockets, per user name and per client address. */
class ThrottleApiTest {
    @TempDir
    Path dir;
    LoginFixture f;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    private void fail(String user, int times, String... headers) {
        for (int i = 0; i < times; i++) {
            assertEquals(401, f.login(user, "wrong " + i, headers).statusCode(), "failure " + (i + 1) + " of " + user);
        }
    }

    @Test
    void fiveFailuresThrottleTheUserEvenWithTheRightPassword() throws Exception {
        f = LoginFixture.start(dir);
        fail("ann", 5);
        f.clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> res = f.login("ann", ANN_PASSWORD);
        assertEquals(429, res.statusCode());
        assertEquals("840", res.headers().firstValue("Retry-After").orElse(""), "14 minutes until the first failure leaves the window");
        JsonNode json = LoginFixture.json(res);
        assertEquals("too many attempts", json.path("message").asText());
        assertEquals(LoginCodes.THROTTLED, json.path("code").asInt());
        assertEquals(840, json.path("retryAfter").asInt());
        assertTrue(res.headers().allValues("Set-Cookie").isEmpty());
    }

    @Test
    void otherUsersAreUnaffected() throws Exception {
        f = LoginFixture.start(dir);
        fail("ann", 5);
        assertEquals(429, f.login("ann", ANN_PASSWORD).statusCode());
        assertEquals(200, f.login("eiger", "123456").statusCode());
    }

    @Test
    void theUserNameCountsWithoutCase() throws Exception {
        f = LoginFixture.start(dir);
        fail("ANN", 3);
        fail("Ann", 2);
        assertEquals(429, f.login("ann", ANN_PASSWORD).statusCode());
    }

    @Test
    void theThrottleLiftsWhenTheWindowHasPassed() throws Exception {
        f = LoginFixture.start(dir);
        fail("ann", 5);
        assertEquals(429, f.login("ann", ANN_PASSWORD).statusCode());
        f.clock.advance(Duration.ofMinutes(15));
        assertEquals(200, f.login("ann", ANN_PASSWORD).statusCode());
    }

    @Test
    void aSuccessClearsTheUsersCount() throws Exception {
        f = LoginFixture.start(dir);
        fail("ann", 4);
        assertEquals(200, f.login("ann", ANN_PASSWORD).statusCode());
        fail("ann", 4);
        assertEquals(200, f.login("ann", ANN_PASSWORD).statusCode(), "four more failures are allowed again");
    }

    @Test
    void theLimitsAreConfigurable() throws Exception {
        f = LoginFixture.start(dir, Map.of("login-max-failures-user-client", "2", "login-throttle-window", "1m"), b -> b);
        fail("ann", 2);
        HttpResponse<String> res = f.login("ann", ANN_PASSWORD);
        assertEquals(429, res.statusCode());
        assertEquals("60", res.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void twentyFailuresThrottleTheClientAcrossUserNames() throws Exception {
        f = LoginFixture.start(dir);
        for (int i = 0; i < 20; i++) {
            fail("user" + i, 1);
        }
        HttpResponse<String> res = f.login("eiger", "123456");
        assertEquals(429, res.statusCode(), "the right password of an untouched user, from the same client");
        assertTrue(res.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void behindATrustedProxyTheForwardedClientIsThrottled() throws Exception {
        f = LoginFixture.start(dir, Map.of(), b -> b.trustedProxies(List.of("127.0.0.1")));
        for (int i = 0; i < 20; i++) {
            fail("user" + i, 1, "X-Forwarded-For", "203.0.113.7");
        }
        assertEquals(429, f.login("eiger", "123456", "X-Forwarded-For", "203.0.113.7").statusCode());
        assertEquals(200, f.login("eiger", "123456", "X-Forwarded-For", "203.0.113.8").statusCode(),
                "another client behind the same proxy is not throttled");
    }
}
