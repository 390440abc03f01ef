package io.trestle.http1;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Headers every response carries unless its handler set the same name: the security headers a
 * user expects by default. Pre-encoded once, so adding them costs a name check and a copy.
 */
public final class DefaultHeaders {
    public static final DefaultHeaders NONE = new DefaultHeaders(List.of(), List.of());

    private final String[] names;
    private final byte[][] lines;

    private DefaultHeaders(List<String> names, List<String> values) {
        this.names = names.toArray(String[]::new);
        this.lines = new byte[names.size()][];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = (names.get(i) + ": " + values.get(i) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * {@code nosniff} and a referrer policy that keeps paths private across sites; over TLS also
     * HSTS for a year, so a browser never tries plain HTTP again.
     */
    public static DefaultHeaders security(boolean tls) {
        List<String> names = new ArrayList<>(List.of("X-Content-Type-Options", "Referrer-Policy"));
        List<String> values = new ArrayList<>(List.of("nosniff", "strict-origin-when-cross-origin"));
        if (tls) {
            names.add("Strict-Transport-Security");
            values.add("max-age=31536000");
        }
        return new DefaultHeaders(names, values);
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
}
