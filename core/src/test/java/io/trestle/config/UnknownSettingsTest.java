package io.trestle.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.trestle.Config;
import io.trestle.testsupport.LogCapture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnknownSettingsTest {
    private LogCapture logged;

    @BeforeEach
    void captureLog() {
        logged = LogCapture.of(SettingsResolver.class, Level.WARN);
    }

    @AfterEach
    void releaseLog() {
        logged.close();
    }

    private static UsageException failure(String... args) {
        return assertThrows(UsageException.class, () -> RawSettings.parse(args, Map.of()).resolve(CoreSettings.ALL));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "--prot, --port",
            "--prt, --port",
            "--Port, --port",
            "--hots, --host",
            "--max-header, --max-headers",
            "--idle-timout, --idle-timeout",
            "--no-acess-log, --no-access-log",
            "--trusted-proxy, --trusted-proxies",
            "--strikt, --strict",
            "---port, --port"})
    void unknownFlagSuggestsTheClosestOne(String typed, String suggested) {
        assertEquals("unknown flag " + typed + "; did you mean " + suggested + "?", failure(typed, "1").getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--frobnicate", "--x", "--=1", "--verbose"})
    void unknownFlagFarFromAnyGetsNoSuggestion(String typed) {
        assertEquals("unknown flag " + typed, failure(typed).getMessage());
    }

    @Test
    void singleDashOtherThanHelpIsPositional() {
        RawSettings raw = RawSettings.parse(new String[] {"-p", "80"}, Map.of());
        assertEquals(List.of("-p", "80"), raw.positionals());
    }

    @Test
    void unknownEnvironmentVariableIsOnlyAWarning() {
        Config config = RawSettings.parse(new String[0], Map.of("TRESTLE_PROT", "1", "TRESTLE_HOME", "/opt/t"))
                .resolve(CoreSettings.ALL);
        assertEquals(8080, config.integer("port", 0));
        List<String> warnings = logged.messages(Level.WARN).stream().sorted().toList();
        assertEquals(List.of("Ignoring environment variable TRESTLE_HOME: no setting of that name",
                "Ignoring environment variable TRESTLE_PROT: no setting of that name (did you mean TRESTLE_PORT?)"),
                warnings);
    }

    @Test
    void resolveKnownDoesNotWarnAboutVariablesOfLaterPlugins() {
        RawSettings.parse(new String[0], Map.of("TRESTLE_USERS", "u")).resolveKnown(CoreSettings.ALL);
        assertEquals(List.of(), logged.messages(Level.WARN));
    }

    @Test
    void pluginSettingsBecomeValidOnceDeclared() {
        var users = io.trestle.Setting.of("users", io.trestle.Setting.Kind.PATH, "users.properties", "the users file");
        RawSettings raw = RawSettings.parse(new String[] {"--users", "u.txt"}, Map.of());
        assertThrows(UsageException.class, () -> raw.resolve(CoreSettings.ALL));
        List<io.trestle.Setting> all = new java.util.ArrayList<>(CoreSettings.ALL);
        all.add(users);
        assertEquals("u.txt", raw.resolve(all).string("users", null));
    }
}
