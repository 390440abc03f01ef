package io.trestle.http1;

import io.trestle.Method;
import java.io.EOFException;
import java.io.IOException;

/**
 * Parses request heads strictly per RFC 9112: the request line, the header fields, and the
 * framing decided from them. Every refusal names its {@link ParseRule}.
 *
 * <p>The parser reads each line in place from the {@link ConnectionInput}'s buffer, which
 * holds at most one line (bounded by the limits) at a time; bytes after the head (a body, or a
 * pipelined request) stay buffered. Between calls it keeps only a sizing hint (how many fields
 * the last request had), so each connection has its own.
 *
 * <pre>{@code
 * RequestHeadParser parser = new RequestHeadParser(Limits.DEFAULTS);
 * try {
 *     RequestHead head = parser.parse(in);
 *     if (head == null) return;               // client closed between requests
 * } catch (HttpParseException e) {
 *     sendError(e.status(), e.getMessage());  // 400, 414, 417, 431, 501, 505
 * }
 * }</pre>
 */
public final class RequestHeadParser {
    /** Empty lines tolerated before a request line (RFC 9112 §2.2 asks for at least one). */
    static final int MAX_LEADING_EMPTY_LINES = 4;

    private final Limits limits;
    /** Fields in the previous request on this connection (one parser per connection). */
    private int lastHeaderCount = 8;
    private final RecentStrings recent = new RecentStrings();
    /** Empty lines skipped since the last request line, between calls too. */
    private int emptyLines;

    public RequestHeadParser(Limits limits) {
        this.limits = limits;
    }

    /**
     * Reads one request head. Returns {@code null} when the stream ends before its first byte
     * (the client closed a kept-alive connection), or after nothing but empty lines.
     *
     * @throws HttpParseException for anything the client got wrong, with the status to answer
     * @throws EOFException when the stream ends inside the head
     * @throws java.net.SocketTimeoutException when the input's deadline or read timeout passes
     */
    public RequestHead parse(ConnectionInput in) throws IOException {
        int lf = findRequestLine(in);
        if (lf < 0) {
            return null;
        }
        byte[] buf = in.buffer();
        int start = in.position();
        int end = FieldSection.lineContentEnd(buf, start, lf);
        in.consumeTo(lf + 1);

        int methodEnd = start;
        while (methodEnd < end && HttpChars.isToken(buf[methodEnd])) {
            methodEnd++;
        }
        if (methodEnd == end || buf[methodEnd] != ' ') {
            throw methodEnd == end || buf[methodEnd] == '\t' ? ParseRule.REQUEST_LINE_SYNTAX.violation()
                    : buf[methodEnd] == '\r' ? ParseRule.BARE_CR.violation()
                    : ParseRule.METHOD_NOT_TOKEN.violation();
        }
        int targetStart = methodEnd + 1;
        int targetEnd = targetStart;
        while (targetEnd < end && buf[targetEnd] != ' ') {
            targetEnd++;
        }
        if (targetEnd == targetStart || targetEnd == end) {
            throw ParseRule.REQUEST_LINE_SYNTAX.violation();
        }
        boolean http11 = parseVersion(buf, targetEnd + 1, end);
        Method method = Method.fromBytes(buf, start, methodEnd);
        if (method == null) {
            throw ParseRule.METHOD_UNKNOWN.violation();
        }
        if (method == Method.CONNECT) {
            throw ParseRule.CONNECT_UNSUPPORTED.violation();
        }
        RequestTarget target = RequestTarget.parse(buf, targetStart, targetEnd, method, recent);

        // Sized like the last request's: a client sends much the same fields each time, so the
        // array rarely regrows and is not four times larger than needed (wrk sends one field).
        ReceivedHeaders headers = new ReceivedHeaders(lastHeaderCount);
        FieldSection.readHeaders(in, headers, limits, recent);
        lastHeaderCount = Math.max(1, headers.size());
        return FramingRules.decide(method, target.target(), http11, headers, target.host(), recent);
    }

    /**
     * Consumes the whole empty lines (CRLF) at the start of what {@code in} has buffered, without
     * reading: a client may send one after a request (RFC 9112 §2.2), and the connection should
     * then wait for the next request at rest, not as if a head had begun. They count towards the
     * {@linkplain #MAX_LEADING_EMPTY_LINES limit} before the next request line; beyond it they
     * stay for {@link #parse} to refuse.
     *
     * @return whether any were skipped
     */
    boolean skipBufferedEmptyLines(ConnectionInput in) {
        byte[] buf = in.buffer();
        int pos = in.position();
        int end = pos + in.buffered();
        int start = pos;
        while (end - pos >= 2 && buf[pos] == '\r' && buf[pos + 1] == '\n' && emptyLines < MAX_LEADING_EMPTY_LINES) {
            pos += 2;
            emptyLines++;
        }
        if (pos == start) {
            return false;
        }
        in.consumeTo(pos);
        return true;
    }

    /**
     * Skips a few empty lines and buffers the request line; returns the index of its LF, or -1
     * when the stream ends before a request starts.
     */
    private int findRequestLine(ConnectionInput in) throws IOException {
        for (; ; emptyLines++) {
            if (!in.awaitData()) {
                return -1;
            }
            byte first = in.buffer()[in.position()];
            // Refuse at once what cannot start a request (a TLS handshake, binary junk), rather
            // than wait for a line end that may never come.
            if (first != '\r' && first != '\n' && !HttpChars.isToken(first)) {
                throw ParseRule.NOT_HTTP.violation();
            }
            int lf = in.findLineEnd((int) Math.min(Integer.MAX_VALUE - 8, limits.maxRequestLineBytes() + 2L));
            if (lf == ConnectionInput.EOF) {
                throw new EOFException("connection closed inside the request line");
            }
            if (lf == ConnectionInput.TOO_LONG) {
                throw ParseRule.REQUEST_LINE_TOO_LONG.violation();
            }
            int start = in.position();
            if (FieldSection.lineContentEnd(in.buffer(), start, lf) != start) {
                emptyLines = 0;
                return lf;
            }
            if (emptyLines == MAX_LEADING_EMPTY_LINES) {
                throw ParseRule.LEADING_EMPTY_LINES.violation();
            }
            in.consumeTo(lf + 1);
        }
    }

    /**
     * {@code HTTP/1.1} → true, {@code HTTP/1.0} → false; other well-formed versions
     * ({@code HTTP/d.d}, and {@code HTTP/d} as HTTP/2 and 3 spell it) → 505; anything else → 400.
     */
    private static boolean parseVersion(byte[] buf, int from, int to) throws HttpParseException {
        int n = to - from;
        boolean prefix = n >= 6 && buf[from] == 'H' && buf[from + 1] == 'T' && buf[from + 2] == 'T'
                && buf[from + 3] == 'P' && buf[from + 4] == '/' && HttpChars.isDigit(buf[from + 5]);
        if (prefix && n == 8 && buf[from + 6] == '.' && HttpChars.isDigit(buf[from + 7])) {
            if (buf[from + 5] == '1' && (buf[from + 7] == '1' || buf[from + 7] == '0')) {
                return buf[from + 7] == '1';
            }
            throw ParseRule.VERSION_UNSUPPORTED.violation();
        }
        if (prefix && n == 6) {
            throw ParseRule.VERSION_UNSUPPORTED.violation();
        }
        throw ParseRule.VERSION_SYNTAX.violation();
    }
}
