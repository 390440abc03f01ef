package io.trestle.staticfiles;

/**
 * One satisfiable byte range of a representation, both ends inclusive as in
 * {@code Content-Range: bytes first-last/size}.
 */
record ByteRange(long first, long last) {

    ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad range " + first + "-" + last);
        }
    }

    long length() {
        return last - first + 1;
    }

    /** The {@code Content-Range} value for a representation of {@code size} bytes. */
    String contentRange(long size) {
        return "bytes " + first + '-' + last + '/' + size;
    }
}
