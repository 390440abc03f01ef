package io.trestle.body;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of one part, read straight from the request body. Valid until the reader moves to
 * the next part: after that, reading throws instead of silently returning nothing, because a
 * handler that keeps a part's stream for later has a bug it should hear about.
 */
final class PartBody extends InputStream {
    private final MultipartReader owner;
    private final MultipartInput input;
    private final int index;
    private boolean closed;

    PartBody(MultipartReader owner, MultipartInput input, int index) {
        this.owner = owner;
        this.input = input;
        this.index = index;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        check();
        return input.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        check();
        return input.skip(n);
    }

    @Override
    public int available() throws IOException {
        check();
        return input.available();
    }

    /** Closing leaves the rest unread; the reader skips it when asked for the next part. */
    @Override
    public void close() {
        closed = true;
    }

    private void check() throws IOException {
        if (closed) {
            throw new IOException("multipart part stream is closed");
        }
        if (owner.currentIndex() != index) {
            throw new IOException("multipart part was left behind: read each part before asking for the next");
        }
    }
}
