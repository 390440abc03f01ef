package io.trestle.body;

import java.io.ByteArrayInputStream;

/** Hands out at most one byte per read, like a slow network, to shake out buffer-edge bugs. */
final class OneByteInputStream extends ByteArrayInputStream {
    OneByteInputStream(byte[] bytes) {
        super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
    }

    @Override
    public synchronized long skip(long n) {
        return super.skip(Math.min(n, 1));
    }
}
