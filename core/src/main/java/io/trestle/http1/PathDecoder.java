package io.trestle.http1;

import io.trestle.HttpException;
import io.trestle.Status;
import io.trestle.body.PercentDecoder;

/**
 * Turns the path of a request-target into the path handlers and routes see: percent-decoded
 * exactly once as UTF-8, dot-segments removed (RFC 3986 §5.2.4).
 *
 * <pre>{@code
 * PathDecoder.decode("/docs/./caf%C3%A9/../a%20b");   // "/docs/a b"
 * PathDecoder.decode("/files/%2e%2e/etc/passwd");      // HttpException 400
 * }</pre>
 *
 * <p>Spellings that different layers could read differently are refused with 400, as Jetty does
 * by default: an encoded {@code /} or {@code \} (is it a separator or not?), a segment that
 * decodes to {@code .} or {@code ..} but was written with escapes (is it a dot-segment or a
 * name?), a decoded control character, invalid UTF-8, and a {@code ..} that climbs above the
 * root. A {@code ;} is an ordinary character here.
 */
public final class PathDecoder {
    private PathDecoder() {
    }

    /**
     * The decoded path of {@code rawPath} (the request-target before any {@code ?}); {@code "/"}
     * for an empty one. A path with no escape and no dot-segment is returned as the same instance.
     *
     * @throws HttpException 400 for the ambiguous or malformed spellings above
     */
    public static String decode(String rawPath) {
        int length = rawPath.length();
        if (length == 0) {
            return "/";
        }
        if (rawPath.charAt(0) != '/') {
            throw bad("the path must start with '/'");
        }
        int segmentStart = 1;
        for (int i = 1; i <= length; i++) {
            char c = i < length ? rawPath.charAt(i) : '/';
            if (c == '/') {
                if (isDotSegment(rawPath, segmentStart, i)) {
                    return normalize(rawPath);
                }
                segmentStart = i + 1;
            } else if (c == '%') {
                return normalize(rawPath);
            } else if (c < 0x20 || c == 0x7F || c == '\\') {
                // The parser lets none through; checked again because a path is a security boundary.
                throw bad("the path has a forbidden character");
            }
        }
        return rawPath;
    }

    /** The slow way: segment by segment, each decoded on its own. */
    private static String normalize(String rawPath) {
        int length = rawPath.length();
        String[] kept = new String[length]; // at most one segment per character
        int depth = 0;
        int segmentStart = 1;
        for (int i = 1; i <= length; i++) {
            if (i < length && rawPath.charAt(i) != '/') {
                continue;
            }
            boolean last = i == length;
            int dots = isDotSegment(rawPath, segmentStart, i) ? i - segmentStart : 0;
            if (dots == 2) {
                if (depth == 0) {
                    throw bad("the path climbs above the root");
                }
                depth--;
            }
            if (dots == 0) {
                kept[depth++] = decodeSegment(rawPath, segmentStart, i);
            } else if (last) {
                kept[depth++] = ""; // "/a/b/.." is the directory "/a/"
            }
            segmentStart = i + 1;
        }
        if (depth == 0) {
            return "/";
        }
        StringBuilder path = new StringBuilder(length);
        for (int k = 0; k < depth; k++) {
            path.append('/').append(kept[k]);
        }
        return path.toString();
    }

    private static String decodeSegment(String raw, int from, int to) {
        boolean escaped = false;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            escaped |= c == '%';
            if (c < 0x20 || c == 0x7F || c == '\\') {
                throw bad("the path has a forbidden character");
            }
        }
        if (!escaped) {
            return raw.substring(from, to);
        }
        String segment = PercentDecoder.decode(raw, from, to, false, "path");
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '/') {
                throw bad("an encoded '/' (%2F) in the path is ambiguous");
            }
            if (c == '\\') {
                throw bad("an encoded '\\' (%5C) in the path is ambiguous");
            }
            if (c < 0x20 || c == 0x7F) {
                throw bad("the path has an encoded control character");
            }
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw bad("an encoded dot-segment in the path is ambiguous");
        }
        return segment;
    }

    /** Whether {@code raw[from, to)} is literally {@code .} or {@code ..}. */
    private static boolean isDotSegment(String raw, int from, int to) {
        int n = to - from;
        return (n == 1 || n == 2) && raw.charAt(from) == '.' && raw.charAt(to - 1) == '.';
    }

    private static HttpException bad(String message) {
        return new HttpException(Status.BAD_REQUEST, message);
    }
}
