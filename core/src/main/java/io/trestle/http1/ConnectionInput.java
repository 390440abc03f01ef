package io.trestle.http1;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Objects;

/**
 * The buffered input side of one connection: the parser reads the head from its buffer in place,
 * body streams read the rest, and bytes of a pipelined next request stay buffered for the next
 * parse.
 *
 * <p>Timeouts: with a {@linkplain #deadline deadline} set, every blocking read first sets the
 * socket timeout to the time left and throws {@link SocketTimeoutException} once it has passed,
 * so a client trickling one byte every few seconds cannot stretch a head past it. Without a
 * deadline, each blocking read may wait the {@linkplain #readTimeout read timeout}.
 *
 * <pre>{@code
 * ConnectionInput in = new ConnectionInput(socket.getInputStream(), 8192, socket::setSoTimeout);
 * in.readTimeout(30_000);                      // idle keep-alive wait
 * if (!in.awaitData()) return;                 // client closed
 * in.deadline(System.nanoTime() + headNanos);  // the whole head within this time
 * RequestHead head = parser.parse(in);
 * in.deadline(0);
 * }</pre>
 *
 * <p>Not thread-safe: one connection, one thread.
 */
public final class ConnectionInput extends InputStream {

    /** Sets the socket's read timeout; the connection passes {@code socket::setSoTimeout}. */
    @FunctionalInterface
    public interface ReadTimeouts {
        void soTimeout(int millis) throws IOException;
    }

    /** {@link #findLineEnd}: the stream ended before a line end. */
    static final int EOF = -1;
    /** {@link #findLineEnd}: no line end within the allowed length. */
    static final int TOO_LONG = -2;

    private static final int NOT_APPLIED = -1;

    private final InputStream in;
    private final ReadTimeouts timeouts;
    private final int initialSize;
    private byte[] buf;
    private int pos;
    private int limit;
    private long deadlineNanos;
    private int readTimeoutMillis;
    private int appliedTimeout = NOT_APPLIED;

    public ConnectionInput(InputStream in, int bufferSize, ReadTimeouts timeouts) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize must be positive: " + bufferSize);
        }
        this.in = in;
        this.timeouts = timeouts;
        this.initialSize = bufferSize;
        this.buf = new byte[bufferSize];
    }

    /**
     * Reads that would block after {@code System.nanoTime()} passes {@code deadlineNanos} throw
     * {@link SocketTimeoutException}; 0 removes the deadline.
     */
    public void deadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** Per-read timeout in milliseconds when no deadline is set; 0 waits forever. */
    public void readTimeout(int millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("read timeout must not be negative: " + millis);
        }
        this.readTimeoutMillis = millis;
    }

    /** Whether bytes are already buffered (a pipelined request is waiting). */
    public boolean hasBuffered() {
        return pos < limit;
    }

    /** Blocks until a byte is buffered without consuming it; false at end of stream. */
    public boolean awaitData() throws IOException {
        return pos < limit || fill() > 0;
    }

    @Override
    public int read() throws IOException {
        if (pos == limit && fill() <= 0) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    /** Returns buffered bytes first; blocks (once) only when none are buffered. */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (pos == limit) {
            if (len >= buf.length) {
                // A large read gains nothing from a copy through the buffer.
                applyTimeout();
                return in.read(b, off, len);
            }
            if (fill() <= 0) {
                return -1;
            }
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Skips buffered bytes, reading once when none are; returns 0 only at end of stream. */
    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        if (pos == limit && fill() <= 0) {
            return 0;
        }
        int skipped = (int) Math.min(n, limit - pos);
        pos += skipped;
        return skipped;
    }

    /** The buffered bytes, or what the connection could give without blocking when none are. */
    @Override
    public int available() throws IOException {
        return pos < limit ? limit - pos : in.available();
    }

    /** Closes the connection's input stream. */
    @Override
    public void close() throws IOException {
        in.close();
    }

    // ---- in-place access for the parser and the body streams ----

    byte[] buffer() {
        return buf;
    }

    int position() {
        return pos;
    }

    int buffered() {
        return limit - pos;
    }

    /** Marks the buffer up to {@code index} (exclusive) as consumed. */
    void consumeTo(int index) {
        if (index < pos || index > limit) {
            throw new IndexOutOfBoundsException(index);
        }
        pos = index;
    }

    /**
     * Makes sure a whole line is buffered and returns the index of its LF in {@link #buffer()}
     * (the line starts at {@link #position()}). Reads until an LF shows up within
     * {@code maxLength} bytes from the position, growing the buffer up to {@code maxLength} when a
     * line does not fit; never reads for more once {@code maxLength} bytes without LF are here.
     *
     * @return the LF's index, {@link #EOF} if the stream ends first, {@link #TOO_LONG} if there is
     *     no LF in the first {@code maxLength} bytes
     */
    int findLineEnd(int maxLength) throws IOException {
        int scanned = 0;
        while (true) {
            int end = (int) Math.min(limit, (long) pos + maxLength);
            for (int i = pos + scanned; i < end; i++) {
                if (buf[i] == '\n') {
                    return i;
                }
            }
            scanned = end - pos;
            if (scanned >= maxLength) {
                return TOO_LONG;
            }
            if (limit == buf.length) {
                makeRoom(maxLength);
            }
            if (fill() < 0) {
                return EOF;
            }
        }
    }

    /** Frees space after {@code limit}: compacts, or grows the buffer towards {@code maxLength}. */
    private void makeRoom(int maxLength) {
        int kept = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, kept);
        } else {
            byte[] bigger = new byte[(int) Math.min(Math.max(2L * buf.length, 64), maxLength)];
            System.arraycopy(buf, 0, bigger, 0, kept);
            buf = bigger;
        }
        pos = 0;
        limit = kept;
    }

    /**
     * Reads once into the free space after {@code limit} (callers make sure there is some).
     * Returns the count read, or -1 at end of stream. An empty buffer is rewound first, and shrunk
     * back if a large head had grown it.
     */
    private int fill() throws IOException {
        if (pos == limit) {
            pos = 0;
            limit = 0;
            if (buf.length > initialSize) {
                buf = new byte[initialSize];
            }
        }
        int n;
        do {
            applyTimeout();
            n = in.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n > 0) {
            limit += n;
        }
        return n;
    }

    /** Before a blocking read: fails past the deadline, else sets the socket timeout if it changed. */
    private void applyTimeout() throws IOException {
        int millis = readTimeoutMillis;
        if (deadlineNanos != 0) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("read deadline passed");
            }
            // Round up: a timeout of 0 would mean "wait forever" to the socket.
            millis = (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000);
        }
        if (timeouts != null && millis != appliedTimeout) {
            timeouts.soTimeout(millis);
            appliedTimeout = millis;
        }
    }
}
