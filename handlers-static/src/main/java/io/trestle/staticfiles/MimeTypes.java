package io.trestle.staticfiles;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Content types by file extension, for what web sites serve. Text types carry
 * {@code ; charset=utf-8}; anything unknown is {@code application/octet-stream}, never guessed
 * from the content (and responses say {@code X-Content-Type-Options: nosniff} so browsers do not
 * guess either).
 *
 * <pre>{@code
 * MimeTypes.of("app.mjs").contentType();   // "text/javascript; charset=utf-8"
 * MimeTypes.of("logo.png").compressible(); // false
 * }</pre>
 */
final class MimeTypes {
    /** A content type and whether compressing it is worth the CPU (text, yes; JPEG, no). */
    record MediaType(String contentType, boolean compressible) {
        boolean isHtml() {
            return contentType.startsWith("text/html");
        }
    }

    static final MediaType OCTET_STREAM = new MediaType("application/octet-stream", false);

    private static final Map<String, MediaType> BY_EXTENSION = new HashMap<>(128);

    static {
        text("text/html", "html", "htm");
        text("text/css", "css");
        text("text/javascript", "js", "mjs", "cjs");
        text("application/json", "json", "map");
        text("application/ld+json", "jsonld");
        text("application/manifest+json", "webmanifest");
        text("text/plain", "txt", "text", "log");
        text("text/markdown", "md", "markdown");
        text("text/csv", "csv");
        text("text/tab-separated-values", "tsv");
        text("text/calendar", "ics");
        text("text/vtt", "vtt");
        text("application/xml", "xml", "xsl", "xsd");
        text("application/xhtml+xml", "xhtml");
        text("application/rss+xml", "rss");
        text("application/atom+xml", "atom");
        text("image/svg+xml", "svg");
        text("application/yaml", "yaml", "yml");
        text("application/toml", "toml");
        binary(true, "image/x-icon", "ico");
        binary(true, "image/bmp", "bmp");
        binary(true, "font/ttf", "ttf");
        binary(true, "font/otf", "otf");
        binary(true, "application/vnd.ms-fontobject", "eot");
        binary(true, "application/wasm", "wasm");
        binary(true, "model/gltf+json", "gltf");
        binary(false, "image/png", "png");
        binary(false, "image/apng", "apng");
        binary(false, "image/jpeg", "jpg", "jpeg", "jfif");
        binary(false, "image/gif", "gif");
        binary(false, "image/webp", "webp");
        binary(false, "image/avif", "avif");
        binary(false, "image/heic", "heic");
        binary(false, "image/tiff", "tif", "tiff");
        binary(false, "font/woff", "woff");
        binary(false, "font/woff2", "woff2");
        binary(false, "application/pdf", "pdf");
        binary(false, "application/epub+zip", "epub");
        binary(false, "model/gltf-binary", "glb");
        binary(false, "video/mp4", "mp4", "m4v");
        binary(false, "video/webm", "webm");
        binary(false, "video/ogg", "ogv");
        binary(false, "video/quicktime", "mov");
        binary(false, "audio/mpeg", "mp3");
        binary(false, "audio/ogg", "ogg", "oga", "opus");
        binary(false, "audio/wav", "wav");
        binary(false, "audio/flac", "flac");
        binary(false, "audio/mp4", "m4a");
        binary(false, "audio/aac", "aac");
        binary(false, "application/zip", "zip");
        binary(false, "application/gzip", "gz", "tgz");
        binary(false, "application/x-brotli", "br");
        binary(false, "application/zstd", "zst");
        binary(false, "application/x-tar", "tar");
        binary(false, "application/x-7z-compressed", "7z");
        binary(false, "application/java-archive", "jar");
    }

    private MimeTypes() {
    }

    /** The type of {@code fileName} by its extension (any case). */
    static MediaType of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return OCTET_STREAM;
        }
        MediaType type = BY_EXTENSION.get(fileName.substring(dot + 1));
        if (type == null) {
            type = BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
        }
        return type == null ? OCTET_STREAM : type;
    }

    private static void text(String type, String... extensions) {
        MediaType media = new MediaType(type + "; charset=utf-8", true);
        for (String ext : extensions) {
            BY_EXTENSION.put(ext, media);
        }
    }

    private static void binary(boolean compressible, String type, String... extensions) {
        MediaType media = new MediaType(type, compressible);
        for (String ext : extensions) {
            BY_EXTENSION.put(ext, media);
        }
    }
}
