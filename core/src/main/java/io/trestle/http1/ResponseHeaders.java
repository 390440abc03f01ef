package io.trestle.http1;

import io.trestle.WritableHeaders;

/**
 * A response's header fields: every write checks its name and value (see
 * {@link WritableHeaders}), and after the head is written ({@link #lock}) every write throws
 * {@link IllegalStateException}. A connection keeps one instance and {@link #reuse}s it for each
 * of its exchanges rather than allocate one per request.
 *
 * <pre>{@code
 * WritableHeaders headers = new ResponseHeaders(4);
 * headers.add("Vary", "Origin");
 * }</pre>
 */
public final class ResponseHeaders extends FieldArray implements WritableHeaders {
    private boolean locked;

    public ResponseHeaders(int capacity) {
        super(capacity);
    }

    @Override
    public ResponseHeaders set(String name, String value) {
        checkUnlocked();
        checkField(name, value); // before removing, so a refused value leaves the old one
        removeAll(name);
        append(name, value);
        return this;
    }

    @Override
    public ResponseHeaders add(String name, String value) {
        checkUnlocked();
        checkField(name, value);
        append(name, value);
        return this;
    }

    @Override
    public boolean remove(String name) {
        checkUnlocked();
        checkName(name);
        return removeAll(name);
    }

    @Override
    public void clear() {
        checkUnlocked();
        removeEvery();
    }

    /** From now on every change throws: the head has been written. */
    void lock() {
        locked = true;
    }

    /** Empty and writable again, for the connection's next exchange. */
    void reuse() {
        locked = false;
        removeEvery();
    }

    private void checkUnlocked() {
        if (locked) {
            throw new IllegalStateException(
                    "the response is committed: its status and headers were already sent");
        }
    }

    /** Refuses names and values that would break the response's framing (response splitting). */
    static void checkField(String name, String value) {
        checkName(name);
        if (value == null) {
            throw new IllegalArgumentException("header value is null for " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // The parser's own rule (RFC 9110 §5.5): VCHAR, SP, HTAB and obs-text, one byte each.
            if (c > 0xFF || !HttpChars.isFieldValueChar((byte) c)) {
                throw new IllegalArgumentException("header value of " + name + " has " + describe(c)
                        + " at index " + i + ": a value may not hold CR, LF, NUL or other control"
                        + " characters (tab excepted), nor characters above U+00FF");
            }
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name is " + (name == null ? "null" : "empty"));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 0xFF || !HttpChars.isToken((byte) c)) {
                throw new IllegalArgumentException("header name \"" + printable(name) + "\" has " + describe(c)
                        + " at index " + i + ": a name may hold only letters, digits and !#$%&'*+-.^_`|~");
            }
        }
    }

    private static String describe(char c) {
        return switch (c) {
            case '\r' -> "a CR";
            case '\n' -> "a LF";
            case 0 -> "a NUL";
            default -> c < 0x20 || c == 0x7F ? "control character U+" + hex(c)
                    : "'" + c + "' (U+" + hex(c) + ")";
        };
    }

    /** The name with control characters escaped, so the message itself cannot break a log line. */
    private static String printable(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sb.append("\\u").append(hex(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String hex(char c) {
        String h = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(Math.max(0, 4 - h.length())) + h;
    }
}
