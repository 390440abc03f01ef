package io.trestle;

/**
 * A response's header fields: {@link Headers} that can be changed until the response is
 * committed. Every name must be an HTTP token (letters, digits and {@code !#$%&'*+-.^_`|~}), and
 * every value may hold printable characters, spaces, tabs and ISO-8859-1 letters
 * ({@code obs-text}, U+0080 to U+00FF, sent as one byte each) but no CR, LF, NUL or other
 * control character: anything else throws {@link IllegalArgumentException}, so no value can add
 * a header line of its own (response splitting). There is no unchecked way to write one.
 *
 * <pre>{@code
 * res.headers().add("Vary", "Accept-Encoding");
 * res.headers().set("Cache-Control", "no-store");
 * res.headers().add("X-Name", "a\r\nSet-Cookie: sid=evil");   // throws IllegalArgumentException
 * }</pre>
 *
 * <p>Once the response is committed (its head written), every change throws
 * {@link IllegalStateException}.
 */
public interface WritableHeaders extends Headers {

    /**
     * Replaces every value of {@code name} with {@code value}.
     *
     * @throws IllegalArgumentException when the name is not a token or the value holds a control
     *                                  character; the headers are then unchanged
     */
    WritableHeaders set(String name, String value);

    /**
     * Adds a value, keeping those already there.
     *
     * @throws IllegalArgumentException when the name is not a token or the value holds a control
     *                                  character; the headers are then unchanged
     */
    WritableHeaders add(String name, String value);

    /**
     * Removes every value of {@code name} (any case); returns whether there was one.
     *
     * @throws IllegalArgumentException when the name is not a token
     */
    boolean remove(String name);

    /** Removes every field. */
    void clear();
}
