package io.trestle.http1;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The buffered input side of one connection: the parser reads the head from its buffer in place,
 * body streams read the rest, and bytes of a pipelined next request stay buffered for the next
 * parse.
 *
 * <p>Timeouts: with a {@linkplain #deadline deadline} set, every blocking read must end by it
 * and none starts once it has passed ({@link SocketTimeoutException}), so a client trickling one
 * byte every few seconds cannot stretch a head past it. Without a deadline, each blocking read may
 * wait the {@linkplain #readTimeout read timeout}. A {@link ReadGuard} makes the reads keep them.
 *
 * <pre>{@code
 * ConnectionInput in = new ConnectionInput(socket.getInputStream(), 8192, new WatchedReads(socket));
 * in.readTimeout(30_000);                      // idle keep-alive wait
 * if (!in.awaitData()) return;                 // client closed
 * in.deadlineAfter(headNanos);                 // the rest of the head within this time
 * RequestHead head = parser.parse(in);
 * in.deadline(0);
 * }</pre>
 *
 * <p>Not thread-safe: one connection, one thread.
 */
public final class ConnectionInput extends InputStream {

    /** {@link #findLineEnd}: the stream ended before a line end. */
    static final int EOF = -1;
    /** {@link #findLineEnd}: no line end within the allowed length. */
    static final int TOO_LONG = -2;

    private final InputStream in;
    private final ReadGuard guard;
    private final int initialSize;
    private byte[] buf;
    private int pos;
    private int limit;
    private long deadlineNanos;
    private long pendingDeadlineNanos;
    private int readTimeoutMillis;
    /** Flushed before any read that may block; null when nothing is to be flushed. */
    private ConnectionOutput output;
    /** The minimum rate the reads now under way must keep (a request body's), or null. */
    private DataRate rate;
    private boolean tooSlow;
    /** Bytes read from the connection so far. */
    private long received;

    /** @param guard bounds blocking reads in time; {@code null} enforces only the deadline, between reads */
    public ConnectionInput(InputStream in, int bufferSize, ReadGuard guard) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize must be positive: " + bufferSize);
        }
        this.in = in;
        this.guard = guard;
        this.initialSize = bufferSize;
        this.buf = new byte[bufferSize];
    }

    /**
     * Reads that would block after {@code System.nanoTime()} passes {@code deadlineNanos} throw
     * {@link SocketTimeoutException}; 0 removes the deadline.
     */
    public void deadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        this.pendingDeadlineNanos = 0;
    }

    /**
     * A deadline {@code nanos} from the first read that has to wait for the connection: a head
     * already in the buffer (pipelined, or arrived in one segment) then costs no clock read, where
     * a clock read costs ~30 ns in a virtual machine (1 % of a pipelined request).
     */
    public void deadlineAfter(long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("a deadline must be in the future: " + nanos);
        }
        this.deadlineNanos = 0;
        this.pendingDeadlineNanos = nanos;
    }

    /**
     * Flushes {@code output} before every read that may block, so that what was written is on
     * the wire before the connection waits for the client: a response must not wait for the rest
     * of a request the client sent part of behind it (a pipelined head, a stray empty line, a
     * body still coming). While bytes are buffered nothing is flushed, so a batch of pipelined
     * responses still leaves in one write, and a read finds nothing pending after the
     * connection's own flush at the end of a batch, which costs no system call.
     */
    void flushBeforeBlocking(ConnectionOutput output) {
        this.output = output;
    }

    /** Per-read timeout in milliseconds when no deadline is set; 0 waits forever. */
    public void readTimeout(int millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("read timeout must not be negative: " + millis);
        }
        this.readTimeoutMillis = millis;
    }

    /**
     * From now on every blocking read must keep {@code rate} (restarted here), on top of the read
     * timeout; a read that runs out of credit throws {@link SlowDataException}. {@code null}
     * stops measuring. The connection sets it while a request body is read, so waiting for a
     * head, or a handler's work between reads, never counts.
     */
    public void minimumRate(DataRate rate) {
        this.rate = rate;
        if (rate != null) {
            rate.restart();
        }
    }

    /** Whether a read ended because the minimum rate was not kept: the connection must close. */
    public boolean tooSlow() {
        return tooSlow;
    }

    /** The rate measured while the body was read, for a log line; null when none was measured. */
    String rateDescription() {
        return rate == null ? null : rate.describe();
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
                rewind();
                int n = blockingRead(b, off, len);
                if (n > 0) {
                    received += n;
                }
                return n;
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

    /** Bytes handed out so far (read from the connection and no longer buffered), for observers. */
    public long consumed() {
        return received - (limit - pos);
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
            rewind();
        }
        int n;
        do {
            n = blockingRead(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n > 0) {
            limit += n;
            received += n;
        }
        return n;
    }

    /** Empties the buffer, giving back the memory a large head made it grow to. */
    private void rewind() {
        pos = 0;
        limit = 0;
        if (buf.length > initialSize) {
            buf = new byte[initialSize];
        }
    }

    /** One read from the connection, within the deadline or read timeout; flushes pending output first. */
    private int blockingRead(byte[] b, int off, int len) throws IOException {
        if (output != null && output.hasBuffered()) {
            output.flush();
        }
        if (pendingDeadlineNanos != 0) {
            deadlineNanos = System.nanoTime() + pendingDeadlineNanos;
            pendingDeadlineNanos = 0;
        } else if (deadlineNanos != 0 && deadlineNanos - System.nanoTime() <= 0) {
            throw new SocketTimeoutException("read deadline passed");
        }
        if (rate != null) {
            return meteredRead(b, off, len);
        }
        if (guard == null) {
            return in.read(b, off, len);
        }
        guard.beforeRead(deadlineNanos, readTimeoutMillis);
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            guard.afterRead(-1); // a read ended by its timeout throws that instead
            throw e;
        }
        return guard.afterRead(n);
    }

    /**
     * One read that must end within the rate's credit as well as the read timeout; whichever
     * ends first is the deadline the guard keeps.
     */
    private int meteredRead(byte[] b, int off, int len) throws IOException {
        DataRate r = rate;
        if (tooSlow || r.exhausted()) {
            throw slow(r);
        }
        long start = System.nanoTime();
        long rateDeadline = start + r.credit();
        boolean rateFirst = readTimeoutMillis == 0
                || rateDeadline - (start + TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis)) < 0;
        int n;
        try {
            if (guard != null) {
                guard.beforeRead(rateFirst ? rateDeadline : 0, readTimeoutMillis);
            }
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                if (guard != null) {
                    guard.afterRead(-1);
                }
                throw e;
            }
            if (guard != null) {
                n = guard.afterRead(n);
            }
        } catch (SocketTimeoutException e) {
            r.moved(0, System.nanoTime() - start);
            if (rateFirst) {
                throw slow(r);
            }
            throw e;
        }
        r.moved(n, System.nanoTime() - start);
        if (r.exhausted() && n >= 0) {
            // The read outlived the credit (no guard, or the sweeper a little late), and what came
            // did not pay the wait back.
            throw slow(r);
        }
        return n;
    }

    private SlowDataException slow(DataRate r) {
        tooSlow = true;
        return new SlowDataException("request body too slow: " + r.describe());
    }
}
