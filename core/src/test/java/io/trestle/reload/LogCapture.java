package io.trestle.reload;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects the formatted messages (INFO and up) one class logs, while open. Holds strings only. */
final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level level;
    private final List<String> lines = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent e) {
            synchronized (lines) {
                lines.add(e.getLevel() + " " + e.getFormattedMessage());
            }
        }
    };

    LogCapture(Class<?> type) {
        logger = (Logger) LoggerFactory.getLogger(type);
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        appender.start();
        logger.addAppender(appender);
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The first line containing every one of {@code parts}, or null. */
    String find(String... parts) {
        for (String line : lines()) {
            boolean all = true;
            for (String p : parts) {
                all &= line.contains(p);
            }
            if (all) {
                return line;
            }
        }
        return null;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(level);
        appender.stop();
    }
}
