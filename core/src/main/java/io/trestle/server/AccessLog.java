package io.trestle.server;

import io.trestle.AccessLogWriter;
import io.trestle.http1.DateCache;
import io.trestle.http1.DateTexts;
import io.trestle.http1.Http1Request;
import io.trestle.http1.Http1Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Formats one line per request in the Combined Log Format and hands it to an
 * {@link AccessLogWriter}:
 * {@code 127.0.0.1 - eiger [24/Nov/2026:02:34:40 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.0"}.
 * The size is what went on the wire for the response, head included.
 */
final class AccessLog {
    private static final ZoneId ZONE = ZoneId.systemDefault();

    private record Stamp(long second, byte[] text) {
    }

    /**
     * One line buffer per connection (each runs on its own virtual thread), reused for its
     * requests: a fresh builder per line was a fifth of the bytes allocated per plaintext request.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final byte[] USER_OPEN = {' ', '-', ' '};
    private static final byte[] TIME_OPEN = {' ', '['};
    private static final byte[] REQUEST_OPEN = {']', ' ', '"'};
    private static final byte[] REQUEST_CLOSE = {'"', ' '};
    private static final byte[] QUOTE_OPEN = {' ', '"'};
    private static final byte[] QUOTES_BETWEEN = {'"', ' ', '"'};

    /** A connection's line and the escaped form of its last value of each field. */
    private static final class Scratch {
        final AccessLine line = new AccessLine();
        final AccessLine.Memo client = new AccessLine.Memo();
        final AccessLine.Memo user = new AccessLine.Memo();
        final AccessLine.Memo target = new AccessLine.Memo();
        final AccessLine.Memo referer = new AccessLine.Memo();
        final AccessLine.Memo agent = new AccessLine.Memo();
    }

    private final AccessLogWriter writer;
    private volatile Stamp stamp = new Stamp(-1, new byte[0]);

    AccessLog(AccessLogWriter writer) {
        this.writer = writer;
    }

    void log(Http1Request req, Http1Response res, long bytesSent) {
        if (!writer.isEnabled()) {
            return;
        }
        Scratch scratch = SCRATCH.get();
        AccessLine line = scratch.line.clear()
                .appendEscaped(req.clientAddress(), scratch.client).append(USER_OPEN)
                .appendEscaped(req.user().orElse("-"), scratch.user)
                .append(TIME_OPEN).append(time(res.isCommitted())).append(REQUEST_OPEN)
                .appendAscii(req.method().name()).append(' ').appendEscaped(req.target(), scratch.target).append(' ')
                .appendAscii(req.protocol()).append(REQUEST_CLOSE).append(res.status()).append(' ');
        if (bytesSent > 0) {
            line.append(bytesSent);
        } else {
            line.append('-');
        }
        line.append(QUOTE_OPEN).appendEscaped(orDash(req.header("Referer")), scratch.referer).append(QUOTES_BETWEEN)
                .appendEscaped(orDash(req.header("User-Agent")), scratch.agent).append('"');
        writer.write(line.bytes(), 0, line.length());
    }

    /** Closes the writer, which writes what it still holds. */
    void close() {
        writer.close();
    }

    /** The line's time stamp; once the response head went out, the second of its Date header. */
    private byte[] time(boolean headWritten) {
        long second = headWritten ? DateCache.lastSecond() : System.currentTimeMillis() / 1000;
        Stamp s = stamp;
        if (s.second != second) {
            String text = DateTexts.commonLog(second, ZONE.getRules().getOffset(Instant.ofEpochSecond(second)));
            s = new Stamp(second, text.getBytes(StandardCharsets.US_ASCII));
            stamp = s;
        }
        return s.text;
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
