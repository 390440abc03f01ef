package io.trestle.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path dir;

    private RawSettings parse(String... args) {
        return RawSettings.parse(args, Map.of());
    }

    @Test
    void missingFileIsNamed() {
        String missing = dir.resolve("nope.properties").toString();
        UsageException e = assertThrows(UsageException.class, () -> parse("--config", missing));
        assertEquals("config file not found: " + missing + " (given by --config)", e.getMessage());
        UsageException env = assertThrows(UsageException.class,
                () -> RawSettings.parse(new String[0], Map.of("TRESTLE_CONFIG", missing)));
        assertTrue(env.getMessage().contains("TRESTLE_CONFIG"), env.getMessage());
    }

    @Test
    void folderIsNotAFile() {
        UsageException e = assertThrows(UsageException.class, () -> parse("--config=" + dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("folder"), e.getMessage());
    }

    @Test
    void configFlagNeedsAValue() {
        assertEquals("--config needs a value: --config FILE",
                assertThrows(UsageException.class, () -> parse("--config")).getMessage());
        assertEquals("--config: needs the path of a properties file",
                assertThrows(UsageException.class, () -> parse("--config=")).getMessage());
    }

    @Test
    void malformedEscapeIsAUsageError() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.properties"), "host=\\uZZZZ\n");
        UsageException e = assertThrows(UsageException.class, () -> parse("--config", bad.toString()));
        assertTrue(e.getMessage().startsWith("config file " + bad + " is not a valid properties file"), e.getMessage());
    }

    @Test
    void unknownKeyNamesTheFileAndSuggests() throws IOException {
        Path f = Files.writeString(dir.resolve("app.properties"), "prot=1\nfrobnicate=2\n");
        UsageException e = assertThrows(UsageException.class,
                () -> parse("--config", f.toString()).resolve(CoreSettings.ALL));
        assertEquals(List.of(f + ": unknown setting 'frobnicate'", f + ": unknown setting 'prot' (did you mean 'port'?)"),
                e.problems());
    }

    @Test
    void badValueNamesFileAndKey() throws IOException {
        Path f = Files.writeString(dir.resolve("app.properties"), "idle-timeout=soon\n");
        UsageException e = assertThrows(UsageException.class,
                () -> parse("--config", f.toString()).resolve(CoreSettings.ALL));
        assertTrue(e.getMessage().startsWith(f + ": idle-timeout: not a duration: 'soon'"), e.getMessage());
    }

    @Test
    void valuesAreUtf8AndTrailingBlanksOfNumbersAndPathsAreDropped() throws IOException {
        Setting greeting = Setting.of("greeting", Setting.Kind.STRING, null, "");
        Path f = dir.resolve("app.properties");
        Files.writeString(f, "greeting=grüß dich\nport=9090  \nroot=web \n", StandardCharsets.UTF_8);
        Config config = parse("--config", f.toString()).resolve(List.of(greeting, CoreSettings.PORT,
                CoreSettings.ROOT, CoreSettings.CONFIG));
        assertEquals("grüß dich", config.string("greeting", null));
        assertEquals("9090", config.string("port", null));
        assertEquals("web", config.string("root", null));
    }

    @Test
    void latin1FileIsReadToo() throws IOException {
        Setting greeting = Setting.of("greeting", Setting.Kind.STRING, null, "");
        Path f = dir.resolve("old.properties");
        Files.write(f, "greeting=grüß\n".getBytes(StandardCharsets.ISO_8859_1));
        Config config = parse("--config", f.toString()).resolve(List.of(greeting, CoreSettings.CONFIG));
        assertEquals("grüß", config.string("greeting", null));
    }

    @Test
    void fileValuesAreExposedRaw() throws IOException {
        Path f = Files.writeString(dir.resolve("app.properties"), "port=1\nlist-dirs=true\n");
        RawSettings raw = parse("--config", f.toString());
        assertEquals(Map.of("port", "1", "list-dirs", "true"), raw.fileValues());
        assertEquals(f.toString(), raw.configFile().orElseThrow());
    }
}
