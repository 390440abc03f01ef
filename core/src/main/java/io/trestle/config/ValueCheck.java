package io.trestle.config;

import io.trestle.Config;
import io.trestle.Setting;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/** Checks a value against its setting's kind (and the core settings' own rules), and normalises it. */
final class ValueCheck {

    private ValueCheck() {
    }

    /** What is wrong with {@code value} for {@code setting}, or {@code null} when it fits. */
    static String problem(Setting setting, String value) {
        String kindProblem = kindProblem(setting.kind(), value);
        return kindProblem != null ? kindProblem : CoreRules.problem(setting, value.trim());
    }

    /**
     * The value as the {@code Config} keeps it: {@code true}/{@code false} for a boolean,
     * surrounding blanks removed for numbers, times, sizes and paths (a trailing blank in a
     * properties file is invisible and never meant), text and lists as given.
     */
    static String normalise(Setting setting, String value) {
        return switch (setting.kind()) {
            case BOOLEAN -> Boolean.toString(Config.parseBoolean(value));
            case INT, DURATION, SIZE, PATH -> value.trim();
            case STRING, LIST -> value;
        };
    }

    private static String kindProblem(Setting.Kind kind, String value) {
        try {
            switch (kind) {
                case INT -> {
                    return intProblem(value);
                }
                case BOOLEAN -> Config.parseBoolean(value);
                case DURATION -> Config.parseDuration(value);
                case SIZE -> Config.parseSize(value);
                case PATH -> {
                    return pathProblem(value);
                }
                case STRING, LIST -> {
                    return null;
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String intProblem(String value) {
        try {
            Integer.parseInt(value.trim());
            return null;
        } catch (NumberFormatException e) {
            return "expected a whole number, got '" + value + "'";
        }
    }

    private static String pathProblem(String value) {
        if (value.isBlank()) {
            return "needs a path, got nothing";
        }
        try {
            Path.of(value.trim());
            return null;
        } catch (InvalidPathException e) {
            return "not a valid path: '" + value + "' (" + e.getReason().toLowerCase(Locale.ROOT) + ")";
        }
    }
}
