package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.trestle.RouteInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes {@code protected-paths} covers carry {@code login.protected=true} in the server's route metadata. */
class ProtectedRouteAttributeTest {
    @TempDir
    Path dir;

    @Test
    void protectedRoutesAreMarkedInTheRouteMetadataAndOthersAreNot() throws Exception {
        try (LoginFixture f = LoginFixture.start(dir, Map.of("protected-paths", "/api/private/{rest...}, /reports/{id}"),
                b -> b.routes(r -> r
                        .get("/api/private/me", (req, res) -> res.text("me"))
                        .get("/reports/{id}", (req, res) -> res.text("report"))
                        .get("/reports/{id}/public", (req, res) -> res.text("public"))
                        .get("/open", (req, res) -> res.text("open"))))) {
            List<RouteInfo> routes = f.t.server().routes();
            assertEquals("true", attribute(routes, "/api/private/me"));
            assertEquals("true", attribute(routes, "/reports/{id}"));
            assertNull(attribute(routes, "/reports/{id}/public"));
            assertNull(attribute(routes, "/open"));
            assertNull(attribute(routes, "/api/login"), "signing in needs no session");
            assertEquals(401, f.get("/api/private/me", null).statusCode(), "the attribute marks what the filter enforces");
        }
    }

    private static String attribute(List<RouteInfo> routes, String pattern) {
        for (RouteInfo r : routes) {
            if (r.pattern().equals(pattern)) {
                return r.attributes().get(LoginPlugin.PROTECTED_ATTRIBUTE);
            }
        }
        throw new AssertionError(pattern + " not in " + routes);
    }
}
