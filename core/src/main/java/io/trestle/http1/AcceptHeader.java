package io.trestle.http1;

import java.util.Locale;

/** Reads just enough of an {@code Accept} header to choose between an HTML and a JSON error body. */
final class AcceptHeader {
    private AcceptHeader() {
    }

    /** True when {@code application/json} (or a {@code +json} type) has a higher weight than {@code text/html}. */
    static boolean prefersJson(String accept) {
        double json = -1;
        double html = -1;
        int start = 0;
        String lower = accept.toLowerCase(Locale.ROOT);
        while (start <= lower.length()) {
            int comma = lower.indexOf(',', start);
            int end = comma < 0 ? lower.length() : comma;
            String range = lower.substring(start, end).trim();
            double q = weight(range);
            String type = mediaRange(range);
            if (type.equals("application/json") || type.endsWith("+json")) {
                json = Math.max(json, q);
            } else if (type.equals("text/html")) {
                html = Math.max(html, q);
            }
            start = end + 1;
        }
        return json > 0 && json > html;
    }

    private static String mediaRange(String range) {
        int semi = range.indexOf(';');
        return (semi < 0 ? range : range.substring(0, semi)).trim();
    }

    private static double weight(String range) {
        int q = range.indexOf(";q=");
        if (q < 0) {
            q = range.indexOf("; q=");
            if (q < 0) {
                return 1.0;
            }
            q++;
        }
        String v = range.substring(q + 3).trim();
        int semi = v.indexOf(';');
        if (semi >= 0) {
            v = v.substring(0, semi);
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 1.0;
        }
    }
}
