package io.trestle.http1;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Headers every response carries unless its handler set the same name: the security headers a
 * user expects by default. Some apply to HTML documents only (framing and content policy): they
 * are added when the response's {@code Content-Type} is {@code text/html} or
 * {@code application/xhtml+xml}, the server's own error pages included. Pre-encoded once, so
 * adding them costs a name check and a copy.
 *
 * <pre>{@code
 * DefaultHeaders headers = DefaultHeaders.security(false, "DENY", "frame-ancestors 'none'");
 * }</pre>
 */
public final class DefaultHeaders {
    public static final DefaultHeaders NONE = new DefaultHeaders(List.of(), List.of(), List.of(), List.of());
    /** {@code X-Frame-Options} unless configured otherwise: no site may frame the page. */
    public static final String FRAME_OPTIONS = "DENY";
    /** {@code Content-Security-Policy} unless configured otherwise: no site may frame the page. */
    public static final String CONTENT_SECURITY_POLICY = "frame-ancestors 'none'";

    private final String[] names;
    private final byte[][] lines;
    private final String[] htmlNames;
    private final byte[][] htmlLines;

    private DefaultHeaders(List<String> names, List<String> values, List<String> htmlNames, List<String> htmlValues) {
        this.names = names.toArray(String[]::new);
        this.lines = encode(names, values);
        this.htmlNames = htmlNames.toArray(String[]::new);
        this.htmlLines = encode(htmlNames, htmlValues);
    }

    private static byte[][] encode(List<String> names, List<String> values) {
        byte[][] lines = new byte[names.size()][];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = (names.get(i) + ": " + values.get(i) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        return lines;
    }

    /**
     * {@code nosniff} and a referrer policy that keeps paths private across sites; over TLS also
     * HSTS for a year, so a browser never tries plain HTTP again; on HTML, {@code X-Frame-Options:
     * DENY} and {@code Content-Security-Policy: frame-ancestors 'none'} against clickjacking.
     */
    public static DefaultHeaders security(boolean tls) {
        return security(tls, FRAME_OPTIONS, CONTENT_SECURITY_POLICY);
    }

    /**
     * Like {@link #security(boolean)}, with the HTML documents' {@code X-Frame-Options} and
     * {@code Content-Security-Policy} given; {@code null} or empty leaves one out.
     *
     * @throws IllegalArgumentException when a value could not be sent as a header value
     */
    public static DefaultHeaders security(boolean tls, String frameOptions, String contentSecurityPolicy) {
        List<String> names = new ArrayList<>(List.of("X-Content-Type-Options", "Referrer-Policy"));
        List<String> values = new ArrayList<>(List.of("nosniff", "strict-origin-when-cross-origin"));
        if (tls) {
            names.add("Strict-Transport-Security");
            values.add("max-age=31536000");
        }
        List<String> htmlNames = new ArrayList<>();
        List<String> htmlValues = new ArrayList<>();
        if (frameOptions != null && !frameOptions.isBlank()) {
            htmlNames.add("X-Frame-Options");
            htmlValues.add(headerValue("X-Frame-Options", frameOptions));
        }
        if (contentSecurityPolicy != null && !contentSecurityPolicy.isBlank()) {
            htmlNames.add("Content-Security-Policy");
            htmlValues.add(headerValue("Content-Security-Policy", contentSecurityPolicy));
        }
        return new DefaultHeaders(names, values, htmlNames, htmlValues);
    }

    /** What is wrong with {@code value} as a header value (visible ASCII, spaces inside), or null. */
    public static String headerValueProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c > 0x7E) {
                return "only printable ASCII fits in a header value, got " + (c < 0x20 || c == 0x7F
                        ? "control character " + (int) c : "'" + c + "'");
            }
        }
        return null;
    }

    private static String headerValue(String name, String value) {
        String v = value.strip();
        String problem = headerValueProblem(v);
        if (problem != null) {
            throw new IllegalArgumentException(name + ": " + problem);
        }
        return v;
    }

    int size() {
        return names.length;
    }

    String name(int i) {
        return names[i];
    }

    byte[] line(int i) {
        return lines[i];
    }

    /** How many headers apply to HTML documents only. */
    int htmlSize() {
        return htmlNames.length;
    }

    String htmlName(int i) {
        return htmlNames[i];
    }

    byte[] htmlLine(int i) {
        return htmlLines[i];
    }

    /**
     * Whether {@code contentType} names an HTML document: {@code text/html} or
     * {@code application/xhtml+xml}, any case, with or without parameters.
     */
    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        return hasMediaType(contentType, "text/html") || hasMediaType(contentType, "application/xhtml+xml");
    }

    private static boolean hasMediaType(String contentType, String type) {
        int n = type.length();
        if (!contentType.regionMatches(true, 0, type, 0, n)) {
            return false;
        }
        if (contentType.length() == n) {
            return true;
        }
        char next = contentType.charAt(n);
        return next == ';' || next == ' ' || next == '\t';
    }
}
