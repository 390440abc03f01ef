package io.trestle.body;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TEMPORARY STUB (replaced by the body branch). */
public final class QueryString {
    private QueryString() {
    }

    public static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String n = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            map.computeIfAbsent(java.net.URLDecoder.decode(n, java.nio.charset.StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(java.net.URLDecoder.decode(v, java.nio.charset.StandardCharsets.UTF_8));
        }
        return map;
    }
}
