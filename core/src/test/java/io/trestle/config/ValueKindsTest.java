package io.trestle.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Setting;
import io.trestle.Setting.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueKindsTest {

    private static Config resolveOne(Kind kind, String value) {
        Setting s = Setting.of("x", kind, null, "");
        return RawSettings.parse(new String[] {"--x=" + value}, Map.of()).resolve(List.of(s));
    }

    static Stream<Arguments> goodValues() {
        return Stream.of(
                Arguments.of(Kind.INT, "0"), Arguments.of(Kind.INT, "-5"), Arguments.of(Kind.INT, " 42 "),
                Arguments.of(Kind.INT, "2147483647"),
                Arguments.of(Kind.BOOLEAN, "true"), Arguments.of(Kind.BOOLEAN, "FALSE"), Arguments.of(Kind.BOOLEAN, "yes"),
                Arguments.of(Kind.BOOLEAN, "off"), Arguments.of(Kind.BOOLEAN, "1"),
                Arguments.of(Kind.DURATION, "500ms"), Arguments.of(Kind.DURATION, "30s"), Arguments.of(Kind.DURATION, "15m"),
                Arguments.of(Kind.DURATION, "12h"), Arguments.of(Kind.DURATION, "2d"), Arguments.of(Kind.DURATION, "45"),
                Arguments.of(Kind.SIZE, "512"), Arguments.of(Kind.SIZE, "16KiB"), Arguments.of(Kind.SIZE, "16k"),
                Arguments.of(Kind.SIZE, "10MiB"), Arguments.of(Kind.SIZE, "1GiB"), Arguments.of(Kind.SIZE, "2 mb"),
                Arguments.of(Kind.PATH, "resources"), Arguments.of(Kind.PATH, "/var/www/site"), Arguments.of(Kind.PATH, "a b/c"),
                Arguments.of(Kind.STRING, ""), Arguments.of(Kind.STRING, "anything at all"),
                Arguments.of(Kind.LIST, "a,b, c"), Arguments.of(Kind.LIST, ""));
    }

    @ParameterizedTest(name = "{0} accepts ''{1}''")
    @MethodSource("goodValues")
    void goodValueIsAccepted(Kind kind, String value) {
        Config config = resolveOne(kind, value);
        assertTrue(config.get("x").isPresent());
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(Kind.INT, "", "expected a whole number"), Arguments.of(Kind.INT, "1.5", "expected a whole number"),
                Arguments.of(Kind.INT, "ten", "expected a whole number"),
                Arguments.of(Kind.INT, "2147483648", "expected a whole number"),
                Arguments.of(Kind.BOOLEAN, "", "expected true or false"), Arguments.of(Kind.BOOLEAN, "maybe", "expected true or false"),
                Arguments.of(Kind.BOOLEAN, "2", "expected true or false"),
                Arguments.of(Kind.DURATION, "", "not a duration"), Arguments.of(Kind.DURATION, "soon", "not a duration"),
                Arguments.of(Kind.DURATION, "-5s", "not a duration"), Arguments.of(Kind.DURATION, "5 weeks", "not a duration"),
                Arguments.of(Kind.DURATION, "1.5s", "not a duration"),
                Arguments.of(Kind.SIZE, "", "not a size"), Arguments.of(Kind.SIZE, "big", "not a size"),
                Arguments.of(Kind.SIZE, "-1", "not a size"), Arguments.of(Kind.SIZE, "10TB", "not a size"),
                Arguments.of(Kind.SIZE, "999999999999999GiB", "too large a size"),
                Arguments.of(Kind.PATH, "", "needs a path"), Arguments.of(Kind.PATH, "   ", "needs a path"),
                Arguments.of(Kind.PATH, "a\u0000b", "not a valid path"));
    }

    @ParameterizedTest(name = "{0} rejects ''{1}''")
    @MethodSource("badValues")
    void badValueIsAUsageErrorNamingTheFlag(Kind kind, String value, String expected) {
        UsageException e = assertThrows(UsageException.class, () -> resolveOne(kind, value));
        assertTrue(e.getMessage().startsWith("--x: " + expected), e.getMessage());
    }

    @Test
    void badEnvironmentValueNamesTheVariable() {
        UsageException e = assertThrows(UsageException.class,
                () -> RawSettings.parse(new String[0], Map.of("TRESTLE_HEAD_TIMEOUT", "later")).resolve(CoreSettings.ALL));
        assertTrue(e.getMessage().startsWith("TRESTLE_HEAD_TIMEOUT: not a duration"), e.getMessage());
    }

    @Test
    void allProblemsAreReportedTogether() {
        UsageException e = assertThrows(UsageException.class, () -> RawSettings.parse(
                new String[] {"--port=x", "--max-body-size=lots", "--bogus"}, Map.of("TRESTLE_STRICT", "perhaps"))
                .resolve(CoreSettings.ALL));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertEquals(String.join(System.lineSeparator(), e.problems()), e.getMessage());
    }

    @Test
    void typedGettersReadResolvedValues() {
        Config config = RawSettings.parse(new String[] {"--idle-timeout", "1500ms", "--max-body-size", "2MiB"}, Map.of())
                .resolve(CoreSettings.ALL);
        assertEquals(Duration.ofMillis(1500), config.duration("idle-timeout", Duration.ZERO));
        assertEquals(2L * 1024 * 1024, config.size("max-body-size", 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "80", "65535"})
    void portInRange(String port) {
        Config config = RawSettings.parse(new String[] {"--port", port}, Map.of()).resolve(CoreSettings.ALL);
        assertEquals(Integer.parseInt(port), config.integer("port", -1));
    }

    static Stream<Arguments> badCoreValues() {
        return Stream.of(
                Arguments.of("port", "-1", "--port: must be from 0 to 65535, got -1"),
                Arguments.of("port", "65536", "--port: must be from 0 to 65535, got 65536"),
                Arguments.of("max-connections", "0", "--max-connections: must be at least 1, got 0"),
                Arguments.of("max-headers", "-3", "--max-headers: must be at least 1, got -3"),
                Arguments.of("max-request-line", "0", "--max-request-line: must be from 1 byte to 2047MiB, got 0"),
                Arguments.of("max-header-size", "2GiB", "--max-header-size: must be from 1 byte to 2047MiB, got 2GiB"),
                Arguments.of("host", "", "--host: needs a host name or IP address"),
                Arguments.of("trusted-proxies", "10.0.0.1,proxy.local", "--trusted-proxies: 'proxy.local' is not an IP address or CIDR block"),
                Arguments.of("trusted-proxies", "10.0.0.0/33", "--trusted-proxies: '10.0.0.0/33' is not an IP address or CIDR block"),
                Arguments.of("scan", "com.example, com..bad", "--scan: 'com..bad' is not a Java package name"),
                Arguments.of("scan", "1com", "--scan: '1com' is not a Java package name"));
    }

    @ParameterizedTest(name = "--{0}={1}")
    @MethodSource("badCoreValues")
    void coreRangesAndEntriesAreChecked(String name, String value, String message) {
        UsageException e = assertThrows(UsageException.class,
                () -> RawSettings.parse(new String[] {"--" + name + "=" + value}, Map.of()).resolve(CoreSettings.ALL));
        assertEquals(message, e.getMessage());
    }

    @Test
    void goodListsAreKept() {
        Config config = RawSettings.parse(new String[] {"--trusted-proxies", "10.0.0.0/8, ::1,fd00::/8",
                "--scan", "com.example.api,org.x"}, Map.of()).resolve(CoreSettings.ALL);
        assertEquals(List.of("10.0.0.0/8", "::1", "fd00::/8"), config.list("trusted-proxies"));
        assertEquals(List.of("com.example.api", "org.x"), config.list("scan"));
    }

    @Test
    void pluginSettingSharingACoreNameButNotItsKindSkipsTheCoreRule() {
        Setting port = Setting.of("port", Kind.STRING, null, "a serial port");
        Config config = RawSettings.parse(new String[] {"--port", "/dev/ttyS0"}, Map.of()).resolve(List.of(port));
        assertEquals("/dev/ttyS0", config.string("port", null));
    }

    @Test
    void badDefaultOrConflictingDeclarationsAreProgrammingErrors() {
        RawSettings raw = RawSettings.parse(new String[0], Map.of());
        assertThrows(IllegalArgumentException.class,
                () -> raw.resolve(List.of(Setting.of("n", Kind.INT, "many", ""))));
        assertThrows(IllegalArgumentException.class,
                () -> raw.resolve(List.of(Setting.of("n", Kind.INT, "1", ""), Setting.of("n", Kind.SIZE, "1", ""))));
        Config same = raw.resolve(List.of(CoreSettings.PORT, CoreSettings.PORT));
        assertEquals(8080, same.integer("port", 0));
    }
}
