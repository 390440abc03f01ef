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
    public byte[] encode(ILoggingEvent event) {
        String line = event.getFormattedMessage();
        int n = line.length();
        byte[] bytes = new byte[n + 1];
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            bytes[i] = c < 0x80 ? (byte) c : (byte) '?'; // the access log escapes everything else already
        }
        bytes[n] = '\n';
        return bytes;
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
