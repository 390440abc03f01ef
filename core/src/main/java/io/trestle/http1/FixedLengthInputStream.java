package io.trestle.http1;

import java.io.IOException;
import java.io.InputStream;

/** STUB — to be implemented (parser work). Exactly {@code length} bytes of a body. */
public final class FixedLengthInputStream extends InputStream {
    public FixedLengthInputStream(ConnectionInput in, long length) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public int read() throws IOException {
        throw new UnsupportedOperationException("stub");
    }
}
