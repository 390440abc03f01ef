package io.trestle.http1;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;

/**
 * A body of exactly {@code length} bytes (Content-Length, RFC 9112 §6.2), then -1. The
 * connection ending earlier is an {@link EOFException}; {@link #close()} leaves the connection open.
 *
 * <pre>{@code
 * InputStream body = new FixedLengthInputStream(in, head.contentLength());
 * byte[] all = body.readAllBytes();
 * }</pre>
 */
public final class FixedLengthInputStream extends BodyInputStream {
    private final ConnectionInput in;
    private final long length;
    private long remaining;

    public FixedLengthInputStream(ConnectionInput in, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        this.in = in;
        this.length = length;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        ensureOpen();
        if (remaining == 0) {
            return -1;
        }
        int b = in.read();
        if (b < 0) {
            throw truncated();
        }
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (remaining == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw truncated();
        }
        remaining -= n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        ensureOpen();
        return skipBody(n);
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(remaining, in.buffered());
    }

    @Override
    public boolean skipRemaining(long maxBytes) throws IOException {
        long budget = maxBytes;
        while (remaining > 0 && budget > 0) {
            budget -= skipBody(budget);
        }
        return remaining == 0;
    }

    private long skipBody(long n) throws IOException {
        if (n <= 0 || remaining == 0) {
            return 0;
        }
        long skipped = in.skip(Math.min(n, remaining));
        if (skipped == 0) {
            throw truncated();
        }
        remaining -= skipped;
        return skipped;
    }

    @Override
    public boolean isFinished() {
        return remaining == 0;
    }

    @Override
    public long bytesRead() {
        return length - remaining;
    }

    /** The declared length. */
    public long length() {
        return length;
    }

    private EOFException truncated() {
        return new EOFException("connection closed after " + (length - remaining) + " of " + length + " body bytes");
    }
}
