package io.trestle.http1;

import io.trestle.Headers;
import io.trestle.Method;

/**
 * Every rule about message framing and connection handling of a request head in one place
 * (RFC 9112 §3.2, §6, §9.3; RFC 9110 §7.6.1, §10.1.1): Host, Content-Length, Transfer-Encoding,
 * Connection and Expect. Keeping them together makes the smuggling defences reviewable at once.
 */
final class FramingRules {
    private FramingRules() {
    }

    /**
     * Decides the framing of a request whose line and header fields have been parsed.
     *
     * @param absoluteHost the host of an absolute-form target, which overrides Host (RFC 9112 §3.2.2)
     * @param recent       the connection's recent strings, for the Host's parsed name
     */
    static RequestHead decide(Method method, String target, boolean http11, Headers headers, String absoluteHost,
                              RecentStrings recent) throws HttpParseException {
        String host = null;
        String contentLength = null;
        String transferEncoding = null;
        int connectionOptions = 0;
        boolean expectContinue = false;
        for (int i = 0; i < headers.size(); i++) {
            // Known names are interned by the parser, so identity picks out every spelling.
            String name = headers.nameAt(i);
            String value = headers.valueAt(i);
            if (name == HeaderNames.HOST) {
                if (host != null) {
                    throw ParseRule.HOST_REPEATED.violation();
                }
                host = value;
            } else if (name == HeaderNames.CONTENT_LENGTH) {
                if (contentLength != null) {
                    throw ParseRule.CONTENT_LENGTH_REPEATED.violation();
                }
                contentLength = value;
            } else if (name == HeaderNames.TRANSFER_ENCODING) {
                // Several fields form one list (RFC 9110 §5.3); rare enough to concatenate.
                transferEncoding = transferEncoding == null ? value : transferEncoding + "," + value;
            } else if (name == HeaderNames.CONNECTION) {
                connectionOptions |= ConnectionOptions.parse(value);
            } else if (name == HeaderNames.EXPECT) {
                if (!value.equalsIgnoreCase("100-continue")) {
                    throw ParseRule.EXPECTATION_UNSUPPORTED.violation();
                }
                // RFC 9110 §10.1.1: a 100-continue expectation in HTTP/1.0 is ignored.
                expectContinue = http11;
            }
        }
        if (host == null && http11) {
            throw ParseRule.HOST_MISSING.violation();
        }
        String hostName = host == null ? "" : recent.hostName(host);
        if (hostName == null) {
            throw ParseRule.HOST_INVALID.violation();
        }
        boolean chunked = transferEncoding != null;
        if (chunked) {
            if (!http11) {
                throw ParseRule.TRANSFER_ENCODING_HTTP10.violation();
            }
            if (contentLength != null) {
                throw ParseRule.CONTENT_LENGTH_WITH_TRANSFER_ENCODING.violation();
            }
            TransferCodings.requireChunkedOnly(transferEncoding);
        }
        long length = contentLength == null ? -1 : parseContentLength(contentLength);
        boolean close = (connectionOptions & ConnectionOptions.CLOSE) != 0;
        boolean keepAlive = !close && (http11 || (connectionOptions & ConnectionOptions.KEEP_ALIVE) != 0);
        return new RequestHead(method, target, http11, headers, length, chunked, keepAlive,
                expectContinue, absoluteHost != null ? absoluteHost : hostName);
    }

    /** {@code 1*DIGIT}, digit by digit, refusing overflow: no sign, no spaces, no list. */
    static long parseContentLength(String value) throws HttpParseException {
        if (value.isEmpty()) {
            throw ParseRule.CONTENT_LENGTH_INVALID.violation();
        }
        long length = 0;
        try {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    throw ParseRule.CONTENT_LENGTH_INVALID.violation();
                }
                length = Math.addExact(Math.multiplyExact(length, 10), c - '0');
            }
        } catch (ArithmeticException overflow) {
            throw ParseRule.CONTENT_LENGTH_INVALID.violation();
        }
        return length;
    }
}
