package io.trestle.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Setting;
import io.trestle.http1.Limits;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoreSettingsTest {

    @Test
    void namesAreUniqueAndEveryDefaultIsValid() {
        Set<String> names = new HashSet<>();
        for (Setting s : CoreSettings.ALL) {
            assertTrue(names.add(s.name()), "twice: " + s.name());
            if (s.defaultValue() != null) {
                assertEquals(null, ValueCheck.problem(s, s.defaultValue()), s.name());
            }
        }
        assertEquals(34, names.size());
    }

    @Test
    void theDocumentedDefaults() {
        Config config = RawSettings.parse(new String[0], Map.of()).resolve(CoreSettings.ALL);
        assertEquals("127.0.0.1", config.string("host", null));
        assertEquals(8080, config.integer("port", 0));
        assertEquals("resources", config.string("root", null));
        assertEquals("plugins", config.string("plugins", null));
        assertEquals(List.of(), config.list("scan"));
        assertEquals(List.of(), config.list("trusted-proxies"));
        assertEquals(false, config.bool("strict", true));
        assertEquals(true, config.bool("reload", false));
        assertEquals(true, config.bool("access-log", false));
        assertEquals("stdout", config.string("access-log-to", null));
        assertEquals(false, config.bool("help", true));
    }

    @Test
    void defaultLimitsAreTheServersDefaults() {
        Config config = RawSettings.parse(new String[0], Map.of()).resolve(CoreSettings.ALL);
        assertEquals(Limits.DEFAULTS, CoreSettings.limits(config));
        assertEquals(Limits.DEFAULTS, CoreSettings.limits(Config.empty()));
    }

    @Test
    void everyLimitIsMapped() {
        Config config = RawSettings.parse(new String[] {"--max-request-line=4KiB", "--max-header-size", "32k",
                "--max-headers", "50", "--max-body-size", "1GiB", "--head-timeout", "5s", "--idle-timeout", "2m",
                "--body-timeout", "750ms", "--max-connections", "64", "--shutdown-grace", "1h", "--write-timeout", "9s",
                "--min-request-data-rate", "1KiB/s", "--min-response-data-rate", "0", "--data-rate-window", "3s",
                "--max-connections-per-client", "8"}, Map.of())
                .resolve(CoreSettings.ALL);
        assertEquals(new Limits(4096, 32 * 1024, 50, 1024L * 1024 * 1024, Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofMillis(750), 64, Duration.ofHours(1), Duration.ofSeconds(9), 1024, 0, Duration.ofSeconds(3), 8),
                CoreSettings.limits(config));
    }

    @Test
    void dataRatesAcceptSizesPerSecondAndZero() {
        assertEquals(256, CoreSettings.parseRate("256B/s"));
        assertEquals(256, CoreSettings.parseRate("256"));
        assertEquals(1024, CoreSettings.parseRate("1KiB/s"));
        assertEquals(0, CoreSettings.parseRate("0"));
        UsageException e = assertThrows(UsageException.class, () -> RawSettings.parse(
                new String[] {"--min-request-data-rate", "fast", "--data-rate-window", "0s", "--max-connections-per-client", "-1"},
                Map.of()).resolve(CoreSettings.ALL));
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("not a data rate: 'fast'"), e.getMessage());
    }

    @Test
    void limitsRejectsAHandMadeConfigOutOfRange() {
        UsageException e = assertThrows(UsageException.class,
                () -> CoreSettings.limits(Config.of(Map.of("max-header-size", "4GiB", "max-headers", "0"))));
        assertEquals(2, e.problems().size(), e.getMessage());
    }

    @Test
    void aTimeoutOfZeroIsAUsageErrorAsTheBuildersCheckSays() {
        UsageException flags = assertThrows(UsageException.class, () -> RawSettings.parse(
                new String[] {"--head-timeout", "0s", "--idle-timeout", "0ms", "--body-timeout", "0s", "--write-timeout", "0s"},
                Map.of()).resolve(CoreSettings.ALL));
        assertEquals(4, flags.problems().size(), flags.getMessage());
        UsageException handMade = assertThrows(UsageException.class,
                () -> CoreSettings.limits(Config.of(Map.of("write-timeout", "0s"))));
        assertEquals(1, handMade.problems().size(), handMade.getMessage());
        assertTrue(handMade.getMessage().startsWith("write-timeout: "), handMade.getMessage());
    }

    @Test
    void aConfigGivesOnlyWhatItSetsToTheBuilder() {
        Limits limits = CoreSettings.limitsBuilder(Config.of(Map.of("max-body-size", "1KiB")))
                .putAll(Limits.builder().maxBodySize(5).idleTimeout(Duration.ofSeconds(7)))
                .build();
        assertEquals(5, limits.maxBodyBytes(), "the explicit value wins");
        assertEquals(Duration.ofSeconds(7), limits.idleTimeout());
        assertEquals(Limits.DEFAULTS.headTimeout(), limits.headTimeout(), "neither sets it: the default");
        assertEquals(1024, CoreSettings.limitsBuilder(Config.of(Map.of("max-body-size", "1KiB")))
                .putAll(Limits.builder()).build().maxBodyBytes());
    }

    @Test
    void securityHeadersDefaultsAndValues() {
        Config defaults = RawSettings.parse(new String[0], Map.of()).resolve(CoreSettings.ALL);
        assertEquals("DENY", defaults.string("frame-options", null));
        assertEquals("frame-ancestors 'none'", defaults.string("content-security-policy", null));
        Config set = RawSettings.parse(new String[] {"--frame-options", "sameorigin",
                "--content-security-policy=default-src 'self'"}, Map.of("TRESTLE_SECURITY_HEADERS", "true"))
                .resolve(CoreSettings.ALL);
        assertEquals("sameorigin", set.string("frame-options", null));
        assertEquals("default-src 'self'", set.string("content-security-policy", null));
        Config off = RawSettings.parse(new String[] {"--frame-options="}, Map.of()).resolve(CoreSettings.ALL);
        assertEquals("", off.get("frame-options").orElseThrow(), "empty sends none");
    }

    @Test
    void badSecurityHeaderValuesAreUsageErrors() {
        UsageException frame = assertThrows(UsageException.class, () -> RawSettings.parse(
                new String[] {"--frame-options", "ALLOW-FROM https://example.com"}, Map.of()).resolve(CoreSettings.ALL));
        assertTrue(frame.getMessage().contains("DENY or SAMEORIGIN"), frame.getMessage());
        UsageException csp = assertThrows(UsageException.class, () -> RawSettings.parse(
                new String[] {"--content-security-policy=default-src 'self'\u00e9"}, Map.of()).resolve(CoreSettings.ALL));
        assertTrue(csp.getMessage().contains("content-security-policy"), csp.getMessage());
        UsageException handMade = assertThrows(UsageException.class,
                () -> CoreSettings.securityHeaders(Config.of(Map.of("content-security-policy", "a\nb")), false));
        assertEquals(1, handMade.problems().size(), handMade.getMessage());
    }

    @Test
    void environmentVariableNames() {
        assertEquals("TRESTLE_TRUSTED_PROXIES", CoreSettings.TRUSTED_PROXIES.environmentVariable());
        assertEquals("TRESTLE_MAX_BODY_SIZE", CoreSettings.MAX_BODY_SIZE.environmentVariable());
    }

    @Test
    void everyCoreRuleNamesACoreSetting() {
        // CoreRules switches on names; a renamed setting must not silently lose its rule.
        for (String name : List.of("port", "max-connections", "max-headers", "max-request-line", "max-header-size",
                "host", "trusted-proxies", "scan", "frame-options", "content-security-policy", "max-connections-per-client",
                "min-request-data-rate", "min-response-data-rate", "data-rate-window", "tls-protocols", "tls-ciphers")) {
            assertTrue(CoreSettings.named(name) != null, name);
        }
    }
}
