package io.trestle.login;

import static io.trestle.login.LoginFixture.ANN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Secure} on the session cookie when the client used TLS, as a trusted proxy reports. */
class SecureCookieTest {
    @TempDir
    Path dir;

    private static List<String> attributes(HttpResponse<String> res) {
        return Stream.of(LoginFixture.setCookie(res).split(";")).skip(1).map(String::strip).toList();
    }

    @Test
    void aTrustedProxySayingHttpsMakesTheCookieSecure() throws Exception {
        try (LoginFixture f = LoginFixture.start(dir, Map.of(), b -> b.trustedProxies(List.of("127.0.0.1")))) {
            HttpResponse<String> res = f.login("ann", ANN_PASSWORD, "X-Forwarded-Proto", "https");
            assertEquals(200, res.statusCode());
            assertTrue(attributes(res).contains("Secure"), LoginFixture.setCookie(res));
            String cookie = LoginFixture.cookiePair(res);
            HttpResponse<String> out = f.post("/api/logout", cookie, "X-Forwarded-Proto", "https");
            assertTrue(attributes(out).contains("Secure"), "the clearing cookie matches: " + LoginFixture.setCookie(out));
            assertFalse(attributes(f.login("ann", ANN_PASSWORD)).contains("Secure"), "plain HTTP through the proxy");
        }
    }

    @Test
    void anUntrustedPeerCannotClaimHttps() throws Exception {
        try (LoginFixture f = LoginFixture.start(dir)) {
            HttpResponse<String> res = f.login("ann", ANN_PASSWORD, "X-Forwarded-Proto", "https");
            assertFalse(attributes(res).contains("Secure"), LoginFixture.setCookie(res));
        }
    }

    @Test
    void aHostPrefixedCookieIsAlwaysSecure() throws Exception {
        try (LoginFixture f = LoginFixture.start(dir, Map.of("session-cookie", "__Host-sid"), b -> b)) {
            HttpResponse<String> res = f.login("ann", ANN_PASSWORD);
            assertTrue(LoginFixture.setCookie(res).startsWith("__Host-sid="));
            assertTrue(attributes(res).contains("Secure"));
            assertTrue(attributes(res).contains("Path=/"));
            assertFalse(LoginFixture.setCookie(res).contains("Domain="));
            assertEquals(200, f.get("/api/session", LoginFixture.cookiePair(res)).statusCode());
        }
    }
}
