package io.trestle.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecedenceTest {
    @TempDir
    Path dir;
    private String file;

    @BeforeEach
    void writeFile() throws IOException {
        Path p = dir.resolve("app.properties");
        Files.writeString(p, """
                # the file sets four settings
                port=1001
                host = file-host
                max-headers=50
                idle-timeout=1m
                """);
        file = p.toString();
    }

    private Config resolve(Map<String, String> env, String... args) {
        return RawSettings.parse(args, env).resolve(CoreSettings.ALL);
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() {
        Config config = resolve(Map.of("TRESTLE_PORT", "2002", "TRESTLE_HOST", "env-host", "TRESTLE_MAX_HEADERS", "60"),
                "--config", file, "--port", "3003");
        assertEquals(3003, config.integer("port", 0), "flag over env and file");
        assertEquals("env-host", config.string("host", null), "env over file");
        assertEquals(60, config.integer("max-headers", 0), "env over file");
        assertEquals("1m", config.string("idle-timeout", null), "file over default");
        assertEquals("30s", config.string("body-timeout", null), "default when nothing else");
    }

    @Test
    void fileAloneOverridesDefaults() {
        Config config = resolve(Map.of(), "--config=" + file);
        assertEquals(1001, config.integer("port", 0));
        assertEquals("file-host", config.string("host", null));
        assertEquals(file, config.string("config", null));
    }

    @Test
    void configFileMayBeNamedByTheEnvironment() {
        RawSettings raw = RawSettings.parse(new String[0], Map.of("TRESTLE_CONFIG", file));
        assertEquals(file, raw.configFile().orElseThrow());
        assertEquals(1001, raw.resolve(CoreSettings.ALL).integer("port", 0));
    }

    @Test
    void configFlagBeatsConfigVariable() throws IOException {
        Path other = Files.writeString(dir.resolve("other.properties"), "port=4004\n");
        Config config = resolve(Map.of("TRESTLE_CONFIG", file), "--config", other.toString());
        assertEquals(4004, config.integer("port", 0));
        assertEquals(100, config.integer("max-headers", 0), "the variable's file is not read at all");
    }

    @Test
    void environmentVariableNamesAreUpperCaseWithUnderscores() {
        Config config = resolve(Map.of("TRESTLE_MAX_BODY_SIZE", "1MiB", "TRESTLE_ACCESS_LOG", "false",
                "trestle_port", "1", "OTHER_PORT", "2"));
        assertEquals(1024 * 1024, config.size("max-body-size", 0));
        assertFalse(config.bool("access-log", true));
        assertEquals(8080, config.integer("port", 0), "only TRESTLE_* is read");
    }

    @Test
    void everyDeclaredSettingHasItsDefault() {
        Config config = resolve(Map.of());
        for (var s : CoreSettings.ALL) {
            assertEquals(s.defaultValue() != null, config.get(s.name()).isPresent(), s.name());
        }
        assertEquals(CoreSettings.ALL.stream().filter(s -> s.defaultValue() != null).map(s -> s.name()).toList(),
                config.asMap().keySet().stream().toList(), "in declared order");
    }

    @Test
    void switchesAreNormalisedToTrueOrFalse() {
        Config config = resolve(Map.of("TRESTLE_STRICT", "Yes"), "--access-log=0");
        assertEquals("true", config.get("strict").orElseThrow());
        assertEquals("false", config.get("access-log").orElseThrow());
        assertTrue(config.bool("strict", false));
    }

    @Test
    void resolveKnownIgnoresSettingsOfPluginsNotYetLoaded() throws IOException {
        Path withPluginKey = Files.writeString(dir.resolve("p.properties"), "list-dirs=true\nport=5005\n");
        RawSettings raw = RawSettings.parse(new String[] {"--config", withPluginKey.toString(), "--users", "u.txt",
                "--no-list-dirs", "--plugins", "ext"}, Map.of("TRESTLE_USERS", "x"));
        Config core = raw.resolveKnown(CoreSettings.ALL);
        assertEquals(5005, core.integer("port", 0));
        assertEquals("ext", core.string("plugins", null));
        assertFalse(core.get("users").isPresent());
    }
}
