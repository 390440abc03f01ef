package io.trestle.config;

import io.trestle.Config;
import io.trestle.Setting;
import io.trestle.http1.DefaultHeaders;
import io.trestle.http1.ForwardedResolver;
import io.trestle.server.TlsPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks that go beyond a setting's kind, for the core settings only: ranges the server relies
 * on (a port above 65535, a header limit of zero or one too big for an {@code int}) and the
 * entries of the list settings. A plugin setting that merely shares a name but not the kind is
 * left alone.
 */
final class CoreRules {

    private CoreRules() {
    }

    /** What is wrong with a value that already fits its kind, or {@code null}. */
    static String problem(Setting setting, String value) {
        Setting core = CoreSettings.named(setting.name());
        if (core == null || core.kind() != setting.kind()) {
            return null;
        }
        return switch (setting.name()) {
            case "port" -> intWithin(value, 0, 65_535);
            case "redirect-http" -> intWithin(value, 1, 65_535);
            case "max-connections", "max-headers" -> intWithin(value, 1, Integer.MAX_VALUE);
            case "max-connections-per-client" -> intWithin(value, 0, Integer.MAX_VALUE);
            case "min-request-data-rate", "min-response-data-rate" -> rateProblem(value);
            case "data-rate-window", "head-timeout", "idle-timeout", "body-timeout", "write-timeout" -> Config.parseDuration(value).isZero() ? "must be longer than 0" : null;
            case "max-request-line", "max-header-size" -> sizeWithin(value, 1, Integer.MAX_VALUE);
            case "host" -> value.isEmpty() ? "needs a host name or IP address" : null;
            case "frame-options" -> value.isEmpty() || value.equalsIgnoreCase("DENY") || value.equalsIgnoreCase("SAMEORIGIN")
                    ? null : "must be DENY or SAMEORIGIN (or empty to send none), got '" + value + "'";
            case "content-security-policy" -> DefaultHeaders.headerValueProblem(value);
            case "trusted-proxies" -> eachEntry(value, ForwardedResolver::isProxyEntry, "an IP address or CIDR block");
            case "tls-protocols" -> TlsPolicy.unsupportedProtocol(entries(value));
            case "tls-ciphers" -> TlsPolicy.unsupportedCipherSuite(entries(value));
            case "scan" -> eachEntry(value, CoreRules::isPackageName, "a Java package name");
            default -> null;
        };
    }

    private static String intWithin(String value, int min, int max) {
        int n = Integer.parseInt(value);
        if (n >= min && n <= max) {
            return null;
        }
        return (max == Integer.MAX_VALUE ? "must be at least " + min : "must be from " + min + " to " + max)
                + ", got " + n;
    }

    private static String rateProblem(String value) {
        try {
            CoreSettings.parseRate(value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String sizeWithin(String value, long min, long max) {
        long n = Config.parseSize(value);
        return n >= min && n <= max ? null : "must be from " + min + " byte to " + max / 1024 / 1024 + "MiB, got " + value;
    }

    /** Entries are comma-separated and trimmed; empty ones are skipped, as {@link Config#list} does. */
    private static String eachEntry(String value, Predicate<String> valid, String expected) {
        for (String entry : value.split(",")) {
            String e = entry.trim();
            if (!e.isEmpty() && !valid.test(e)) {
                return "'" + e + "' is not " + expected;
            }
        }
        return null;
    }

    private static List<String> entries(String value) {
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
        return entries;
    }

    static boolean isPackageName(String name) {
        boolean atStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (atStart) {
                    return false;
                }
                atStart = true;
            } else if (atStart ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
                atStart = false;
            } else {
                return false;
            }
        }
        return !atStart;
    }
}
