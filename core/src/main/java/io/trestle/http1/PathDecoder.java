package io.trestle.http1;

/** TEMPORARY STUB (replaced by the body branch). */
public final class PathDecoder {
    private PathDecoder() {
    }

    public static String decode(String rawPath) {
        return java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
