package io.trestle.staticfiles;

/**
 * Precompressed copies beside a file, {@code name.br} and {@code name.gz}, as build tools write
 * them. A variant must be a non-empty regular file passing the same root checks as the file itself;
 * it is looked for next to the file's real path. Which copies exist is trusted for a second, like
 * any path check ({@link ResourceRoot}); the attributes of those that do are read every time.
 *
 * <pre>{@code
 * PrecompressedVariants v = PrecompressedVariants.of(file);         // a stat call per copy there is
 * PrecompressedVariants.Choice c = v.choose(req.header("Accept-Encoding"));
 * }</pre>
 *
 * @param brotli {@code name.br}, or {@code null}
 * @param gzip   {@code name.gz}, or {@code null}
 */
record PrecompressedVariants(Resource brotli, Resource gzip) {
    private static final PrecompressedVariants NONE = new PrecompressedVariants(null, null);

    /** A variant to send and its {@code Content-Encoding}. */
    record Choice(Resource file, String coding) {
    }

    static PrecompressedVariants of(Resource file) {
        ResourceRoot.Siblings siblings = file.root().compressedSiblings(file.path());
        if (siblings.none()) {
            return NONE;
        }
        Resource br = siblings.brotli() == null ? null : usable(file.root().at(siblings.brotli()));
        Resource gz = siblings.gzip() == null ? null : usable(file.root().at(siblings.gzip()));
        return br == null && gz == null ? NONE : new PrecompressedVariants(br, gz);
    }

    boolean any() {
        return brotli != null || gzip != null;
    }

    /** The variant the client prefers (brotli on a tie), or {@code null} when it accepts neither. */
    Choice choose(String acceptEncoding) {
        if (acceptEncoding == null || !any()) {
            return null;
        }
        int br = brotli == null ? 0 : AcceptEncoding.quality(acceptEncoding, "br");
        int gz = gzip == null ? 0 : AcceptEncoding.quality(acceptEncoding, "gzip");
        if (br == 0 && gz == 0) {
            return null;
        }
        return br >= gz ? new Choice(brotli, "br") : new Choice(gzip, "gzip");
    }

    private static Resource usable(Resource variant) {
        return variant != null && variant.isFile() && variant.size() > 0 ? variant : null;
    }
}
