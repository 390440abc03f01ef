package io.trestle.example;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console log's line, written by hand: what the pattern
 * {@code %d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n} (plus the stack trace of an exception)
 * writes, for example {@code 08:04:06.933 INFO  i.t.discovery.Sources - class path: ...}.
 *
 * <p>Why not logback's {@code PatternLayoutEncoder}: starting one (its pattern parser, converter
 * registry and date formatter) took 0.2 s of the app's start-up on one CPU, a tenth of it.
 */
public final class ConsoleLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] NONE = new byte[0];
    private static final int LOGGER_LENGTH = 24;
    private static final int MILLIS_PER_DAY = 24 * 60 * 60 * 1000;

    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(LOGGER_LENGTH);
    // Few loggers, many lines: abbreviate each name once.
    private final ConcurrentHashMap<String, String> shortNames = new ConcurrentHashMap<>();
    private final TimeZone zone;

    /** Time stamps in the JVM's default time zone. */
    public ConsoleLineEncoder() {
        this(TimeZone.getDefault());
    }

    ConsoleLineEncoder(TimeZone zone) {
        this.zone = zone;
    }

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(96);
        appendTime(line, event.getTimeStamp());
        line.append(' ');
        String level = event.getLevel().toString();
        line.append(level);
        for (int pad = level.length(); pad < 5; pad++) {
            line.append(' ');
        }
        line.append(' ').append(shortName(event.getLoggerName())).append(" - ").append(event.getFormattedMessage())
                .append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }

    private String shortName(String loggerName) {
        if (loggerName == null) {
            return "";
        }
        String cached = shortNames.get(loggerName);
        if (cached == null) {
            cached = abbreviator.abbreviate(loggerName);
            if (shortNames.size() < 4096) {
                shortNames.put(loggerName, cached);
            }
        }
        return cached;
    }

    /** HH:mm:ss.SSS in the default time zone (daylight saving included, through {@link TimeZone#getOffset}). */
    private void appendTime(StringBuilder line, long epochMillis) {
        long local = epochMillis + zone.getOffset(epochMillis);
        int ofDay = (int) Math.floorMod(local, (long) MILLIS_PER_DAY);
        int millis = ofDay % 1000;
        int seconds = ofDay / 1000;
        twoDigits(line, seconds / 3600).append(':');
        twoDigits(line, seconds / 60 % 60).append(':');
        twoDigits(line, seconds % 60).append('.');
        if (millis < 100) {
            line.append('0');
        }
        if (millis < 10) {
            line.append('0');
        }
        line.append(millis);
    }

    private static StringBuilder twoDigits(StringBuilder line, int value) {
        if (value < 10) {
            line.append('0');
        }
        return line.append(value);
    }
}
