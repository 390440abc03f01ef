package io.trestle.example;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes to standard output through its own 64 KiB buffer, for use under a
 * {@link BatchingAppender} with {@code <immediateFlush>false</immediateFlush>}: a batch of lines
 * then leaves in one {@code write(2)}. Logback's {@code ConsoleAppender} goes through
 * {@code System.out}, which flushes every line.
 *
 * <p>Lines are never split between writes (a line that does not fit flushes the buffer first),
 * so they do not interleave with what other appenders print to the console. Stopping flushes but
 * leaves standard output open.
 */
public final class BufferedConsoleAppender extends OutputStreamAppender<ILoggingEvent> {
    private static final int BUFFER_SIZE = 64 * 1024;

    @Override
    public void start() {
        OutputStream stdout = new FilterOutputStream(new FileOutputStream(FileDescriptor.out)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len); // FilterOutputStream would write byte by byte
            }

            @Override
            public void close() throws IOException {
                flush(); // never close the process's standard output
            }
        };
        setOutputStream(new BufferedOutputStream(stdout, BUFFER_SIZE));
        super.start();
    }
}
