package io.trestle.example;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The example app's logging, set up in code with logback's own appenders: a console log, and the
 * logger {@code trestle.access} (which the access log reaches with {@code --access-log-to logger};
 * by default it goes to standard output without logback) written by an {@link AsyncAppender}, so
 * that requests do not wait on the console. Logback finds this class through
 * {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}.
 *
 * <p>It is what {@code examples/logback.xml} says, in code: with the app's AOT cache, parsing the
 * XML file made the start-up to the first response 80-90 ms (1.4 times) slower, while this class
 * costs nothing measurable (docs/logging.md has the figures). To configure logging differently, pass
 * {@code -Dlogback.configurationFile=examples/logback.xml} (or a copy of it), or put a
 * {@code logback.xml} on the class path: either takes precedence.
 *
 * <p>No {@code @ConfiguratorRank}: logback reads it through reflection, and the first annotation
 * read spins proxy classes (about 40 ms of a cold start on one CPU). Unranked, this class has
 * logback's default rank and is the only configurator the app's class path declares.
 */
public final class LoggingSetup extends ContextAwareBase implements Configurator {
    static final String ACCESS_LOGGER = "trestle.access";
    static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = LoggingSetup.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the user's own configuration
        }
        setUp(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The console log and the access log, whatever the class path holds (for tests). */
    static void setUp(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console(context, "CONSOLE", CONSOLE_PATTERN));

        Logger access = context.getLogger(ACCESS_LOGGER);
        access.setLevel(Level.INFO);
        access.setAdditive(false);
        access.addAppender(accessLog(context));
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String name, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(name);
        console.setEncoder(encoder);
        console.start();
        return console;
    }

    /**
     * The access log's lines (already in Combined Log Format) written from logback's worker thread.
     * Every line is kept: when 16,384 wait, a request waits for room rather than losing its line
     * (logback's default would drop INFO lines once the queue is four fifths full).
     */
    private static AsyncAppender accessLog(LoggerContext context) {
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("ASYNC_ACCESS");
        async.setQueueSize(16_384);
        async.setDiscardingThreshold(0);
        async.addAppender(console(context, "ACCESS", "%msg%n"));
        async.start();
        return async;
    }
}
