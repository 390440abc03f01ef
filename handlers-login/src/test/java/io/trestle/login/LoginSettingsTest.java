package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Plugin;
import io.trestle.Setting;
import io.trestle.config.Usage;
import io.trestle.login.redis.RedisAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoginSettingsTest {

    @Test
    void defaultsMatchTheDocumentedOnes() {
        LoginSettings s = LoginSettings.from(Config.empty());
        assertEquals(Path.of("users.properties"), s.usersFile());
        assertEquals(5, s.maxFailuresUserClient());
        assertEquals(100, s.maxFailuresUserGlobal());
        assertEquals(20, s.maxFailuresClient());
        assertEquals(Duration.ofMinutes(15), s.throttleWindow());
        assertEquals(Duration.ofMinutes(30), s.sessionIdle());
        assertEquals(Duration.ofHours(12), s.sessionMax());
        assertEquals("TRESTLE_SESSION", s.cookieName());
        assertEquals(List.of(), s.protectedPaths());
        assertTrue(s.corsOrigins().isEmpty());
        assertEquals(600_000, s.iterations());
        assertEquals(null, s.redis(), "sessions in memory");
        assertEquals(Duration.ofMillis(500), s.redisTimeout());
        assertEquals("trestle:", s.redisKeyPrefix());
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
        LoginSettings s = LoginSettings.from(Config.of(Map.ofEntries(
                Map.entry("users", "/etc/app/users"), Map.entry("login-max-failures-user-client", "3"),
                Map.entry("login-max-failures-user-global", "50"),
                Map.entry("login-max-failures-client", "9"), Map.entry("login-throttle-window", "1m"),
                Map.entry("session-idle", "10s"), Map.entry("session-max", "1h"), Map.entry("session-cookie", "__Host-sid"),
                Map.entry("protected-paths", "/api/private/{rest...}, /admin/{rest...}"),
                Map.entry("cors-origins", "https://a.example, http://localhost:3000"), Map.entry("pbkdf2-iterations", "1000"),
                Map.entry("sessions", "redis://10.0.0.5:6380/2"), Map.entry("redis-timeout", "2s"),
                Map.entry("redis-key-prefix", "shop:"))));
        assertEquals(Path.of("/etc/app/users"), s.usersFile());
        assertEquals(3, s.maxFailuresUserClient());
        assertEquals(50, s.maxFailuresUserGlobal());
        assertEquals(9, s.maxFailuresClient());
        assertEquals(Duration.ofMinutes(1), s.throttleWindow());
        assertEquals(Duration.ofSeconds(10), s.sessionIdle());
        assertEquals(Duration.ofHours(1), s.sessionMax());
        assertEquals("__Host-sid", s.cookieName());
        assertEquals(List.of("/api/private/{rest...}", "/admin/{rest...}"), s.protectedPaths());
        assertTrue(s.corsOrigins().allows("http://localhost:3000"));
        assertEquals(1000, s.iterations());
        assertEquals(new RedisAddress("10.0.0.5", 6380, 2, null, null, false), s.redis());
        assertEquals(Duration.ofSeconds(2), s.redisTimeout());
        assertEquals("shop:", s.redisKeyPrefix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "MEMORY", " memory "})
    void memoryKeepsSessionsInThisProcess(String value) {
        assertEquals(null, LoginSettings.from(Config.of(Map.of("sessions", value))).redis());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "login-max-failures-user-client | 0 | login-max-failures-user-client",
        "login-max-failures-user-global | 0 | login-max-failures-user-global",
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
        "sessions | redis | sessions",
        "sessions | memcached://127.0.0.1:11211 | sessions",
        "sessions | redis://127.0.0.1:99999 | sessions",
        "sessions | redis://127.0.0.1:6379/x | sessions",
        "redis-timeout | 0ms | redis-timeout",
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
        assertEquals(List.of("users", "login-max-failures-user-client", "login-max-failures-user-global",
                        "login-max-failures-client", "login-throttle-window",
                        "session-idle", "session-max", "session-cookie", "protected-paths", "cors-origins", "pbkdf2-iterations",
                        "sessions", "redis-timeout", "redis-key-prefix"),
                found.settings().stream().map(Setting::name).toList());
    }

    @Test
    void theLockoutSettingsAreShownInTheHelp() {
        String help = Usage.format("trestle", LoginSettings.all());
        for (String flag : List.of("--login-max-failures-user-client", "--login-max-failures-user-global", "--login-max-failures-client")) {
            assertTrue(help.contains(flag), flag + " in\n" + help);
        }
        assertTrue(help.contains("100") && help.contains("doubling up to 60s"), help);
    }
}
