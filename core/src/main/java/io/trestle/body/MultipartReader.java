package io.trestle.body;

import io.trestle.Headers;
import io.trestle.HttpException;
import io.trestle.Part;
import io.trestle.Status;
import io.trestle.http1.HttpParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams the parts of a {@code multipart/form-data} body (RFC 7578) in order, each part's bytes
 * read straight from the request: nothing is buffered whole, so uploads of any size within the
 * limits cost a fixed 8 KiB.
 *
 * <pre>{@code
 * for (Part part : new MultipartReader(req.body(), req.contentType(), 50 << 20, 200 << 20)) {
 *     if (part.filename() != null) {
 *         try (InputStream in = part.body()) { Files.copy(in, dir.resolve(UUID.randomUUID().toString())); }
 *     } else {
 *         fields.put(part.name(), part.text());
 *     }
 * }
 * }</pre>
 *
 * <p>Asking for the next part ({@code hasNext()}) skips whatever is left of the current one, whose
 * stream then throws if read. The reader can be iterated once. Errors are {@link HttpException}s:
 * 400 for a malformed body (no closing boundary, garbage after a boundary, a part without a
 * form-data name, part headers over {@value #DEFAULT_MAX_HEADER_BYTES} bytes), 413 for a part or
 * a whole body over its limit — also when the handler skips the part.
 */
public final class MultipartReader implements Iterable<Part> {
    /** Largest header section of one part. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;

    private final MultipartInput input;
    private final int maxHeaderBytes;
    private boolean iterated;
    private int partsSeen;
    private int current = -1; // index of the part whose body may be read; -1 between parts
    private boolean finished;

    /**
     * @param contentType   the request's Content-Type, {@code multipart/form-data; boundary=...}
     * @param maxPartBytes  largest part body; beyond: 413
     * @param maxTotalBytes largest whole body, boundaries and headers included; beyond: 413
     * @throws HttpException 415 when the type is not multipart; 400 when it is malformed or the
     *         boundary is missing or invalid
     */
    public MultipartReader(InputStream body, String contentType, long maxPartBytes, long maxTotalBytes) {
        this(body, contentType, maxPartBytes, maxTotalBytes, DEFAULT_MAX_HEADER_BYTES);
    }

    /** Like {@link #MultipartReader(InputStream, String, long, long)} with another part-header limit. */
    public MultipartReader(InputStream body, String contentType, long maxPartBytes, long maxTotalBytes,
                           int maxHeaderBytes) {
        this.input = new MultipartInput(body, boundary(contentType), maxPartBytes, maxTotalBytes);
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /**
     * The boundary of a multipart Content-Type (RFC 2046 §5.1.1: 1 to 70 characters from a small
     * set, not ending in a space).
     */
    public static String boundary(String contentType) {
        if (contentType == null) {
            throw new HttpException(Status.UNSUPPORTED_MEDIA_TYPE, "expected a multipart body");
        }
        HeaderParams type = HeaderParams.parse(contentType);
        if (type == null) {
            throw MultipartInput.bad("malformed multipart Content-Type");
        }
        if (!type.value().startsWith("multipart/")) {
            throw new HttpException(Status.UNSUPPORTED_MEDIA_TYPE, "expected a multipart body");
        }
        String boundary = type.get("boundary");
        if (boundary == null) {
            throw MultipartInput.bad("multipart Content-Type without a boundary");
        }
        int length = boundary.length();
        if (length == 0 || length > 70 || boundary.charAt(length - 1) == ' ') {
            throw MultipartInput.bad("invalid multipart boundary");
        }
        for (int i = 0; i < length; i++) {
            char c = boundary.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "'()+_,-./:=? ".indexOf(c) >= 0;
            if (!ok) {
                throw MultipartInput.bad("invalid multipart boundary");
            }
        }
        return boundary;
    }

    @Override
    public Iterator<Part> iterator() {
        if (iterated) {
            throw new IllegalStateException("the parts of a multipart body can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            private Part next;

            @Override
            public boolean hasNext() {
                if (next == null && !finished) {
                    next = advance();
                }
                return next != null;
            }

            @Override
            public Part next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Part part = next;
                next = null;
                return part;
            }
        };
    }

    int currentIndex() {
        return current;
    }

    /** Skips the rest of the current part and reads the next one's headers; {@code null} at the end. */
    private Part advance() {
        current = -1; // the old part's stream is dead from here on, even if this fails
        try {
            if (!input.nextPart()) {
                finished = true;
                return null;
            }
            Headers headers = PartHeaderReader.read(input, maxHeaderBytes);
            ContentDisposition disposition = ContentDisposition.parse(headers.get("Content-Disposition"));
            String type = headers.get("Content-Type");
            input.startPart();
            current = partsSeen++;
            return new StreamedPart(disposition.name(), disposition.filename(),
                    type == null || type.isEmpty() ? "text/plain" : type, headers, new PartBody(this, input, current));
        } catch (HttpParseException e) {
            finished = true;
            throw new HttpException(e.status(), e.getMessage());
        } catch (IOException e) {
            finished = true;
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            finished = true;
            throw e;
        }
    }
}
