package io.trestle.login;

import static io.trestle.login.LoginFixture.ANN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The protected-paths filter and {@code req.user()} for other handlers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtectedPathTest {
    @TempDir
    static Path dir;
    LoginFixture f;

    @BeforeAll
    void start() throws Exception {
        f = LoginFixture.start(dir, Map.of("protected-paths", "/api/private/{rest...}, /reports/{id}"), b -> b.routes(r -> r
                .get("/api/private/me", (req, res) -> res.text("me: " + req.user().orElse("?")))
                .get("/reports/{id}", (req, res) -> res.text("report " + req.pathParam("id") + " for " + req.user().orElse("?")))
                .get("/reports/{id}/public", (req, res) -> res.text("public"))
                .get("/open", (req, res) -> res.text("open to " + req.user().orElse("anyone")))));
    }

    @AfterAll
    void stop() throws Exception {
        f.close();
    }

    @Test
    void withoutASessionProtectedPathsAre401Json() throws Exception {
        for (String path : new String[] {"/api/private/me", "/api/private/", "/api/private/no/such/thing", "/reports/7"}) {
            HttpResponse<String> res = f.get(path, null);
            assertEquals(401, res.statusCode(), path);
            assertEquals(LoginCodes.NOT_SIGNED_IN, LoginFixture.json(res).path("code").asInt(), path);
        }
    }

    @Test
    void withASessionHandlersSeeTheUser() throws Exception {
        String cookie = f.signIn("ann", ANN_PASSWORD);
        HttpResponse<String> me = f.get("/api/private/me", cookie);
        assertEquals(200, me.statusCode());
        assertEquals("me: ann", me.body());
        assertEquals("report 7 for ann", f.get("/reports/7", cookie).body());
    }

    @Test
    void aSignedOutSessionNoLongerOpensThem() throws Exception {
        String cookie = f.signIn("ann", ANN_PASSWORD);
        f.post("/api/logout", cookie);
        assertEquals(401, f.get("/api/private/me", cookie).statusCode());
    }

    @Test
    void otherPathsStayOpenButStillKnowTheUser() throws Exception {
        assertEquals("open to anyone", f.get("/open", null).body());
        assertEquals("public", f.get("/reports/7/public", null).body());
        String cookie = f.signIn("eiger", "123456");
        assertEquals("open to eiger", f.get("/open", cookie).body(), "the session filter runs on every path");
    }
}
