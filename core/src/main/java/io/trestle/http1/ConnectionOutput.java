package io.trestle.http1;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The buffered output side of one connection. Response heads and small bodies collect in one
 * buffer and go out in one write; the connection flushes after each response unless a pipelined
 * request is already waiting, so a batch of pipelined responses leaves in one system call.
 */
public final class ConnectionOutput extends OutputStream {
    private final OutputStream out;
    private final WritableByteChannel channel; // null when zero-copy is impossible (TLS)
    private final byte[] buf;
    private int count;
    private long written;
    /** When the blocking write under way started (System.nanoTime), or 0: read by the write-timeout sweeper. */
    private volatile long writeStarted;

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
            while (sent < length) {
                writeStarted = System.nanoTime();
                long n;
                try {
                    n = file.transferTo(position + sent, length - sent, channel);
                } finally {
                    writeStarted = 0;
                }
                if (n <= 0) {
                    if (position + sent >= file.size()) {
                        break; // truncated underneath us
                    }
                    continue;
                }
                sent += n;
            }
        } else {
            ByteBuffer chunk = ByteBuffer.wrap(buf);
            while (sent < length) {
                chunk.clear().limit((int) Math.min(buf.length, length - sent));
                int n = file.read(chunk, position + sent);
                if (n < 0) {
                    break;
                }
                blockingWrite(buf, 0, n);
                sent += n;
            }
        }
        written += sent;
        return sent;
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
        writeStarted = System.nanoTime();
        try {
            out.write(b, off, len);
        } finally {
            writeStarted = 0;
        }
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
