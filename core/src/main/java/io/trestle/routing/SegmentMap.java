package io.trestle.routing;

import java.util.Map;

/**
 * An immutable map from literal segment texts to values, looked up by a region of the request
 * path so that matching needs no substring. Open addressing over a power-of-two table; the hash
 * of a region is computed like {@link String#hashCode()}, so keys hash with their own cached code.
 */
final class SegmentMap<V> {
    private final String[] keys;
    private final Object[] values;
    private final int mask;

    SegmentMap(Map<String, V> entries) {
        int capacity = Integer.highestOneBit(Math.max(2, entries.size() * 2) - 1) << 1;
        keys = new String[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        for (Map.Entry<String, V> e : entries.entrySet()) {
            int i = spread(e.getKey().hashCode()) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = e.getKey();
            values[i] = e.getValue();
        }
    }

    /** The value for the segment {@code path[start, end)}, or null. */
    @SuppressWarnings("unchecked")
    V get(String path, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + path.charAt(i);
        }
        int i = spread(h) & mask;
        String key;
        while ((key = keys[i]) != null) {
            if (PathPattern.sameRegion(key, path, start, end)) {
                return (V) values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
