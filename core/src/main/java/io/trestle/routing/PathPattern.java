package io.trestle.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled route pattern such as {@code /users/{id}/files/{path...}}.
 *
 * <p>A pattern starts with {@code /} and is split on {@code /} into segments, each one of:
 * <ul>
 *   <li>a literal, matched exactly (case-sensitive, against the already percent-decoded path);
 *   <li>{@code {name}}, matching exactly one non-empty segment;
 *   <li>{@code {name...}}, only as the last segment, matching the rest of the path: zero or
 *       more segments, its value being that rest without the leading slash.
 * </ul>
 *
 * <p>Trailing slashes are strict: {@code /a/} ends with an empty literal segment, so {@code /a}
 * and {@code /a/} are different patterns matching different paths. The pattern {@code /} is the
 * single empty literal segment. An empty segment anywhere else ({@code /a//b}) is rejected.
 *
 * <p>Patterns that differ only in parameter names are the same pattern: both have the
 * {@link #canonical()} form, e.g. {@code /users/{}/files/{...}}.
 *
 * <pre>{@code
 * PathPattern p = PathPattern.parse("/static/{path...}");
 * p.matches("/static/css/site.css");   // true
 * p.matches("/static");                // true, path = ""
 * p.canonical();                       // "/static/{...}"
 * }</pre>
 */
public final class PathPattern {

    /** What one segment of a pattern matches. */
    enum Kind { LITERAL, PARAM, REST }

    static final String[] NO_VALUES = new String[0];

    private final String text;
    private final String canonical;
    private final Kind[] kinds;
    /** The literal text, or the parameter name, per segment. */
    private final String[] texts;
    private final String[] paramNames;

    private PathPattern(String text, Kind[] kinds, String[] texts) {
        this.text = text;
        this.kinds = kinds;
        this.texts = texts;
        List<String> names = new ArrayList<>();
        StringBuilder canon = new StringBuilder();
        for (int i = 0; i < kinds.length; i++) {
            canon.append('/');
            switch (kinds[i]) {
                case LITERAL -> canon.append(texts[i]);
                case PARAM -> canon.append("{}");
                case REST -> canon.append("{...}");
            }
            if (kinds[i] != Kind.LITERAL) {
                names.add(texts[i]);
            }
        }
        this.canonical = canon.toString();
        this.paramNames = names.toArray(new String[0]);
    }

    /**
     * Compiles {@code pattern}.
     *
     * @throws IllegalArgumentException with a message naming the mistake when it is malformed
     */
    public static PathPattern parse(String pattern) {
        if (pattern == null || pattern.isEmpty() || pattern.charAt(0) != '/') {
            throw new IllegalArgumentException("a path pattern must start with '/': '" + pattern + "'");
        }
        List<Kind> kinds = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int start = 1;
        while (true) {
            int end = pattern.indexOf('/', start);
            boolean last = end < 0;
            String segment = pattern.substring(start, last ? pattern.length() : end);
            if (!kinds.isEmpty() && kinds.getLast() == Kind.REST) {
                throw bad(pattern, "the rest parameter {" + texts.getLast() + "...} must be the last segment");
            }
            if (segment.isEmpty() && !last) {
                throw bad(pattern, "empty segment ('//')");
            }
            if (segment.startsWith("{") && segment.endsWith("}") && segment.length() >= 2) {
                String name = segment.substring(1, segment.length() - 1);
                boolean rest = name.endsWith("...");
                if (rest) {
                    name = name.substring(0, name.length() - 3);
                }
                checkName(pattern, name);
                if (!seen.add(name)) {
                    throw bad(pattern, "duplicate parameter name '" + name + "'");
                }
                kinds.add(rest ? Kind.REST : Kind.PARAM);
                texts.add(name);
            } else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
                throw bad(pattern, "'{' or '}' inside the literal segment '" + segment
                        + "' (a parameter takes a whole segment, like /{name})");
            } else {
                kinds.add(Kind.LITERAL);
                texts.add(segment);
            }
            if (last) {
                break;
            }
            start = end + 1;
        }
        return new PathPattern(pattern, kinds.toArray(new Kind[0]), texts.toArray(new String[0]));
    }

    private static void checkName(String pattern, String name) {
        if (name.isEmpty()) {
            throw bad(pattern, "empty parameter name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                throw bad(pattern, "parameter name '" + name + "' may only hold letters, digits, '_' and '-'");
            }
        }
    }

    private static IllegalArgumentException bad(String pattern, String why) {
        return new IllegalArgumentException("bad path pattern '" + pattern + "': " + why);
    }

    /** The pattern as written, parameter names included. */
    public String text() {
        return text;
    }

    /** The pattern with parameter names left out, e.g. {@code /users/{}/files/{...}}. */
    public String canonical() {
        return canonical;
    }

    /** The parameter names in the order they appear. */
    public List<String> paramNames() {
        return List.of(paramNames);
    }

    /** Whether the last segment is a {@code {name...}} rest parameter. */
    public boolean hasRest() {
        return kinds[kinds.length - 1] == Kind.REST;
    }

    /**
     * Whether this pattern alone matches the decoded {@code path}. Allocates nothing.
     */
    public boolean matches(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        int pos = 0;
        int length = path.length();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == Kind.REST) {
                return true;
            }
            if (pos == length) {
                return false;
            }
            int start = pos + 1;
            int end = segmentEnd(path, start);
            if (kinds[i] == Kind.PARAM ? end == start : !sameRegion(texts[i], path, start, end)) {
                return false;
            }
            pos = end;
        }
        return pos == length;
    }

    /** The parameter values of a {@code path} known to match, in {@link #paramNames()} order. */
    String[] values(String path) {
        if (paramNames.length == 0) {
            return NO_VALUES;
        }
        String[] values = new String[paramNames.length];
        int pos = 0;
        int v = 0;
        for (Kind kind : kinds) {
            if (kind == Kind.REST) {
                values[v] = pos >= path.length() - 1 ? "" : path.substring(pos + 1);
                break;
            }
            int end = segmentEnd(path, pos + 1);
            if (kind == Kind.PARAM) {
                values[v++] = path.substring(pos + 1, end);
            }
            pos = end;
        }
        return values;
    }

    String[] paramNameArray() {
        return paramNames;
    }

    int segmentCount() {
        return kinds.length;
    }

    Kind kind(int segment) {
        return kinds[segment];
    }

    String literal(int segment) {
        return texts[segment];
    }

    /** Where the segment starting at {@code start} ends: the next '/' or the end of the path. */
    static int segmentEnd(String path, int start) {
        int end = path.indexOf('/', start);
        return end < 0 ? path.length() : end;
    }

    static boolean sameRegion(String literal, String path, int start, int end) {
        return literal.length() == end - start && path.startsWith(literal, start);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathPattern other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
