package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Plugin;
import io.trestle.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginSettingsTest {

    @Test
    void defaultsMatchTheDocumentedOnes() {
        LoginSettings s = LoginSettings.from(Config.empty());
        assertEquals(Path.of("users.properties"), s.usersFile());
        assertEquals(5, s.maxFailuresUser());
        assertEquals(20, s.maxFailuresClient());
        assertEquals(Duration.ofMinutes(15), s.throttleWindow());
        assertEquals(Duration.ofMinutes(30), s.sessionIdle());
        assertEquals(Duration.ofHours(12), s.sessionMax());
        assertEquals("TRESTLE_SESSION", s.cookieName());
        assertEquals(List.of(), s.protectedPaths());
        assertTrue(s.corsOrigins().isEmpty());
        assertEquals(600_000, s.iterations());
    }

    @Test
    void theDeclaredDefaultsGiveTheSameSettings() {
        Map<String, String> defaults = new java.util.HashMap<>();
        for (Setting setting : LoginSettings.all()) {
            defaults.put(setting.name(), setting.defaultValue());
        }
        assertEquals(LoginSettings.from(Config.empty()), LoginSettings.from(Config.of(defaults)));
    }

    @Test
    void readsEveryValue() {
        LoginSettings s = LoginSettings.from(Config.of(Map.of(
                "users", "/etc/app/users", "login-max-failures-user", "3", "login-max-failures-client", "9",
                "login-throttle-window", "1m", "session-idle", "10s", "session-max", "1h", "session-cookie", "__Host-sid",
                "protected-paths", "/api/private/{rest...}, /admin/{rest...}", "cors-origins", "https://a.example, http://localhost:3000",
                "pbkdf2-iterations", "1000")));
        assertEquals(Path.of("/etc/app/users"), s.usersFile());
        assertEquals(3, s.maxFailuresUser());
        assertEquals(9, s.maxFailuresClient());
        assertEquals(Duration.ofMinutes(1), s.throttleWindow());
        assertEquals(Duration.ofSeconds(10), s.sessionIdle());
        assertEquals(Duration.ofHours(1), s.sessionMax());
        assertEquals("__Host-sid", s.cookieName());
        assertEquals(List.of("/api/private/{rest...}", "/admin/{rest...}"), s.protectedPaths());
        assertTrue(s.corsOrigins().allows("http://localhost:3000"));
        assertEquals(1000, s.iterations());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "login-max-failures-user | 0 | login-max-failures-user",
        "login-max-failures-client | -1 | login-max-failures-client",
        "login-throttle-window | 0s | login-throttle-window",
        "session-idle | 0 | session-idle",
        "session-max | 0ms | session-max",
        "session-cookie | bad name | session-cookie",
        "session-cookie | a;b | session-cookie",
        "protected-paths | api/private | protected-paths",
        "cors-origins | * | cors-origins",
        "cors-origins | example.com | cors-origins",
        "pbkdf2-iterations | 0 | pbkdf2-iterations",
    })
    void outOfRangeValuesNameTheSetting(String name, String value, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoginSettings.from(Config.of(Map.of(name, value))));
        assertTrue(e.getMessage().startsWith(named), e.getMessage());
    }

    @Test
    void thePluginIsFoundByServiceLoaderAndDeclaresItsSettings() {
        LoginPlugin found = null;
        for (Plugin p : ServiceLoader.load(Plugin.class)) {
            if (p instanceof LoginPlugin l) {
                found = l;
            }
        }
        assertTrue(found != null, "META-INF/services/io.trestle.Plugin lists LoginPlugin");
        assertEquals(List.of("users", "login-max-failures-user", "login-max-failures-client", "login-throttle-window",
                        "session-idle", "session-max", "session-cookie", "protected-paths", "cors-origins", "pbkdf2-iterations"),
                found.settings().stream().map(Setting::name).toList());
    }
}
