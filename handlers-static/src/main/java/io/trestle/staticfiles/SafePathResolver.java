package io.trestle.staticfiles;

import io.trestle.HttpException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the raw, still percent-encoded request path into checked segments. This is the first
 * of two guards (the second is {@link ResourceRoot}'s real-path check), so it refuses anything a
 * file system might read as something else, rather than trying to repair it:
 *
 * <ul>
 *   <li>400 for {@code ..} segments (also {@code %2e%2e} and {@code ..;x}, which some servers
 *       read as {@code ..}), encoded slashes or backslashes ({@code %2f}, {@code %5c}), literal
 *       backslashes, NUL and other control characters, malformed escapes and malformed UTF-8;
 *   <li>404 for dot-files and dot-folders, except {@code /.well-known/}.
 * </ul>
 *
 * The path is decoded exactly once ({@code %252e} stays the three characters {@code %2e}); empty
 * segments are merged ({@code //a} is {@code /a}) and {@code .} segments dropped.
 */
final class SafePathResolver {
    static final String WELL_KNOWN = ".well-known";

    private SafePathResolver() {
    }

    /**
     * @throws HttpException 400 or 404 as listed above
     */
    static RequestPath parse(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            throw bad("the path must start with /");
        }
        List<String> segments = new ArrayList<>(8);
        int length = rawPath.length();
        int start = 1;
        while (start <= length) {
            int end = rawPath.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                String segment = decode(rawPath, start, end);
                addSegment(segments, segment);
            }
            start = end + 1;
        }
        return new RequestPath(segments, rawPath.charAt(length - 1) == '/');
    }

    /** Whether {@code name} at depth {@code index} is a dot-file or dot-folder that is not served. */
    static boolean isHidden(int index, String name) {
        return !name.isEmpty() && name.charAt(0) == '.' && !(index == 0 && name.equals(WELL_KNOWN));
    }

    private static void addSegment(List<String> segments, String segment) {
        int semicolon = segment.indexOf(';');
        String base = semicolon < 0 ? segment : segment.substring(0, semicolon);
        if (segment.equals(".")) {
            return;
        }
        if (base.equals("..") || base.equals(".")) {
            throw bad("dot segments are not allowed");
        }
        if (isHidden(segments.size(), segment)) {
            throw new HttpException(404, "Not Found");
        }
        segments.add(segment);
    }

    private static String decode(String raw, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                plain = false;
            } else {
                checkChar(c);
            }
        }
        if (plain) {
            return raw.substring(from, to);
        }
        byte[] bytes = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < to ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw bad("malformed percent-escape");
                }
                int b = hi << 4 | lo;
                if (b == '/' || b == '\\') {
                    throw bad("encoded slashes are not allowed");
                }
                if (b < 0x80) {
                    checkChar((char) b);
                }
                bytes[n++] = (byte) b;
                i += 2;
            } else {
                bytes[n++] = (byte) c;
            }
        }
        return utf8(bytes, n);
    }

    private static void checkChar(char c) {
        if (c < 0x20 || c == 0x7F) {
            throw bad("control characters are not allowed");
        }
        if (c == '\\') {
            throw bad("backslashes are not allowed");
        }
        if (c > 0x7E) {
            throw bad("non-ASCII characters must be percent-encoded");
        }
    }

    private static String utf8(byte[] bytes, int length) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            String decoded = chars.toString();
            for (int i = 0; i < decoded.length(); i++) {
                char c = decoded.charAt(i);
                // C1 controls and the Unicode line/paragraph separators are no file-name characters.
                if (c >= 0x80 && c <= 0x9F || c == '\u2028' || c == '\u2029') {
                    throw bad("control characters are not allowed");
                }
            }
            return decoded;
        } catch (CharacterCodingException e) {
            throw bad("the path is not valid UTF-8");
        }
    }

    private static HttpException bad(String why) {
        return new HttpException(400, "Bad path: " + why);
    }
}
