package io.trestle.login;

import static io.trestle.login.LoginFixture.ANN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testing.RawResponse;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CORS and the cross-site guard over real sockets, with one allowed origin. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsApiTest {
    static final String ALLOWED = "https://app.example.com";
    @TempDir
    static Path dir;
    LoginFixture f;

    @BeforeAll
    void start() throws Exception {
        f = LoginFixture.start(dir, Map.of("cors-origins", ALLOWED + ", http://localhost:3000",
                "login-max-failures-user-client", "1000", "login-max-failures-client", "1000"), b -> b);
    }

    @AfterAll
    void stop() throws Exception {
        f.close();
    }

    private RawResponse preflight(String origin) {
        return f.t.raw("OPTIONS /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + origin + "\r\n"
                + "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n"
                + "Connection: close\r\n\r\n");
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() throws Exception {
        RawResponse res = preflight(ALLOWED);
        assertEquals(204, res.status(), res.toString());
        assertEquals(ALLOWED, res.header("Access-Control-Allow-Origin"));
        assertEquals("true", res.header("Access-Control-Allow-Credentials"));
        assertTrue(res.header("Access-Control-Allow-Methods").contains("POST"), res.toString());
        assertTrue(res.header("Access-Control-Allow-Headers").toLowerCase().contains("content-type"), res.toString());
        assertTrue(Integer.parseInt(res.header("Access-Control-Max-Age")) > 0);
        assertTrue(res.headers().all("Vary").stream().anyMatch(v -> v.contains("Origin")), res.toString());
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoCorsHeaders() throws Exception {
        RawResponse res = preflight("https://evil.example");
        assertEquals(null, res.header("Access-Control-Allow-Origin"), res.toString());
        assertEquals(null, res.header("Access-Control-Allow-Credentials"), res.toString());
    }

    @Test
    void anAllowedOriginSignsInAndSeesTheAnswer() throws Exception {
        HttpResponse<String> res = f.login("ann", ANN_PASSWORD, "Origin", "http://localhost:3000");
        assertEquals(200, res.statusCode(), res.body());
        assertEquals("http://localhost:3000", res.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("true", res.headers().firstValue("Access-Control-Allow-Credentials").orElse(""));
        assertTrue(res.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "http://app.example.com", "https://app.example.com.evil.example",
        "http://localhost:3001", "not an origin"})
    void aStateChangingRequestFromAnotherSiteIs403(String origin) throws Exception {
        HttpResponse<String> login = f.login("ann", ANN_PASSWORD, "Origin", origin);
        assertEquals(403, login.statusCode(), login.body());
        assertEquals(LoginCodes.ORIGIN_NOT_ALLOWED, LoginFixture.json(login).path("code").asInt());
        assertTrue(login.headers().allValues("Set-Cookie").isEmpty());
        assertFalse(login.headers().firstValue("Access-Control-Allow-Origin").isPresent());

        String cookie = f.signIn("ann", ANN_PASSWORD);
        HttpResponse<String> logout = f.post("/api/logout", cookie, "Origin", origin);
        assertEquals(403, logout.statusCode());
        assertEquals(200, f.get("/api/session", cookie).statusCode(), "the session survived the forged sign-out");
    }

    @Test
    void aSameOriginRequestWithOriginIsFine() throws Exception {
        String own = "http://127.0.0.1:" + f.t.port();
        HttpResponse<String> res = f.login("ann", ANN_PASSWORD, "Origin", own);
        assertEquals(200, res.statusCode(), res.body());
        assertFalse(res.headers().firstValue("Access-Control-Allow-Origin").isPresent(), "no CORS needed");
    }

    @Test
    void aCrossSiteReadIsNotRefusedButGetsNoCorsHeaders() throws Exception {
        String cookie = f.signIn("ann", ANN_PASSWORD);
        HttpResponse<String> res = f.send("/api/session", cookie, "Origin", "https://evil.example");
        assertEquals(200, res.statusCode(), "GET changes nothing; the browser withholds the answer from the page");
        assertFalse(res.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void neverAWildcard() throws Exception {
        for (HttpResponse<String> res : new HttpResponse[] {f.login("ann", ANN_PASSWORD, "Origin", ALLOWED), f.login("ann", ANN_PASSWORD)}) {
            assertFalse(res.headers().firstValue("Access-Control-Allow-Origin").orElse("").contains("*"));
        }
    }

    @Test
    void byDefaultOnlyTheSameOriginMayChangeState(@TempDir Path other) throws Exception {
        try (LoginFixture plain = LoginFixture.start(other)) {
            assertEquals(403, plain.login("ann", ANN_PASSWORD, "Origin", ALLOWED).statusCode());
            assertEquals(200, plain.login("ann", ANN_PASSWORD, "Origin", "http://127.0.0.1:" + plain.t.port()).statusCode());
            assertEquals(200, plain.login("ann", ANN_PASSWORD).statusCode(), "no Origin: not a browser's cross-site request");
            RawResponse pre = plain.t.raw("OPTIONS /api/login HTTP/1.1\r\nHost: x\r\nOrigin: " + ALLOWED
                    + "\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
            assertEquals(null, pre.header("Access-Control-Allow-Origin"));
        }
    }
}
