package io.trestle.http1;

import java.util.Objects;

/**
 * Header fields as a peer sent them — a request's head, a chunked body's trailers, a multipart
 * part's head — read-only to everyone outside this package. It is not a
 * {@link io.trestle.WritableHeaders}, so no cast turns a request's headers writable again.
 *
 * <p>The request parser fills it through {@link #addParsed}, which skips the checks of
 * {@link ResponseHeaders}: the parser has already checked every byte of the field line, and a
 * second pass on the hot path would be wasted work. Parsers in other packages use a
 * {@link Builder}, which yields the headers only when done.
 */
public final class ReceivedHeaders extends FieldArray {
    /** No fields (a chunked body without trailers); nothing can add to it. */
    static final ReceivedHeaders EMPTY = new ReceivedHeaders(0);

    ReceivedHeaders(int capacity) {
        super(capacity);
    }

    /** Adds a field the parser has checked byte by byte; no checks here. */
    void addParsed(String name, String value) {
        append(name, value);
    }

    /**
     * Collects fields read by a parser outside this package (multipart part headers, the test
     * kit's response reader), then hands them out read-only. Such a parser checks its own input
     * (its rules differ: part headers may carry UTF-8 file names). The headers it builds can be
     * read but never sent: no API copies received headers into a response.
     *
     * <pre>{@code
     * ReceivedHeaders.Builder b = new ReceivedHeaders.Builder(4);
     * b.add("Content-Type", "text/plain");
     * Headers headers = b.build();
     * }</pre>
     */
    public static final class Builder {
        private ReceivedHeaders headers;

        public Builder(int capacity) {
            headers = new ReceivedHeaders(capacity);
        }

        /** Adds a field as read; the caller has checked it. */
        public Builder add(String name, String value) {
            current().addParsed(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The fields added so far, read-only; the builder can add nothing after this. */
        public ReceivedHeaders build() {
            ReceivedHeaders built = current();
            headers = null;
            return built;
        }

        private ReceivedHeaders current() {
            if (headers == null) {
                throw new IllegalStateException("these headers were already built");
            }
            return headers;
        }
    }
}
