package io.trestle.staticfiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/byteranges} body (RFC 9110 §14.6) for several ranges of one representation.
 * Its length is known before anything is written, so it goes out with a Content-Length.
 *
 * <pre>{@code
 * MultipartByteRanges body = new MultipartByteRanges(ranges, "text/plain; charset=utf-8", size);
 * res.header("Content-Length", Long.toString(body.length())).contentType(body.contentType());
 * body.write(res.outputStream(), source);
 * }</pre>
 */
final class MultipartByteRanges {
    /** Copies one range of the representation to {@code out}. */
    @FunctionalInterface
    interface Source {
        void copy(long offset, long length, OutputStream out) throws IOException;
    }

    private final List<ByteRange> ranges;
    private final String boundary;
    private final byte[][] heads;
    private final byte[] tail;
    private final long length;

    MultipartByteRanges(List<ByteRange> ranges, String contentType, long size) {
        this.ranges = List.copyOf(ranges);
        // Random, so no file can be crafted to contain the delimiter of its own response.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.boundary = "trestle-" + Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
        this.heads = new byte[this.ranges.size()][];
        long total = 0;
        for (int i = 0; i < heads.length; i++) {
            ByteRange range = this.ranges.get(i);
            String head = (i == 0 ? "--" : "\r\n--") + boundary
                    + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Range: " + range.contentRange(size) + "\r\n\r\n";
            heads[i] = head.getBytes(StandardCharsets.ISO_8859_1);
            total += heads[i].length + range.length();
        }
        this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        this.length = total + tail.length;
    }

    String boundary() {
        return boundary;
    }

    String contentType() {
        return "multipart/byteranges; boundary=" + boundary;
    }

    /** The exact number of bytes {@link #write} produces. */
    long length() {
        return length;
    }

    void write(OutputStream out, Source source) throws IOException {
        for (int i = 0; i < heads.length; i++) {
            out.write(heads[i]);
            ByteRange range = ranges.get(i);
            source.copy(range.first(), range.length(), out);
        }
        out.write(tail);
    }
}
