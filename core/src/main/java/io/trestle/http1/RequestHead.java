package io.trestle.http1;

import io.trestle.Headers;
import io.trestle.Method;

/**
 * STUB — to be implemented (parser work). A parsed request line and header section, with the
 * body framing already decided.
 */
public final class RequestHead {
    public Method method() { throw new UnsupportedOperationException("stub"); }
    /** The request-target as received (origin-form; absolute-form reduced to its path and query; or "*"). */
    public String target() { throw new UnsupportedOperationException("stub"); }
    /** "HTTP/1.1" or "HTTP/1.0". */
    public String version() { throw new UnsupportedOperationException("stub"); }
    public boolean isHttp11() { throw new UnsupportedOperationException("stub"); }
    public Headers headers() { throw new UnsupportedOperationException("stub"); }
    /** Content-Length, or -1 when absent (chunked or no body). */
    public long contentLength() { throw new UnsupportedOperationException("stub"); }
    public boolean isChunked() { throw new UnsupportedOperationException("stub"); }
    /** Whether the connection may stay open after this exchange (version and Connection header). */
    public boolean keepAlive() { throw new UnsupportedOperationException("stub"); }
    /** Whether the client sent {@code Expect: 100-continue}. */
    public boolean expectContinue() { throw new UnsupportedOperationException("stub"); }
    /** The Host header's host without port, or the authority of an absolute-form target; "" if none. */
    public String host() { throw new UnsupportedOperationException("stub"); }
}
