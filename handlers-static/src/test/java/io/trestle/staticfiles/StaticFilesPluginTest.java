package io.trestle.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Plugin;
import io.trestle.Setting;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StaticFilesPluginTest {

    @Test
    void isFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(Plugin.class).stream()
                .anyMatch(p -> p.type() == StaticFilesPlugin.class));
    }

    @Test
    void declaresItsSettingsWithDefaults() {
        Map<String, Setting> settings = new StaticFilesPlugin().settings().stream()
                .collect(Collectors.toMap(Setting::name, s -> s));
        assertEquals(Setting.Kind.BOOLEAN, settings.get("list-dirs").kind());
        assertEquals("false", settings.get("list-dirs").defaultValue());
        assertEquals("no-cache", settings.get("cache-control-html").defaultValue());
        assertEquals("public, max-age=3600", settings.get("cache-control").defaultValue());
        assertEquals("false", settings.get("gzip").defaultValue());
        assertEquals(Setting.Kind.SIZE, settings.get("memory-cache-size").kind());
        assertEquals(Setting.Kind.SIZE, settings.get("memory-cache-max-file").kind());
    }

    @Test
    void defaultsMatchTheDeclaredSettings() {
        Map<String, String> declared = new StaticFilesPlugin().settings().stream()
                .collect(Collectors.toMap(Setting::name, Setting::defaultValue));
        assertEquals(StaticFilesOptions.defaults(), StaticFilesOptions.from(Config.of(declared)));
    }
}
