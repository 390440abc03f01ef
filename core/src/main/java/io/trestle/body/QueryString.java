package io.trestle.body;

import io.trestle.HttpException;
import java.util.List;
import java.util.Map;

/**
 * Parses a query string ({@code a=1&b=x+y&c}) into decoded parameters, in the order received.
 *
 * <pre>{@code
 * Map<String, List<String>> q = QueryString.parse("tag=a&tag=b&q=caf%C3%A9+noir&flag");
 * q.get("tag");   // [a, b]
 * q.get("q");     // [café noir]
 * q.get("flag");  // [""]
 * }</pre>
 *
 * <p>Pairs are separated by {@code &}; a name without {@code =} has the empty value; empty pairs
 * ({@code a=1&&b=2}) are skipped; {@code +} is a space; escapes are UTF-8. The map and its lists
 * are unmodifiable.
 */
public final class QueryString {
    /** Most pairs a query may have before the request is refused (400). */
    public static final int DEFAULT_MAX_PARAMS = 1000;

    private QueryString() {
    }

    /**
     * The parameters of {@code rawQuery} (the part after {@code ?}, still encoded); empty for
     * {@code null}.
     *
     * @throws HttpException 400 for a malformed escape, invalid UTF-8 or more than
     *         {@link #DEFAULT_MAX_PARAMS} pairs
     */
    public static Map<String, List<String>> parse(String rawQuery) {
        return parse(rawQuery, DEFAULT_MAX_PARAMS);
    }

    /** Like {@link #parse(String)} with another cap on the number of pairs. */
    public static Map<String, List<String>> parse(String rawQuery, int maxParams) {
        ParamCollector params = new ParamCollector(maxParams, "query");
        if (rawQuery == null) {
            return params.result();
        }
        int length = rawQuery.length();
        int start = 0;
        while (start < length) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                params.countOne();
                int eq = start;
                while (eq < end && rawQuery.charAt(eq) != '=') {
                    eq++;
                }
                String name = PercentDecoder.decode(rawQuery, start, eq, true, "query");
                String value = eq < end ? PercentDecoder.decode(rawQuery, eq + 1, end, true, "query") : "";
                params.add(name, value);
            }
            start = end + 1;
        }
        return params.result();
    }
}
