package io.trestle.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example app's logging: logback's own appenders, set up in code by {@link LoggingSetup}. */
class ExampleLoggingTest {
    static final String LINE = "127.0.0.1 - - [08/Dec/2026:01:38:47 +0000] \"GET /api/health HTTP/1.1\" 200 264 \"-\" \"curl\"";

    private static LoggerContext configured() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // what logback's SLF4J binding gives its own context
        LoggingSetup.setUp(context);
        return context;
    }

    @Test
    void theConsoleLogIsLogbacksConsoleAppenderWithThePattern() {
        LoggerContext context = configured();
        try {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            assertEquals(Level.INFO, root.getLevel());
            ConsoleAppender<?> console = assertInstanceOf(ConsoleAppender.class, root.getAppender("CONSOLE"));
            PatternLayoutEncoder encoder = assertInstanceOf(PatternLayoutEncoder.class, console.getEncoder());
            assertEquals("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n", encoder.getPattern());
            assertTrue(console.isStarted());
        } finally {
            context.stop();
        }
    }

    @Test
    void theAccessLogIsWrittenAsItIsByAnAsyncAppenderThatDropsNothing() {
        LoggerContext context = configured();
        try {
            Logger access = context.getLogger("trestle.access");
            assertFalse(access.isAdditive(), "access lines stay out of the console log");
            AsyncAppender async = assertInstanceOf(AsyncAppender.class, access.getAppender("ASYNC_ACCESS"));
            assertEquals(16_384, async.getQueueSize());
            assertEquals(0, async.getDiscardingThreshold(), "INFO lines are kept when the queue fills");
            assertFalse(async.isNeverBlock());
            ConsoleAppender<?> out = assertInstanceOf(ConsoleAppender.class, async.getAppender("ACCESS"));
            LoggingEvent event = new LoggingEvent(Logger.class.getName(), access, Level.INFO, LINE, null, null);
            @SuppressWarnings("unchecked")
            var encoder = (ch.qos.logback.core.encoder.Encoder<LoggingEvent>) (Object) out.getEncoder();
            assertEquals(LINE + "\n", new String(encoder.encode(event), StandardCharsets.UTF_8));
        } finally {
            context.stop();
        }
    }

    /** What the app's shutdown relies on: stopping logback writes every line still queued. */
    @Test
    void stoppingLogbackWritesEveryQueuedAccessLine() {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int lines = 20_000;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LoggerContext context = configured(); // its console appenders write to whatever System.out is
            org.slf4j.Logger access = context.getLogger("trestle.access");
            for (int i = 0; i < lines; i++) {
                access.info(LINE);
            }
            context.stop();
        } finally {
            System.setOut(console);
        }
        List<String> written = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(lines, written.size());
        assertTrue(written.stream().allMatch(LINE::equals), "only the access lines, as they are");
    }

    /** The test class path holds core's logback-test.xml, as an app's could hold a logback.xml. */
    @Test
    void aLogbackXmlOnTheClassPathTakesPrecedence() {
        assertTrue(LoggingSetup.class.getClassLoader().getResource("logback-test.xml") != null);
        LoggerContext context = new LoggerContext();
        try {
            LoggingSetup setup = new LoggingSetup();
            setup.setContext(context);
            assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, setup.configure(context));
            assertFalse(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext(), "nothing set up");
        } finally {
            context.stop();
        }
    }
}
