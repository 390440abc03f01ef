package io.trestle.staticfiles;

import io.trestle.Request;

/**
 * Which bytes answer one request for a file: the file as is, a precompressed variant beside it,
 * or the file gzipped now; with the validator and {@code Vary} that go with that choice.
 *
 * <p>A request with a {@code Range} header always gets the file as is, never compressed, so that
 * ranges, {@code ETag} and {@code If-Range} always refer to the same bytes.
 *
 * @param body    the file whose bytes are sent (the variant, or the file itself)
 * @param coding  the {@code Content-Encoding}, or {@code null}
 * @param gzipNow whether {@code body} is to be gzipped while sent
 * @param etag    the entity tag of these bytes: one per encoding, weak for gzip made now
 * @param varies  whether another {@code Accept-Encoding} could get other bytes
 */
record Representation(Resource body, String coding, boolean gzipNow, String etag, boolean varies) {
    /** Below this size, compressing on the fly saves too little to be worth it. */
    static final long GZIP_MIN_SIZE = 1024;

    static Representation choose(Request req, Resource file, MimeTypes.MediaType type, boolean gzipOption) {
        boolean ranged = req.header("Range") != null;
        String acceptEncoding = req.header("Accept-Encoding");
        PrecompressedVariants variants = type.compressible() ? PrecompressedVariants.of(file) : null;
        PrecompressedVariants.Choice variant = ranged || variants == null ? null : variants.choose(acceptEncoding);
        boolean gzipCandidate = gzipOption && type.compressible() && file.size() > GZIP_MIN_SIZE;
        boolean varies = gzipCandidate || variants != null && variants.any();
        if (variant != null) {
            Resource body = variant.file();
            return new Representation(body, variant.coding(), false, body.etag("-" + variant.coding()), varies);
        }
        if (gzipCandidate && !ranged && AcceptEncoding.accepts(acceptEncoding, "gzip")) {
            return new Representation(file, "gzip", true, "W/" + file.etag("-gzip"), varies);
        }
        return new Representation(file, null, false, file.etag(), varies);
    }

    long lastModified() {
        return body.lastModifiedSeconds();
    }

    String lastModifiedText() {
        return body.lastModifiedText();
    }
}
