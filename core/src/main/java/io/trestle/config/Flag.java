package io.trestle.config;

/**
 * One flag as written on the command line, before it is matched to a declared setting.
 *
 * @param spelling how it was typed, without any value: {@code --port}, {@code --no-reload}, {@code -h}
 * @param name     the name after {@code --} ({@code port}, {@code no-reload}); {@code help} for {@code -h}
 * @param value    the value, or {@code null} when the flag stood alone
 * @param separate whether the value was the next argument ({@code --port 80}) rather than
 *                 written after {@code =} ({@code --port=80})
 */
public record Flag(String spelling, String name, String value, boolean separate) {

    /** A flag that stood alone, such as {@code --strict}. */
    static Flag bare(String spelling, String name) {
        return new Flag(spelling, name, null, false);
    }

    /** How the flag looked, value included, for messages: {@code --port=80}. */
    String written() {
        return value == null ? spelling : spelling + (separate ? " " : "=") + value;
    }
}
