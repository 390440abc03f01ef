package io.trestle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * HTTP header fields: names compared without case, several values per name kept in order
 * (so repeated {@code Set-Cookie} fields survive). Requests hold a read-only instance.
 *
 * <pre>{@code
 * String type = req.headers().get("content-type");
 * res.headers().add("Vary", "Accept-Encoding");
 * }</pre>
 *
 * <p>Fields are kept in two parallel arrays and looked up by a linear scan: a request rarely has
 * more than twenty fields, and this allocates nothing per lookup. A bit per name length present
 * lets most look-ups of an absent field (the default headers' check on every response, a CORS
 * filter's {@code Origin}) skip the scan: they were 4 % of a pipelined request's CPU.
 */
public final class Headers {
    private String[] names;
    private String[] values;
    private int size;
    private boolean readOnly;
    /** Bit {@code length % 64} is set for each name present (a name's length is the same in any case). */
    private long lengths;

    public Headers() {
        this(16);
    }

    public Headers(int capacity) {
        names = new String[Math.max(capacity, 4)];
        values = new String[names.length];
    }

    /** The first value of {@code name}, or {@code null}. */
    public String get(String name) {
        int i = indexOf(name, 0);
        return i < 0 ? null : values[i];
    }

    /** Every value of {@code name} in the order received; empty when there is none. */
    public List<String> all(String name) {
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

    public boolean contains(String name) {
        return indexOf(name, 0) >= 0;
    }

    /** How many values {@code name} has. */
    public int count(String name) {
        int n = 0;
        for (int i = indexOf(name, 0); i >= 0; i = indexOf(name, i + 1)) {
            n++;
        }
        return n;
    }

    /** The distinct names in the order first seen, spelled as first seen. */
    public Set<String> names() {
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

    /** Calls {@code action} with every field in order, repeated names once per value. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(names[i], values[i]);
        }
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The name of the {@code i}-th field, {@code 0 <= i < size()}. */
    public String nameAt(int i) {
        checkIndex(i);
        return names[i];
    }

    /** The value of the {@code i}-th field, {@code 0 <= i < size()}. */
    public String valueAt(int i) {
        checkIndex(i);
        return values[i];
    }

    /** Replaces every value of {@code name} with {@code value}. */
    public Headers set(String name, String value) {
        checkWritable();
        remove(name);
        return add(name, value);
    }

    /** Adds a value, keeping those already there. */
    public Headers add(String name, String value) {
        checkWritable();
        checkField(name, value);
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
        lengths |= lengthBit(name);
        return this;
    }

    /** Removes every value of {@code name}; returns whether there was one. */
    public boolean remove(String name) {
        checkWritable();
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
    public void clear() {
        checkWritable();
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        lengths = 0;
    }

    /** Adds a field without the checks of {@link #add}; for the parser, which has checked it. */
    public void addTrusted(String name, String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
        lengths |= lengthBit(name);
    }

    /** From now on every change throws {@link IllegalStateException}. */
    public Headers readOnly() {
        readOnly = true;
        return this;
    }

    /** Lets a recycled instance be written again; for the connection that owns it. */
    public void writable() {
        readOnly = false;
    }

    public boolean isReadOnly() {
        return readOnly;
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

    private void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("these headers can no longer be changed"
                    + " (request headers are read-only; response headers are sent once committed)");
        }
    }

    /** Refuses names and values that would break the response framing (header injection). */
    private static void checkField(String name, String value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || c == ':') {
                throw new IllegalArgumentException("header name has a forbidden character: " + name);
            }
        }
        if (value == null) {
            throw new IllegalArgumentException("header value is null for " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 127 || c > 255) {
                throw new IllegalArgumentException("header value of " + name + " has a forbidden character");
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        forEach((n, v) -> sb.append(n).append(": ").append(v).append('\n'));
        return sb.toString();
    }
}
