package io.trestle.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * Collects what one logger logs during a test, until closed. Opening it sets the logger's level
 * (INFO unless given) and closing it restores the level (and additivity, see {@link #quiet()}).
 * Safe to log into from any thread; it keeps only strings, never the events' arguments or
 * exceptions, so it holds on to no plugin's classes.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.of(HotDeployer.class)) {
 *     ...
 *     String line = log.awaitLine(Duration.ofSeconds(15), "WARN plugin jar swap.jar refused");
 *     assertEquals(List.of(), log.messages(Level.ERROR));
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {
    /** One logged event, as strings: its level, its formatted message, its throwable's message if it had one. */
    private record Entry(Level level, String message, boolean thrown, String thrownMessage) {
        String line() {
            return level + " " + message;
        }
    }

    private final Logger logger;
    private final Level previousLevel;
    private final boolean previousAdditive;
    private final List<Entry> entries = new ArrayList<>(); // guarded by itself
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            IThrowableProxy t = e.getThrowableProxy();
            Entry entry = new Entry(e.getLevel(), e.getFormattedMessage(), t != null, t == null ? null : t.getMessage());
            synchronized (entries) {
                entries.add(entry);
                entries.notifyAll();
            }
        }
    };

    private LogCapture(org.slf4j.Logger logger, Level level) {
        this.logger = (Logger) logger;
        previousLevel = this.logger.getLevel();
        previousAdditive = this.logger.isAdditive();
        this.logger.setLevel(Objects.requireNonNull(level));
        appender.setContext(this.logger.getLoggerContext());
        appender.start();
        this.logger.addAppender(appender);
    }

    /** Captures {@code type}'s logger at INFO and up. */
    public static LogCapture of(Class<?> type) {
        return of(type, Level.INFO);
    }

    /** Captures {@code type}'s logger at {@code level} and up. */
    public static LogCapture of(Class<?> type, Level level) {
        return new LogCapture(LoggerFactory.getLogger(type), level);
    }

    /** Captures the logger named {@code name} at INFO and up. */
    public static LogCapture of(String name) {
        return new LogCapture(LoggerFactory.getLogger(name), Level.INFO);
    }

    /** Keeps the captured events from the logger's parents (the console) until closed: for expected failures. */
    public LogCapture quiet() {
        logger.setAdditive(false);
        return this;
    }

    /** Everything captured so far, in order, as "LEVEL message": {@code "WARN No users file at ..."}. */
    public List<String> lines() {
        synchronized (entries) {
            return entries.stream().map(Entry::line).toList();
        }
    }

    /** The formatted messages logged at exactly {@code level}, in order. */
    public List<String> messages(Level level) {
        synchronized (entries) {
            return entries.stream().filter(e -> e.level == level).map(Entry::message).toList();
        }
    }

    /** The messages of the throwables logged at exactly {@code level}, in order (events without one are left out). */
    public List<String> thrown(Level level) {
        synchronized (entries) {
            return entries.stream().filter(e -> e.level == level && e.thrown).map(Entry::thrownMessage).toList();
        }
    }

    /** The first line (as in {@link #lines()}) that contains every one of {@code parts}, or null. */
    public String find(String... parts) {
        for (String line : lines()) {
            if (containsAll(line, parts)) {
                return line;
            }
        }
        return null;
    }

    /**
     * Waits up to {@code timeout} for a line that contains every one of {@code parts} (with none, for
     * any line) and returns the first such line.
     *
     * @throws AssertionError if none came in time, with the lines captured so far
     */
    public String awaitLine(Duration timeout, String... parts) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (entries) {
            while (true) {
                for (Entry e : entries) {
                    if (containsAll(e.line(), parts)) {
                        return e.line();
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no log line with " + List.of(parts) + " within " + timeout + " in " + lines());
                }
                entries.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Forgets what was captured so far. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    private static boolean containsAll(String line, String... parts) {
        for (String p : parts) {
            if (!line.contains(p)) {
                return false;
            }
        }
        return true;
    }

    /** Stops capturing and gives the logger back its level and additivity; what was captured stays readable. */
    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        logger.setAdditive(previousAdditive);
        appender.stop();
    }
}
