package io.trestle;

/**
 * A setting an application or plugin reads: a command-line flag {@code --name}, a key
 * {@code name} in the properties file, and an environment variable {@code TRESTLE_NAME} (upper
 * case, {@code -} and {@code .} as {@code _}).
 *
 * <pre>{@code
 * public List<Setting> settings() {
 *     return List.of(Setting.flag("list-dirs", "serve an HTML listing of directories"),
 *                    Setting.of("users", Setting.Kind.PATH, "users.properties", "the users file"));
 * }
 * }</pre>
 *
 * @param name         lower-case words joined by {@code -}
 * @param kind         how the value is checked
 * @param defaultValue the value when none is given, or {@code null}
 * @param description  one line for {@code --help}
 */
public record Setting(String name, Kind kind, String defaultValue, String description) {

    /** How a value is written and checked. */
    public enum Kind {
        /** Any text. */
        STRING,
        /** A whole number. */
        INT,
        /** {@code true}/{@code false}; on the command line, the flag alone means true. */
        BOOLEAN,
        /** A time: {@code 500ms}, {@code 30s}, {@code 15m}, {@code 12h}, or a number of seconds. */
        DURATION,
        /** A byte count: {@code 512}, {@code 16KiB}, {@code 10MiB}, {@code 1GiB} (also k, m, g). */
        SIZE,
        /** A file or folder path. */
        PATH,
        /** Comma-separated text values. */
        LIST
    }

    public Setting {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a setting needs a name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
                throw new IllegalArgumentException("setting names are lower-case words joined by '-': " + name);
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("setting " + name + " needs a kind");
        }
        description = description == null ? "" : description;
    }

    public static Setting of(String name, Kind kind, String defaultValue, String description) {
        return new Setting(name, kind, defaultValue, description);
    }

    /** A boolean setting that is off unless given. */
    public static Setting flag(String name, String description) {
        return new Setting(name, Kind.BOOLEAN, "false", description);
    }

    /** The environment variable that carries this setting. */
    public String environmentVariable() {
        return "TRESTLE_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace('.', '_');
    }
}
