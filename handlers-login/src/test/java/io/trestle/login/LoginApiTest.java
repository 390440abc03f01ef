package io.trestle.login;

import static io.trestle.login.LoginFixture.ANN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testsupport.LogCapture;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/login} over real sockets: the contract's answers, cookies and bad inputs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginApiTest {
    @TempDir
    static Path dir;
    LoginFixture f;

    @BeforeAll
    void start() throws Exception {
        // High limits: this class makes many failed attempts; throttling has its own test.
        f = LoginFixture.start(dir, java.util.Map.of("login-max-failures-user-client", "1000", "login-max-failures-client", "1000"),
                b -> b);
    }

    @AfterAll
    void stop() throws Exception {
        f.close();
    }

    @Test
    void theRightPasswordSignsInWithTheExercisesJson() throws Exception {
        HttpResponse<String> res = f.login("eiger", "123456");
        assertEquals(200, res.statusCode());
        assertEquals("{\"message\":\"success\",\"code\":0,\"username\":\"eiger\"}", res.body());
        LoginFixture.json(res);
        assertEquals("no-store", res.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void theSessionCookieIsRandomHttpOnlyAndStrict() throws Exception {
        HttpResponse<String> res = f.login("ann", ANN_PASSWORD);
        String field = LoginFixture.setCookie(res);
        String id = LoginFixture.sessionId(res);
        assertTrue(field.startsWith("TRESTLE_SESSION="), field);
        assertEquals(43, id.length());
        assertTrue(java.util.Base64.getUrlDecoder().decode(id).length * 8 >= 128, "at least 128 random bits");
        List<String> attributes = Stream.of(field.split(";")).skip(1).map(String::strip).toList();
        assertTrue(attributes.contains("Path=/"), field);
        assertTrue(attributes.contains("HttpOnly"), field);
        assertTrue(attributes.contains("SameSite=Strict"), field);
        assertFalse(attributes.contains("Secure"), "plain HTTP from a client, not a proxy: " + field);
        assertFalse(field.contains("Max-Age"), "a session cookie: " + field);
    }

    @Test
    void everySignInGetsANewIdAndEndsTheOldSession() throws Exception {
        HttpResponse<String> first = f.login("ann", ANN_PASSWORD);
        String oldCookie = LoginFixture.cookiePair(first);
        HttpResponse<String> second = f.login("ann", ANN_PASSWORD, "Cookie", oldCookie);
        assertEquals(200, second.statusCode());
        assertNotEquals(LoginFixture.sessionId(first), LoginFixture.sessionId(second));
        assertEquals(401, f.get("/api/session", oldCookie).statusCode(), "the old session is gone");
        assertEquals(200, f.get("/api/session", LoginFixture.cookiePair(second)).statusCode());
    }

    @Test
    void aPlantedSessionIdNeverBecomesASession() throws Exception {
        String planted = "TRESTLE_SESSION=" + "A".repeat(43);
        HttpResponse<String> res = f.login("ann", ANN_PASSWORD, "Cookie", planted);
        assertNotEquals("A".repeat(43), LoginFixture.sessionId(res));
        assertEquals(401, f.get("/api/session", planted).statusCode());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        HttpResponse<String> wrong = f.login("ann", "not it");
        HttpResponse<String> unknown = f.login("nobody", "not it");
        for (HttpResponse<String> res : List.of(wrong, unknown)) {
            assertEquals(401, res.statusCode());
            assertEquals("{\"message\":\"failed\",\"code\":-1}", res.body());
            assertTrue(res.headers().allValues("Set-Cookie").isEmpty());
        }
        assertEquals(wrong.headers().map().keySet().stream().filter(h -> !h.equalsIgnoreCase("date")).sorted().toList(),
                unknown.headers().map().keySet().stream().filter(h -> !h.equalsIgnoreCase("date")).sorted().toList());
    }

    @Test
    void passwordsNeverReachTheLog() {
        try (LogCapture handler = LogCapture.of(LoginHandler.class); LogCapture users = LogCapture.of(UserDirectory.class)) {
            f.login("ann", "secret-typo-1");
            f.login("secret-typo-2", "x");
            f.login("ann", ANN_PASSWORD);
            List<String> lines = new java.util.ArrayList<>(handler.lines());
            lines.addAll(users.lines());
            assertTrue(lines.stream().anyMatch(l -> l.contains("Sign-in failed for user 'ann'")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("Sign-in failed for an unknown user name")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("User 'ann' signed in")), lines.toString());
            assertTrue(lines.stream().noneMatch(l -> l.contains("secret-typo") || l.contains(ANN_PASSWORD)), lines.toString());
        }
    }

    @Test
    void userNamesAreCaseSensitive() throws Exception {
        assertEquals(401, f.login("ANN", ANN_PASSWORD).statusCode());
    }

    static Stream<String> badBodies() {
        return Stream.of("", " ", "{", "not json", "[]", "[1,2]", "\"ann\"", "42", "null", "true", "{}",
                "{\"username\":\"ann\"}", "{\"password\":\"x\"}", "{\"username\":1,\"password\":\"x\"}",
                "{\"username\":\"ann\",\"password\":123456}", "{\"username\":\"ann\",\"password\":null}",
                "{\"username\":\"ann\",\"password\":[\"x\"]}", "{\"username\":\"\",\"password\":\"x\"}",
                "{\"username\":\"ann\",\"password\":\"x\"} extra", "{\"username\":\"ann\",\"username\":\"b\",\"password\":\"x\"}",
                "[".repeat(3000));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAre400WithAJsonReason(String body) throws Exception {
        HttpResponse<String> res = f.t.post("/api/login", "application/json", body);
        assertEquals(400, res.statusCode(), res.body());
        JsonNode json = LoginFixture.json(res);
        assertFalse(json.path("message").asText().isBlank());
        assertEquals(LoginCodes.BAD_REQUEST, json.path("code").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/xml", "application/json; charset=iso-8859-1"})
    void otherContentTypesAre415(String type) throws Exception {
        HttpResponse<String> res = f.t.post("/api/login", type, LoginFixture.credentials("ann", ANN_PASSWORD));
        assertEquals(415, res.statusCode(), res.body());
        assertEquals(LoginCodes.UNSUPPORTED_MEDIA_TYPE, LoginFixture.json(res).path("code").asInt());
    }

    @Test
    void aMissingContentTypeIs415() throws Exception {
        RawResponse res = f.t.raw("POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertEquals(415, res.status(), res.toString());
    }

    @Test
    void aCharsetOfUtf8IsFine() throws Exception {
        HttpResponse<String> res = f.t.post("/api/login", "application/json; charset=UTF-8", LoginFixture.credentials("ann", ANN_PASSWORD));
        assertEquals(200, res.statusCode());
    }

    @Test
    void aBodyOver16KiBIs413BeforeItIsSent() throws Exception {
        try (RawConnection c = f.t.connect()) {
            c.send("POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 16385\r\n\r\n");
            RawResponse res = c.readResponse(); // no body sent: the answer must not wait for one
            assertEquals(413, res.status(), res.toString());
        }
    }

    @Test
    void aBodyOfExactly16KiBIsRead() throws Exception {
        String credentials = LoginFixture.credentials("ann", ANN_PASSWORD);
        String body = credentials + " ".repeat(16 * 1024 - credentials.length());
        HttpResponse<String> res = f.t.post("/api/login", "application/json", body);
        assertEquals(200, res.statusCode(), res.body());
    }

    @Test
    void aChunkedBodyOver16KiBIs413() throws Exception {
        String chunk = " ".repeat(8192);
        StringBuilder req = new StringBuilder("POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        for (int i = 0; i < 3; i++) {
            req.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        req.append("0\r\n\r\n");
        RawResponse res = f.t.raw(req.toString());
        assertEquals(413, res.status(), res.toString());
    }

    @Test
    void getIs405WithAllowNamingPost() throws Exception {
        HttpResponse<String> res = f.t.get("/api/login");
        assertEquals(405, res.statusCode());
        String allow = res.headers().firstValue("Allow").orElse("");
        assertTrue(List.of(allow.split(",")).stream().map(String::strip).toList().contains("POST"), allow);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    void otherMethodsAre405Too(String method) {
        HttpResponse<String> res = f.t.send(f.t.request("/api/login").method(method, HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(405, res.statusCode());
    }

    @Test
    void aNonAsciiPasswordWorks() throws Exception {
        UsersFile.read(f.usersFile).withUser("zoe", PasswordHash.create("pässwörd ✓".toCharArray(), LoginFixture.TEST_ITERATIONS))
                .write(f.usersFile);
        assertEquals(200, f.login("zoe", "pässwörd ✓").statusCode(), "and the changed file was picked up");
        assertEquals(401, f.login("zoe", "passwort").statusCode());
    }
}
