package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.testsupport.LogCapture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login plugin's start-up line in people's words: {@code 30 min}, {@code none}, {@code a, b}; no toString() of a value. */
class LoginPluginLogTest {
    @TempDir
    Path dir;

    private String startUpLine(Map<String, String> settings) throws Exception {
        try (LogCapture log = LogCapture.of(LoginPlugin.class)) {
            try (LoginFixture f = LoginFixture.start(dir, settings, b -> b)) {
                String line = log.find("INFO Login API on /api/login");
                assertNotNull(line, log.lines().toString());
                return line;
            }
        }
    }

    @Test
    void theDefaultsReadAsDurationsAndNone() throws Exception {
        String line = startUpLine(Map.of());
        assertTrue(line.contains("sessions end 30 min idle or 12 h after sign-in;"), line);
        assertTrue(line.contains("throttled after 5 failures per user and client, 20 per client, or (slowed down) 100 per user within 15 min;"), line);
        assertTrue(line.endsWith("; protected paths: none; CORS origins: none"), line);
        assertFalse(line.contains("PT") || line.contains("[") || line.contains("CorsPolicy"), line);
    }

    @Test
    void givenPathsAndOriginsReadAsAListInTheOrderGiven() throws Exception {
        String line = startUpLine(Map.of("session-idle", "90s", "session-max", "2d", "login-throttle-window", "1500ms",
                "protected-paths", "/api/private/{rest...}, /admin/{rest...}",
                "cors-origins", "https://app.example.com, http://localhost:3000, https://b.example.com"));
        assertTrue(line.contains("sessions end 90 s idle or 2 d after sign-in;"), line);
        assertTrue(line.contains("within 1500 ms;"), line);
        assertTrue(line.endsWith("; protected paths: /api/private/{rest...}, /admin/{rest...}; "
                + "CORS origins: https://app.example.com, http://localhost:3000, https://b.example.com"), line);
    }
}
