package io.trestle.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class ConsoleLineEncoderTest {
    private final LoggerContext context = new LoggerContext();

    @Test
    void writesWhatThePatternLayoutWrites() {
        LoggingEvent event = event("io.trestle.discovery.Sources", Level.INFO, "class path: {} plugins", 2);
        event.setTimeStamp(1_795_000_123_456L);
        assertEquals(withPattern(event), encode(new ConsoleLineEncoder(), event));
    }

    @Test
    void padsShortLevelsAndKeepsLongOnes() {
        String warn = encode(new ConsoleLineEncoder(), event("a.B", Level.WARN, "w"));
        String debug = encode(new ConsoleLineEncoder(), event("a.B", Level.DEBUG, "d"));
        assertEquals("WARN  a.B - w", warn.substring(13).strip());
        assertEquals("DEBUG a.B - d", debug.substring(13).strip());
    }

    @Test
    void abbreviatesLongLoggerNamesLikeLogback() {
        LoggingEvent event = event("io.trestle.reload.PluginFolderWatcher", Level.INFO, "watching");
        assertEquals(withPattern(event), encode(new ConsoleLineEncoder(), event));
        assertTrue(encode(new ConsoleLineEncoder(), event).contains(" i.t.r.PluginFolderWatcher - watching"));
    }

    @Test
    void appendsTheStackTraceOfAnException() {
        LoggingEvent event = event("x.Y", Level.ERROR, "failed");
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalStateException("boom")));
        String line = encode(new ConsoleLineEncoder(), event);
        assertTrue(line.contains("ERROR x.Y - failed" + System.lineSeparator() + "java.lang.IllegalStateException: boom"), line);
        assertTrue(line.contains("at io.trestle.example.ConsoleLineEncoderTest"), line);
        assertEquals(withPattern(event), line);
    }

    @Test
    void timeIsLocalWallClockAcrossDaylightSaving() {
        TimeZone berlin = TimeZone.getTimeZone("Europe/Berlin");
        ConsoleLineEncoder encoder = new ConsoleLineEncoder(berlin);
        // 2026-03-29 00:59:59.999 UTC is 01:59:59.999 CET; one millisecond later clocks jump to 03:00 CEST.
        long before = LocalDateTime.of(2026, 3, 29, 0, 59, 59, 999_000_000).atZone(ZoneId.of("UTC")).toInstant().toEpochMilli();
        assertEquals("01:59:59.999", encode(encoder, at(before)).substring(0, 12));
        assertEquals("03:00:00.000", encode(encoder, at(before + 1)).substring(0, 12));
        assertEquals("00:00:00.007", encode(new ConsoleLineEncoder(TimeZone.getTimeZone("UTC")), at(86_400_000L * 20_000 + 7))
                .substring(0, 12));
    }

    @Test
    void nonAsciiMessagesAreUtf8() {
        String line = encode(new ConsoleLineEncoder(), event("x.Y", Level.INFO, "user {} signed in", "zoë"));
        assertTrue(line.endsWith("x.Y - user zoë signed in" + System.lineSeparator()), line);
    }

    private LoggingEvent at(long millis) {
        LoggingEvent event = event("x.Y", Level.INFO, "m");
        event.setTimeStamp(millis);
        return event;
    }

    private LoggingEvent event(String logger, Level level, String message, Object... args) {
        Logger l = context.getLogger(logger);
        return new LoggingEvent(Logger.class.getName(), l, level, message, null, args);
    }

    private String encode(ConsoleLineEncoder encoder, LoggingEvent event) {
        encoder.setContext(context);
        encoder.start();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private String withPattern(LoggingEvent event) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
        encoder.start();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
}
