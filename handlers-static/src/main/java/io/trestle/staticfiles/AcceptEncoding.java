package io.trestle.staticfiles;

/**
 * The content codings a client accepts, from its {@code Accept-Encoding} header
 * (RFC 9110 §12.5.3): {@code br;q=1.0, gzip;q=0.8, *;q=0}.
 *
 * <pre>{@code
 * AcceptEncoding.quality(req.header("Accept-Encoding"), "br");  // 0 when not acceptable
 * }</pre>
 */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /**
     * The quality (0 to 1000, in thousandths) the client gives {@code coding}: its own entry, else
     * {@code *}'s, else 0. {@code x-gzip} counts as {@code gzip}.
     */
    static int quality(String header, String coding) {
        if (header == null) {
            return 0;
        }
        int own = -1;
        int any = -1;
        int i = 0;
        int n = header.length();
        while (i < n) {
            int comma = header.indexOf(',', i);
            int end = comma < 0 ? n : comma;
            int semicolon = header.indexOf(';', i);
            int nameEnd = semicolon < 0 || semicolon > end ? end : semicolon;
            String name = header.substring(i, nameEnd).trim();
            int q = nameEnd < end ? qValue(header.substring(nameEnd + 1, end)) : 1000;
            if (name.equalsIgnoreCase(coding) || coding.equals("gzip") && name.equalsIgnoreCase("x-gzip")) {
                own = Math.max(own, q);
            } else if (name.equals("*")) {
                any = q;
            }
            i = end + 1;
        }
        return own >= 0 ? own : Math.max(any, 0);
    }

    /** Whether {@code coding} is acceptable at all. */
    static boolean accepts(String header, String coding) {
        return quality(header, coding) > 0;
    }

    /** The {@code q} parameter in thousandths; a malformed one counts as 0 (not acceptable). */
    private static int qValue(String params) {
        for (String param : params.split(";")) {
            String p = param.trim();
            if (p.length() >= 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                return parseQ(p.substring(2).trim());
            }
        }
        return 1000;
    }

    /** {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )}, in thousandths, or 0. */
    private static int parseQ(String v) {
        if (v.isEmpty() || v.length() > 5 || v.charAt(0) != '0' && v.charAt(0) != '1') {
            return 0;
        }
        int whole = v.charAt(0) - '0';
        int thousandths = 0;
        if (v.length() > 1) {
            if (v.charAt(1) != '.') {
                return 0;
            }
            int scale = 100;
            for (int k = 2; k < v.length(); k++, scale /= 10) {
                char c = v.charAt(k);
                if (c < '0' || c > '9') {
                    return 0;
                }
                thousandths += (c - '0') * scale;
            }
        }
        return whole == 1 && thousandths > 0 ? 0 : whole * 1000 + thousandths;
    }
}
