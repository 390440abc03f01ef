package io.trestle.http1;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TEMPORARY STUB (replaced by the body branch). */
public final class CookieParser {
    private CookieParser() {
    }

    public static Map<String, String> parse(List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String v : values) {
            for (String pair : v.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    map.putIfAbsent(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return map;
    }
}
