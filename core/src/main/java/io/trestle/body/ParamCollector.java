package io.trestle.body;

import io.trestle.HttpException;
import io.trestle.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers decoded name/value pairs into an insertion-ordered, unmodifiable multi-map, refusing
 * more than a set number of pairs: a request with tens of thousands of crafted names would
 * otherwise cost the server far more than it costs the client.
 */
final class ParamCollector {
    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private final int maxParams;
    private final String what;
    private int count;
    private boolean shared; // some value list is a growable ArrayList that must be wrapped

    ParamCollector(int maxParams, String what) {
        if (maxParams < 1) {
            throw new IllegalArgumentException("maxParams must be at least 1: " + maxParams);
        }
        this.maxParams = maxParams;
        this.what = what;
    }

    /** Counts one more pair before it is decoded, so an oversized input fails before the work. */
    void countOne() {
        if (++count > maxParams) {
            throw new HttpException(Status.BAD_REQUEST, "too many " + what + " parameters (more than " + maxParams + ")");
        }
    }

    void add(String name, String value) {
        List<String> values = params.get(name);
        if (values == null) {
            params.put(name, List.of(value)); // most names have one value: no ArrayList for them
        } else {
            if (!(values instanceof ArrayList<String>)) {
                values = new ArrayList<>(values);
                params.put(name, values);
                shared = true;
            }
            values.add(value);
        }
    }

    Map<String, List<String>> result() {
        if (params.isEmpty()) {
            return Map.of();
        }
        if (shared) {
            params.replaceAll((name, values) ->
                    values instanceof ArrayList<String> ? Collections.unmodifiableList(values) : values);
        }
        return Collections.unmodifiableMap(params);
    }
}
