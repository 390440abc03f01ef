package io.trestle.staticfiles;

import io.trestle.HttpException;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Sends one regular file: picks its {@link Representation}, sets validators and caching headers,
 * evaluates preconditions and ranges, and writes the body from memory or zero-copy from disk.
 */
final class FileSender {
    private final StaticFilesOptions options;
    private final FileCache cache;

    FileSender(StaticFilesOptions options, FileCache cache) {
        this.options = options;
        this.cache = cache;
    }

    /** Sends {@code file}, whose content type follows from the requested {@code name}. */
    void send(Request req, Response res, Resource file, String name) throws IOException {
        MimeTypes.MediaType type = MimeTypes.of(name);
        Representation rep = Representation.choose(req, file, type, options.gzip());
        switch (Preconditions.evaluate(req, rep.etag(), rep.lastModified())) {
            case FAILED -> throw new HttpException(Status.PRECONDITION_FAILED, "Precondition Failed");
            case NOT_MODIFIED -> {
                cachingHeaders(res, type, rep);
                res.status(Status.NOT_MODIFIED);
                res.send(new byte[0]);
                return;
            }
            case PROCEED -> {
            }
        }
        Resource body = rep.body();
        String range = req.header("Range");
        boolean rangeAllowed = range != null
                && Preconditions.rangeAllowed(req.header("If-Range"), rep.etag(), rep.lastModified());
        ByteRanges.Result ranges = rangeAllowed ? ByteRanges.parse(range, body.size()) : new ByteRanges.Whole();
        res.header("Accept-Ranges", "bytes");
        if (ranges instanceof ByteRanges.Unsatisfiable) {
            // Answered here: error pages drop the handler's headers, and 416 needs Content-Range.
            res.status(Status.RANGE_NOT_SATISFIABLE);
            res.header("Content-Range", "bytes */" + body.size());
            res.text("Range Not Satisfiable: the file has " + body.size() + " bytes\n");
            return;
        }
        cachingHeaders(res, type, rep);
        res.contentType(type.contentType());
        if (rep.coding() != null) {
            res.header("Content-Encoding", rep.coding());
        }
        if (rep.gzipNow()) {
            sendGzipped(res, body);
            return;
        }
        switch (ranges) {
            case ByteRanges.Partial p when p.ranges().size() == 1 -> sendRange(res, body, p.ranges().get(0));
            case ByteRanges.Partial p -> sendMultipart(res, body, p.ranges(), type.contentType());
            default -> sendWhole(res, body);
        }
    }

    private void cachingHeaders(Response res, MimeTypes.MediaType type, Representation rep) {
        if (rep.varies()) {
            res.header("Vary", "Accept-Encoding");
        }
        res.header("Cache-Control", type.isHtml() ? options.cacheControlHtml() : options.cacheControl());
        res.header("ETag", rep.etag());
        res.header("Last-Modified", rep.lastModifiedText());
    }

    private void sendWhole(Response res, Resource body) throws IOException {
        FileCache.Entry cached = cache.get(body);
        if (cached != null) {
            res.send(cached.bytes());
        } else {
            sendFile(res, body, 0, body.size());
        }
    }

    private void sendRange(Response res, Resource body, ByteRange range) throws IOException {
        res.status(Status.PARTIAL_CONTENT);
        res.header("Content-Range", range.contentRange(body.size()));
        FileCache.Entry cached = cache.get(body);
        if (cached != null) {
            res.send(Arrays.copyOfRange(cached.bytes(), (int) range.first(), (int) range.last() + 1));
        } else {
            sendFile(res, body, range.first(), range.length());
        }
    }

    private void sendMultipart(Response res, Resource body, List<ByteRange> ranges, String contentType)
            throws IOException {
        MultipartByteRanges multipart = new MultipartByteRanges(ranges, contentType, body.size());
        res.status(Status.PARTIAL_CONTENT);
        res.contentType(multipart.contentType());
        res.header("Content-Length", Long.toString(multipart.length()));
        FileCache.Entry cached = cache.get(body);
        if (cached != null) {
            byte[] bytes = cached.bytes();
            OutputStream out = res.outputStream();
            multipart.write(out, (offset, length, o) -> o.write(bytes, (int) offset, (int) length));
            out.close();
            return;
        }
        try (FileChannel channel = open(body)) {
            OutputStream out = res.outputStream();
            multipart.write(out, (offset, length, o) -> FileCopy.copy(channel, offset, length, o));
            out.close();   // only on success: a failed copy must leave the response incomplete
        }
    }

    private void sendGzipped(Response res, Resource file) throws IOException {
        FileCache.Entry cached = cache.get(file);
        if (cached != null) {
            res.send(cache.gzipped(cached));
            return;
        }
        try (FileChannel channel = open(file)) {
            OutputStream out = res.outputStream();
            AbortableGzip gzip = new AbortableGzip(out);
            try {
                FileCopy.copy(channel, 0, file.size(), gzip);
            } catch (IOException | RuntimeException e) {
                gzip.abort();
                throw e;
            }
            gzip.close();
        }
    }

    /** Zero-copy; the response throws 404 if the file is gone, and closes the connection if it shrinks. */
    private static void sendFile(Response res, Resource body, long offset, long length) {
        res.file(body.path(), offset, length);
    }

    private static FileChannel open(Resource file) {
        try {
            return FileChannel.open(file.path(), StandardOpenOption.READ);
        } catch (IOException e) {
            throw new HttpException(Status.NOT_FOUND, "Not Found");   // deleted since it was found
        }
    }

    /** A gzip stream whose native deflater can be released without writing the trailer. */
    private static final class AbortableGzip extends GZIPOutputStream {
        AbortableGzip(OutputStream out) throws IOException {
            super(out, 16 * 1024);
        }

        void abort() {
            def.end();
        }
    }
}
