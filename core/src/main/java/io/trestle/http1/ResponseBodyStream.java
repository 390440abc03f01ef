package io.trestle.http1;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What {@code Response.outputStream()} returns. Writes collect in a small buffer; if the handler
 * closes the stream before the buffer overflows or is flushed, the whole length is known and the
 * response goes out with Content-Length. Otherwise the head is committed on the first overflow or
 * {@code flush()} and the body is sent chunked (or, with a Content-Length the handler set,
 * exactly that many bytes).
 */
final class ResponseBodyStream extends OutputStream {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};

    private final Http1Response response;
    private final ConnectionOutput out;
    private final byte[] buf;
    private int count;
    private boolean chunked;
    private long declaredLength = -1; // from a Content-Length the handler set
    private long sent;
    private boolean closed;

    ResponseBodyStream(Http1Response response, ConnectionOutput out, int bufferSize) {
        this.response = response;
        this.out = out;
        this.buf = new byte[bufferSize];
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (count == buf.length) {
            emit(false);
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        while (len > 0) {
            if (count == buf.length) {
                emit(false);
            }
            int n = Math.min(len, buf.length - count);
            System.arraycopy(b, off, buf, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        emit(false);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        emit(true);
        if (chunked && !response.omitsBody()) {
            out.write(LAST_CHUNK);
        }
        if (declaredLength >= 0 && sent != declaredLength) {
            // The client was promised another length; only closing the connection tells it.
            response.closeConnection();
            throw new IOException("response body was " + sent + " bytes, Content-Length said " + declaredLength);
        }
        response.finished();
    }

    private void emit(boolean last) throws IOException {
        if (!response.isCommitted()) {
            String length = response.headers().get("Content-Length");
            if (length != null) {
                declaredLength = parseLength(length);
                response.commitHead(declaredLength);
            } else if (last) {
                response.commitHead(count); // everything is here: send its exact length
            } else {
                chunked = response.commitChunked();
            }
        }
        if (count == 0) {
            return;
        }
        sent += count;
        if (declaredLength >= 0 && sent > declaredLength) {
            response.closeConnection();
            throw new IOException("response body is longer than its Content-Length " + declaredLength);
        }
        if (!response.omitsBody()) {
            if (chunked) {
                out.writeHex(count);
                out.write(CRLF);
                out.write(buf, 0, count);
                out.write(CRLF);
            } else {
                out.write(buf, 0, count);
            }
        }
        count = 0;
    }

    private static long parseLength(String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Content-Length header is not a length: " + value);
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("response stream is closed");
        }
    }
}
