package io.trestle.server;

import io.trestle.AccessLogWriter;
import io.trestle.http1.DateTexts;
import io.trestle.CompletedExchange;
import io.trestle.ServerObserver;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Formats one line per request in the Combined Log Format and hands it to an
 * {@link AccessLogWriter}:
 * {@code 127.0.0.1 - eiger [24/Nov/2026:02:34:40 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.0"}.
 * The size is what went on the wire for the response, head included.
 *
 * <p>It is an observer like any other: everything it writes comes from the
 * {@link CompletedExchange} every observer gets. Heads refused before routing get no line.
 */
final class AccessLog implements ServerObserver {
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

    @Override
    public void exchangeCompleted(CompletedExchange e) {
        if (e.refusedHead() || !writer.isEnabled()) {
            return;
        }
        Scratch scratch = SCRATCH.get();
        String user = e.user();
        long bytesSent = e.bytesSent();
        AccessLine line = scratch.line.clear()
                .appendEscaped(e.clientAddress(), scratch.client).append(USER_OPEN)
                .appendEscaped(user == null ? "-" : user, scratch.user)
                .append(TIME_OPEN).append(time(e.epochSecond())).append(REQUEST_OPEN)
                .appendAscii(e.method().name()).append(' ').appendEscaped(e.target(), scratch.target).append(' ')
                .appendAscii(e.protocol()).append(REQUEST_CLOSE).append(e.status()).append(' ');
        if (bytesSent > 0) {
            line.append(bytesSent);
        } else {
            line.append('-');
        }
        line.append(QUOTE_OPEN).appendEscaped(orDash(e.referer()), scratch.referer).append(QUOTES_BETWEEN)
                .appendEscaped(orDash(e.userAgent()), scratch.agent).append('"');
        writer.write(line.bytes(), 0, line.length());
    }

    /** Closes the writer, which writes what it still holds. */
    void close() {
        writer.close();
    }

    /** The line's time stamp: the second the response went out (its Date header's). */
    private byte[] time(long second) {
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
