package io.trestle.http1;

import java.io.IOException;
import java.io.InputStream;

/** STUB — to be implemented (parser work). Decodes a chunked body; counts decoded bytes against a limit. */
public final class ChunkedInputStream extends InputStream {
    public ChunkedInputStream(ConnectionInput in, long maxBodyBytes, Limits limits) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public int read() throws IOException {
        throw new UnsupportedOperationException("stub");
    }
}
