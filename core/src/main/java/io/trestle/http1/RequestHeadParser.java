package io.trestle.http1;

import java.io.IOException;

/** STUB — to be implemented (parser work). Parses request heads strictly per RFC 9112. */
public final class RequestHeadParser {
    public RequestHeadParser(Limits limits) {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Reads one request head. Returns {@code null} when the stream ends before its first byte
     * (the client closed a kept-alive connection).
     *
     * @throws HttpParseException for anything the client got wrong, with the status to answer
     */
    public RequestHead parse(ConnectionInput in) throws IOException {
        throw new UnsupportedOperationException("stub");
    }
}
