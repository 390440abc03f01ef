package io.trestle.testing;

import io.trestle.Headers;
import java.nio.charset.StandardCharsets;

/**
 * A response read off a raw socket by {@link RawConnection}: what the server really sent.
 *
 * @param statusLine the first line, e.g. {@code HTTP/1.1 200 OK}
 * @param chunked    whether the body came chunked (and was decoded)
 */
public record RawResponse(String statusLine, int status, Headers headers, byte[] body, boolean chunked) {

    public String header(String name) {
        return headers.get(name);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return statusLine + "\n" + headers + "\n" + bodyText();
    }
}
