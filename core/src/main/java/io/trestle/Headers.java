package io.trestle;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * HTTP header fields, read-only: names compared without case, several values per name kept in
 * the order received (so repeated {@code Set-Cookie} or {@code Accept} fields survive).
 *
 * <p>A request's headers ({@link Request#headers()}), a multipart part's and a chunked body's
 * trailers are of this type and have no method that changes them: what the client sent cannot be
 * rewritten by a filter or handler. A response's headers are the {@link WritableHeaders} subtype,
 * which checks every name and value it is given.
 *
 * <pre>{@code
 * String type = req.headers().get("content-type");      // any spelling of the name; null if absent
 * List<String> accepts = req.headers().all("Accept");   // every value, in order
 * req.headers().forEach((name, value) -> log.debug("{}: {}", name, value));
 * }</pre>
 */
public interface Headers {

    /** The first value of {@code name} (any case), or {@code null}. */
    String get(String name);

    /** Every value of {@code name} in order; empty when there is none. The list cannot be changed. */
    List<String> all(String name);

    /** Whether {@code name} (any case) has a value. */
    boolean contains(String name);

    /** How many values {@code name} has. */
    int count(String name);

    /** The distinct names in the order first seen, spelled as first seen. */
    Set<String> names();

    /** Calls {@code action} with every field in order, repeated names once per value. */
    void forEach(BiConsumer<String, String> action);

    /** How many fields there are, repeated names once per value. */
    int size();

    boolean isEmpty();

    /** The name of the {@code i}-th field, {@code 0 <= i < size()}, as spelled by its sender. */
    String nameAt(int i);

    /** The value of the {@code i}-th field, {@code 0 <= i < size()}. */
    String valueAt(int i);
}
