package io.trestle.example;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Writes an access-log event as its message and a newline, nothing else: the line is already in
 * Combined Log Format. Skipping the pattern layout saves two copies of every line (a
 * StringBuilder and a String) per request.
 */
public final class AccessLogEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] NONE = new byte[0];

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): see below
    public byte[] encode(ILoggingEvent event) {
        String line = event.getFormattedMessage();
        int n = line.length();
        byte[] bytes = new byte[n + 1];
        // The access log escapes everything outside printable ASCII, so the low byte of each char is
        // the character. This copy (an array copy for a Latin-1 string) replaced a charAt loop in
        // the writer thread's hottest frame (3.7 % of the CPU under pipelined plaintext, perf).
        line.getBytes(0, n, bytes, 0);
        bytes[n] = '\n';
        return bytes;
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
