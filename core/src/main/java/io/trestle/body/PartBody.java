package io.trestle.body;

import io.trestle.HttpException;
import io.trestle.http1.HttpParseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The bytes of one part, read straight from the request body. Valid until the reader moves to
 * the next part: after that, reading throws instead of silently returning nothing, because a
 * handler that keeps a part's stream for later has a bug it should hear about.
 *
 * <p>A client error from the request body (an {@link HttpParseException}: timeout, bad chunk)
 * is rethrown as an {@link HttpException}, like the limits, so that a handler wrapping every
 * {@code IOException} cannot turn it into a 500.
 */
final class PartBody extends InputStream {
    private final MultipartReader owner;
    private final MultipartInput input;
    private final int index;
    private final byte[] single = new byte[1];
    private boolean closed;

    PartBody(MultipartReader owner, MultipartInput input, int index) {
        this.owner = owner;
        this.input = input;
        this.index = index;
    }

    @Override
    public int read() throws IOException {
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        check();
        try {
            return input.read(b, off, len);
        } catch (HttpParseException e) {
            throw new HttpException(e.status(), e.getMessage());
        }
    }

    @Override
    public long skip(long n) throws IOException {
        check();
        try {
            return input.skip(n);
        } catch (HttpParseException e) {
            throw new HttpException(e.status(), e.getMessage());
        }
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
