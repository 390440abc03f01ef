package io.trestle.http1;

import io.trestle.Method;
import java.nio.charset.StandardCharsets;

/**
 * A request-target checked against RFC 9112 §3.2 and reduced to what the server routes on.
 *
 * @param target origin-form {@code /path?query} (an absolute-form target reduced to it), or {@code *}
 * @param host   the host of an absolute-form target's authority, or {@code null}
 */
record RequestTarget(String target, String host) {

    /**
     * Parses the target in {@code buf[from, to)} (non-empty, without spaces) of a {@code method}
     * request; an origin-form target comes from the connection's {@code recent} strings when it repeats.
     */
    static RequestTarget parse(byte[] buf, int from, int to, Method method, RecentStrings recent) throws HttpParseException {
        checkCharacters(buf, from, to);
        byte first = buf[from];
        if (first == '/') {
            return new RequestTarget(recent.of(RecentStrings.TARGET, buf, from, to), null);
        }
        if (first == '*' && to - from == 1) {
            if (method != Method.OPTIONS) {
                throw ParseRule.ASTERISK_NOT_OPTIONS.violation();
            }
            return new RequestTarget("*", null);
        }
        if (isAlpha(first)) {
            return absoluteForm(buf, from, to);
        }
        throw ParseRule.TARGET_FORM.violation();
    }

    /** RFC 3986 characters only; {@code %} starts two hex digits; no fragment. */
    private static void checkCharacters(byte[] buf, int from, int to) throws HttpParseException {
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (!HttpChars.isTargetChar(b)) {
                throw b == '#' ? ParseRule.TARGET_FRAGMENT.violation()
                        : b == '\r' ? ParseRule.BARE_CR.violation()
                        : ParseRule.TARGET_CHARACTER.violation();
            }
            if (b == '%' && (i + 2 >= to || !HttpChars.isHex(buf[i + 1]) || !HttpChars.isHex(buf[i + 2]))) {
                throw ParseRule.TARGET_PERCENT_ENCODING.violation();
            }
        }
    }

    /** {@code http[s]://authority[/path][?query]}: the authority's host, and the rest as origin-form. */
    private static RequestTarget absoluteForm(byte[] buf, int from, int to) throws HttpParseException {
        int colon = from;
        while (colon < to && isSchemeChar(buf[colon])) {
            colon++;
        }
        if (colon == to || buf[colon] != ':') {
            throw ParseRule.TARGET_FORM.violation();
        }
        if (!isHttpScheme(buf, from, colon)) {
            throw ParseRule.ABSOLUTE_SCHEME.violation();
        }
        int authority = colon + 3;
        if (authority > to || buf[colon + 1] != '/' || buf[colon + 2] != '/') {
            throw ParseRule.TARGET_FORM.violation();
        }
        int authorityEnd = authority;
        while (authorityEnd < to && buf[authorityEnd] != '/' && buf[authorityEnd] != '?') {
            if (buf[authorityEnd] == '@') {
                throw ParseRule.ABSOLUTE_USERINFO.violation();
            }
            authorityEnd++;
        }
        String host = HostSyntax.hostOf(ascii(buf, authority, authorityEnd));
        if (host == null || host.isEmpty()) {
            throw ParseRule.ABSOLUTE_HOST.violation();
        }
        String path;
        if (authorityEnd == to) {
            path = "/";
        } else if (buf[authorityEnd] == '?') {
            path = "/" + ascii(buf, authorityEnd, to);
        } else {
            path = ascii(buf, authorityEnd, to);
        }
        return new RequestTarget(path, host);
    }

    private static boolean isHttpScheme(byte[] buf, int from, int to) {
        int n = to - from;
        if (n != 4 && n != 5) {
            return false;
        }
        String http = "https";
        for (int i = 0; i < n; i++) {
            if (HttpChars.lower(buf[from + i]) != http.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    private static boolean isSchemeChar(byte b) {
        return isAlpha(b) || HttpChars.isDigit(b) || b == '+' || b == '-' || b == '.';
    }

    private static String ascii(byte[] buf, int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
