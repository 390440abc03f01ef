package io.trestle.body;

import io.trestle.HttpException;
import io.trestle.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The buffered reader under {@link MultipartReader}: finds the delimiter
 * ({@code CRLF "--" boundary}) in the stream, hands out the bytes before it as part data, and
 * counts bytes against the per-part and total limits.
 *
 * <p>The buffer starts with a CRLF of our own, so a body that opens with {@code --boundary} has
 * the same delimiter as every later part, and a preamble before it is skipped like part data.
 * Bytes in {@code [pos, dataEnd)} are known to be part data; when {@code delimiterAtDataEnd},
 * the delimiter starts at {@code dataEnd}. Scanning happens only when {@code pos} reaches
 * {@code dataEnd}, so one-byte reads cost no rescans.
 */
final class MultipartInput {
    private final InputStream in;
    private final byte[] delimiter;
    private final long maxPartBytes;
    private final long maxTotalBytes;
    private final byte[] buf;
    private int pos;
    private int limit;
    private int dataEnd;
    private boolean delimiterAtDataEnd;
    private boolean eof;
    private long total;
    private long partBytes;
    private boolean countPart;

    MultipartInput(InputStream in, String boundary, long maxPartBytes, long maxTotalBytes) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.maxPartBytes = maxPartBytes;
        this.maxTotalBytes = maxTotalBytes;
        this.buf = new byte[8192];
        buf[0] = '\r';
        buf[1] = '\n';
        limit = 2;
    }

    /** Starts counting a new part's bytes; the preamble is not counted as a part. */
    void startPart() {
        partBytes = 0;
        countPart = true;
        dataEnd = pos;
        delimiterAtDataEnd = false;
    }

    /** Reads part data; -1 at the delimiter. */
    int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!ensureData()) {
            return -1;
        }
        int n = Math.min(len, dataEnd - pos);
        count(n);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Part data bytes that can be read without blocking. */
    int available() {
        return dataEnd - pos;
    }

    /** Skips up to {@code n} bytes of part data; 0 at the delimiter. */
    long skip(long n) throws IOException {
        if (n <= 0 || !ensureData()) {
            return 0;
        }
        int k = (int) Math.min(n, dataEnd - pos);
        count(k);
        pos += k;
        return k;
    }

    /**
     * Skips what is left of the current part (or preamble), then the delimiter and what follows it.
     *
     * @return {@code true} when a part follows (its headers are next), {@code false} after the
     *         closing delimiter
     */
    boolean nextPart() throws IOException {
        while (ensureData()) {
            count(dataEnd - pos);
            pos = dataEnd;
        }
        pos += delimiter.length;
        int c = readByte();
        if (c < 0) {
            throw bad("multipart body ends before its closing boundary");
        }
        if (c == '-') {
            if (readByte() == '-') {
                return false; // the closing delimiter; the epilogue, if any, is left unread
            }
            throw bad("malformed multipart boundary line");
        }
        while (c == ' ' || c == '\t') {
            c = readByte(); // transport padding (RFC 2046 §5.1.1)
        }
        if (c != '\r' || readByte() != '\n') {
            throw bad("malformed multipart boundary line");
        }
        return true;
    }

    /** The next byte outside part data (boundary lines, part headers); -1 at the end of the stream. */
    int readByte() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    /** Whether there is part data at {@code pos}; false when the delimiter is there. */
    private boolean ensureData() throws IOException {
        while (pos == dataEnd) {
            if (delimiterAtDataEnd) {
                return false;
            }
            int found = indexOfDelimiter();
            if (found >= 0) {
                dataEnd = found;
                delimiterAtDataEnd = true;
            } else if (limit - (delimiter.length - 1) > pos) {
                dataEnd = limit - (delimiter.length - 1); // a delimiter could start only after this
            } else if (!fill()) {
                throw bad("multipart body ends before its closing boundary");
            }
        }
        return true;
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = limit - delimiter.length;
        outer:
        for (int i = pos; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int k = 1; k < delimiter.length; k++) {
                if (buf[i + k] != delimiter[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Moves unread bytes to the front and reads more; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            dataEnd -= pos;
            pos = 0;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        total += n;
        if (total > maxTotalBytes) {
            throw new HttpException(Status.CONTENT_TOO_LARGE, "multipart body larger than " + maxTotalBytes + " bytes");
        }
        limit += n;
        return true;
    }

    private void count(int n) {
        if (countPart && (partBytes += n) > maxPartBytes) {
            throw new HttpException(Status.CONTENT_TOO_LARGE, "multipart part larger than " + maxPartBytes + " bytes");
        }
    }

    static HttpException bad(String message) {
        return new HttpException(Status.BAD_REQUEST, message);
    }
}
