package io.trestle.example;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The example app's logging, set up in code: a console log, and the logger {@code trestle.access}
 * written in batches by a {@link BatchingAppender}, which the access log reaches with
 * {@code --access-log-to logger} (by default it goes to standard output without logback). Logback
 * finds this class through {@code META-INF/services}.
 *
 * <p>Why not a {@code logback.xml}: parsing one (Joran, an XML parser, its model) took 0.9 s of the
 * app's start-up on one CPU, more than discovery; for the same reason the console lines come from
 * {@link ConsoleLineEncoder}, not a pattern layout (0.2 s). To configure logging differently, pass
 * {@code -Dlogback.configurationFile=examples/logback.xml} (the same set-up, as XML, to start
 * from), or put a {@code logback.xml} on the class path: either takes precedence.
 *
 * <p>No {@code @ConfiguratorRank}: logback reads it through reflection, and the first annotation
 * read spins proxy classes (about 40 ms of a cold start on one CPU). Unranked, this class has
 * logback's default rank and is the only configurator the app's class path declares.
 */
public final class LoggingSetup extends ContextAwareBase implements Configurator {
    static final String ACCESS_LOGGER = "trestle.access";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = LoggingSetup.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the user's own configuration
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console(context));

        Logger access = context.getLogger(ACCESS_LOGGER);
        access.setLevel(Level.INFO);
        access.setAdditive(false);
        access.addAppender(accessLog(context));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        ConsoleLineEncoder encoder = new ConsoleLineEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder);
        console.start();
        return console;
    }

    /** A line per request, written in batches from one thread: at most 20 ms late; requests never wait on the console. */
    private static BatchingAppender accessLog(LoggerContext context) {
        AccessLogEncoder encoder = new AccessLogEncoder();
        encoder.setContext(context);
        encoder.start();
        BufferedConsoleAppender out = new BufferedConsoleAppender();
        out.setContext(context);
        out.setName("ACCESS");
        out.setEncoder(encoder);
        out.setImmediateFlush(false); // the batching appender flushes once per batch
        out.start();
        BatchingAppender batched = new BatchingAppender();
        batched.setContext(context);
        batched.setName("BATCHED_ACCESS");
        batched.setQueueSize(16_384);
        batched.setMaxDelayMillis(20);
        batched.addAppender(out);
        batched.start();
        return batched;
    }
}
