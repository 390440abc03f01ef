package io.trestle.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Setting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArgumentParsingTest {

    private static Config resolve(String... args) {
        return RawSettings.parse(args, Map.of()).resolve(CoreSettings.ALL);
    }

    @Test
    void valueAsNextArgumentOrAfterEquals() {
        assertEquals("9090", resolve("--port", "9090").get("port").orElseThrow());
        assertEquals("9091", resolve("--port=9091").get("port").orElseThrow());
        assertEquals("0.0.0.0", resolve("--host=0.0.0.0", "--port", "1").get("host").orElseThrow());
    }

    @Test
    void valueAfterEqualsMayContainEqualsAndBeEmptyForText() {
        Setting motd = Setting.of("motd", Setting.Kind.STRING, "hi", "greeting");
        Config config = RawSettings.parse(new String[] {"--motd=a=b"}, Map.of()).resolve(List.of(motd));
        assertEquals("a=b", config.get("motd").orElseThrow());
        Config empty = RawSettings.parse(new String[] {"--motd="}, Map.of()).resolve(List.of(motd));
        assertEquals("", empty.get("motd").orElseThrow());
    }

    @Test
    void switchAloneIsTrueAndNoPrefixIsFalse() {
        assertTrue(resolve("--strict").bool("strict", false));
        assertFalse(resolve().bool("strict", true));
        assertFalse(resolve("--no-access-log").bool("access-log", true));
        assertTrue(resolve("--no-access-log", "--access-log").bool("access-log", false));
        assertFalse(resolve("--access-log=off").bool("access-log", true));
        assertTrue(resolve("--strict=yes").bool("strict", false));
    }

    @Test
    void switchDoesNotSwallowTheNextArgument() {
        RawSettings raw = RawSettings.parse(new String[] {"--strict", "routes", "--no-access-log", "extra"}, Map.of());
        assertEquals(List.of("routes", "extra"), raw.positionals());
        assertTrue(raw.resolve(CoreSettings.ALL).bool("strict", false));
    }

    @Test
    void positionalsKeepTheirOrderAroundFlags() {
        RawSettings raw = RawSettings.parse(new String[] {"passwd", "--port", "1", "eiger", "-", "-x"}, Map.of());
        assertEquals(List.of("passwd", "eiger", "-", "-x"), raw.positionals());
        assertEquals("1", raw.resolve(CoreSettings.ALL).get("port").orElseThrow());
    }

    @Test
    void doubleDashEndsTheFlags() {
        RawSettings raw = RawSettings.parse(new String[] {"--port", "1", "--", "--port", "2", "-h", "--"}, Map.of());
        assertEquals(List.of("--port", "2", "-h", "--"), raw.positionals());
        assertEquals("1", raw.resolve(CoreSettings.ALL).get("port").orElseThrow());
        assertFalse(raw.helpRequested());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "--help=true"})
    void helpIsRecognised(String flag) {
        RawSettings raw = RawSettings.parse(new String[] {"routes", flag}, Map.of());
        assertTrue(raw.helpRequested());
        assertTrue(raw.resolve(CoreSettings.ALL).bool("help", false));
    }

    @Test
    void helpIsRequestedEvenAlongsideAnUnknownFlag() {
        RawSettings raw = RawSettings.parse(new String[] {"--bogus", "--help"}, Map.of());
        assertTrue(raw.helpRequested());
        assertFalse(RawSettings.parse(new String[] {"--help", "--no-help"}, Map.of()).helpRequested());
    }

    @Test
    void flagGivenTwiceTakesTheLastValue() {
        assertEquals("2", resolve("--port", "1", "--port=2").get("port").orElseThrow());
        assertTrue(resolve("--no-strict", "--strict").bool("strict", false));
    }

    @Test
    void everyOccurrenceIsCheckedEvenWhenOverridden() {
        UsageException e = assertThrows(UsageException.class, () -> resolve("--port", "x", "--port", "2"));
        assertEquals(List.of("--port: expected a whole number, got 'x'"), e.problems());
    }

    @Test
    void nonSwitchWithoutValueIsAnError() {
        UsageException e = assertThrows(UsageException.class, () -> resolve("--port"));
        assertEquals("--port needs a value: --port N", e.getMessage());
        UsageException before = assertThrows(UsageException.class, () -> resolve("--port", "--strict"));
        assertEquals("--port needs a value: --port N", before.getMessage());
    }

    @Test
    void valueStartingWithDashesNeedsEquals() {
        Setting motd = Setting.of("motd", Setting.Kind.STRING, null, "greeting");
        Config config = RawSettings.parse(new String[] {"--motd=--loud--"}, Map.of()).resolve(List.of(motd));
        assertEquals("--loud--", config.get("motd").orElseThrow());
        Config single = RawSettings.parse(new String[] {"--motd", "-quiet"}, Map.of()).resolve(List.of(motd));
        assertEquals("-quiet", single.get("motd").orElseThrow());
    }

    @Test
    void pluginSwitchUnknownAtParseTimeSwallowsAPositionalAndResolveSaysHowToFixIt() {
        Setting listDirs = Setting.flag("list-dirs", "list folders");
        RawSettings raw = RawSettings.parse(new String[] {"--list-dirs", "routes"}, Map.of());
        assertEquals(List.of(), raw.positionals());
        UsageException e = assertThrows(UsageException.class, () -> raw.resolve(List.of(listDirs)));
        assertTrue(e.getMessage().contains("put 'routes' before the flags"), e.getMessage());
        // The same switch declared at parse time behaves like a core one.
        RawSettings known = RawSettings.parse(new String[] {"--list-dirs", "routes"}, Map.of(), List.of(listDirs));
        assertEquals(List.of("routes"), known.positionals());
        assertTrue(known.resolve(List.of(listDirs)).bool("list-dirs", false));
    }

    @Test
    void negatedFlagChecks() {
        UsageException valued = assertThrows(UsageException.class, () -> resolve("--no-strict=1"));
        assertEquals("--no-strict takes no value; write --strict=1", valued.getMessage());
        UsageException notSwitch = assertThrows(UsageException.class, () -> resolve("--no-port"));
        assertEquals("--no-port: --port is not an on/off switch", notSwitch.getMessage());
    }

    @Test
    void rawFlagsAreKeptAsWritten() {
        RawSettings raw = RawSettings.parse(new String[] {"--port", "1", "--host=h", "--strict", "-h"}, Map.of());
        assertEquals(List.of(new Flag("--port", "port", "1", true), new Flag("--host", "host", "h", false),
                new Flag("--strict", "strict", null, false), new Flag("-h", "help", null, false)), raw.flags());
    }

    @Test
    void nullArgumentIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> RawSettings.parse(new String[] {"--port", null}, Map.of()));
    }
}
