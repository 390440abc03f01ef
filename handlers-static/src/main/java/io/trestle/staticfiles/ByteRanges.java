package io.trestle.staticfiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a {@code Range} header (RFC 9110 §14.2) against a representation's size.
 *
 * <pre>{@code
 * switch (ByteRanges.parse("bytes=0-99,-100", size)) {
 *     case ByteRanges.Whole w -> send200();
 *     case ByteRanges.Unsatisfiable u -> send416();
 *     case ByteRanges.Partial p -> send206(p.ranges());
 * }
 * }</pre>
 *
 * <p>A header that is malformed, uses another unit or asks for more than {@link #MAX_SPECS}
 * pieces is ignored (the whole file is sent, as the RFC allows). Overlapping or adjacent ranges
 * are merged, in ascending order; when more than {@link #MAX_PARTS} remain the whole file is sent
 * instead of a multipart body of many tiny pieces.
 */
final class ByteRanges {
    static final int MAX_SPECS = 100;
    static final int MAX_PARTS = 16;

    /** The outcome of reading a Range header. */
    sealed interface Result permits Whole, Unsatisfiable, Partial {
    }

    /** Send the whole representation with 200. */
    record Whole() implements Result {
    }

    /** Answer 416 with {@code Content-Range: bytes * /size}. */
    record Unsatisfiable() implements Result {
    }

    /** Send these ranges with 206 (one range plainly, several as multipart/byteranges). */
    record Partial(List<ByteRange> ranges) implements Result {
        Partial {
            ranges = List.copyOf(ranges);
        }
    }

    private static final Whole WHOLE = new Whole();
    private static final Unsatisfiable UNSATISFIABLE = new Unsatisfiable();

    private ByteRanges() {
    }

    static Result parse(String header, long size) {
        if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6)) {
            return WHOLE;
        }
        List<ByteRange> ranges = new ArrayList<>(2);
        int specs = 0;
        int i = 6;
        int n = header.length();
        while (i <= n) {
            int comma = header.indexOf(',', i);
            int end = comma < 0 ? n : comma;
            String spec = header.substring(i, end).trim();
            i = end + 1;
            if (spec.isEmpty()) {
                continue;     // the list syntax allows empty elements
            }
            if (++specs > MAX_SPECS) {
                return WHOLE;
            }
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return WHOLE;
            }
            long first = digits(spec, 0, dash);
            long last = digits(spec, dash + 1, spec.length());
            if (dash == 0) {                        // -suffix: the last N bytes
                if (last < 0) {
                    return WHOLE;
                }
                if (last > 0 && size > 0) {
                    ranges.add(new ByteRange(Math.max(0, size - last), size - 1));
                }
            } else if (first < 0 || dash < spec.length() - 1 && (last < 0 || last < first)) {
                return WHOLE;
            } else if (first < size) {              // first- or first-last
                long rangeEnd = dash == spec.length() - 1 ? size - 1 : Math.min(last, size - 1);
                ranges.add(new ByteRange(first, rangeEnd));
            }
        }
        if (specs == 0) {
            return WHOLE;
        }
        if (ranges.isEmpty()) {
            return UNSATISFIABLE;
        }
        List<ByteRange> merged = merge(ranges);
        return merged.size() > MAX_PARTS ? WHOLE : new Partial(merged);
    }

    private static List<ByteRange> merge(List<ByteRange> ranges) {
        if (ranges.size() == 1) {
            return ranges;
        }
        ranges.sort(Comparator.comparingLong(ByteRange::first));
        List<ByteRange> merged = new ArrayList<>(ranges.size());
        ByteRange current = ranges.get(0);
        for (int k = 1; k < ranges.size(); k++) {
            ByteRange next = ranges.get(k);
            if (next.first() <= current.last() + 1) {
                current = new ByteRange(current.first(), Math.max(current.last(), next.last()));
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return merged;
    }

    /** The decimal number in {@code s[from, to)}; -1 when empty or not all digits; saturates at Long.MAX_VALUE. */
    private static long digits(String s, int from, int to) {
        if (from >= to) {
            return -1;
        }
        long value = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : value * 10 + (c - '0');
        }
        return value;
    }
}
