package io.trestle.http1;

import io.trestle.Headers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The storage and look-ups shared by {@link ReceivedHeaders} (read-only) and
 * {@link ResponseHeaders} (checked writes). Changes are package-private: what a subclass exposes
 * is its own decision.
 *
 * <p>Fields are kept in two parallel arrays and looked up by a linear scan: a request rarely has
 * more than twenty fields, and this allocates nothing per lookup. A bit per name length present
 * lets most look-ups of an absent field (the default headers' check on every response, a CORS
 * filter's {@code Origin}) skip the scan: they were 4 % of a pipelined request's CPU.
 */
abstract sealed class FieldArray implements Headers permits ReceivedHeaders, ResponseHeaders {
    private String[] names;
    private String[] values;
    private int size;
    /** Bit {@code length % 64} is set for each name present (a name's length is the same in any case). */
    private long lengths;

    FieldArray(int capacity) {
        names = new String[Math.max(capacity, 4)];
        values = new String[names.length];
    }

    @Override
    public final String get(String name) {
        int i = indexOf(name, 0);
        return i < 0 ? null : values[i];
    }

    @Override
    public final List<String> all(String name) {
        int i = indexOf(name, 0);
        if (i < 0) {
            return List.of();
        }
        int next = indexOf(name, i + 1);
        if (next < 0) {
            return List.of(values[i]);
        }
        List<String> all = new ArrayList<>(4);
        for (; i >= 0; i = indexOf(name, i + 1)) {
            all.add(values[i]);
        }
        return Collections.unmodifiableList(all);
    }

    @Override
    public final boolean contains(String name) {
        return indexOf(name, 0) >= 0;
    }

    @Override
    public final int count(String name) {
        int n = 0;
        for (int i = indexOf(name, 0); i >= 0; i = indexOf(name, i + 1)) {
            n++;
        }
        return n;
    }

    @Override
    public final Set<String> names() {
        Set<String> seen = new LinkedHashSet<>();
        outer:
        for (int i = 0; i < size; i++) {
            for (String s : seen) {
                if (s.equalsIgnoreCase(names[i])) {
                    continue outer;
                }
            }
            seen.add(names[i]);
        }
        return seen;
    }

    @Override
    public final void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(names[i], values[i]);
        }
    }

    @Override
    public final int size() {
        return size;
    }

    @Override
    public final boolean isEmpty() {
        return size == 0;
    }

    @Override
    public final String nameAt(int i) {
        checkIndex(i);
        return names[i];
    }

    @Override
    public final String valueAt(int i) {
        checkIndex(i);
        return values[i];
    }

    /** Appends a field as given: the caller has checked it. */
    final void append(String name, String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
        lengths |= lengthBit(name);
    }

    /** Removes every value of {@code name}; returns whether there was one. */
    final boolean removeAll(String name) {
        if ((lengths & lengthBit(name)) == 0) {
            return false;
        }
        int w = 0;
        for (int r = 0; r < size; r++) {
            if (!names[r].equalsIgnoreCase(name)) {
                names[w] = names[r];
                values[w] = values[r];
                w++;
            }
        }
        if (w == size) {
            return false;
        }
        Arrays.fill(names, w, size, null);
        Arrays.fill(values, w, size, null);
        size = w;
        lengths = 0;
        for (int i = 0; i < size; i++) {
            lengths |= lengthBit(names[i]);
        }
        return true;
    }

    /** Removes every field, keeping the arrays for reuse. */
    final void removeEvery() {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        lengths = 0;
    }

    private int indexOf(String name, int from) {
        if ((lengths & lengthBit(name)) == 0) {
            return -1; // no name of this length: equalsIgnoreCase compares lengths first anyway
        }
        for (int i = from; i < size; i++) {
            String n = names[i];
            // Same instance first: the parser interns common names, callers pass constants.
            if (n == name || n.equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static long lengthBit(String name) {
        return 1L << name.length(); // shifts count modulo 64
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
    }

    /** One {@code Name: value} line per field. */
    @Override
    public final String toString() {
        StringBuilder sb = new StringBuilder();
        forEach((n, v) -> sb.append(n).append(": ").append(v).append('\n'));
        return sb.toString();
    }
}
