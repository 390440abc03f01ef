package io.trestle;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the access log goes: one line per request in the Combined Log Format,
 * {@code 127.0.0.1 - eiger [24/Nov/2026:02:34:40 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/8.0"}.
 * The server hands each line over as printable ASCII without a line end (what the client sent is
 * escaped), and closes the writer when it closes.
 *
 * <pre>{@code
 * Server.builder().accessLog(AccessLogWriter.toLogger());                      // the default
 * Server.builder().accessLog(AccessLogWriter.toStandardOutput());              // buffered
 * Server.builder().accessLog(AccessLogWriter.toFile(Path.of("access.log")));   // appended to
 * Server.builder().accessLog((line, off, len) ->                               // your own
 *         System.out.println(new String(line, off, len, StandardCharsets.US_ASCII)));
 * }</pre>
 *
 * <p>The buffered writers gather lines in memory (two buffers of 256 KiB) and write them from a
 * thread of their own, at most 20 ms after the request, so a request does not wait for the disk
 * or the console. Only an output slower than the requests makes them wait: no line is dropped.
 */
@FunctionalInterface
public interface AccessLogWriter extends AutoCloseable {

    /**
     * Takes one line: {@code length} bytes of {@code line} from {@code offset}, which the caller
     * reuses once this returns. Called from many request threads at once.
     */
    void write(byte[] line, int offset, int length);

    /**
     * Whether lines are wanted at all; when not, the server does not format them (the logger
     * writer asks its logger). True unless overridden.
     */
    default boolean isEnabled() {
        return true;
    }

    /** Writes what is buffered and releases the output; later lines are dropped. */
    @Override
    default void close() {
    }

    /** Each line to the SLF4J logger {@code trestle.access} at INFO, for the logging set-up to route. */
    static AccessLogWriter toLogger() {
        return new LoggerAccessLogWriter();
    }

    /** Lines to standard output, buffered; closing it flushes but leaves standard output open. */
    static AccessLogWriter toStandardOutput() {
        return new BufferedAccessLogWriter(new FileOutputStream(FileDescriptor.out), "standard output", false);
    }

    /**
     * Lines appended to {@code file} (created when missing), buffered; closing the writer closes
     * the file.
     *
     * @throws IOException when the file cannot be opened for appending
     */
    static AccessLogWriter toFile(Path file) throws IOException {
        return new BufferedAccessLogWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), file.toString(), true);
    }
}
