package io.trestle.http1;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads forwarding headers into {@link ProxyHop}s, leftmost (farthest from us) first: RFC 7239
 * {@code Forwarded} ({@code for=192.0.2.60;proto=https, for="[2001:db8::17]:4711"}), or the
 * de-facto {@code X-Forwarded-For} / {@code X-Forwarded-Proto} pair.
 *
 * <p>A {@code Forwarded} element that breaks the grammar (or repeats a parameter) becomes a
 * malformed hop and reading goes on after the next comma outside quotes, so garbage a client
 * puts at the left cannot hide the elements trusted proxies appended at the right. Each field
 * line is read on its own: an unclosed quote cannot swallow a later line.
 */
final class ForwardedHeader {
    private final String s;
    private int pos;

    private ForwardedHeader(String line) {
        this.s = line;
    }

    /** The hops of every {@code Forwarded} field line, in order. */
    static List<ProxyHop> parseForwarded(List<String> lines) {
        List<ProxyHop> hops = new ArrayList<>();
        for (String line : lines) {
            new ForwardedHeader(line).elements(hops);
        }
        return hops;
    }

    /**
     * The hops of {@code X-Forwarded-For}, each with its {@code X-Forwarded-Proto} entry when
     * both lists are as long; otherwise the last proto (set by the nearest proxy) goes with the
     * last hop. Empty list entries are skipped.
     */
    static List<ProxyHop> parseXForwarded(List<String> forLines, List<String> protoLines) {
        List<String> nodes = entries(forLines);
        List<String> protos = entries(protoLines);
        List<ProxyHop> hops = new ArrayList<>(Math.max(nodes.size(), 1));
        boolean paired = nodes.size() == protos.size();
        for (int i = 0; i < nodes.size(); i++) {
            hops.add(new ProxyHop(nodes.get(i), paired ? protos.get(i) : null, false));
        }
        if (!paired && !protos.isEmpty()) {
            String last = protos.get(protos.size() - 1);
            if (hops.isEmpty()) {
                hops.add(new ProxyHop(null, last, false));
            } else {
                hops.set(hops.size() - 1, new ProxyHop(nodes.get(nodes.size() - 1), last, false));
            }
        }
        return hops;
    }

    private static List<String> entries(List<String> lines) {
        List<String> entries = new ArrayList<>();
        for (String line : lines) {
            int start = 0;
            while (start <= line.length()) {
                int comma = line.indexOf(',', start);
                int end = comma < 0 ? line.length() : comma;
                String entry = line.substring(start, end).strip();
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
                start = end + 1;
            }
        }
        return entries;
    }

    private void elements(List<ProxyHop> hops) {
        while (true) {
            skipSpace();
            if (pos == s.length()) {
                return;
            }
            if (s.charAt(pos) == ',') {
                pos++; // an empty list element
                continue;
            }
            hops.add(element());
        }
    }

    private ProxyHop element() {
        String node = null;
        String proto = null;
        int seen = 0; // bit per known parameter, to refuse repeats (RFC 7239 §4)
        while (true) {
            skipSpace();
            int nameStart = pos;
            while (pos < s.length() && CookieParser.isTokenChar(s.charAt(pos))) {
                pos++;
            }
            int nameLength = pos - nameStart;
            if (nameLength == 0 || pos == s.length() || s.charAt(pos) != '=') {
                return skipMalformed();
            }
            pos++;
            String value = value();
            if (value == null) {
                return skipMalformed();
            }
            int bit = is(nameStart, nameLength, "for") ? 1 : is(nameStart, nameLength, "proto") ? 2
                    : is(nameStart, nameLength, "by") ? 4 : is(nameStart, nameLength, "host") ? 8 : 0;
            if ((seen & bit) != 0) {
                return skipMalformed();
            }
            seen |= bit;
            if (bit == 1) {
                node = value;
            } else if (bit == 2) {
                proto = value;
            }
            skipSpace();
            if (pos == s.length()) {
                break;
            }
            char c = s.charAt(pos++);
            if (c == ',') {
                break;
            }
            if (c != ';') {
                pos--;
                return skipMalformed();
            }
        }
        return new ProxyHop(node, proto, false);
    }

    /** A token (plus ':' '[' ']', which some proxies leave unquoted) or a quoted-string; {@code null} if neither. */
    private String value() {
        int length = s.length();
        if (pos < length && s.charAt(pos) == '"') {
            StringBuilder sb = new StringBuilder();
            for (pos++; pos < length; pos++) {
                char c = s.charAt(pos);
                if (c == '"') {
                    pos++;
                    return sb.toString();
                }
                if (c == '\\' && ++pos < length) {
                    c = s.charAt(pos);
                }
                if (c < 0x20 && c != '\t' || c == 0x7F) {
                    return null;
                }
                sb.append(c);
            }
            return null; // no closing quote
        }
        int start = pos;
        while (pos < length) {
            char c = s.charAt(pos);
            if (!CookieParser.isTokenChar(c) && c != ':' && c != '[' && c != ']') {
                break;
            }
            pos++;
        }
        return pos > start ? s.substring(start, pos) : null;
    }

    /** Skips to just after the next comma outside a quoted string. */
    private ProxyHop skipMalformed() {
        boolean quoted = false;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (quoted && c == '\\') {
                pos++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                break;
            }
        }
        return ProxyHop.MALFORMED;
    }

    private boolean is(int start, int length, String name) {
        return length == name.length() && s.regionMatches(true, start, name, 0, length);
    }

    private void skipSpace() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }
}
