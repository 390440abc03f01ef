package io.trestle.config;

import io.trestle.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The help text: one line per setting with its flag, value placeholder, description, default
 * and environment variable.
 *
 * <pre>{@code
 * System.out.print(Usage.format("trestle", CoreSettings.ALL));
 * // Usage: trestle [options]
 * //
 * // Options:
 * //   --host VALUE   address to listen on; ... (default: 127.0.0.1; env TRESTLE_HOST)
 * //   --port N       TCP port to listen on; 0 picks a free one (default: 8080; env TRESTLE_PORT)
 * //   --strict       a broken plugin jar stops start-up ... (default: false; env TRESTLE_STRICT)
 * }</pre>
 */
public final class Usage {
    private static final int MAX_FLAG_COLUMN = 30;
    private static final int LINE_WIDTH = 100;

    private Usage() {
    }

    /** The help text for {@code command} (as the user types it, e.g. {@code trestle}), settings in the order given. */
    public static String format(String command, List<Setting> settings) {
        Map<String, List<Setting>> sections = new LinkedHashMap<>();
        sections.put("Options", settings);
        return format(command, sections);
    }

    /**
     * The help text with the settings in titled sections, in the order given, e.g. "Options"
     * for the core settings and one section per plugin.
     */
    public static String format(String command, Map<String, List<Setting>> sections) {
        int column = 0;
        for (List<Setting> settings : sections.values()) {
            for (Setting s : settings) {
                column = Math.max(column, flagColumn(s).length());
            }
        }
        int descriptionColumn = Math.min(column, MAX_FLAG_COLUMN) + 4;
        StringBuilder out = new StringBuilder("Usage: ").append(command).append(" [options]\n");
        for (Map.Entry<String, List<Setting>> section : sections.entrySet()) {
            out.append('\n').append(section.getKey()).append(":\n");
            for (Setting s : section.getValue()) {
                appendLine(out, s, descriptionColumn);
            }
        }
        out.append("\nEvery option can also be set by its environment variable or as a name=value line in the\n")
                .append("--config file. Flags win over the environment, which wins over the file.\n");
        return out.toString();
    }

    /** The flag, then the description and details wrapped at word breaks, indented to the description column. */
    private static void appendLine(StringBuilder out, Setting s, int column) {
        int lineStart = out.length();
        out.append("  ").append(flagColumn(s));
        // The details stay whole when they fit a line, so "(default: 8080; env TRESTLE_PORT)" is
        // never split; longer ones (a content security policy) wrap after a "; ", and only a
        // piece still too long for a line at its spaces.
        List<String> words = new ArrayList<>(List.of(s.description().split(" ")));
        String details = details(s);
        if (column + details.length() <= LINE_WIDTH) {
            words.add(details);
        } else {
            String[] pieces = details.split("; ");
            for (int i = 0; i < pieces.length; i++) {
                String piece = i < pieces.length - 1 ? pieces[i] + ";" : pieces[i];
                if (column + piece.length() <= LINE_WIDTH) {
                    words.add(piece);
                } else {
                    words.addAll(List.of(piece.split(" ")));
                }
            }
        }
        boolean lineHasWords = false;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (lineHasWords && out.length() - lineStart + 1 + word.length() > LINE_WIDTH) {
                out.append('\n');
                lineStart = out.length();
                lineHasWords = false;
            }
            if (lineHasWords) {
                out.append(' ');
            } else {
                pad(out, lineStart + column);
            }
            out.append(word);
            lineHasWords = true;
        }
        out.append('\n');
    }

    /** {@code --port N}, {@code --strict}, {@code --[no-]access-log} for a switch that is on by default. */
    private static String flagColumn(Setting s) {
        if (s.kind() == Setting.Kind.BOOLEAN) {
            return "true".equals(s.defaultValue()) ? "--[no-]" + s.name() : "--" + s.name();
        }
        return "--" + s.name() + " " + placeholder(s.kind());
    }

    private static String details(Setting s) {
        List<String> parts = new ArrayList<>(2);
        if (s.defaultValue() != null && !s.defaultValue().isEmpty()) {
            parts.add("default: " + s.defaultValue());
        }
        parts.add("env " + s.environmentVariable());
        return "(" + String.join("; ", parts) + ")";
    }

    private static void pad(StringBuilder out, int upTo) {
        out.append(" ".repeat(Math.max(1, upTo - out.length())));
    }

    /** What the value of a flag looks like: {@code N}, {@code TIME}, {@code SIZE}, {@code PATH}, {@code LIST}, {@code VALUE}. */
    static String placeholder(Setting.Kind kind) {
        return switch (kind) {
            case INT -> "N";
            case DURATION -> "TIME";
            case SIZE -> "SIZE";
            case PATH -> "PATH";
            case LIST -> "A,B,...";
            case BOOLEAN -> "true|false";
            case STRING -> "VALUE";
        };
    }
}
