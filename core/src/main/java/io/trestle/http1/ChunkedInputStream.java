package io.trestle.http1;

import io.trestle.Headers;
import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;

/**
 * Decodes a chunked body (RFC 9112 §7.1) as it is read, buffering none of it: chunk sizes and
 * extensions are checked strictly, decoded bytes count against a limit (413 as soon as a chunk
 * would pass it), and the trailer section is bounded like the header section (431). The
 * connection ending early is an {@link EOFException}; {@link #close()} leaves it open.
 *
 * <pre>{@code
 * ChunkedInputStream body = new ChunkedInputStream(in, limits.maxBodyBytes(), limits);
 * byte[] all = body.readAllBytes();
 * String checksum = body.trailers().get("Digest");
 * }</pre>
 */
public final class ChunkedInputStream extends BodyInputStream {
    /** Longest chunk-size line with its extensions; Tomcat and Undertow bound it similarly. */
    static final int MAX_CHUNK_LINE = 4096;

    private enum State { SIZE, DATA, DATA_END, DONE }

    private final ConnectionInput in;
    private final long maxBodyBytes;
    private final Limits limits;
    private State state = State.SIZE;
    private long remaining;
    private long declared;
    private long extensionBytes;
    private Headers trailers;

    public ChunkedInputStream(ConnectionInput in, long maxBodyBytes, Limits limits) {
        this.in = in;
        this.maxBodyBytes = maxBodyBytes;
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        ensureOpen();
        if (!toData()) {
            return -1;
        }
        int b = in.read();
        if (b < 0) {
            throw truncated();
        }
        consumed(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (len == 0) {
            return 0;
        }
        if (!toData()) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw truncated();
        }
        consumed(n);
        return n;
    }

    @Override
    public int available() throws IOException {
        return state == State.DATA ? (int) Math.min(remaining, in.buffered()) : 0;
    }

    @Override
    public boolean skipRemaining(long maxBytes) throws IOException {
        long budget = maxBytes;
        while (toData()) {
            if (budget <= 0) {
                return false;
            }
            long skipped = in.skip(Math.min(budget, remaining));
            if (skipped == 0) {
                throw truncated();
            }
            budget -= skipped;
            consumed(skipped);
        }
        return true;
    }

    @Override
    public boolean isFinished() {
        return state == State.DONE;
    }

    @Override
    public long bytesRead() {
        return declared - remaining;
    }

    /** The trailer fields, read-only; empty until the body has been read to its end. */
    public Headers trailers() {
        return trailers != null ? trailers : ReceivedHeaders.EMPTY;
    }

    /**
     * Moves to chunk data, reading the CRLF after the previous chunk and the next chunk-size line
     * as needed; false once the last chunk and the trailers have been read.
     */
    private boolean toData() throws IOException {
        while (true) {
            switch (state) {
                case DATA:
                    return true;
                case DONE:
                    return false;
                case DATA_END:
                    expectDataEnd('\r');
                    expectDataEnd('\n');
                    state = State.SIZE;
                    break;
                case SIZE:
                    long size = readChunkSize();
                    if (size == 0) {
                        ReceivedHeaders fields = new ReceivedHeaders(4);
                        FieldSection.readTrailers(in, fields, limits);
                        trailers = fields;
                        state = State.DONE;
                        return false;
                    }
                    if (size > maxBodyBytes - declared) {
                        throw ParseRule.BODY_TOO_LARGE.violation();
                    }
                    declared += size;
                    remaining = size;
                    state = State.DATA;
                    return true;
            }
        }
    }

    private void expectDataEnd(char c) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw truncated();
        }
        if (b != c) {
            throw ParseRule.CHUNK_DATA_CRLF.violation();
        }
    }

    private void consumed(long n) {
        remaining -= n;
        if (remaining == 0) {
            state = State.DATA_END;
        }
    }

    /** Reads {@code chunk-size [ chunk-ext ] CRLF}; returns the size. */
    private long readChunkSize() throws IOException {
        int lf = in.findLineEnd(MAX_CHUNK_LINE + 2);
        if (lf == ConnectionInput.EOF) {
            throw truncated();
        }
        if (lf == ConnectionInput.TOO_LONG) {
            throw ParseRule.CHUNK_EXTENSIONS_TOO_LONG.violation();
        }
        byte[] buf = in.buffer();
        int start = in.position();
        int end = FieldSection.lineContentEnd(buf, start, lf);
        in.consumeTo(lf + 1);
        int i = start;
        long size = 0;
        while (i < end && HttpChars.isHex(buf[i])) {
            if (i - start == 16 || size > (Long.MAX_VALUE >>> 4)) {
                throw ParseRule.CHUNK_SIZE_TOO_LARGE.violation();
            }
            size = (size << 4) | HttpChars.hexValue(buf[i]);
            i++;
        }
        if (i == start) {
            throw ParseRule.CHUNK_SIZE_SYNTAX.violation();
        }
        if (i < end) {
            extensionBytes += end - i;
            if (extensionBytes > limits.maxHeaderBytes()) {
                throw ParseRule.CHUNK_EXTENSIONS_TOO_LONG.violation();
            }
            ChunkExtensions.check(buf, i, end);
        }
        return size;
    }

    private EOFException truncated() {
        return new EOFException("connection closed inside a chunked body");
    }
}
