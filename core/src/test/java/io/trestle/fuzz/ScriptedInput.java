package io.trestle.fuzz;

import java.io.InputStream;
import java.util.Arrays;

/**
 * The bytes a client sends, handed to a {@link io.trestle.http1.ConnectionInput} at most
 * {@code maxPerRead} at a time, while watching it: how many bytes it has drawn, and the largest
 * buffer it offered to read into. The second shows, from outside, how far the connection's buffer
 * grew — a parser that buffers past its limits shows up here even when it refuses the input in the end.
 */
final class ScriptedInput extends InputStream {
    private final byte[] data;
    private final int maxPerRead;
    private int pos;
    private int largestBuffer;
    private byte[] callersArray;

    ScriptedInput(byte[] data, int maxPerRead) {
        if (maxPerRead < 1) {
            throw new IllegalArgumentException("maxPerRead must be positive: " + maxPerRead);
        }
        this.data = data;
        this.maxPerRead = maxPerRead;
    }

    /**
     * The array a body reader reads into: a large read goes straight to the source, and its array
     * is the caller's, not the connection's buffer, so {@link #largestBuffer} leaves it out.
     */
    void callersArray(byte[] array) {
        this.callersArray = array;
    }

    /** Bytes handed out so far. */
    int drawn() {
        return pos;
    }

    /** The length of the largest array a read was asked to fill. */
    int largestBuffer() {
        return largestBuffer;
    }

    /** What has not been handed out yet. */
    byte[] undrawn() {
        return Arrays.copyOfRange(data, pos, data.length);
    }

    @Override
    public int read() {
        return pos < data.length ? data[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (b != callersArray) {
            largestBuffer = Math.max(largestBuffer, b.length);
        }
        if (len == 0) {
            return 0;
        }
        if (pos == data.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, maxPerRead), data.length - pos);
        System.arraycopy(data, pos, b, off, n);
        pos += n;
        return n;
    }
}
