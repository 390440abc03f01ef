package io.trestle.http1;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.net.StandardSocketOptions;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The buffered output side of one connection. Response heads and small bodies collect in one
 * buffer and go out in one write; the connection flushes after each response unless a pipelined
 * request is already waiting, so a batch of pipelined responses leaves in one system call. The
 * {@link ConnectionInput} flushes it before any read that would block (a request is incomplete
 * behind the response), so no response waits for the client's next bytes.
 */
public final class ConnectionOutput extends OutputStream {
    /** Files this large leave in full-sized segments: Nagle's algorithm is on while they are sent. */
    private static final long CORK_THRESHOLD = 64 * 1024;
    private final OutputStream out;
    private final WritableByteChannel channel; // null when zero-copy is impossible (TLS)
    private final byte[] buf;
    private int count;
    private long written;
    /**
     * With a minimum rate, a blocking write goes out in pieces of at most this many bytes, each
     * a measured step: the sweeper can only tell progress at the end of a write call. A TLS
     * record's worth, so a TLS layer writes the same records as before.
     */
    static final int RATE_PIECE = 16 * 1024;
    /** When the blocking write under way started (System.nanoTime), or 0: read by the write-timeout sweeper. */
    private volatile long writeStarted;
    /** The minimum rate writes must keep, or null. */
    private DataRate rate;
    /**
     * How long the piece under way may take (nanoseconds): written before {@link #writeStarted},
     * whose volatile write publishes it to the sweeper, so a metered write costs no more volatile
     * writes than an unmetered one.
     */
    private long rateAllowance;

    public ConnectionOutput(OutputStream out, WritableByteChannel channel, int bufferSize) {
        this.out = out;
        this.channel = channel;
        this.buf = new byte[bufferSize];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buf.length) {
            drain();
        }
        buf[count++] = (byte) b;
        written++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        written += len;
        if (len >= buf.length) {
            // Large bodies go straight to the socket, after what is buffered.
            drain();
            blockingWrite(b, off, len);
            return;
        }
        if (len > buf.length - count) {
            drain();
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Writes the low byte of each char: header names and values are Latin-1 by the time they get here. */
    public void writeLatin1(String s) throws IOException {
        int len = s.length();
        if (len > buf.length - count) {
            drain();
            if (len > buf.length) {
                for (int i = 0; i < len; i++) {
                    write(s.charAt(i));
                }
                return;
            }
        }
        for (int i = 0; i < len; i++) {
            buf[count++] = (byte) s.charAt(i);
        }
        written += len;
    }

    /** Writes a non-negative decimal number without making a String. */
    public void writeDecimal(long value) throws IOException {
        if (value == 0) {
            write('0');
            return;
        }
        if (20 > buf.length - count) {
            drain();
        }
        int digits = 0;
        for (long v = value; v > 0; v /= 10) {
            digits++;
        }
        int end = count + digits;
        for (int i = end - 1; i >= count; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        count = end;
        written += digits;
    }

    /** Writes a number in hex (chunk sizes). */
    public void writeHex(long value) throws IOException {
        String hex = Long.toHexString(value);
        writeLatin1(hex);
    }

    /**
     * Sends {@code length} bytes of {@code file} from {@code position}: with {@code transferTo}
     * (sendfile) when the socket is a plain channel, else through the buffer.
     *
     * @return how many bytes were sent; fewer than asked means the file got shorter
     */
    public long transferFrom(FileChannel file, long position, long length) throws IOException {
        drain();
        long sent = 0;
        if (channel != null) {
            boolean cork = length >= CORK_THRESHOLD && channel instanceof SocketChannel;
            if (cork) {
                ((SocketChannel) channel).setOption(StandardSocketOptions.TCP_NODELAY, false);
            }
            try {
                sent = sendFile(file, position, length);
            } finally {
                if (cork && channel.isOpen()) { // a failed send keeps its own exception
                    // Turning TCP_NODELAY back on sends what Nagle's algorithm still holds at once.
                    ((SocketChannel) channel).setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
            }
        } else {
            while (sent < length) {
                int piece = copyPiece(file, position + sent, length - sent);
                if (piece < 0) {
                    break;
                }
                sent += piece;
            }
        }
        written += sent;
        return sent;
    }

    private long sendFile(FileChannel file, long position, long length) throws IOException {
        long sent = 0;
        while (sent < length) {
            rateAllowance = Long.MAX_VALUE / 4; // sendfile on a virtual thread never waits: nothing to meter
            writeStarted = System.nanoTime(); // a platform thread's socket blocks in sendfile
            long n;
            try {
                n = file.transferTo(position + sent, length - sent, channel);
            } finally {
                writeStarted = 0;
            }
            if (n > 0) {
                sent += n;
                continue;
            }
            // Nothing sent: the file got shorter, or the socket's send buffer is full. A
            // virtual thread's socket is non-blocking underneath, and transferTo does not wait
            // for room (it returns 0 at once), so retrying would spin. A blocking write of the
            // next piece waits for the client to make room; then sendfile goes on.
            int piece = copyPiece(file, position + sent, length - sent);
            if (piece < 0) {
                break; // truncated underneath us
            }
            sent += piece;
        }
        return sent;
    }

    /** Copies up to one buffer of {@code file} to the socket with a blocking write; -1 at the file's end. */
    private int copyPiece(FileChannel file, long position, long max) throws IOException {
        int n = file.read(ByteBuffer.wrap(buf, 0, (int) Math.min(buf.length, max)), position);
        if (n > 0) {
            blockingWrite(buf, 0, n);
        }
        return n <= 0 ? -1 : n;
    }

    /** Bytes handed to this stream since it was made (for the access log). */
    public long written() {
        return written;
    }

    public boolean hasBuffered() {
        return count > 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        if (count > 0) {
            blockingWrite(buf, 0, count);
            count = 0;
        }
    }

    private void blockingWrite(byte[] b, int off, int len) throws IOException {
        if (rate != null) {
            meteredWrite(b, off, len);
            return;
        }
        writeStarted = System.nanoTime();
        try {
            out.write(b, off, len);
        } finally {
            writeStarted = 0;
        }
    }

    /**
     * Writes in pieces, each allowed the rate's credit plus the time its own bytes earn: a client
     * taking at least the minimum rate always finishes a piece in time, whatever the piece's size.
     * Only time spent blocked counts; bytes the socket takes at once cost nothing.
     */
    private void meteredWrite(byte[] b, int off, int len) throws IOException {
        DataRate r = rate;
        for (int done = 0; done < len; ) {
            int piece = Math.min(RATE_PIECE, len - done);
            long start = System.nanoTime();
            rateAllowance = Math.max(0, r.credit()) + r.earnedBy(piece);
            writeStarted = start;
            try {
                out.write(b, off + done, piece);
            } finally {
                writeStarted = 0;
            }
            r.moved(piece, System.nanoTime() - start);
            done += piece;
        }
    }

    /**
     * Measures writes against {@code rate} from now on (a window of credit to start with);
     * {@code null} stops measuring.
     */
    public void minimumRate(DataRate rate) {
        this.rate = rate;
        if (rate != null) {
            rate.restart();
        }
    }

    /**
     * Whether the write under way has outlived what the minimum rate allows it, given that the
     * kernel holds up to {@code sendBufferBytes} (the sweeper's question; the connection is then
     * closed). A blocked write sees no progress until the kernel has sent about half its full
     * send buffer (Linux wakes a writer only then), so the bytes of half a buffer earn their time
     * too: a client that takes the minimum rate is never cut, however large the buffer.
     */
    public boolean tooSlow(long now, int sendBufferBytes) {
        DataRate r = rate;
        return r != null && mayBeTooSlow(now - r.earnedBy(Math.max(0, sendBufferBytes) / 2));
    }

    /** Whether the write under way has outlived its own allowance, before the send buffer is counted. */
    public boolean mayBeTooSlow(long now) {
        long started = writeStarted; // read first: it publishes rateAllowance
        return started != 0 && rate != null && now - started - rateAllowance > 0;
    }

    /**
     * The rate measured so far, for a log line, or null when writes are not measured. Read from
     * the sweeper's thread without a lock: the figures may be a write behind.
     */
    String rateDescription(long now) {
        DataRate r = rate;
        long started = writeStarted;
        return r == null ? null : (started == 0 ? "" : "a write has waited " + (now - started) / 1_000_000 + " ms; before it, ")
                + r.describe();
    }

    /**
     * How long the write under way has been blocked, in nanoseconds, or 0 when none is: a client
     * that stops reading keeps a write blocked, and only closing its socket frees the thread.
     */
    public long writeBlockedNanos(long now) {
        long started = writeStarted;
        return started == 0 ? 0 : now - started;
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
