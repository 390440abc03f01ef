package io.trestle.body;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A header value with parameters, as in {@code Content-Type} and {@code Content-Disposition}:
 * {@code multipart/form-data; boundary="abc"}, {@code form-data; name="f"; filename="a b.txt"}.
 *
 * <pre>{@code
 * HeaderParams cd = HeaderParams.parse("form-data; name=\"file\"; filename=\"x.png\"");
 * cd.value();            // "form-data"
 * cd.get("filename");    // "x.png"
 * }</pre>
 *
 * <p>The value and parameter names are lower-cased. A quoted value may hold {@code \"} and
 * {@code \\}; any other backslash is kept as it is, because browsers send Windows paths
 * ({@code C:\dir\a.txt}) without escaping them. An unquoted value runs to the next {@code ;}, which
 * tolerates clients that leave {@code /} or {@code :} in a boundary unquoted.
 *
 * @param params parameter values by lower-case name
 */
public record HeaderParams(String value, Map<String, String> params) {

    /** The value of parameter {@code name} (lower case), or {@code null}. */
    public String get(String name) {
        return params.get(name);
    }

    /**
     * Parses {@code header}; returns {@code null} when it is malformed: a parameter without
     * {@code =}, a name that is not a token, an unclosed quote, a control character, or a
     * parameter given twice (two boundaries or two names are ambiguous).
     */
    public static HeaderParams parse(String header) {
        int length = header.length();
        int semi = header.indexOf(';');
        int end = semi < 0 ? length : semi;
        String value = header.substring(0, end).strip().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        int pos = end + 1;
        while (pos < length) {
            pos = skipSpace(header, pos);
            if (pos < length && header.charAt(pos) == ';') {
                pos++;
                continue;
            }
            if (pos == length) {
                break;
            }
            int nameStart = pos;
            while (pos < length && isTokenChar(header.charAt(pos))) {
                pos++;
            }
            String name = header.substring(nameStart, pos).toLowerCase(Locale.ROOT);
            pos = skipSpace(header, pos);
            if (name.isEmpty() || pos == length || header.charAt(pos) != '=') {
                return null;
            }
            pos = skipSpace(header, pos + 1);
            StringBuilder v = new StringBuilder();
            pos = pos < length && header.charAt(pos) == '"' ? quoted(header, pos + 1, v) : unquoted(header, pos, v);
            if (pos < 0 || params.putIfAbsent(name, v.toString()) != null) {
                return null;
            }
            pos = skipSpace(header, pos);
            if (pos < length && header.charAt(pos++) != ';') {
                return null;
            }
        }
        return new HeaderParams(value, Collections.unmodifiableMap(params));
    }

    /** Reads a quoted-string body from just after the opening quote; the index after the closing one, or -1. */
    private static int quoted(String s, int pos, StringBuilder out) {
        for (; pos < s.length(); pos++) {
            char c = s.charAt(pos);
            if (c == '"') {
                return pos + 1;
            }
            if (c == '\\' && pos + 1 < s.length() && (s.charAt(pos + 1) == '"' || s.charAt(pos + 1) == '\\')) {
                c = s.charAt(++pos);
            }
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                return -1;
            }
            out.append(c);
        }
        return -1;
    }

    private static int unquoted(String s, int pos, StringBuilder out) {
        int end = s.indexOf(';', pos);
        if (end < 0) {
            end = s.length();
        }
        int to = end;
        while (to > pos && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        for (int i = pos; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F || c == '"') {
                return -1;
            }
        }
        out.append(s, pos, to);
        return end;
    }

    private static int skipSpace(String s, int pos) {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }

    /** RFC 9110 tchar. */
    static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c < 0x80 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
