package io.trestle.testing;

import java.util.function.Consumer;

/**
 * The log half of {@link OutputCapture}, used only when logback-classic is the test's SLF4J
 * backend: found by class presence, so tests on another backend (or none) need no logback. The
 * logback types are named only in {@link LogbackAppender}, which is loaded after that check.
 */
final class LogbackEvents {
    private static final String CONTEXT_CLASS = "ch.qos.logback.classic.LoggerContext";
    private static final String STREAM_APPENDER = "ch.qos.logback.core.OutputStreamAppender";
    private static final boolean PRESENT = isPresent();
    private static final StackWalker STACK = StackWalker.getInstance();

    private LogbackEvents() {
    }

    /**
     * Starts handing each log event, formatted as a line, to {@code sink}, and returns what stops it;
     * null when logback is not the backend.
     */
    static AutoCloseable attachIfBackend(Consumer<String> sink) {
        return PRESENT ? LogbackAppender.attachIfBackend(sink) : null;
    }

    /**
     * Whether the calling thread is a logback appender writing an event (a console appender: the
     * capture holds the event itself). Logback's own status messages still count as output.
     */
    static boolean writtenByLogback() {
        return STACK.walk(frames -> frames.anyMatch(f -> f.getClassName().equals(STREAM_APPENDER)));
    }

    private static boolean isPresent() {
        try {
            Class.forName(CONTEXT_CLASS, false, LogbackEvents.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
