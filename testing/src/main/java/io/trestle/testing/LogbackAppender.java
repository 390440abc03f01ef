package io.trestle.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Formats each event that reaches logback's appenders while attached and hands it to a sink. The
 * events are those the test's logback configuration lets through (its levels), as lines in the
 * layout of Trestle's own test configuration. Formatted when logged, so it keeps no event (nor the
 * plugin classes its arguments may hold).
 */
final class LogbackAppender extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private final Consumer<String> sink;
    private final PatternLayout layout = new PatternLayout();
    private final List<Logger> attachedTo = new ArrayList<>();

    private LogbackAppender(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Attaches a new appender when logback is the SLF4J backend; null when it is not. */
    static LogbackAppender attachIfBackend(Consumer<String> sink) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        LogbackAppender appender = new LogbackAppender(sink);
        appender.setName("trestle-test-capture");
        appender.setContext(context);
        appender.layout.setContext(context);
        appender.layout.setPattern(PATTERN);
        appender.layout.start();
        appender.start();
        // An event goes up from its logger to the first one that is not additive, or to the root:
        // attached to those, the appender sees each event once.
        for (Logger logger : context.getLoggerList()) {
            if (logger.getName().equals(Logger.ROOT_LOGGER_NAME) || !logger.isAdditive()) {
                logger.addAppender(appender);
                appender.attachedTo.add(logger);
            }
        }
        return appender;
    }

    @Override
    protected void append(ILoggingEvent event) {
        sink.accept(layout.doLayout(event));
    }

    @Override
    public void close() {
        for (Logger logger : attachedTo) {
            logger.detachAppender(this);
        }
        stop();
        layout.stop();
    }
}
