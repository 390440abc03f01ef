package io.trestle.http1;

import io.trestle.Headers;
import io.trestle.Method;

/**
 * A parsed request line and header section, with the body framing already decided by
 * {@link RequestHeadParser}.
 *
 * <pre>{@code
 * RequestHead head = parser.parse(in);
 * InputStream body = head.isChunked() ? new ChunkedInputStream(in, limits.maxBodyBytes(), limits)
 *         : new FixedLengthInputStream(in, Math.max(head.contentLength(), 0));
 * }</pre>
 *
 * @param method         the request method
 * @param target         the request-target as received (origin-form; absolute-form reduced to
 *                       its path and query; or {@code "*"})
 * @param isHttp11       HTTP/1.1 rather than HTTP/1.0
 * @param headers        the header fields, read-only, common names interned ({@link HeaderNames})
 * @param contentLength  Content-Length, or -1 when absent (chunked or no body)
 * @param isChunked      whether the body has the chunked transfer coding
 * @param keepAlive      whether the connection may stay open after this exchange
 * @param expectContinue whether an HTTP/1.1 client sent {@code Expect: 100-continue}
 * @param host           the Host header's host without port, or the authority of an
 *                       absolute-form target; an IPv6 literal keeps its brackets; "" if none
 */
public record RequestHead(Method method, String target, boolean isHttp11, Headers headers, long contentLength,
                          boolean isChunked, boolean keepAlive, boolean expectContinue, String host) {

    /** "HTTP/1.1" or "HTTP/1.0". */
    public String version() {
        return isHttp11 ? "HTTP/1.1" : "HTTP/1.0";
    }

    /** Whether a body follows the head (chunked, or a Content-Length above zero). */
    public boolean hasBody() {
        return isChunked || contentLength > 0;
    }
}
