package io.trestle.server;

import io.trestle.http1.DateCache;
import io.trestle.http1.Http1Request;
import io.trestle.http1.Http1Response;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per request in the Combined Log Format to the logger {@code trestle.access}:
 * {@code 127.0.0.1 - eiger [24/Nov/2026:02:34:40 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.0"}.
 * Route it to a file (or turn it off) in the logging configuration.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("trestle.access");
    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneId.systemDefault());

    private record Stamp(long second, String text) {
    }

    /**
     * One line buffer per connection (each runs on its own virtual thread), reused for its
     * requests: a fresh builder per line was a fifth of the bytes allocated per plaintext request.
     */
    private static final ThreadLocal<StringBuilder> LINE = ThreadLocal.withInitial(() -> new StringBuilder(256));

    private volatile Stamp stamp = new Stamp(-1, "");

    boolean enabled() {
        return LOG.isInfoEnabled();
    }

    void log(Http1Request req, Http1Response res, long bytesSent) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder sb = LINE.get();
        sb.setLength(0);
        sb.append(req.clientAddress()).append(" - ").append(sanitize(req.user().orElse("-")))
                .append(" [").append(time(res.isCommitted())).append("] \"")
                .append(req.method().name()).append(' ').append(sanitize(req.target())).append(' ')
                .append(req.protocol()).append("\" ").append(res.status()).append(' ');
        if (bytesSent > 0) {
            sb.append(bytesSent);
        } else {
            sb.append('-');
        }
        sb.append(" \"").append(sanitize(orDash(req.header("Referer")))).append("\" \"")
                .append(sanitize(orDash(req.header("User-Agent")))).append('"');
        LOG.info(sb.toString());
    }

    /** The line's time stamp; once the response head went out, the second of its Date header. */
    private String time(boolean headWritten) {
        long second = headWritten ? DateCache.lastSecond() : System.currentTimeMillis() / 1000;
        Stamp s = stamp;
        if (s.second != second) {
            s = new Stamp(second, CLF_TIME.format(Instant.ofEpochSecond(second)));
            stamp = s;
        }
        return s.text;
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** Keeps a client from forging log lines or breaking the quoting. */
    private static String sanitize(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
                StringBuilder sb = new StringBuilder(s.length() + 8);
                for (int j = 0; j < s.length(); j++) {
                    char d = s.charAt(j);
                    if (d == '"' || d == '\\') {
                        sb.append('\\').append(d);
                    } else if (d < 0x20 || d > 0x7e) {
                        sb.append("\\x").append(Character.forDigit(d >> 4 & 15, 16)).append(Character.forDigit(d & 15, 16));
                    } else {
                        sb.append(d);
                    }
                }
                return sb.toString();
            }
        }
        return s;
    }
}
