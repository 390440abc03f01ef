package io.trestle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One part of a {@code multipart/form-data} body.
 *
 * <pre>{@code
 * for (Part part : req.parts()) {
 *     if (part.filename() != null) {
 *         try (InputStream in = part.body()) { Files.copy(in, uploads.resolve(safeName)); }
 *     }
 * }
 * }</pre>
 */
public interface Part {

    /** The form field name. */
    String name();

    /** The file name the client gave, or {@code null} for a plain field. */
    String filename();

    /** The part's Content-Type ({@code text/plain} when absent). */
    String contentType();

    Headers headers();

    /** The part's bytes; limited by the per-part and total upload limits (413 beyond). */
    InputStream body();

    /** The part's content as UTF-8 text. */
    default String text() throws IOException {
        try (InputStream in = body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
