package io.trestle.http1;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code Cookie} request header (RFC 6265 §4.2 / §5.4): {@code name=value} pairs
 * separated by {@code ;}.
 *
 * <pre>{@code
 * CookieParser.parse(List.of("session=abc123; theme=\"dark\"; session=other"));
 * // {session=abc123, theme=dark}
 * }</pre>
 *
 * <p>Lenient by design, because the cookies a browser sends were set by any code on any path of
 * the site: a malformed pair (no {@code =}, a name that is not a token, a control character, an
 * unbalanced quote) is skipped and the rest are kept, never failing the request. The first of
 * duplicate names wins — browsers send the most specific path first. Values are otherwise taken
 * as they are (no percent-decoding); a value in double quotes loses its quotes.
 */
public final class CookieParser {
    private CookieParser() {
    }

    /** The cookies in all {@code Cookie} field values, in order; unmodifiable. */
    public static Map<String, String> parse(List<String> cookieHeaderValues) {
        Map<String, String> cookies = null;
        for (String header : cookieHeaderValues) {
            int length = header.length();
            int start = 0;
            while (start < length) {
                int end = header.indexOf(';', start);
                if (end < 0) {
                    end = length;
                }
                int eq = header.indexOf('=', start);
                if (eq > start && eq < end) {
                    String name = name(header, start, eq);
                    String value = name == null ? null : value(header, eq + 1, end);
                    if (value != null) {
                        if (cookies == null) {
                            cookies = new LinkedHashMap<>();
                        }
                        cookies.putIfAbsent(name, value);
                    }
                }
                start = end + 1;
            }
        }
        return cookies == null ? Map.of() : Collections.unmodifiableMap(cookies);
    }

    /** The trimmed name if it is a non-empty token, else {@code null}. */
    private static String name(String s, int from, int to) {
        from = skipSpace(s, from, to);
        to = trimSpace(s, from, to);
        if (from == to) {
            return null;
        }
        for (int i = from; i < to; i++) {
            if (!isTokenChar(s.charAt(i))) {
                return null;
            }
        }
        return s.substring(from, to);
    }

    /** The trimmed, unquoted value, or {@code null} when it is malformed. */
    private static String value(String s, int from, int to) {
        from = skipSpace(s, from, to);
        to = trimSpace(s, from, to);
        if (from < to && s.charAt(from) == '"') {
            if (to - from < 2 || s.charAt(to - 1) != '"') {
                return null;
            }
            from++;
            to--;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '"') {
                return null;
            }
        }
        return s.substring(from, to);
    }

    private static int skipSpace(String s, int from, int to) {
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimSpace(String s, int from, int to) {
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return to;
    }

    /** RFC 9110 tchar. */
    static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return c < 0x80 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
