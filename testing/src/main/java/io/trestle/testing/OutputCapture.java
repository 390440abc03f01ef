package io.trestle.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Holds what the JVM writes to {@code System.out} and {@code System.err} (and, with logback as the
 * SLF4J backend, what it logs) from {@link #start()} until {@link #close()}, instead of letting it
 * reach the console; {@link #printTo} then shows it, which the kit does only for a failed test.
 *
 * <p>The standard streams belong to the whole JVM, so a capture takes in every thread's output, not
 * only its test's: the server's threads are not the test's, and nothing ties a write to a test. With
 * tests running in parallel, each open capture gets everything written while it is open (a passing
 * test's output may then show in a failing neighbour's report). The streams are replaced when the
 * first capture opens and put back when the last one closes.
 */
final class OutputCapture implements AutoCloseable {
    private static final Object LOCK = new Object();
    private static final List<OutputCapture> OPEN = new CopyOnWriteArrayList<>();
    private static int openCount; // guarded by LOCK
    private static PrintStream realOut; // guarded by LOCK; the streams replaced by the first capture
    private static PrintStream realErr;
    private static PrintStream ourOut;
    private static PrintStream ourErr;
    private static volatile boolean logbackCaptured;

    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream(); // guarded by itself
    private final PrintStream out; // the real System.out, where a report goes
    private AutoCloseable events; // guarded by LOCK; detaches the log capture, null without logback
    private boolean closed; // guarded by LOCK

    private OutputCapture(PrintStream out) {
        this.out = out;
    }

    /** Starts holding the JVM's output (and log events). Close it, in a finally block. */
    static OutputCapture start() {
        synchronized (LOCK) {
            OutputCapture capture = new OutputCapture(openCount == 0 ? System.out : realOut);
            capture.events = LogbackEvents.attachIfBackend(capture::appendText); // first: it may throw
            logbackCaptured = capture.events != null;
            if (openCount == 0) {
                realOut = System.out;
                realErr = System.err;
                ourOut = new PrintStream(new Tee(realOut), true, realOut.charset());
                ourErr = new PrintStream(new Tee(realErr), true, realErr.charset());
                System.setOut(ourOut);
                System.setErr(ourErr);
            }
            openCount++;
            OPEN.add(capture);
            return capture;
        }
    }

    /** What was held so far, in the order it was written. */
    String text() {
        synchronized (transcript) {
            return transcript.toString(out.charset());
        }
    }

    /**
     * Writes what was held to the console the capture hid it from (nothing if nothing was
     * written), under a heading naming {@code testName}.
     */
    void printTo(String testName) {
        String text = text();
        if (text.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder(text.length() + 200)
                .append("---- Trestle: the server's output while ").append(testName).append(" ran ----\n")
                .append(text);
        if (!text.endsWith("\n")) {
            report.append('\n');
        }
        report.append("---- end of the server's output ----\n");
        synchronized (out) {
            out.print(report);
            out.flush();
        }
    }

    /** Stops holding output; the last open capture puts the standard streams back. */
    @Override
    public void close() {
        synchronized (LOCK) {
            if (closed) {
                return;
            }
            closed = true;
            OPEN.remove(this);
            try {
                if (events != null) {
                    events.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException("could not detach the log capture", e);
            } finally {
                if (--openCount == 0) {
                    ourOut.flush();
                    ourErr.flush();
                    // Only our own streams are put back: whoever replaced them since owns them now.
                    if (System.out == ourOut) {
                        System.setOut(realOut);
                    }
                    if (System.err == ourErr) {
                        System.setErr(realErr);
                    }
                    ourOut = ourErr = realOut = realErr = null;
                }
            }
        }
    }

    private void appendText(String text) {
        byte[] bytes = text.getBytes(out.charset());
        append(bytes, 0, bytes.length);
    }

    private void append(byte[] bytes, int offset, int length) {
        synchronized (transcript) {
            transcript.write(bytes, offset, length);
        }
    }

    /**
     * The replacement for System.out or System.err: hands each write to every open capture, or,
     * with none open, to the stream it replaced (for whoever kept a reference to it, as
     * java.util.logging's ConsoleHandler does).
     */
    private static final class Tee extends OutputStream {
        private final PrintStream real;

        Tee(PrintStream real) {
            this.real = real;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void flush() {
            real.flush();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (OPEN.isEmpty()) {
                real.write(bytes, offset, length);
                return;
            }
            if (logbackCaptured && LogbackEvents.writtenByLogback()) {
                return; // a console appender's line: the capture holds the event itself
            }
            for (OutputCapture capture : OPEN) {
                capture.append(bytes, offset, length);
            }
        }
    }
}
