package io.trestle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only settings, resolved once at start-up from (highest first) command-line flags,
 * environment variables, the properties file and the declared defaults. Values have been checked
 * against their {@link Setting.Kind}, so the typed getters do not fail for declared settings.
 *
 * <pre>{@code
 * boolean listDirs = config.bool("list-dirs", false);
 * Duration idle = config.duration("session-idle", Duration.ofMinutes(30));
 * }</pre>
 */
public final class Config {
    private static final Config EMPTY = new Config(Map.of());

    private final Map<String, String> values;

    private Config(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A config holding exactly {@code values} (names without {@code --}). */
    public static Config of(Map<String, String> values) {
        return new Config(values);
    }

    public static Config empty() {
        return EMPTY;
    }

    /** The raw value of {@code name}, if given or defaulted. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String string(String name, String fallback) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    public int integer(String name, int fallback) {
        String v = values.get(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    public boolean bool(String name, boolean fallback) {
        String v = values.get(name);
        return v == null || v.isBlank() ? fallback : parseBoolean(name, v);
    }

    public Duration duration(String name, Duration fallback) {
        String v = values.get(name);
        return v == null || v.isBlank() ? fallback : parseDuration(v);
    }

    /** A byte count ({@code 16KiB}, {@code 10MiB}, {@code 512}). */
    public long size(String name, long fallback) {
        String v = values.get(name);
        return v == null || v.isBlank() ? fallback : parseSize(v);
    }

    /** Comma-separated values, trimmed, empty ones dropped. */
    public List<String> list(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : v.split(",")) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return Collections.unmodifiableList(items);
    }

    /** Every value, by name. */
    public Map<String, String> asMap() {
        return values;
    }

    /** A copy with {@code name} set to {@code value}; for tests and embedding. */
    public Config with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Config(copy);
    }

    static boolean parseBoolean(String name, String v) {
        try {
            return parseBoolean(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code true}/{@code false}, also {@code yes}/{@code no}, {@code on}/{@code off},
     * {@code 1}/{@code 0} (any case).
     *
     * @throws IllegalArgumentException when the text is none of those
     */
    public static boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
        };
    }

    /**
     * Parses {@code 500ms}, {@code 30s}, {@code 15m}, {@code 12h}, {@code 2d}, or bare seconds.
     *
     * @throws IllegalArgumentException when the text is none of those
     */
    public static Duration parseDuration(String text) {
        String v = text.trim().toLowerCase(java.util.Locale.ROOT);
        int i = 0;
        while (i < v.length() && Character.isDigit(v.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 12) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 30s, 15m, 12h)");
        }
        long n = Long.parseLong(v.substring(0, i));
        return switch (v.substring(i).trim()) {
            case "", "s" -> Duration.ofSeconds(n);
            case "ms" -> Duration.ofMillis(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 30s, 15m, 12h)");
        };
    }

    /**
     * A duration as people read it, in its largest whole unit: {@code 250 ms}, {@code 20 s},
     * {@code 90 s}, {@code 30 min}, {@code 12 h}, {@code 2 d}; {@code 0 s} for zero (never
     * {@code PT30M}). Down to whole milliseconds the text reads back unchanged through
     * {@link #parseDuration}, so a value from a log line can be given as a setting; finer ones read
     * {@code 1500 µs} or {@code 12 ns}.
     *
     * <pre>{@code
     * log.info("sessions end after {} idle", Config.formatDuration(config.duration("session-idle", Duration.ofMinutes(30))));
     * }</pre>
     */
    public static String formatDuration(Duration duration) {
        if (duration.isNegative()) {
            return "-" + formatDuration(duration.negated());
        }
        long seconds = duration.getSeconds();
        int nanos = duration.getNano();
        if (nanos == 0) {
            if (seconds == 0) {
                return "0 s";
            } else if (seconds % 86_400 == 0) {
                return seconds / 86_400 + " d";
            } else if (seconds % 3_600 == 0) {
                return seconds / 3_600 + " h";
            } else if (seconds % 60 == 0) {
                return seconds / 60 + " min";
            }
            return seconds + " s";
        }
        // A fraction of a second left: the whole in ms, µs or ns (a long of nanoseconds lasts 292 years).
        if (nanos % 1_000_000 == 0) {
            return seconds * 1_000 + nanos / 1_000_000 + " ms";
        } else if (nanos % 1_000 == 0) {
            return seconds * 1_000_000 + nanos / 1_000 + " µs";
        }
        return seconds * 1_000_000_000 + nanos + " ns";
    }

    /**
     * Parses a byte count: {@code 512}, {@code 16k}/{@code 16KiB}/{@code 16KB}, {@code 10MiB},
     * {@code 1GiB} (binary multiples throughout).
     *
     * @throws IllegalArgumentException when the text is no size
     */
    public static long parseSize(String text) {
        String v = text.trim().toLowerCase(java.util.Locale.ROOT);
        int i = 0;
        while (i < v.length() && Character.isDigit(v.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 15) {
            throw new IllegalArgumentException("not a size: '" + text + "' (use e.g. 512, 16KiB, 10MiB)");
        }
        long n = Long.parseLong(v.substring(0, i));
        long unit = switch (v.substring(i).trim()) {
            case "", "b" -> 1L;
            case "k", "kb", "kib" -> 1024L;
            case "m", "mb", "mib" -> 1024L * 1024;
            case "g", "gb", "gib" -> 1024L * 1024 * 1024;
            default -> throw new IllegalArgumentException("not a size: '" + text + "' (use e.g. 512, 16KiB, 10MiB)");
        };
        if (n > Long.MAX_VALUE / unit) {
            throw new IllegalArgumentException("too large a size: '" + text + "'");
        }
        return n * unit;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
